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
        let iconWidth = Self.iconWidth(state)
        let inner =
            expanded
            ? style.width - 2
            : 1 + 1 + 1 + positionWidth + 2 + iconWidth + 1 + 3 + 1
        let frameKey = PanelCache.FrameKey(presence: state.presence, inner: inner, expanded: expanded)
        let frame =
            cache.frame.drawing(for: frameKey) ?? [top(state, inner: inner, expanded: expanded), bottom(inner: inner)]
        cache.frame.keep(frame, for: frameKey)
        var lines = [frame[0]]
        lines.reserveCapacity(state.sessions.count + 16)
        var focusedKey: PanelCache.RowKey?
        var focusedPosition = 0
        for position in state.sessions.indices {
            let key = rowKey(
                state, position, positionWidth: positionWidth, iconWidth: iconWidth, inner: inner, expanded: expanded)
            if key.focused { (focusedKey, focusedPosition) = (key, position) }
            if let text = cache.row(at: position, for: key) {
                lines.append(text)
            } else {
                let text = row(
                    state, position, positionWidth: positionWidth, iconWidth: iconWidth, inner: inner,
                    expanded: expanded)
                cache.keepRow(text, at: position, for: key)
                lines.append(text)
            }
        }
        lines.append(frame[1])
        if let focusedKey {
            let detailsKey = PanelCache.DetailsKey(
                state.sessions[focusedPosition], conversationState: focusedKey.conversationState,
                channel: focusedKey.channel, presence: state.presence)
            let id = state.sessions[focusedPosition].id
            if let details = cache.details.drawing(of: id, for: detailsKey) {
                lines += details
            } else {
                let details = details(state)
                cache.details.keep(details, of: id, for: detailsKey)
                lines += details
            }
        } else {
            lines += details(state)
        }
        if expanded { lines += CommunicationPanel(style: style).render(state, reusing: &cache.communication) }
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
        _ state: PanelState, _ position: Int, positionWidth: Int, iconWidth: Int, inner: Int, expanded: Bool
    ) -> PanelCache.RowKey {
        let session = state.sessions[position]
        var key = PanelCache.RowKey(
            title: session.title, kind: session.kind, unreadCount: session.unreadCount, readOnly: session.readOnly,
            positionWidth: positionWidth, iconWidth: iconWidth, inner: inner, expanded: expanded,
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
            return dim(
                style.symbol("╭", "+") + line + label + VisibleText.repeated(line, inner - 4) + style.symbol("╮", "+"))
        }
        // What fits between `╭─` and `─╮`, most first: the heading and the presence, the presence alone,
        // its short form, nothing.
        let title = " Sessions "
        let long = " " + presenceLabel(state.presence) + " "
        let short = " " + state.presence.displayName + " "
        let room = inner - 2
        let (heading, presence) =
            [(title, long), ("", long), ("", short), ("", "")].first { VisibleText.width($0.0 + $0.1) <= room } ?? (
                "", ""
            )
        let fill = room - VisibleText.width(heading) - VisibleText.width(presence)
        return dim(style.symbol("╭", "+") + line) + style.paint(heading, .bold) + dim(VisibleText.repeated(line, fill))
            + paintPresence(presence, state.presence) + dim(line + style.symbol("╮", "+"))
    }

    /// The icon column: two columns, or four when an icon is two wide letters (`日本`).
    static func iconWidth(_ state: PanelState) -> Int {
        state.sessions.contains {
            !VisibleText.isPrintableASCII($0.title) && VisibleText.width(VisibleText.escaped($0.initials)) > 2
        } ? 4 : 2
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
        _ state: PanelState, _ position: Int, positionWidth: Int, iconWidth: Int, inner: Int, expanded: Bool
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
        // Expanded, the icon (the title's initials) gives way when the title would keep fewer than 8
        // columns (20 columns, or 10,000 sessions): `▶ 1    José Nú…`, not `▶ 1  Jo     Jos…`.
        if !expanded || inner - 11 - positionWidth - iconWidth >= 8 {
            line.append("  ")
            line.append(fitting: VisibleText.escaped(session.initials), width: iconWidth, ellipsis: ellipsis, .cyan)
        }
        line.append(" ")
        line.append(state.hasSentimentAlert(session) ? "!" : " ", .red)
        line.append(VisibleText.repeated(" ", 2 - unread.utf8.count) + unread, .yellow)
        line.append(" ")
        if expanded {
            // The title, then the status column while the title keeps at least 12 columns, else a
            // conversation's state alone while it keeps 6 (`José N… Active` at 30 columns); a title cut
            // ends in `…` (`~`).
            let available = inner - (line.columns - start) - 1
            let short = state.conversation(of: session)?.state.displayName ?? ""
            let wide = available - 12 - 1 >= 4
            let label = wide ? kindLabel(state, session) : short
            let labelWidth =
                wide
                ? min(VisibleText.width(label), available / 3)
                : (available - 6 - 1 >= VisibleText.width(short) ? VisibleText.width(short) : 0)
            let titleWidth = labelWidth > 0 ? available - labelWidth - 1 : available
            if titleWidth > 0 {
                line.append(
                    fitting: VisibleText.escaped(session.title), width: titleWidth, ellipsis: ellipsis,
                    focused ? .bold : nil)
            }
            if labelWidth > 0 {
                line.append(" ")
                line.append(fitting: label, width: labelWidth, ellipsis: ellipsis, .dim)
            }
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
        let width = style.width
        var heading = TerminalLine(style: style)
        heading.append("  ")
        heading.append(
            style.symbol("▶", ">") + " " + VisibleText.escaped(session.title), upTo: width, ellipsis: ellipsis, .bold)
        heading.append("  ", upTo: width, ellipsis: "")
        heading.append(facts.joined(separator: separator), upTo: width, ellipsis: ellipsis, .dim)
        var tabs = TerminalLine(style: style)
        tabs.append("    Tabs: ", upTo: width, ellipsis: ellipsis)
        for (index, tab) in session.tabs.enumerated() {
            if index > 0 { tabs.append(style.symbol(" │ ", " | "), upTo: width, ellipsis: "") }
            let title = VisibleText.escaped(tab.title)
            if index == session.focusedTab {
                tabs.append("[\(title)]", upTo: width, ellipsis: ellipsis, .bold)
            } else {
                tabs.append(title, upTo: width, ellipsis: ellipsis)
            }
        }
        var lines = [heading.text, tabs.text]
        if !session.draft.isEmpty {
            let fields = session.draft.map { "\($0.field)=\"\(VisibleText.escaped($0.value))\"" }
            lines.append(fitted("    Unsaved: " + fields.joined(separator: ", ")))
        }
        return lines
    }

    /// A line of safe text cut to the width.
    private func fitted(_ text: String, _ tone: RenderStyle.Tone? = nil) -> String {
        var line = TerminalLine(style: style)
        line.append(text, upTo: style.width, ellipsis: ellipsis, tone)
        return line.text
    }

    private func notifications(_ state: PanelState) -> [String] {
        guard !state.notifications.isEmpty else { return [] }
        // Cut, a line keeps the number, the customer and the time left (`1) Kenny Smith 1m 40s left`).
        return [fitted("  Notifications:", .magenta)]
            + state.notifications.indices.map { index in
                let line = NotificationLine(state, at: index, exact: false)
                return fitted("    " + line.text(within: style.width - 4, ellipsis: ellipsis))
            }
    }
}
