import Foundation
import Testing

@testable import SessionPanel

/// `transfer queue|agent <name>`, through the interpreter.
@Suite("Transfer") struct TransferTests {
    /// An agent chatting with Kenny Smith, the session focused.
    static func chatting() -> ScriptedAgent {
        var agent = ScriptedAgent()
        agent.run("incoming chat \"Kenny Smith\"", "accept")
        return agent
    }

    @Test func transferToAQueueReopensTheConversationThereAndClosesTheSession() throws {
        var agent = Self.chatting()
        let id = try #require(agent.session("Kenny Smith")?.conversationID)
        let text = agent.output("transfer queue \"technical SUPPORT\"")
        #expect(text.contains("Closed session \"Kenny Smith\"."))
        #expect(
            text.contains("Transferred Kenny Smith (W\(id)) to the Technical support queue; the conversation is Open."))
        #expect(agent.session("Kenny Smith") == nil)
        let conversation = try #require(agent.state.conversations[id])
        #expect(conversation.state == .open && !conversation.assignedToAgent)
        #expect(conversation.queue == "Technical support" && conversation.transfers == 1)
        #expect(try ShiftReport(agent.state).transfers == 1)
        #expect(agent.output("report").contains("Transfers"))
        #expect(try ShiftReport(agent.state).json().contains(#""transfers":1"#))
    }

    @Test func transferToAColleagueRecordsTheColleague() throws {
        var agent = Self.chatting()
        let id = try #require(agent.session("Kenny Smith")?.conversationID)
        #expect(agent.output("transfer agent ravi patel").contains("to Ravi Patel; the conversation is Open."))
        #expect(agent.state.conversations[id]?.offeredTo == "Ravi Patel")
        #expect(agent.state.conversations[id]?.state == .open)
    }

    @Test func theSummaryCountsTransfersAndShowsTheQueue() throws {
        var agent = Self.chatting()
        let id = try #require(agent.session("Kenny Smith")?.conversationID)
        agent.run("transfer queue Billing", "pick \(id)")
        let summary = agent.output("summary")
        #expect(summary.contains("Billing"))
        #expect(summary.range(of: #"Transfers\s+1"#, options: .regularExpression) != nil)
    }

    @Test func anUnknownQueueOrAgentNamesTheChoicesAndChangesNothing() {
        var agent = Self.chatting()
        #expect(
            agent.error("transfer queue Nowhere") == "no queue \"Nowhere\"; queues: Billing, Returns, Technical support"
        )
        #expect(agent.error("transfer agent Bob") == "no agent \"Bob\"; agents: Mei Chen, Ravi Patel")
        #expect(agent.error("transfer desk Billing").contains("usage"))
        agent.run("switch home")
        #expect(agent.error("transfer queue Billing") == "Home has no conversation to transfer")
    }

    @Test func theTransferIsSavedWithTheState() throws {
        var agent = Self.chatting()
        let id = try #require(agent.session("Kenny Smith")?.conversationID)
        agent.run("transfer agent \"Mei Chen\"")
        let conversation = try #require(agent.state.conversations[id])
        let decoded = try JSONDecoder().decode(Conversation.self, from: try JSONEncoder().encode(conversation))
        #expect(decoded == conversation && decoded.offeredTo == "Mei Chen" && decoded.transfers == 1)
    }

    @Test func tabCompletesQueueAndAgentNames() {
        let state = CompletionFixture.state("incoming chat \"Kenny Smith\"", "accept")
        #expect(
            CompletionFixture.texts("transfer queue ", in: state) == ["Billing", "Returns", "\"Technical support\""])
        #expect(CompletionFixture.texts("transfer agent r", in: state) == ["\"Ravi Patel\""])
        #expect(CompletionFixture.texts("transfer ", in: state) == ["queue", "agent"])
    }
}

/// `close --disposition <code>` when a disposition code is required, through the interpreter.
@Suite("Disposition codes") struct DispositionTests {
    @Test func aRequiredCodeIsNeededToCloseAConversationSession() throws {
        var agent = TransferTests.chatting()
        let id = try #require(agent.session("Kenny Smith")?.conversationID)
        agent.run("config require-disposition on", "end")
        #expect(
            agent.error("close --yes")
                == "closing \"Kenny Smith\" needs a disposition code (close --disposition <code>); "
                + "dispositions: Escalated, No response, Resolved")
        #expect(
            agent.error("close --yes --disposition Fixed")
                == "no disposition \"Fixed\"; dispositions: Escalated, No response, Resolved")
        agent.run("close --disposition resolved")
        #expect(agent.session("Kenny Smith") == nil)
        #expect(agent.state.conversations[id]?.disposition == "Resolved")
        #expect(agent.state.conversations[id]?.state == .closed)
    }

    @Test func theWorldCanRequireIt() {
        var world = World.demo
        world.requiresDisposition = true
        var agent = ScriptedAgent(world: world)
        agent.run("incoming chat \"Kenny Smith\"", "accept")
        #expect(agent.error("close --yes").hasPrefix("closing \"Kenny Smith\" needs a disposition code"))
        agent.run("open case 42")
        agent.run("close --yes")  // a record session needs none
        #expect(agent.session("Kenny Smith") != nil)
    }

    @Test func withoutTheRequirementClosingNeedsNoCode() {
        var agent = TransferTests.chatting()
        agent.run("close --yes")
        #expect(agent.session("Kenny Smith") == nil)
    }

    @Test func tabCompletesTheCodes() {
        let state = CompletionFixture.state("incoming chat \"Kenny Smith\"", "accept")
        #expect(
            CompletionFixture.texts("close --disposition ", in: state) == ["Escalated", "\"No response\"", "Resolved"])
        #expect(CompletionFixture.texts("close --disposition r", in: state) == ["Resolved"])
    }
}
