import Testing

@testable import SessionPanel

/// What a trainer's scenario customers do: angry before being answered, impatient with `--patience`,
/// never doubled by generated traffic; and a skipped `at` line is a failure of the run.
@Suite struct ScenarioCustomerTests {
    @Test func aSentimentWhileTheRequestWaitsIsTheSessionsFromTheStart() throws {
        var shell = Interpreter(state: PanelState())
        try shell.schedule("incoming chat \"Kenny Smith\"", at: 0)
        try shell.schedule("sentiment \"Kenny Smith\" very-negative", at: 10)
        #expect(
            eventLines(shell.advanceClock(to: 10), in: shell.state).last
                == "[00:00:10] ~ Kenny Smith (waiting for an agent): sentiment very-negative, "
                + "urgent attention needed once accepted.")
        guard case .ran = shell.handle("accept") else {
            Issue.record("accept failed")
            return
        }
        #expect(shell.state.sessions[1].sentiment == .veryNegative)
        #expect(shell.state.hasSentimentAlert(shell.state.sessions[1]))
        #expect(shell.state.everyConversation.values.allSatisfy { $0.waitingSentiment == nil })
    }

    @Test func aSkippedAtLineIsAFailureOfTheCheck() {
        let check = ScriptCheck(
            name: "test",
            lines: InputLine.lines(of: "at 5s sentiment \"Kenny Smith\" negative\nclock advance 10s"),
            state: PanelState())
        #expect(check.failed == 1)
        #expect(check.failures.first?.first?.contains("test:2: clock advance 10s failed") == true)
        #expect(check.failures.first?.first?.contains("has no conversation open") == true)
    }

    @Test func aSkippedAtLineThatIsExpectedPasses() {
        let check = ScriptCheck(
            name: "test",
            lines: InputLine.lines(
                of: "at 5s sentiment \"Kenny Smith\" negative\nclock advance 10s\nexpect-error \"skipped\""),
            state: PanelState())
        #expect(check.failed == 0)
        #expect(check.passed == 1)
    }

    @Test func quietStillSaysThatAnAtLineWasSkipped() {
        var runner = ScriptRunner(name: "test", state: PanelState(), options: .init(quiet: true))
        var errors: [String] = []
        let status = runner.run(
            InputLine.lines(of: "at 5s sentiment \"Kenny Smith\" negative\nclock advance 10s")
        ) { event in
            if case .error(let line) = event { errors.append(line) }
        }
        #expect(status == 1)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("test:2: \"Kenny Smith\" has no conversation open; skipped") == true)
    }

    @Test func aScenarioCustomerWithPatienceLosesItWithoutAReply() throws {
        var shell = Interpreter(state: PanelState())
        try shell.schedule("incoming chat \"Kenny Smith\" --patience 1m", at: 0)
        try shell.schedule("message \"Kenny Smith\" \"Hello?\"", at: 10)
        _ = shell.advanceClock(to: 0)
        _ = shell.handle("accept")
        let lines = eventLines(shell.advanceClock(to: 130), in: shell.state)
        #expect(
            lines == [
                "[00:00:10] > Kenny Smith in session 1: Hello?",
                "[00:01:10] ~ Kenny Smith: sentiment slightly-negative, urgent attention needed (no reply for 1m).",
                "[00:02:10] ~ Kenny Smith: sentiment negative, urgent attention needed (no reply for 2m).",
            ])
        guard case .ran(let outcome) = shell.handle("reply \"Sorry for the wait\"") else {
            Issue.record("reply failed")
            return
        }
        #expect(outcome.reports.contains(.message("Kenny Smith is answered; sentiment back to neutral.")))
    }

    /// The patience period starts when the agent accepts; the wait is counted from the message.
    @Test func aMessageWrittenWhileWaitingCountsOnceAccepted() throws {
        var shell = Interpreter(state: PanelState())
        try shell.schedule("incoming sms \"Kenny Smith\" --patience 2m", at: 0)
        try shell.schedule("message \"Kenny Smith\" \"Anyone?\"", at: 10)
        _ = shell.advanceClock(to: 60)
        _ = shell.handle("accept")
        #expect(
            eventLines(shell.advanceClock(to: 180), in: shell.state) == [
                "[00:03:00] ~ Kenny Smith: sentiment slightly-negative, urgent attention needed (no reply for 2m 50s)."
            ])
    }

    @Test func withoutPatienceAScenarioCustomerWaitsForever() throws {
        var shell = Interpreter(state: PanelState())
        try shell.schedule("incoming chat \"Kenny Smith\"", at: 0)
        try shell.schedule("message \"Kenny Smith\" \"Hello?\"", at: 10)
        _ = shell.advanceClock(to: 0)
        _ = shell.handle("accept")
        #expect(eventLines(shell.advanceClock(to: 3_600), in: shell.state).count == 1)
        #expect(shell.state.sessions[1].sentiment == .neutral)
    }

    @Test func patienceMustBeADuration() {
        var agent = ScriptedAgent()
        #expect(agent.error("incoming chat \"Kenny Smith\" --patience soon").contains("--patience takes a duration"))
        #expect(agent.error("incoming chat --patience 0s").contains("--patience takes a duration"))
    }

    @Test func generatedTrafficNeverDrawsACustomerTheScenarioHasInPlay() throws {
        let world = World(contacts: [.init(name: "Ann"), .init(name: "Bob"), .init(name: "Cat")])
        var shell = Interpreter(state: PanelState(world: world))
        try shell.schedule("incoming sms Bob", at: 0)  // brought already, and waiting
        try shell.schedule("incoming chat Ann", at: 7_200)  // still to come
        _ = shell.handle("traffic rush --seed 3")
        _ = shell.advanceClock(to: 3_600)
        let generated = shell.state.everyConversation.values.filter { shell.state.shift.customers[$0.id] != nil }
        #expect(generated.count > 20)
        #expect(generated.contains { $0.customer == "Cat" })
        #expect(!generated.contains { $0.customer == "Ann" || $0.customer == "Bob" })
    }
}
