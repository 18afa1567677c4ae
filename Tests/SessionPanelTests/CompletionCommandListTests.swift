import Testing

@testable import SessionPanel

/// Completion of `omnipanel -c '…'` in the shells: the last of `;`-separated commands, after the others ran.
@Suite struct CompletionCommandListTests {
    private func complete(_ text: String, backslashesOnly: Bool = false) -> [String] {
        CompletionEngine.completeCommandList(text, in: PanelState(), backslashesOnly: backslashesOnly)
    }

    @Test(arguments: [
        ("sw", ["switch"]),
        ("accept; sw", ["accept; switch"]),
        ("accept;sw", ["accept;switch"]),
        ("open case 2", ["open case 256", "open case 2048"]),
        ("pick W201; open w2", ["pick W201; open w201"]),
        ("bogus; open case 1", ["bogus; open case 17", "bogus; open case 108"]),
        ("", CommandTable.all.map(\.name)),
    ])
    func theLastCommandIsCompletedAndTheRestKept(text: String, expected: [String]) {
        #expect(complete(text) == expected)
    }

    @Test func sessionsOpenedEarlierInTheListCanBeCompleted() {
        #expect(complete("open case 42; switch P") == [#"open case 42; switch Printer\ on\ fire"#])
        #expect(complete("open case 42; switch \"P") == [#"open case 42; switch "Printer on fire""#])
        #expect(complete("open case 42; switch 'P") == [#"open case 42; switch 'Printer on fire'"#])
        #expect(complete("open case 42; close ") == ["open case 42; close 1"])
    }

    @Test func eachWordKeepsWhatWasTypedSoShellsKeepTheCandidate() {
        #expect(complete("open contact jo") == [#"open contact josé\ Núñez"#])
        #expect(complete("open contact JOS") == [#"open contact JOSé\ Núñez"#])
        #expect(complete("open contact José\\ N") == [#"open contact José\ Núñez"#])
    }

    @Test func withBackslashesOnlyAnOpeningQuoteIsReplaced() {
        #expect(
            complete("open case 42; switch \"P", backslashesOnly: true) == [#"open case 42; switch Printer\ on\ fire"#])
    }

    @Test func aSemicolonInQuotesDoesNotSeparateCommands() {
        #expect(complete("incoming chat \"a;b\"; accept; switch a") == [#"incoming chat "a;b"; accept; switch a\;b"#])
    }

    @Test(arguments: [
        ("open case 42; open contact \"Kenny Smith\"; switch P", "Printer on fire"),
        ("open case 42; open account Contoso; switch \"P", "Printer on fire"),
        ("open case 42; open account Contoso; switch 'p", "Printer on fire"),
        ("open contact jo", "José Núñez"),
    ])
    func theCandidateRunsAndFocusesTheSessionItNamed(text: String, title: String) throws {
        let candidates = complete(text)
        try #require(candidates.count == 1)
        var interpreter = Interpreter(state: PanelState())
        for command in TokenizedLine.splitCommands(candidates[0]) {
            let step = interpreter.handle(InputLine(command))
            if case .failed(let error) = step { Issue.record("`\(command)` failed: \(error.message)") }
        }
        #expect(interpreter.state.focusedSession.title == title)
    }
}
