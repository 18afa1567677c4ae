import Testing

@testable import SessionPanel

/// Tab while a question waits for its answer (`Close session "…"? [y/N]`): the answers, not the commands.
@Suite struct CompletionAnswerTests {
    /// An interpreter asking whether to close the session it has just opened.
    private func asking() -> Interpreter {
        var interpreter = Interpreter(state: PanelState())
        _ = interpreter.handle(InputLine(Array("open case 42".utf8)))
        guard case .asks = interpreter.handle(InputLine(Array("close".utf8))) else {
            Issue.record("close did not ask")
            return interpreter
        }
        return interpreter
    }

    @Test func aQuestionOffersYesAndNoOnly() {
        let completion = asking().completions(for: "")
        #expect(completion.candidates.map(\.text) == ["y", "n"])
        #expect(completion.replacing == 0)
    }

    @Test(arguments: [("y", ["y"]), ("N", ["n"]), ("  n", ["n"]), ("x", []), ("y n", []), ("sw", [])])
    func whatIsTypedNarrowsTheAnswers(typed: String, expected: [String]) {
        #expect(asking().completions(for: typed).candidates.map(\.text) == expected)
    }

    @Test func theTypedLetterIsReplaced() {
        #expect(asking().completions(for: "N").replacing == 1)
    }

    @Test func withoutAQuestionTabCompletesCommands() {
        let interpreter = Interpreter(state: PanelState())
        #expect(interpreter.completions(for: "sw").candidates.map(\.text) == ["switch"])
        #expect(interpreter.completions(for: "") == CompletionEngine.complete("", in: interpreter.state))
    }
}
