import Foundation
import Testing

@testable import SessionPanel

/// `consult "<agent>"`, `reply --internal` and `consult end`, through the interpreter.
@Suite("Consult") struct ConsultTests {
    @Test func anInternalMessageReachesTheColleagueOnlyAndTheyAnswerOnTheClock() throws {
        var agent = TransferTests.chatting()
        let id = try #require(agent.session("Kenny Smith")?.conversationID)
        #expect(agent.output("consult ravi patel").hasPrefix("Ravi Patel joined the conversation read-only."))
        let customerMessages = agent.state.conversations[id]?.messages
        #expect(agent.output("reply --internal \"double charge?\"") == "You → Ravi Patel (internal): double charge?")
        #expect(agent.state.conversations[id]?.messages == customerMessages)
        agent.run("clock advance 29s")
        #expect(agent.state.conversations[id]?.internalMessages.count == 1)
        let answer = agent.output("clock advance 1s")
        #expect(answer.contains("Ravi Patel (internal): Hi, I'm looking at it now."))
        agent.run("reply -i \"and then?\"", "clock advance 30s")
        let lines = agent.state.conversations[id]?.internalMessages.map(\.text)
        #expect(lines?.last == "Check the billing history first: is there a second charge?")
        #expect(agent.state.conversations[id]?.messages == customerMessages)
        #expect(agent.output("consult end") == "Ravi Patel left the conversation.")
        #expect(agent.state.conversations[id]?.consultant == nil)
    }

    @Test func historyShowsTheConsultMarkedInternalAndTheCustomerNeverSeesIt() throws {
        var agent = TransferTests.chatting()
        let id = try #require(agent.session("Kenny Smith")?.conversationID)
        agent.run("message 1 \"charged twice\"", "clock advance 10s", "consult \"Ravi Patel\"")
        agent.run("/i double charge?", "clock advance 30s", "/p", "clock advance 5s", "reply \"Looking into it\"")
        #expect(
            agent.output("history") == """
                Conversation with Kenny Smith (Chat, Active)
                  [00:00:00] Kenny Smith: charged twice
                  [00:00:10] You → Ravi Patel (internal): double charge?
                  [00:00:40] Ravi Patel (internal): Hi, I'm looking at it now.
                  [00:00:45] You: Looking into it
                """)
        let seen = try #require(agent.state.conversations[id]?.messages.map(\.text))
        #expect(seen == ["charged twice", "Looking into it"], "the customer's transcript has no internal line")
        agent.run("consult end")
        #expect(agent.output("history").contains("(internal): double charge?"), "the consult stays in the history")
    }

    @Test func theColleagueLeavingStopsTheAnswer() throws {
        var agent = TransferTests.chatting()
        let id = try #require(agent.session("Kenny Smith")?.conversationID)
        agent.run("consult \"Mei Chen\"", "reply --internal hello", "consult end", "clock advance 1m")
        #expect(agent.state.conversations[id]?.internalMessages.count == 1)
    }

    @Test func mistakesAreOneLineErrors() {
        var agent = TransferTests.chatting()
        #expect(agent.error("consult Bob") == "no agent \"Bob\"; agents: Mei Chen, Ravi Patel")
        #expect(agent.error("consult end") == "no colleague is consulted on this conversation")
        #expect(
            agent.error("reply --internal hi")
                == "an internal message needs a consulted colleague; consult one first with consult \"<agent>\"")
        agent.run("consult \"Mei Chen\"")
        #expect(
            agent.error("consult \"Ravi Patel\"")
                == "Mei Chen is already consulted; end that consult first with consult end")
    }

    @Test func theConsultIsSavedWithTheConversation() throws {
        var agent = TransferTests.chatting()
        let id = try #require(agent.session("Kenny Smith")?.conversationID)
        agent.run("consult \"Mei Chen\"", "reply --internal hello")
        let conversation = try #require(agent.state.conversations[id])
        let decoded = try JSONDecoder().decode(Conversation.self, from: try JSONEncoder().encode(conversation))
        #expect(decoded == conversation && decoded.consultant == "Mei Chen" && decoded.internalMessages.count == 1)
    }
}
