/// Renders a command's ``Report``s: messages, the dashboard, transcripts, tabs, settings, help.
public struct ReportRenderer: Sendable {
    /// How to draw.
    public let style: RenderStyle

    /// Creates a renderer.
    public init(style: RenderStyle) { self.style = style }

    /// The lines for one report, given the state after the command.
    public func render(_ report: Report, in state: PanelState) -> [String] {
        switch report {
        case .message(let text): return [style.shown(text)]
        case .notice(let text): return [style.paint(style.symbol("⚠ ", "! ") + style.shown(text), .yellow)]
        case .dashboard: return dashboard(state)
        case .notifications:
            return state.notifications.isEmpty
                ? ["No pending notifications."] : Self.notificationLines(state, exact: !style.escapesText)
        case .history(let sessionID): return history(state, sessionID)
        case .tabs: return tabs(state.focusedSession)
        case .form: return form(state.focusedSession)
        case .tooltips(let lines): return lines.map(style.shown)
        case .config: return config(state.settings)
        case .help(let topic): return HelpText.lines(for: topic)
        case .presence:
            return ["Presence: \(state.presence.displayName)" + (state.settings.autoPresence ? " (automatic)" : "")]
        case .clock: return ["Clock: \(SimulatedDuration.clockReading(state.now))"]
        case .event(let line): return [event(line)]
        case .shiftReport(.text): return ShiftReportRenderer(style: style).lines(ShiftReport(state))
        case .shiftReport(.json): return [ShiftReport(state).json()]
        case .articles(let found): return articles(found)
        case .article(let article): return self.article(article)
        case .quickReplies(let replies, let personal): return quickReplies(replies, personal: personal)
        }
    }

    /// `[00:01:30] ! The request from Visitor 2 timed out …`: one event. On a terminal (Unicode style)
    /// the line is fitted to the width, as the live prompt prints it above the line being edited; in
    /// plain output (scripts, transcripts) it is printed whole.
    public func event(_ line: EventLine) -> String {
        let (symbol, tone): (String, RenderStyle.Tone) =
            switch line.kind {
            case .arrival: (style.symbol("🔔 ", "* "), .magenta)
            case .message: (style.symbol("✉ ", "> "), .cyan)
            case .sentiment: (style.symbol("☹ ", "~ "), .red)
            case .warning: (style.symbol("⚠ ", "! "), .yellow)
            case .problem: (style.symbol("✖ ", "x "), .red)
            }
        let stamp = "[\(SimulatedDuration.stamp(line.time))] "
        let room = max(1, style.width - VisibleText.width(stamp) - VisibleText.width(symbol))
        let escaped = style.shown(line.text)
        let text = style.unicode ? VisibleText.truncated(escaped, to: room) : escaped
        return style.paint(stamp, .dim) + style.paint(symbol + text, tone)
    }

    /// `1) Chat from Visitor 2 — 1m 40s left`, one line per pending notification.
    static func notificationLines(_ state: PanelState, exact: Bool = false) -> [String] {
        state.notifications.enumerated().map { index, notification in
            let conversation = state.conversations[notification.conversationID]
            let channel = conversation?.channel.displayName ?? "?"
            let title = exact ? conversation?.title ?? "" : VisibleText.escaped(conversation?.title ?? "")
            let returning = notification.isReturning ? " (returning)" : ""
            return "\(index + 1)) \(channel) from \(title)\(returning) - "
                + "\(SimulatedDuration.format(state.secondsLeft(notification))) left"
        }
    }

    private func dashboard(_ state: PanelState) -> [String] {
        WorkStream.allCases.flatMap { stream -> [String] in
            let items = state.workItems(in: stream)
            let rows = items.map { item in
                "  " + VisibleText.padded(item.itemLabel, to: 6) + VisibleText.padded(item.channel.displayName, to: 7)
                    + VisibleText.padded(style.shown(item.title), to: 24) + item.state.displayName
            }
            return [style.paint("\(stream.displayName) (\(items.count))", .bold)] + (rows.isEmpty ? ["  (none)"] : rows)
        }
    }

    private func history(_ state: PanelState, _ sessionID: Int) -> [String] {
        guard let session = state.sessions.first(where: { $0.id == sessionID }),
            let conversation = state.conversation(of: session)
        else { return [] }
        let title = style.shown(conversation.title)
        let header = style.paint(
            "Conversation with \(title) (\(conversation.channel.displayName), \(conversation.state.displayName))", .bold
        )
        guard !conversation.messages.isEmpty else { return [header, "  No messages yet."] }
        return [header]
            + conversation.messages.map { message in
                let who = message.sender == .agent ? style.paint("You", .green) : style.paint(title, .cyan)
                return "  [\(SimulatedDuration.clockReading(message.time))] \(who): \(style.shown(message.text))"
            }
    }

    private func tabs(_ session: Session) -> [String] {
        ["Tabs of \(style.shown(session.title)):"]
            + session.tabs.enumerated().map { index, tab in
                let marker = index == session.focusedTab ? style.symbol("▶", "*") : " "
                return "  \(marker) \(index + 1) \(style.shown(tab.title))" + (tab.isAnchor ? " (anchor)" : "")
            }
    }

    private func form(_ session: Session) -> [String] {
        guard !session.draft.isEmpty else { return ["No unsaved changes in \(style.shown(session.title))."] }
        return ["Unsaved form of \(style.shown(session.title)):"]
            + session.draft.map { "  \($0.field): \(style.shown($0.value))" }
    }

    private func config(_ settings: Settings) -> [String] {
        let defaults = Settings()
        return SettingKey.all.map { key in
            let value = key.read(settings)
            let note = value == key.read(defaults) ? "" : style.paint(" (default \(key.read(defaults)))", .dim)
            return VisibleText.padded(key.name, to: 22) + VisibleText.padded(value, to: 18) + key.summary + note
        }
    }
}
