/// Draws the session panel: Home first, then each session's position, icon, badges and title,
/// the focused session's details, and pending notifications.
public struct PanelRenderer: Sendable {
    /// How to draw.
    public let style: RenderStyle

    /// Creates a renderer.
    public init(style: RenderStyle) { self.style = style }

    /// The panel for `state`, as lines without trailing newlines.
    public func render(_ state: PanelState) -> [String] {
        var cache = PanelCache()
        return render(state, reusing: &cache)
    }

    /// The panel for `state`, drawing again only the pieces that differ from those in `cache` (which
    /// then holds the new ones); the same lines as ``render(_:)``.
    public func render(_ state: PanelState, reusing cache: inout PanelCache) -> [String] {
        cache.prepare(for: style, sessions: state.sessions.count)
        let expanded = state.panelMode == .expanded
        let positionWidth = String(state.sessions.count - 1).utf8.count
        let inner =
            expanded
            ? min(style.width, 78) - 2
            : 1 + 1 + 1 + positionWidth + 2 + 2 + 1 + 3 + 1
        let frameKey = PanelCache.FrameKey(presence: state.presence, inner: inner, expanded: expanded)
        let frame = cache.frame.drawing(for: frameKey) ?? [top(state, inner: inner, expanded: expanded), bottom(inner: inner)]
        cache.frame.keep(frame, for: frameKey)
        var lines = [frame[0]]
        lines.reserveCapacity(state.sessions.count + 6)
        var focusedKey: PanelCache.RowKey?
        var focusedPosition = 0
        for position in state.sessions.indices {
            let key = rowKey(state, position, positionWidth: positionWidth, inner: inner, expanded: expanded)
            if key.focused { (focusedKey, focusedPosition) = (key, position) }
            if let text = cache.row(at: position, for: key) {
                lines.append(text)
            } else {
                let text = row(state, position, positionWidth: positionWidth, inner: inner, expanded: expanded)
                cache.keepRow(text, at: position, for: key)
                lines.append(text)
            }
        }
        lines.append(frame[1])
        if let focusedKey {
            let detailsKey = PanelCache.DetailsKey(
                session: state.sessions[focusedPosition], conversationState: focusedKey.conversationState,
                channel: focusedKey.channel, presence: state.presence)
            let details = cache.details.drawing(for: detailsKey) ?? details(state)
            cache.details.keep(details, for: detailsKey)
            lines += details
        } else {
            lines += details(state)
        }
        if expanded { lines += CommunicationPanel(style: style).render(state) }
        lines += notifications(state)
        return lines
    }

    private func bottom(inner: Int) -> String {
        var bottom = TerminalLine(style: style)
        bottom.append(symbol: "╰", "+", .dim)
        bottom.append(repeating: style.symbol("─", "-"), inner, .dim)
        bottom.append(symbol: "╯", "+", .dim)
        return bottom.text
    }

    /// Everything the row at `position` shows.
    private func rowKey(
        _ state: PanelState, _ position: Int, positionWidth: Int, inner: Int, expanded: Bool
    ) -> PanelCache.RowKey {
        let session = state.sessions[position]
        var key = PanelCache.RowKey(
            title: session.title, kind: session.kind, unreadCount: session.unreadCount, readOnly: session.readOnly,
            positionWidth: positionWidth, inner: inner, expanded: expanded,
            focused: session.id == state.focusedSessionID, alert: state.hasSentimentAlert(session))
        if case .conversation(let id) = session.kind, let conversation = state.conversations[id] {
            key.conversationState = conversation.state
            key.channel = conversation.channel
        }
        return key
    }

    private func dim(_ text: String) -> String { style.paint(text, .dim) }

    private func top(_ state: PanelState, inner: Int, expanded: Bool) -> String {
        let line = style.symbol("─", "-")
        guard expanded else {
            let label = style.symbol(" ≡ ", " = ")
            return dim(style.symbol("╭", "+") + line + label + VisibleText.repeated(line, inner - 4) + style.symbol("╮", "+"))
        }
        let title = " Sessions "
        let presence = " " + presenceLabel(state.presence) + " "
        let fill = max(0, inner - 1 - title.count - VisibleText.width(presence) - 1)
        return dim(style.symbol("╭", "+") + line) + style.paint(title, .bold) + dim(VisibleText.repeated(line, fill))
            + paintPresence(presence, state.presence) + dim(line + style.symbol("╮", "+"))
    }

    func presenceLabel(_ presence: Presence) -> String {
        style.unicode ? "● " + presence.displayName : "Presence: " + presence.displayName
    }

    func paintPresence(_ text: String, _ presence: Presence) -> String {
        switch presence {
        case .available: style.paint(text, .green)
        case .busy, .away: style.paint(text, .yellow)
        case .doNotDisturb: style.paint(text, .red)
        case .offline, .inactive: style.paint(text, .dim)
        }
    }

    /// One session row between the borders: marker, position, icon, badges and, when expanded,
    /// the title and what kind of session it is.
    private func row(
        _ state: PanelState, _ position: Int, positionWidth: Int, inner: Int, expanded: Bool
    ) -> String {
        let session = state.sessions[position]
        let focused = session.id == state.focusedSessionID
        let number = String(position)
        let unread = session.unreadBadge ?? ""
        var line = TerminalLine(style: style)
        line.append(symbol: "│", "|", .dim)
        let start = line.columns
        line.append(" ")
        line.append(focused ? style.symbol("▶", ">") : " ", .bold)
        line.append(" ")
        line.pad(to: line.columns + positionWidth - number.utf8.count)
        line.append(number)
        line.append("  ")
        line.append(fitting: VisibleText.escaped(session.initials), width: 2, ellipsis: "…", .cyan)
        line.append(" ")
        line.append(state.hasSentimentAlert(session) ? "!" : " ", .red)
        line.append(VisibleText.repeated(" ", 2 - unread.utf8.count) + unread, .yellow)
        line.append(" ")
        if expanded {
            let available = min(style.width, 78) - 2 - (line.columns - start) - 1
            let label = VisibleText.truncated(kindLabel(state, session), to: max(0, available / 3), ellipsis: ellipsis)
            let titleWidth = max(1, available - VisibleText.width(label) - 1)
            line.append(fitting: VisibleText.escaped(session.title), width: titleWidth, ellipsis: ellipsis, focused ? .bold : nil)
            line.append(" ")
            line.append(label, .dim)
        }
        line.pad(to: start + inner)
        line.append(symbol: "│", "|", .dim)
        return line.text
    }

    private var ellipsis: String { style.symbol("…", "~") }

    private var separator: String { style.symbol(" · ", ", ") }

    /// What kind of session it is, e.g. `Chat · Active`, `Case 42`.
    func kindLabel(_ state: PanelState, _ session: Session) -> String {
        switch session.kind {
        case .home: return "Dashboard"
        case .caseRecord(let number): return "Case \(number)"
        case .contact: return "Contact"
        case .account: return "Account"
        case .conversation:
            guard let conversation = state.conversation(of: session) else { return "" }
            let state = conversation.state.displayName + (session.readOnly ? " (read-only)" : "")
            return conversation.channel.displayName + separator + state
        }
    }

    private func details(_ state: PanelState) -> [String] {
        let session = state.focusedSession
        var facts = [kindLabel(state, session)]
        if let conversation = state.conversation(of: session) { facts.append(conversation.itemLabel) }
        facts.append(presenceLabel(state.presence))
        var lines = [
            "  " + style.paint(style.symbol("▶", ">") + " " + VisibleText.escaped(session.title), .bold) + "  "
                + style.paint(facts.joined(separator: separator), .dim)
        ]
        let tabs = session.tabs.enumerated().map { index, tab in
            let title = VisibleText.escaped(tab.title)
            return index == session.focusedTab ? style.paint("[\(title)]", .bold) : title
        }
        lines.append("    Tabs: " + tabs.joined(separator: style.symbol(" │ ", " | ")))
        if !session.draft.isEmpty {
            let fields = session.draft.map { "\($0.field)=\"\(VisibleText.escaped($0.value))\"" }
            lines.append("    Unsaved: " + fields.joined(separator: ", "))
        }
        return lines
    }

    private func notifications(_ state: PanelState) -> [String] {
        guard !state.notifications.isEmpty else { return [] }
        return ["  " + style.paint("Notifications:", .magenta)] + ReportRenderer.notificationLines(state).map { "    " + $0 }
    }
}
