import Testing

@testable import SessionPanel

/// Issue 20, "Every line of text fits the terminal": prose is wrapped at word boundaries with a hanging
/// indent at any width from 20, event lines say who and what first and keep them when cut, the status
/// shortens rather than vanishing, one time format, no backticks.
@Suite struct TextFitTests {
    static let widths = [20, 30, 80, 140]

    /// A terminal's style at `width`, in colour (escape codes must take no columns).
    private func terminal(_ width: Int) -> RenderStyle { RenderStyle(color: true, unicode: true, width: width) }

    /// The same style, prose left whole: what the wrapped lines must be the words of.
    private func unwrapped(_ width: Int) -> RenderStyle {
        var style = terminal(width)
        style.wrapsText = false
        return style
    }

    /// `text` without colour escape codes.
    private func visible(_ text: String) -> String {
        var result = ""
        var escape = false
        for character in text {
            if character == "\u{1B}" {
                escape = true
            } else if escape {
                if character.isLetter { escape = false }
            } else {
                result.append(character)
            }
        }
        return result
    }

    private func words(_ lines: [String]) -> [String] {
        lines.flatMap { visible($0).split(separator: " ").map(String.init) }
    }

    /// Every line of `wrapped` fits `width`, and its words are the words of `whole`, in order: none lost,
    /// none split, but for a word wider than the whole line.
    private func expectFits(
        _ wrapped: [String], whole: [String], width: Int, _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for line in wrapped {
            #expect(
                VisibleText.width(visible(line)) <= width, "\(what) at \(width): \"\(visible(line))\" is too wide",
                sourceLocation: sourceLocation)
        }
        let got = words(wrapped)
        var next = 0
        for word in words(whole) {
            var joined = next < got.count ? got[next] : ""
            next += 1
            while VisibleText.width(word) > width, joined.count < word.count, next < got.count {
                joined += got[next]  // a word wider than the line, split
                next += 1
            }
            guard joined == word else {
                Issue.record(
                    "\(what) at \(width): \"\(word)\" came out as \"\(joined)\":\n\(wrapped.map(visible).joined(separator: "\n"))",
                    sourceLocation: sourceLocation)
                return
            }
        }
        #expect(next == got.count, "\(what) at \(width): words added", sourceLocation: sourceLocation)
    }

    /// The reports of `command` (not the panel) after `setup`, in `style`.
    private func reports(of command: String, after setup: [String] = [], _ style: RenderStyle) -> [String] {
        var agent = ScriptedAgent()
        for line in setup { agent.run(line) }
        let outcome = agent.run(command)
        return outcome.reports.flatMap { ReportRenderer(style: style).render($0, in: agent.state) }
    }

    static let shift = [
        "traffic rush --seed 1", "clock advance 1m", "accept", "reply \"Hello, how can I help?\"",
        "clock advance 2m",
    ]

    /// The commands whose text the issue found wrapped mid-word at 80 columns, and the help of every command.
    static let texts: [(command: String, setup: [String])] =
        [
            ("help", []), ("help keys", []), ("config", []), ("report", shift), ("traffic", shift),
            ("traffic rush", []), ("end", ["incoming chat \"Kenny Smith\"", "accept"]),
            (
                "history",
                ["incoming chat \"Kenny Smith\"", "accept", "reply \"\(String(repeating: "very ", count: 30))long\""]
            ),
            ("dashboard", shift), ("notifications", shift),
        ] + CommandTable.all.map { ("help \($0.name)", []) }

    @Test("help, config, report, traffic, end and the rest wrap at word boundaries at 20, 30, 80 and 140 columns")
    func proseWrapsAtWords() {
        for width in Self.widths {
            for (command, setup) in Self.texts {
                let wrapped = reports(of: command, after: setup, terminal(width))
                let whole = reports(of: command, after: setup, unwrapped(width))
                #expect(!wrapped.isEmpty, "\(command) printed nothing")
                expectFits(wrapped, whole: whole, width: width, command)
            }
        }
    }

    @Test("the welcome line and errors wrap at word boundaries")
    func welcomeAndErrors() {
        for width in Self.widths {
            for editing in [true, false] {
                let welcome = PromptText.welcome(editing: editing)
                expectFits(terminal(width).fitted([welcome]), whole: [welcome], width: width, "the welcome line")
            }
            var shell = Interpreter(state: PanelState())
            for line in ["acept", "open case 9999", "switch \"\(String(repeating: "x", count: 60))\""] {
                guard case .failed(let error) = shell.handle(InputLine(line)) else {
                    Issue.record("\(line) did not fail")
                    continue
                }
                let wrapped = OutcomeRenderer(style: terminal(width)).render(error).split(separator: "\n")
                let whole = OutcomeRenderer(style: unwrapped(width)).render(error)
                expectFits(wrapped.map(String.init), whole: [whole], width: width, line)
            }
        }
    }

    @Test("a hanging indent: a paragraph's later lines two in, a table row's under its last column")
    func hangingIndent() {
        #expect(
            Wrapping.lines("one two three four five six", width: 20)
                == ["one two three four", "  five six"])
        #expect(
            Wrapping.lines("  close   Close the focused session after confirmation", width: 40)
                == ["  close   Close the focused session", "          after confirmation"])
        #expect(
            Wrapping.lines("[00:00:10] * Kenny Smith: incoming", width: 20, indent: 13)
                == ["[00:00:10] * Kenny", "          Smith:", "          incoming"],
            "the indent is at most half the width")
    }

    @Test("a table row too wide for its column puts the first column on a line of its own")
    func narrowTable() {
        #expect(
            Wrapping.lines("  notifications  List pending notifications, oldest first", width: 30)
                == ["  notifications", "      List pending", "      notifications, oldest", "      first"])
        #expect(
            Wrapping.lines("max-sessions          10                Most sessions open at once", width: 30)
                == ["max-sessions", "    10  Most sessions open at", "        once"])
        #expect(
            Wrapping.lines("  W101  Chat   Maria Campbell          Active", width: 30)
                == ["  W101", "      Chat  Maria Campbell", "      Active"],
            "the rest one block, not a staircase of columns")
    }

    @Test("wide characters take two columns, combining marks none; only a word wider than the line is split")
    func widths() {
        let wide = Wrapping.lines("日本語 日本語 日本語 日本語", width: 20)
        #expect(wide == ["日本語 日本語 日本語", "  日本語"])
        let combining = "Jose\u{301} Nu\u{301}n\u{303}ez Jose\u{301} Nu\u{301}n\u{303}ez"
        #expect(
            Wrapping.lines(combining, width: 20) == [
                "Jose\u{301} Nu\u{301}n\u{303}ez Jose\u{301}", "  Nu\u{301}n\u{303}ez",
            ])
        let long = Wrapping.lines("see \(String(repeating: "x", count: 25)) here", width: 20)
        #expect(long == ["see", "  xxxxxxxxxxxxxxxxxx", "  xxxxxxx here"])
        #expect(long.allSatisfy { VisibleText.width($0) <= 20 })
        #expect(
            Wrapping.lines("\u{1B}[1mbold\u{1B}[0m word word word", width: 20)
                == ["\u{1B}[1mbold\u{1B}[0m word word word"], "colour takes no columns")
    }

    @Test("cut keeps whole words and ends in an ellipsis")
    func cut() {
        #expect(Wrapping.cut(", routed to another agent.", to: 14) == ", routed to…")
        #expect(Wrapping.cut("short", to: 14) == "short")
        #expect(Wrapping.cut(" enormous", to: 4) == "…")
    }

    /// Every event of a rush hour with an answered customer, a timeout and an expiry.
    private func shiftEvents() -> (events: [EventLine], state: PanelState) {
        var shell = interpreter(after: ["config chat-mode persistent", "config waiting-window 10m"])
        var outcomes = shell.advanceClock(to: 0)
        for line in [
            "incoming sms \"Yvonne McKay\"", "accept", "close --yes", "incoming chat \"Kenny Smith\"",
            "traffic rush --seed 1",
        ] {
            _ = shell.handle(InputLine(line))
        }
        outcomes += shell.advanceClock(to: 200)
        _ = shell.handle("accept")
        outcomes += shell.advanceClock(to: 900)
        let events = outcomes.flatMap(\.reports).compactMap { report -> EventLine? in
            if case .event(let line) = report { return line }
            return nil
        }
        return (events, shell.state)
    }

    @Test("event lines say who first, then what; cut on a terminal, they keep both; plain output keeps all")
    func eventLinesKeepTheCustomerAndTheWhat() {
        let (events, state) = shiftEvents()
        let kinds: [EventLine.Kind] = [.arrival, .message, .sentiment, .warning]
        for kind in kinds { #expect(events.contains { $0.kind == kind }, "no \(kind) event in the shift") }
        let customers = state.everyConversation.values.map(\.title)
        for event in events where event.kind != .problem {
            #expect(
                customers.contains { event.text.hasPrefix($0 + ":") || event.text.hasPrefix($0 + " ") },
                "\"\(event.text)\" does not start with the customer")
            for width in Self.widths {
                let lines = ReportRenderer(style: terminal(width)).event(event).map(visible)
                for line in lines { #expect(VisibleText.width(line) <= width, "\"\(line)\" at \(width)") }
                let shown = lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
                let head = event.text.split(separator: " ").joined(separator: " ")
                #expect(shown.contains(head), "\"\(event.text)\" lost at \(width): \(lines)")
                if lines.count == 1 { #expect(width >= 80 || lines[0].hasSuffix("…") || event.detail.isEmpty) }
            }
            let plain = ReportRenderer(style: .plain).event(event)
            #expect(plain.count == 1 && plain[0].hasSuffix(event.sentence), "plain output keeps the whole sentence")
        }
    }

    @Test("the issue's examples: a timeout and an arrival keep the customer and the what at 30 and 80 columns")
    func issueExamples() {
        let timeout = EventLine(
            time: 133, kind: .warning, text: "Visitor 1: request timed out", detail: ", routed to another agent.")
        let arrival = EventLine(
            time: 13, kind: .arrival, text: "Visitor 1: incoming Chat", detail: "; accept or reject within 2m.")
        let at80 = ReportRenderer(style: terminal(80))
        #expect(
            at80.event(timeout).map(visible) == ["[00:02:13] ⚠ Visitor 1: request timed out, routed to another agent."])
        let at30 = ReportRenderer(style: RenderStyle(color: false, unicode: true, width: 30))
        #expect(at30.event(timeout) == ["[00:02:13] ⚠ Visitor 1:", "             request timed out"])
        #expect(at30.event(arrival) == ["[00:00:13] 🔔 Visitor 1:", "              incoming Chat…"])
    }

    @Test("the status shortens to fit beside the prompt: 2⏳0:45 5✉ 1!, then 2⏳ 5✉ 1!, then 2⏳ 1!")
    func shortenedStatus() {
        var agent = ScriptedAgent()
        agent.run(
            "incoming chat \"Kenny Smith\"", "accept", "incoming chat", "incoming sms", "switch home",
            "message 1 hello", "sentiment 1 negative")
        let status = ShiftStatus(agent.state)
        #expect(status.text(within: 80, unicode: true) == "2 waiting (2:00) · 1 unread · 1 alert")
        #expect(status.text(within: 30 - 11 - 2, unicode: true) == "2⏳2:00 1✉ 1!", "30 columns, beside the prompt")
        #expect(status.text(within: 10, unicode: true) == "2⏳ 1✉ 1!")
        #expect(status.text(within: 6, unicode: true) == "2⏳ 1!")
        #expect(status.text(within: 3, unicode: true) == "2⏳")
        #expect(status.text(within: 1, unicode: true) == "")
        #expect(status.text(within: 10, unicode: false) == "2w 1u 1!")
    }

    @Test("one time format: the clock, history, events, the report and the picture's axis all write 00:15:17")
    func oneTimeFormat() throws {
        #expect(SimulatedDuration.stamp(917) == "00:15:17")
        #expect(SimulatedDuration.stamp(86_400 + 917) == "1d 00:15:17")
        var agent = ScriptedAgent()
        agent.run("incoming chat \"Kenny Smith\"", "accept", "clock advance 917s", "reply hi")
        let plain = ReportRenderer(style: .plain)
        #expect(plain.render(.clock, in: agent.state) == ["Clock: 00:15:17"])
        #expect(
            plain.render(.history(sessionID: agent.state.focusedSessionID), in: agent.state).last
                == "  [00:15:17] You: hi")
        let figures = try agent.state.conversations.reportFigures()
        #expect(plain.render(.shiftReport(.text, figures), in: agent.state).first == "Shift report at 00:15:17")
        let svg = try agent.state.timelinePicture()
        let labels = svg.split(separator: "\n").filter { $0.contains("text-anchor=\"middle\"") }.map { line in
            line.split(separator: ">").dropFirst().first.map { $0.split(separator: "<").first.map(String.init) ?? "" }
                ?? ""
        }
        #expect(labels.first == "00:00:00" && labels.contains("00:14:00"), "\(labels)")
        #expect(labels.allSatisfy { $0.count == 8 && $0.split(separator: ":").count == 3 }, "\(labels)")
    }

    /// The panel of `agent` at `width`, without colour; every line fits.
    private func panel(_ agent: ScriptedAgent, _ width: Int, sourceLocation: SourceLocation = #_sourceLocation)
        -> [String]
    {
        let lines = PanelRenderer(style: terminal(width)).render(agent.state).map(visible)
        for line in lines {
            #expect(VisibleText.width(line) <= width, "\"\(line)\" at \(width)", sourceLocation: sourceLocation)
        }
        return lines
    }

    @Test("a notification in the panel keeps its number, customer and time left; the channel goes first")
    func panelNotificationKeepsNumberCustomerAndTimeLeft() {
        var agent = ScriptedAgent()
        agent.run("incoming chat \"Kenny Smith\"", "incoming sms \"Alexandra Montgomery\"", "clock advance 20s")
        let expected: [Int: [String]] = [
            20: ["    1) Kenny… 1m 40s", "    2) Alexa… 1m 40s"],
            30: ["    1) Kenny Smith 1m 40s left", "    2) Alexandra… 1m 40s left"],
            80: ["    1) Chat from Kenny Smith - 1m 40s left", "    2) SMS from Alexandra Montgomery - 1m 40s left"],
        ]
        for width in Self.widths {
            let lines = panel(agent, width)
            let notifications = Array(lines.drop { !$0.contains("Notifications:") }.dropFirst())
            #expect(notifications.count == 2, "\(lines)")
            for (number, (line, customer)) in zip(notifications, ["Kenny Smith", "Alexandra Montgomery"]).enumerated() {
                #expect(line.hasPrefix("    \(number + 1)) "), "the number at \(width): \(line)")
                #expect(line.contains(customer.prefix(5)) && line.contains("1m 40s"), "\(line) at \(width)")
            }
            if let lines = expected[width] { #expect(notifications == lines, "at \(width)") }
        }
        let wide = panel(agent, 140).filter { $0.hasPrefix("    1) ") }
        #expect(wide == ["    1) Chat from Kenny Smith - 1m 40s left"])
    }

    @Test("the dashboard too narrow for its columns: each work item's id, then its customer on the same line")
    func narrowDashboardKeepsIdAndCustomerTogether() throws {
        var agent = ScriptedAgent()
        for line in Self.shift { agent.run(line) }
        let items = try WorkStream.allCases.flatMap { try agent.state.listed($0) }
        #expect(items.count >= 8)
        for width in Self.widths {
            let lines = reports(of: "dashboard", after: Self.shift, terminal(width)).map(visible)
            for item in items {
                let name = item.title.split(separator: " ").first.map(String.init) ?? ""
                #expect(
                    lines.contains { $0.hasPrefix("  \(item.itemLabel) ") && $0.contains(name) },
                    "\(item.itemLabel) \(item.title) at \(width):\n\(lines.joined(separator: "\n"))")
            }
        }
    }

    @Test("a session row keeps its title's start, its badges and, from 30 columns, its state")
    func panelRowsKeepTitleBadgesAndState() {
        var agent = ScriptedAgent()
        agent.run(
            "incoming chat \"Kenny Smith\"", "accept", "switch home", "message 1 hello", "sentiment 1 very-negative",
            "panel expand")
        for width in Self.widths {
            let lines = panel(agent, width)
            let row = lines.first { $0.contains(" 1 ") && $0.contains("!") } ?? ""
            #expect(row.contains("! 1") && row.contains("Ke"), "badges and title at \(width): \(lines)")
            if width >= 30 { #expect(row.contains("Active"), "the state at \(width): \(row)") }
            if width == 20 { #expect(row.contains("Kenny S…"), "8 columns of the title at 20: \(row)") }
            if width >= 80 { #expect(row.contains("Kenny Smith") && row.contains("Chat · Active"), "\(row)") }
            let heading = lines.first { $0.hasPrefix("  ▶ ") } ?? ""
            #expect(heading.contains("Home"), "the focused session's title at \(width): \(lines)")
        }
    }

    @Test("no backticks in terminal text: help of every topic, errors")
    func noBackticks() {
        let style = terminal(80)
        for (command, setup) in Self.texts {
            #expect(!reports(of: command, after: setup, style).contains { $0.contains("`") }, "\(command)")
        }
        var shell = Interpreter(state: PanelState())
        for line in ["acept", "zzz", "echo hi", "open case 9999", "at soon incoming chat"] {
            if case .failed(let error) = shell.handle(InputLine(line)) {
                #expect(!OutcomeRenderer(style: style).render(error).contains("`"), "\(line)")
            }
        }
        #expect(!PromptText.welcome(editing: true).contains("`"))
    }

    @Test("the command table quotes with ', not backticks: its text reaches help, completion and the man page as is")
    func noBackticksInTheCommandTable() {
        for spec in CommandTable.all {
            let text = ([spec.summary, spec.details] + spec.usage + spec.flags.map(\.summary)).joined(separator: "\n")
            #expect(!text.contains("`"), "\(spec.name): \(text.split(separator: "\n").filter { $0.contains("`") })")
        }
    }
}
