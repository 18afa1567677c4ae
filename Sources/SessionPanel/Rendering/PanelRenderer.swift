/// Draws the session panel: Home first, then each session's position, icon, badges and title,
/// the focused session's details, and pending notifications.
public struct PanelRenderer: Sendable {
    /// How to draw.
    public let style: RenderStyle

    /// Creates a renderer.
    public init(style: RenderStyle) { self.style = style }

    /// The panel for `state`, as lines without trailing newlines.
    public func render(_ state: PanelState) -> [String] {
        let expanded = state.panelMode == .expanded
        let positionWidth = String(state.sessions.count - 1).count
        let rows = state.sessions.indices.map { row(state, $0, positionWidth: positionWidth, expanded: expanded) }
        let inner =
            expanded
            ? min(style.width, 78) - 2
            : 1 + 1 + 1 + positionWidth + 2 + 2 + 1 + 3 + 1
        var lines = [top(state, inner: inner, expanded: expanded)]
        lines += rows.map { border("│", "|") + fitted($0, inner) + border("│", "|") }
        lines.append(border("╰", "+") + border(String(repeating: "─", count: inner), String(repeating: "-", count: inner)) + border("╯", "+"))
        lines += details(state)
        lines += notifications(state)
        return lines
    }

    private func border(_ unicode: String, _ ascii: String) -> String { dim(style.symbol(unicode, ascii)) }

    private func dim(_ text: String) -> String { style.paint(text, .dim) }

    /// A row of cells padded to exactly `inner` columns (escape codes are not counted).
    private func fitted(_ cells: (plain: String, painted: String), _ inner: Int) -> String {
        cells.painted + String(repeating: " ", count: max(0, inner - VisibleText.width(cells.plain)))
    }

    private func top(_ state: PanelState, inner: Int, expanded: Bool) -> String {
        let line = style.symbol("─", "-")
        guard expanded else {
            let label = style.symbol(" ≡ ", " = ")
            return dim(style.symbol("╭", "+") + line + label + String(repeating: line, count: max(0, inner - 4)) + style.symbol("╮", "+"))
        }
        let title = " Sessions "
        let presence = " " + presenceLabel(state.presence) + " "
        let fill = max(0, inner - 1 - title.count - VisibleText.width(presence) - 1)
        return dim(style.symbol("╭", "+") + line) + style.paint(title, .bold) + dim(String(repeating: line, count: fill))
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

    /// One session row as plain text (for measuring) and painted text.
    private func row(_ state: PanelState, _ position: Int, positionWidth: Int, expanded: Bool) -> (plain: String, painted: String) {
        let session = state.sessions[position]
        let focused = session.id == state.focusedSessionID
        let marker = focused ? style.symbol("▶", ">") : " "
        let number = String(repeating: " ", count: positionWidth - String(position).count) + String(position)
        let icon = VisibleText.padded(VisibleText.escaped(session.initials), to: 2)
        let alert = state.hasSentimentAlert(session) ? "!" : " "
        let unread = session.unreadBadge ?? ""
        let count = String(repeating: " ", count: 2 - unread.count) + unread
        var plain = " \(marker) \(number)  \(icon) \(alert)\(count) "
        var painted = " " + style.paint(marker, .bold) + " \(number)  " + style.paint(icon, .cyan) + " "
            + style.paint(alert, .red) + style.paint(count, .yellow) + " "
        guard expanded else { return (plain, painted) }
        let available = min(style.width, 78) - 2 - VisibleText.width(plain) - 1
        let label = VisibleText.truncated(kindLabel(state, session), to: max(0, available / 3), ellipsis: ellipsis)
        let titleWidth = max(1, available - VisibleText.width(label) - 1)
        let title = VisibleText.padded(VisibleText.escaped(session.title), to: titleWidth, ellipsis: ellipsis)
        plain += title + " " + label
        painted += (focused ? style.paint(title, .bold) : title) + " " + style.paint(label, .dim)
        return (plain, painted)
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
