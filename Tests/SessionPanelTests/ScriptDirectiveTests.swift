import Testing
@testable import SessionPanel

/// Runs `script` (lines joined by newlines) from the demo world and returns the runner and its events.
func runScript(
    _ script: String, name: String = "demo.omni", options: ScriptRunner.Options = .init()
) -> (runner: ScriptRunner, events: [ScriptRunner.Event]) {
    var runner = ScriptRunner(name: name, state: PanelState(), options: options)
    var events: [ScriptRunner.Event] = []
    _ = runner.run(script.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }) {
        events.append($0)
    }
    return (runner, events)
}

@Suite struct ScriptDirectiveTests {
    @Test func directivesParseFromTheCommandTable() throws {
        #expect(try CommandParser.parse("echo \"Welcome to the demo\"") == .directive(.echo("Welcome to the demo")))
        #expect(try CommandParser.parse("pause") == .directive(.pause(seconds: nil)))
        #expect(try CommandParser.parse("pause 1.5") == .directive(.pause(seconds: 1.5)))
        #expect(try CommandParser.parse("expect \"Visitor 1\"") == .directive(.expect("Visitor 1", present: true)))
        #expect(try CommandParser.parse("expect-not Visitor 2") == .directive(.expect("Visitor 2", present: false)))
    }

    @Test func badDirectiveArgumentsAreClearErrors() {
        #expect(throws: CommandError("pause takes seconds from 0 to 600.0, such as 2 or 1.5, not \"soon\"")) {
            try CommandParser.parse("pause soon")
        }
        #expect(throws: CommandError("usage: pause [<seconds>]")) { try CommandParser.parse("pause 1 2") }
        #expect(throws: CommandError("usage: expect \"<text>\"")) { try CommandParser.parse("expect") }
        #expect(throws: CommandError("usage: expect-not \"<text>\"")) { try CommandParser.parse("expect-not \"\"") }
        #expect(throws: (any Error).self) { try CommandParser.parse("pause 601") }
        #expect(throws: (any Error).self) { try CommandParser.parse("pause -1") }
    }

    @Test func helpAndCompletionKnowTheDirectives() {
        let overview = HelpText.lines(for: nil).joined(separator: "\n")
        for word in ["echo", "pause", "expect", "expect-not"] { #expect(overview.contains("  \(word) ")) }
        #expect(HelpText.lines(for: "pause").first == "usage: pause [<seconds>]")
        let completion = CompletionEngine.complete("expe", in: PanelState())
        #expect(completion.candidates.map(\.text) == ["expect", "expect-not"])
    }

    @Test func atThePromptEchoPrintsAndTheOthersAreRefused() {
        var interpreter = Interpreter(state: PanelState())
        #expect(interpreter.handle("echo \"Hello class\"") == .ran(Outcome([.message("Hello class")])))
        for line in ["pause 2", "expect \"Home\"", "expect-not Home"] {
            guard case .failed(let error) = interpreter.handle(line) else {
                Issue.record("\(line) should be refused at the prompt")
                continue
            }
            #expect(error.message.contains("works in scripts only"))
        }
        #expect(interpreter.state == PanelState())
    }

    @Test func anAnswerIsNeverTakenForADirective() {
        var interpreter = Interpreter(state: PanelState())
        _ = interpreter.handle("incoming chat")
        _ = interpreter.handle("accept")
        #expect(interpreter.handleScriptLine(bytes: Array("close".utf8)) == .step(.asks("Close session \"Visitor 1\"? [y/N]")))
        guard case .step(.ran) = interpreter.handleScriptLine(bytes: Array("echo yes".utf8)) else {
            Issue.record("the answer should be handled as an answer")
            return
        }
        #expect(interpreter.state.sessions.count == 2)
    }
}

@Suite struct ScriptExpectationTests {
    @Test func expectationsCountPassesAndFailures() {
        let (runner, events) = runScript("""
            incoming chat "Kenny Smith"
            expect "Incoming Chat from Kenny Smith"
            expect "1) Chat from Kenny Smith"
            expect-not "Visitor"
            expect "Visitor"
            """)
        #expect(runner.expectationsPassed == 3)
        #expect(runner.expectationsFailed == 1)
        #expect(runner.exitStatus == 1)
        #expect(events.contains(.expectationFailed([
            "demo.omni:5: expect failed: the output of line 1 (incoming chat \"Kenny Smith\") does not contain \"Visitor\"",
            "  - expected: Visitor",
            "  + closest:  Incoming Chat from Kenny Smith. Accept or reject within 2m.",
        ])))
    }

    @Test func expectNotQuotesTheOffendingLines() {
        let (runner, events) = runScript("incoming chat\nexpect-not \"Visitor 1\"")
        #expect(runner.expectationsFailed == 1)
        #expect(events.contains(.expectationFailed([
            "demo.omni:2: expect-not failed: the output of line 1 (incoming chat) contains \"Visitor 1\"",
            "  + Incoming Chat from Visitor 1. Accept or reject within 2m.",
            "  +     1) Chat from Visitor 1 - 2m left",
        ])))
    }

    @Test func expectationsCheckOnlyThePreviousCommand() {
        let (runner, _) = runScript("incoming chat\nshow\nexpect \"Notifications:\"\nexpect-not \"Incoming Chat\"")
        #expect(runner.expectationsPassed == 2)
    }

    @Test func anErrorIsPartOfTheOutputAndNarrationIsNot() {
        let (runner, _) = runScript("""
            close home
            echo "Home stays"
            expect "demo.omni:1: Home is anchored and cannot be closed"
            expect-not "Home stays"
            """)
        #expect(runner.expectationsPassed == 2)
        #expect(runner.failures == 1)
    }

    @Test func aQuestionAndItsAnswerBelongToTheCommandThatAsked() {
        let (runner, _) = runScript("""
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
        #expect(events == [.expectationFailed(["demo.omni:2: expect \"Home\": no command ran before it"])])
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
        let (runner, events) = runScript("show\nexpect \"nothing like this\"\necho \"not reached\"", options: .init(strict: true))
        #expect(runner.isFinished)
        #expect(!events.contains(.output(["not reached"])))
    }

    @Test func narrationPausesAndEchoedCommandsAreEvents() {
        let (_, events) = runScript("echo \"Meet Kenny\"\npause\npause 2\nclock", options: .init(echo: true))
        #expect(events == [
            .output(["Meet Kenny"]), .pause(nil), .pause(2), .command("clock"), .output(["Clock: day 0 00:00:00"]),
        ])
    }

    @Test func narrationWithControlCharactersIsEscaped() {
        let (_, events) = runScript("echo \"bell\u{07} and \u{1B}[2J\"")
        #expect(events == [.output(["bell\\u{7} and \\e[2J"])])
    }

    @Test func linesCanBeFedOneAtATime() {
        var runner = ScriptRunner(name: "fed", state: PanelState())
        var events: [ScriptRunner.Event] = []
        runner.feed(Array("incoming chat".utf8)) { events.append($0) }
        #expect(runner.interpreter.state.notifications.count == 1)
        runner.feed(Array("quit".utf8)) { events.append($0) }
        #expect(runner.isFinished)
        runner.feed(Array("accept".utf8)) { events.append($0) }
        #expect(runner.finish { events.append($0) } == 0)
        #expect(runner.interpreter.state.sessions.count == 1)
    }
}
