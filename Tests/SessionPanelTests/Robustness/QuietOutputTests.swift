import Testing

@testable import SessionPanel

/// `--quiet`: a long script prints only its errors and what it asked for.
struct QuietOutputTests {
    /// What a quiet run prints (a failed command's `.commandFailed` is for `run --check`: nothing prints it).
    private func quietRun(_ lines: [String], echo: Bool = false) -> [ScriptRunner.Event] {
        var runner = ScriptRunner(name: "q", state: PanelState(), options: .init(echo: echo, quiet: true))
        var events: [ScriptRunner.Event] = []
        _ = runner.run(lines.map { InputLine($0) }) { event in
            if case .commandFailed = event { return }
            events.append(event)
        }
        return events
    }

    @Test("with --echo, quiet still shows each command, and questions with their answers")
    func echoShowsQuestionsAndAnswers() {
        let events = quietRun(["incoming chat", "accept", "close 1", "y"], echo: true)
        #expect(
            events == [
                .command("incoming chat"), .command("accept"), .command("close 1"),
                .question("Close session \"Visitor 1\"? [y/N] "), .output(["y"]),
            ])
    }

    @Test("changes and questions print nothing; hover and help print; errors still show")
    func onlyAnswersAndErrors() {
        let events = quietRun([
            "incoming chat \"Kenny Smith\"", "accept", "switch home", "message 1 hi", "sentiment 1 negative", "hover 1",
            "type title x", "close 1", "y", "help quit", "nonsense", "show",
        ])
        #expect(
            events == [
                .output([
                    "Kenny Smith. Urgent attention is needed in your conversation.",
                    "Kenny Smith. 1 new updates in your conversation.",
                ]),
                .error("q:7: Home has no form; switch to a customer session first"),
                .output(HelpText.lines(for: "quit")),
                .error("q:11: unknown command \"nonsense\"; type 'help' for the list"),
                .output(PanelRenderer(style: .plain).render(PanelState())),
            ])
    }

    @Test("show prints the panel even when quiet")
    func showIsAnAnswer() throws {
        let events = quietRun(["incoming chat", "accept", "show"])
        var state = PanelState()
        _ = try state.apply(.incoming(.chat, customer: nil))
        _ = try state.apply(.accept(nil))
        #expect(events == [.output(PanelRenderer(style: .plain).render(state))])
    }

    @Test(
        "questions are answers, changes are not",
        arguments: [
            (Command.show, true), (.dashboard(nil, page: 1), true), (.notifications, true), (.history(nil), true),
            (.hover(.home), true),
            (.tabs, true), (.configList, true), (.presence(nil), true), (.clockShow, true), (.help(nil), true),
            (.incoming(.chat, customer: nil), false), (.panel(.toggle), false), (.presence(.busy), false),
            (.clockAdvance(seconds: 5), false), (.configSet(key: "capacity", value: "4"), false),
            (.quit(confirmed: false), false), (.clear, true),
        ] as [(Command, Bool)])
    func answers(command: Command, isAnswer: Bool) throws {
        var state = PanelState()
        _ = try state.apply(.incoming(.chat, customer: nil))
        _ = try state.apply(.accept(nil))
        #expect(try state.apply(command).isAnswer == isAnswer)
    }
}
