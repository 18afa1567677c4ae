import Testing

@testable import SessionPanel

/// Runs `script` (lines joined by newlines) from the demo world and returns the runner and its events.
func runScript(
    _ script: String, name: String = "demo.omni", options: ScriptRunner.Options = .init()
) -> (runner: ScriptRunner, events: [ScriptRunner.Event]) {
    var runner = ScriptRunner(name: name, state: PanelState(), options: options)
    var events: [ScriptRunner.Event] = []
    _ = runner.run(InputLine.lines(of: script)) {
        events.append($0)
    }
    return (runner, events)
}

@Suite struct ScriptDirectiveTests {
    @Test func theScriptLayerParsesDirectivesFromTheCommandTable() throws {
        #expect(try ScriptDirective.parse("echo \"Welcome to the demo\"") == .echo("Welcome to the demo"))
        #expect(try ScriptDirective.parse("pause") == .pause(seconds: nil))
        #expect(try ScriptDirective.parse("  PAUSE 1.5") == .pause(seconds: 1.5))
        #expect(try ScriptDirective.parse("expect \"Visitor 1\"") == .expect("Visitor 1", present: true))
        #expect(try ScriptDirective.parse("expect-not Visitor 2") == .expect("Visitor 2", present: false))
        #expect(try ScriptDirective.parse(InputLine(words: ["echo", "two words"])) == .echo("two words"))
        for line: InputLine in [
            "", "# echo hi", "end", "presence", "accept", "pick 3", "\"echo", "echo \"open", "\u{FF}",
        ] {
            #expect(try ScriptDirective.parse(line) == nil, "\(line.text)")
        }
    }

    @Test func badDirectiveArgumentsAreClearErrors() {
        #expect(throws: CommandError("pause takes seconds from 0 to 600.0, such as 2 or 1.5, not \"soon\"")) {
            try ScriptDirective.parse("pause soon")
        }
        #expect(throws: CommandError("usage: pause [<seconds>]")) { try ScriptDirective.parse("pause 1 2") }
        #expect(throws: CommandError("usage: expect \"<text>\"")) { try ScriptDirective.parse("expect") }
        #expect(throws: CommandError("usage: expect-not \"<text>\"")) { try ScriptDirective.parse("expect-not \"\"") }
        #expect(throws: (any Error).self) { try ScriptDirective.parse("pause 601") }
        #expect(throws: (any Error).self) { try ScriptDirective.parse("pause -1") }
    }

    @Test func helpAndCompletionKnowTheDirectives() {
        let overview = HelpText.lines(for: nil).joined(separator: "\n")
        for word in ["echo", "pause", "expect", "expect-not", "expect-error"] {
            #expect(overview.contains("  \(word) "))
        }
        #expect(HelpText.lines(for: "pause").first == "usage: pause [<seconds>]")
        let completion = CompletionEngine.complete("expe", in: PanelState())
        #expect(completion.candidates.map(\.text) == ["expect", "expect-not", "expect-error"])
    }

    @Test func theInterpreterRefusesDirectivesAsThePromptDoes() {
        var interpreter = Interpreter(state: PanelState())
        for line: InputLine in ["echo \"Hello class\"", "pause 2", "expect \"Home\"", "expect-not Home"] {
            let word = line.text.prefix { $0 != " " }
            #expect(
                interpreter.handle(line)
                    == .failed(
                        CommandError(
                            "'\(word)' works in scripts only: put it in a .omni file and use 'omnipanel run FILE'")))
        }
        #expect(interpreter.state == PanelState())
    }

    @Test func anAnswerIsNeverTakenForADirective() {
        let (runner, events) = runScript("incoming chat\naccept\nclose\necho yes")
        #expect(events.contains(.question("Close session \"Visitor 1\"? [y/N] ")))
        #expect(!events.contains(.output(["yes"])))
        #expect(
            events.contains(
                .error(
                    "demo.omni:4: error: \"echo yes\" does not answer Close session \"Visitor 1\"? [y/N] — nothing was closed; "
                        + "answer y or n on the line after the command, or add --yes to it")))
        #expect(runner.interpreter.state.sessions.count == 2)
        #expect(runner.exitStatus == 1)
    }

    @Test func directivesAreCountedAsScriptLines() {
        let (runner, events) = runScript("echo one\npause 0\nswich 1", options: .init(format: .text))
        #expect(
            events == [
                .output(["one"]), .pause(0),
                .error("demo.omni:3: error: unknown command \"swich\"; did you mean 'switch'?"),
                .commandFailed([
                    "demo.omni:3: error: swich 1 failed: unknown command \"swich\"; did you mean 'switch'?",
                    "  (when the error is intended, put expect-error \"<text>\" on the next line)",
                ]),
            ])
        #expect(runner.exitStatus == 1)
    }
}

@Suite struct ScriptExpectationTests {
    @Test func expectationsCountPassesAndFailures() {
        let (runner, events) = runScript(
            """
            incoming chat "Kenny Smith"
            expect "Incoming Chat from Kenny Smith"
            expect "1) Chat from Kenny Smith"
            expect-not "Visitor"
            expect "Visitor"
            """)
        #expect(runner.expectationsPassed == 3)
        #expect(runner.expectationsFailed == 1)
        #expect(runner.exitStatus == 1)
        #expect(
            events.contains(
                .expectationFailed([
                    "demo.omni:5: error: expect failed: the output of line 1 (incoming chat \"Kenny Smith\") does not contain \"Visitor\"",
                    "  - expected: Visitor",
                    "  + closest:  Incoming Chat from Kenny Smith. Accept or reject within 2m.",
                ])))
    }

    @Test func expectNotQuotesTheOffendingLines() {
        let (runner, events) = runScript("incoming chat\nexpect-not \"Visitor 1\"")
        #expect(runner.expectationsFailed == 1)
        #expect(
            events.contains(
                .expectationFailed([
                    "demo.omni:2: error: expect-not failed: the output of line 1 (incoming chat) contains \"Visitor 1\"",
                    "  + Incoming Chat from Visitor 1. Accept or reject within 2m.",
                    "  +     1) Chat from Visitor 1 - 2m left",
                ])))
    }

    @Test func expectationsCheckOnlyThePreviousCommand() {
        let (runner, _) = runScript("incoming chat\nshow\nexpect \"Notifications:\"\nexpect-not \"Incoming Chat\"")
        #expect(runner.expectationsPassed == 2)
    }

    @Test func anErrorIsPartOfTheOutputAndNarrationIsNot() {
        let (runner, _) = runScript(
            """
            close home
            echo "Home stays"
            expect "demo.omni:1: error: Home is anchored and cannot be closed"
            expect-not "Home stays"
            """)
        #expect(runner.expectationsPassed == 2)
        #expect(runner.failures == 1)
    }

    @Test func aQuestionAndItsAnswerBelongToTheCommandThatAsked() {
        let (runner, _) = runScript(
            """
            incoming chat
            accept
            close
            y
            expect "Close session \\"Visitor 1\\"? [y/N] y"
            expect "Closed session \\"Visitor 1\\"."
            """)
        #expect(runner.expectationsPassed == 2)
        #expect(runner.expectationsFailed == 0)
    }

    @Test func expectingBeforeAnyCommandFails() {
        let (runner, events) = runScript("# nothing yet\nexpect \"Home\"")
        #expect(runner.expectationsFailed == 1)
        #expect(events == [.expectationFailed(["demo.omni:2: error: expect \"Home\": no command ran before it"])])
    }

    @Test func outputIsCheckedInPlainTextWhateverTheStyle() {
        let style = RenderStyle(color: true, unicode: true, width: 120)
        let (runner, events) = runScript("show\nexpect \"+- Sessions ---\"", options: .init(style: style))
        #expect(runner.expectationsPassed == 1)
        guard case .output(let lines) = events.first else {
            Issue.record("show should print the panel")
            return
        }
        #expect(lines[0].contains("╭"))
    }

    @Test func strictStopsAtAFailedExpectation() {
        let (runner, events) = runScript(
            "show\nexpect \"nothing like this\"\necho \"not reached\"", options: .init(strict: true))
        #expect(runner.isFinished)
        #expect(!events.contains(.output(["not reached"])))
    }

    @Test func narrationPausesAndEchoedCommandsAreEvents() {
        let (_, events) = runScript("echo \"Meet Kenny\"\npause\npause 2\nclock", options: .init(echo: true))
        #expect(
            events == [
                .output(["Meet Kenny"]), .pause(nil), .pause(2), .command("clock"), .output(["Clock: 00:00:00"]),
            ])
    }

    @Test func narrationWithControlCharactersIsEscaped() {
        let (_, events) = runScript("echo \"bell\u{07} and \u{1B}[2J\"")
        #expect(events == [.output(["bell\\u{7} and \\e[2J"])])
    }

    @Test func linesCanBeFedOneAtATime() {
        var runner = ScriptRunner(name: "fed", state: PanelState())
        var events: [ScriptRunner.Event] = []
        runner.feed("incoming chat") { events.append($0) }
        #expect(runner.interpreter.state.notifications.count == 1)
        runner.feed("quit") { events.append($0) }
        #expect(runner.isFinished)
        runner.feed("accept") { events.append($0) }
        #expect(runner.finish { events.append($0) } == 0)
        #expect(runner.interpreter.state.sessions.count == 1)
    }
}
