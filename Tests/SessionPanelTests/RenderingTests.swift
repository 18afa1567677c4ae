import Testing

@testable import SessionPanel

@Suite("Rendering the panel")
struct RenderingTests {
    @Test("the plain panel: Home first, marker on the focused session, details and notifications below")
    func plainPanel() {
        var agent = ScriptedAgent(world: World())  // no Active work items: one chat uses part of the capacity
        agent.run(#"incoming chat "Kenny Smith""#, "accept", "incoming sms", "message 1 hi")
        agent.run("switch home")
        #expect(
            agent.output("show") == """
                +- Sessions -------------------------------------------------- Presence: Busy -+
                | > 0  Ho     Home                                                   Dashboard |
                |   1  Ke     Kenny Smith                                         Chat, Active |
                +------------------------------------------------------------------------------+
                  > Home  Dashboard, Presence: Busy
                    Tabs: [Agent dashboard]
                  Notifications:
                    1) SMS from Visitor 1 - 2m left
                """)
    }

    @Test("every line of the panel fits the width", arguments: [40, 57, 80, 120])
    func fitsWidth(width: Int) {
        var agent = ScriptedAgent()
        agent.run(#"incoming chat "Bartholomew Fitzgerald-Montgomery the Third of Contoso""#, "accept", "open case 42")
        let style = RenderStyle(color: false, unicode: true, width: width)
        for line in PanelRenderer(style: style).render(agent.state).prefix(4) {
            #expect(VisibleText.width(line) <= width, "\(line)")
        }
        let rows = PanelRenderer(style: style).render(agent.state).prefix(4)
        #expect(Set(rows.map(VisibleText.width)).count == 1, "the box is straight")
    }

    @Test("unicode style draws boxes; colour wraps the focused title in escape codes")
    func unicodeAndColour() {
        var agent = ScriptedAgent()
        agent.run("open case 42")
        let lines = PanelRenderer(style: RenderStyle(color: true, unicode: true, width: 60)).render(agent.state)
        #expect(lines[0].contains("╭"))
        #expect(lines.joined().contains("\u{1B}[1mPrinter on fire"))
        #expect(lines[0].contains("● Busy"))
    }

    @Test("control characters, escapes and bidi overrides in customer text are shown escaped, never raw")
    func hostileCustomerText() {
        var agent = ScriptedAgent()
        agent.run("incoming chat \"Evil\u{1B}[2J\u{1B}]0;pwned\u{07}\u{202E}Name\"", "accept")
        agent.run("message 1 \"hi\u{1B}[31m\nthere\u{9B}\"", "history 1")
        var text = agent.output("show") + agent.output("history") + agent.output("hover 1") + agent.output("dashboard")
        text += agent.output("type notes \"a\u{1B}b\"") + agent.output("form")
        for scalar in text.unicodeScalars {
            #expect(
                !(scalar.value < 0x20 && scalar != "\n") && scalar.value != 0x7F
                    && !(0x80...0x9F).contains(scalar.value))
            #expect(!(0x202A...0x202E).contains(scalar.value))
        }
        #expect(text.contains(#"Evil\e[2J\e]0;pwned\u{7}\u{202E}Name"#))
        #expect(text.contains(#"hi\e[31m\nthere\u{9B}"#))
        #expect(OutcomeRenderer(style: .plain).render(CommandError("no \u{1B}[1m")) == #"error: no \e[1m"#)
    }

    @Test("wide and combining characters are measured by the columns they take")
    func widths() {
        #expect(VisibleText.width("José") == 4)
        #expect(VisibleText.width("Jose\u{301}") == 4)
        #expect(VisibleText.width("山田") == 4)
        #expect(VisibleText.truncated("山田太郎", to: 5) == "山田…")
        #expect(VisibleText.padded("ab", to: 4) == "ab  ")
    }

    @Test("the collapsed panel is narrow and keeps the badges")
    func collapsed() {
        var agent = ScriptedAgent()
        agent.run("incoming chat", "accept", "open case 42", "sentiment 1 very-negative")
        for index in 1...12 { agent.run("message 1 m\(index)") }
        #expect(
            agent.output("panel collapse") == """
                +- = ---------+
                |   0  Ho     |
                |   1  Vi !9+ |
                | > 2  Pr     |
                +-------------+
                  > Printer on fire  Case 42, Presence: Do not disturb
                    Tabs: [Case 42: Printer on fire]
                """)
    }
}

@Suite("Scripts")
struct ScriptRunnerTests {
    private func run(_ script: String, options: ScriptRunner.Options = .init()) -> (
        events: [ScriptRunner.Event], status: Int32
    ) {
        var runner = ScriptRunner(name: "demo.omni", state: PanelState(), options: options)
        var events: [ScriptRunner.Event] = []
        let status = runner.run(InputLine.lines(of: script)) { event in
            if case .commandFailed = event { return }  // for `run --check`: a plain run prints nothing more
            events.append(event)
        }
        return (events, status)
    }

    @Test("errors name the file and line; the run goes on and exits 1")
    func errors() {
        let (events, status) = run("# intro\n\nswitch 4\nopen case 42\n")
        #expect(status == 1)
        #expect(events.first == .error("demo.omni:3: error: no session at position 4; only Home (0) is open"))
        #expect(events.count == 2)
    }

    @Test("strict stops at the first failure")
    func strict() {
        let (events, status) = run("switch 4\nopen case 42\n", options: .init(strict: true))
        #expect(status == 1)
        #expect(events == [.error("demo.omni:1: error: no session at position 4; only Home (0) is open")])
    }

    @Test("echo shows each command as the prompt would, skipping comments and blank lines")
    func echo() {
        let (events, _) = run("# hi\nclock\n", options: .init(echo: true))
        #expect(events == [.command("clock"), .output(["Clock: 00:00:00"])])
    }

    @Test("quit ends the script")
    func quit() {
        let (events, status) = run("quit\nbogus\n")
        #expect(status == 0)
        #expect(events == [.output([])])
    }

    @Test("a confirmation reads its answer from the next line")
    func confirmation() {
        let (events, _) = run("open case 42\nclose\ny\nclock\n")
        #expect(events[1] == .question("Close session \"Printer on fire\"? [y/N] "))
        #expect(events[2] == .output(["y"]))
        guard case .output(let lines) = events[3] else {
            Issue.record("no output after the answer")
            return
        }
        #expect(lines.first == "Closed session \"Printer on fire\".")
    }
}

@Suite("Choosing the output style")
struct StyleChoiceTests {
    @Test("auto: colour and boxes on a terminal, plain ASCII elsewhere; NO_COLOR and TERM=dumb turn colour off")
    func auto() {
        let terminal = RenderStyle.resolve(
            .auto, isTerminal: true, noColor: false, term: "xterm-256color", terminalColumns: 120, width: nil)
        #expect(terminal == RenderStyle(color: true, unicode: true, width: 120))
        let piped = RenderStyle.resolve(
            .auto, isTerminal: false, noColor: false, term: "xterm", terminalColumns: nil, width: nil)
        #expect(piped == .plain)
        #expect(
            !RenderStyle.resolve(.auto, isTerminal: true, noColor: true, term: "xterm", terminalColumns: 90, width: nil)
                .color)
        let dumb = RenderStyle.resolve(
            .auto, isTerminal: true, noColor: false, term: "dumb", terminalColumns: 90, width: nil)
        #expect(!dumb.color && !dumb.unicode)
    }

    @Test("always and never override; --width overrides the terminal; widths are clamped")
    func explicit() {
        #expect(
            RenderStyle.resolve(.always, isTerminal: false, noColor: true, term: nil, terminalColumns: nil, width: nil)
                .color)
        #expect(
            !RenderStyle.resolve(
                .never, isTerminal: true, noColor: false, term: "xterm", terminalColumns: 100, width: nil
            ).color)
        #expect(
            RenderStyle.resolve(.auto, isTerminal: true, noColor: false, term: "xterm", terminalColumns: 100, width: 60)
                .width == 60)
        #expect(RenderStyle(color: false, unicode: false, width: 5).width == RenderStyle.narrowest)
        #expect(RenderStyle(color: false, unicode: false, width: 5_000).width == RenderStyle.widest)
    }
}
