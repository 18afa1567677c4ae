import Testing

@testable import SessionPanel

/// The simulated clock's events: what the live prompt asks for (`nextEventDue`, `advanceClock(to:)`)
/// and what `clock advance` prints.
@Suite struct ClockEventTests {
    @Test func nothingIsDueInAQuietShift() {
        #expect(Interpreter(state: PanelState()).nextEventDue == nil)
    }

    @Test func aNotificationIsDueWhenItTimesOut() {
        var shell = interpreter(after: ["incoming chat \"Kenny Smith\"", "clock advance 30s", "incoming sms"])
        #expect(shell.nextEventDue == 120)
        #expect(shell.advanceClock(to: 119).isEmpty)
        #expect(shell.state.now == 119)
        let outcomes = shell.advanceClock(to: 200)
        #expect(
            eventLines(outcomes, in: shell.state) == [
                "[00:02:00] ! Kenny Smith: request timed out, routed to another agent.",
                "[00:02:30] ! Visitor 1: request timed out, routed to another agent.",
            ])
        #expect(shell.state.now == 200)
        #expect(shell.state.notifications.isEmpty)
        #expect(shell.state.presence == .inactive)
        #expect(shell.nextEventDue == 30 + 30 * 86_400, "the unanswered SMS request closes after 30 days")
    }

    @Test func theClockNeverGoesBack() {
        var shell = interpreter(after: ["clock advance 5m"])
        #expect(shell.advanceClock(to: 10).isEmpty)
        #expect(shell.state.now == 300)
    }

    @Test func clockAdvancePrintsEachEventInOrderThenTheClock() {
        let text = transcript([
            "incoming chat \"Kenny Smith\"", "clock advance 1m", "incoming voice", "clock advance 3m",
        ])
        #expect(
            text.contains(
                """
                > clock advance 3m
                [00:02:00] ! Kenny Smith: request timed out, routed to another agent.
                [00:03:00] ! Visitor 1: request timed out, routed to another agent.
                Clock: 00:04:00
                """))
    }

    @Test func aWaitingConversationExpiresAsAnEvent() {
        var shell = interpreter(after: [
            "config chat-mode persistent", "config waiting-window 1h", "incoming chat \"Kenny Smith\"", "accept",
            "close --yes",
        ])
        #expect(shell.nextEventDue == 3_600)
        let lines = eventLines(shell.advanceClock(to: 7_200), in: shell.state)
        #expect(lines == ["[01:00:00] ! Kenny Smith: waiting conversation expired (W1000), now Closed."])
    }

    @Test func aResumedConversationDoesNotExpire() {
        var shell = interpreter(after: [
            "config chat-mode persistent", "config waiting-window 1h", "incoming chat \"Kenny Smith\"", "accept",
            "close --yes",
            "clock advance 10m", "incoming chat \"Kenny Smith\"", "accept",
        ])
        #expect(shell.nextEventDue == nil, "the parked conversation's window no longer ends anything")
        #expect(eventLines(shell.advanceClock(to: 7_200), in: shell.state).isEmpty)
        #expect(shell.state.conversations[1000]?.state == .active)
    }

    @Test func eventLinesAreCutAtAWordOnATerminalButWholeInPlainOutput() {
        var shell = interpreter(after: ["incoming chat \"Kenny Smith\""])
        let outcome = shell.advanceClock(to: 120)[0]
        let terminal = RenderStyle(color: false, unicode: true, width: 60)
        let fitted = OutcomeRenderer(style: terminal).render(outcome, in: shell.state)
        #expect(fitted == ["[00:02:00] ⚠ Kenny Smith: request timed out, routed to…"])
        #expect(
            OutcomeRenderer(style: .plain).render(outcome, in: shell.state) == [
                "[00:02:00] ! Kenny Smith: request timed out, routed to another agent."
            ])
    }
}

extension ClockEventTests {
    @Test func theLiveClockStopsAtTheLimitAndTheStateStaysLoadable() throws {
        var shell = interpreter(after: ["traffic rush", "incoming chat"])
        shell.state.now = Limits.largestCounter - 100
        _ = shell.advanceClock(to: Limits.largestCounter + 1_000_000)
        #expect(shell.state.now == Limits.largestCounter)
        #expect(shell.state.problems == [])
        _ = shell.advanceClock(to: Int.max)
        #expect(shell.state.now == Limits.largestCounter)
    }
}
