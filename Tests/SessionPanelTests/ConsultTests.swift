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
