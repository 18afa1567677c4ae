import Testing

@testable import SessionPanel

/// Every way a conversation becomes Closed goes through ``PanelState/markClosed(_:)``: whichever way it
/// closed, the conversation, the customer index and the shift log agree.
@Suite struct ClosingPathsTests {
    @Test(
        arguments: [
            // The agent closes its session in Wrap-up.
            ["config chat-mode persistent", #"incoming chat "Kenny Smith""#, "accept", "end", "close --yes"],
            // Wrap-up runs out with the session open.
            [#"incoming chat "Kenny Smith""#, "accept", "end", "clock advance 1h"],
            // The customer leaves the queue before anyone answered (abandoned).
            [#"incoming chat "Kenny Smith""#, #"leave "Kenny Smith""#],
            // The Waiting window ends.
            [
                "config waiting-window 1d", #"incoming social "Kenny Smith""#, "accept", "close --yes",
                "clock advance 2d",
            ],
            // An SMS request stays Open, unanswered, for its channel's time.
            [#"incoming sms "Kenny Smith""#, "clock advance 31d"],
        ])
    func everyWayOfClosingAgrees(lines: [String]) throws {
        var agent = ScriptedAgent()
        for line in lines { agent.run(line) }
        let conversation = try #require(agent.state.conversations[1000])
        #expect(conversation.state == .closed)
        #expect(conversation.closedAt != nil)
        #expect(conversation.closedAt == agent.state.shift.log.entries[1000]?.closedAt)
        #expect(conversation.waitingUntil == nil)
        #expect(try agent.state.conversations.unclosed(of: "Kenny Smith", on: conversation.channel).isEmpty)
        #expect(agent.state.problems.isEmpty)
        #expect(
            !agent.state.shift.agenda.events.contains { $0.kind.conversation == 1000 },
            "nothing is still to come for a Closed conversation, so nothing keeps it in play")
    }
}
