/// Renders a command's ``Report``s: messages, the dashboard, transcripts, tabs, settings, help. Every
/// line fits the style's width: prose is wrapped at word boundaries with a hanging indent (``Wrapping``).
public struct ReportRenderer: Sendable {
    /// How to draw.
    public let style: RenderStyle

    /// Creates a renderer.
    public init(style: RenderStyle) { self.style = style }

    /// The lines for one report, given the state after the command.
    public func render(_ report: Report, in state: PanelState) -> [String] {
        switch report {
        case .message(let text): return style.fitted([style.shown(text)])
        case .notice(let text):
            return style.fitted([style.symbol("⚠ ", "! ") + style.shown(text)]).map { style.paint($0, .yellow) }
        case .dashboard(let pages): return style.fitted(dashboard(pages))
        case .notifications:
            return state.notifications.isEmpty
                ? ["No pending notifications."] : style.fitted(Self.notificationLines(state, exact: !style.escapesText))
        case .history(let sessionID): return history(state, sessionID)
        case .notes(let sessionID): return notes(state, sessionID)
        case .summary(let summary): return CustomerSummaryRenderer(style: style).lines(summary)
        case .tabs: return style.fitted(tabs(state.focusedSession))
        case .form: return style.fitted(form(state.focusedSession))
        case .tooltips(let lines): return style.fitted(lines.map(style.shown))
        case .config: return style.fitted(config(state.settings))
        case .help(let topic): return style.fitted(HelpText.lines(for: topic))
        case .presence: return style.fitted([Self.presenceLine(state)])
        case .clock: return ["Clock: \(SimulatedDuration.stamp(state.now))"]
        case .event(let line): return event(line)
        case .shiftReport(.text, let figures):
            return ShiftReportRenderer(style: style).lines(ShiftReport(state, figures))
        case .shiftReport(.json, let figures): return [ShiftReport(state, figures).json()]
        case .articles(let found): return articles(found)
        case .article(let article): return self.article(article)
        case .quickReplies(let replies, let personal): return quickReplies(replies, personal: personal)
        }
    }

    /// `Presence: Busy (automatic)`: the presence and what keeps it.
    static func presenceLine(_ state: PanelState) -> String {
        let note =
            if state.presence == .inactive {
                " (a request was missed: no new work until you set a presence)"
            } else if state.presenceSetByAgent {
                " (set by you: it stays until you change it)"
            } else {
                state.settings.autoPresence ? " (automatic)" : ""
            }
        return "Presence: \(state.presence.displayName)" + note
    }

    /// `[00:01:30] ! Visitor 2: request timed out, routed to another agent.`: one event, who and what
    /// first. On a terminal (Unicode style), as the live prompt prints it above the line being edited, a
    /// line too long is cut at a word of its detail (`…`) and only who and what are wrapped when even they
    /// do not fit; plain output (scripts, transcripts) keeps the whole sentence, wrapped. Lines after the
    /// first are indented under the text.
    public func event(_ line: EventLine) -> [String] {
        let (symbol, tone): (String, RenderStyle.Tone) =
            switch line.kind {
            case .arrival: (style.symbol("🔔 ", "* "), .magenta)
            case .message: (style.symbol("✉ ", "> "), .cyan)
            case .sentiment: (style.symbol("☹ ", "~ "), .red)
            case .warning: (style.symbol("⚠ ", "! "), .yellow)
            case .problem: (style.symbol("✖ ", "x "), .red)
            }
        let stamp = "[\(SimulatedDuration.stamp(line.time))] "
        let head = stamp + symbol + style.shown(line.text)
        let detail = style.shown(line.detail)
        let indent = VisibleText.width(stamp + symbol)
        var lines = style.fitted([head + detail], indent: indent)
        if style.unicode, lines.count > 1 {
            lines = style.fitted([head], indent: indent)
            let room = style.width - VisibleText.width(lines[lines.count - 1])
            if !detail.isEmpty, room > 1 { lines[lines.count - 1] += Wrapping.cut(detail, to: room) }
        }
        return lines.enumerated().map { index, text in
            guard index == 0, text.hasPrefix(stamp) else { return style.paint(text, tone) }
            return style.paint(stamp, .dim) + style.paint(String(text.dropFirst(stamp.count)), tone)
        }
    }

    /// `1) Chat from Visitor 2 - 1m 40s left`, one line per pending notification.
    static func notificationLines(_ state: PanelState, exact: Bool = false) -> [String] {
        state.notifications.indices.map { NotificationLine(state, at: $0, exact: exact).text }
    }

    private func dashboard(_ pages: [DashboardPage]) -> [String] {
        pages.flatMap { page -> [String] in
            let stream = page.stream
            let rows = page.items.map { item in
                let title = style.shown(item.title)
                let columns =
                    "  " + VisibleText.padded(item.itemLabel, to: 6)
                    + VisibleText.padded(item.channel.displayName, to: 7)
                    + VisibleText.padded(title, to: 24) + item.state.displayName
                guard VisibleText.width(columns) > style.width else { return columns }
                // Too narrow for the columns: the id, then who, the channel and the state as one cell,
                // wrapped under the name (`W1001  José Núñez, Chat, Active`).
                return "  \(item.itemLabel)  \(title), \(item.channel.displayName), \(item.state.displayName)"
            }
            let more =
                page.remaining > 0
                ? ["  … and \(page.remaining) more (dashboard \(stream.rawValue) --page \(page.page + 1))"] : []
            let none = page.total == 0 ? ["  (none)"] : page.items.isEmpty ? ["  (no page \(page.page))"] : []
            return [style.paint("\(stream.displayName) (\(page.total))", .bold)] + rows + none + more
        }
    }

    private func history(_ state: PanelState, _ sessionID: Int) -> [String] {
        guard let session = state.sessions.first(where: { $0.id == sessionID }),
            let conversation = state.conversation(of: session)
        else { return [] }
        let title = style.shown(conversation.title)
        let header = style.fitted([
            "Conversation with \(title) (\(conversation.channel.displayName), \(conversation.state.displayName))"
        ]).map { style.paint($0, .bold) }
        guard !conversation.messages.isEmpty || !conversation.notes.isEmpty else {
            return header + ["  No messages yet."]
        }
        // messages and notes by time; at the same second a note follows the messages it was written after
        var lines: [String] = []
        var notes = conversation.notes[...]
        for message in conversation.messages {
            while let note = notes.first, note.time < message.time {
                lines.append(noteLine(note))
                notes.removeFirst()
            }
            let who = message.sender == .agent ? style.paint("You", .green) : style.paint(title, .cyan)
            lines.append("  [\(SimulatedDuration.stamp(message.time))] \(who): \(style.shown(message.text))")
        }
        return header + style.fitted(lines + notes.map(noteLine))
    }

    /// `  [00:05:00] Note: called back, fixed`.
    private func noteLine(_ note: Note) -> String {
        "  [\(SimulatedDuration.stamp(note.time))] " + style.paint("Note", .yellow) + ": " + style.shown(note.text)
    }

    private func notes(_ state: PanelState, _ sessionID: Int) -> [String] {
        guard let session = state.sessions.first(where: { $0.id == sessionID }),
            let conversation = state.conversation(of: session)
        else { return [] }
        let header = style.fitted(["Notes on \(style.shown(conversation.title)) (\(conversation.itemLabel)):"])
        guard !conversation.notes.isEmpty else { return header + ["  No notes yet."] }
        return header
            + style.fitted(
                conversation.notes.map { "  [\(SimulatedDuration.stamp($0.time))] \(style.shown($0.text))" })
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
