import Testing

@testable import SessionPanel

/// Leaving work behind: `quit` with a shift nothing saves, `close` on a session with an unsaved form,
/// and `clear`.
@Suite struct LeavingTests {
    private func unsaved(after lines: [String]) -> Interpreter {
        var shell = Interpreter(state: PanelState())
        shell.askBeforeQuittingUnsavedWork()
        for line in lines { _ = shell.handle(InputLine(line)) }
        return shell
    }

    @Test func quitAsksOnceWhenTheShiftWouldBeLost() {
        var shell = unsaved(after: ["incoming chat", "accept"])
        #expect(shell.handle("quit") == .asks(Interpreter.quitQuestion))
        #expect(shell.handle("n") == .ran(Outcome([.message("The shift goes on.")])))
        #expect(shell.handle("quit") == .asks(Interpreter.quitQuestion))
        guard case .ran(let outcome) = shell.handle("y") else {
            Issue.record("y did not quit")
            return
        }
        #expect(outcome.quits)
    }

    @Test func rShowsTheReportThenQuits() throws {
        var shell = unsaved(after: ["incoming chat", "accept"])
        _ = shell.handle("quit")
        guard case .ran(let outcome) = shell.handle("r") else {
            Issue.record("r did not answer")
            return
        }
        #expect(outcome.quits)
        #expect(outcome.reports == [.shiftReport(.text, try shell.state.conversations.reportFigures())])
    }

    @Test func quitYesAndAnUnchangedShiftDoNotAsk() {
        var changed = unsaved(after: ["incoming chat"])
        guard case .ran(let yes) = changed.handle("quit --yes") else {
            Issue.record("quit --yes asked")
            return
        }
        #expect(yes.quits)
        var untouched = unsaved(after: [])
        _ = untouched.advanceClock(to: 600)  // the live clock alone is no work
        guard case .ran(let plain) = untouched.handle("quit") else {
            Issue.record("quit asked about an unchanged shift")
            return
        }
        #expect(plain.quits)
        var script = Interpreter(state: PanelState())  // scripts and --state: nothing asks
        _ = script.handle("incoming chat")
        var quit = Outcome()
        quit.quits = true
        #expect(script.handle("quit") == .ran(quit))
    }

    @Test func rAnswersOnlyTheQuitQuestion() {
        var shell = interpreter(after: ["open case 42"])
        #expect(shell.handle("close") == .asks("Close session \"Printer on fire\"? [y/N]"))
        guard case .failed = shell.handle("r") else {
            Issue.record("r answered the close question")
            return
        }
        #expect(shell.state.sessions.count == 2)
    }

    @Test func closingASessionWithAnUnsavedFormNamesWhatIsLost() {
        var shell = interpreter(after: ["open case 42", "type title \"Fire, again\"", "type notes smoke"])
        #expect(
            shell.handle("close")
                == .asks("Close session \"Printer on fire\"? Its unsaved form (title, notes) will be lost. [y/N]"))
        #expect(shell.handle("n") == .ran(Outcome([.message("Kept the session open.")])))
        var agent = ScriptedAgent(state: shell.state)
        let closed = agent.output("close --yes")
        #expect(closed.hasPrefix("Closed session \"Printer on fire\". Its unsaved form (title, notes) was discarded."))
    }

    @Test func clearAsksTheScreenToBeClearedAndChangesNothing() {
        var agent = ScriptedAgent()
        let before = agent.state
        let outcome = agent.run("clear")
        #expect(outcome.clearsScreen)
        #expect(outcome.isShown(quiet: true))
        #expect(agent.state == before)
    }
}
