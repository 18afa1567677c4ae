import Foundation
import Testing

@testable import SessionPanel

/// `kb search|open|send` and `quickreply [send|add]`, through the interpreter.
@Suite("Knowledge base and quick replies") struct KnowledgeCommandTests {
    /// An agent chatting with Kenny Smith.
    static func chatting() -> ScriptedAgent {
        var agent = ScriptedAgent()
        agent.run("incoming chat \"Kenny Smith\"", "accept")
        return agent
    }

    @Test func kbSearchListsMatchingArticlesBestFirst() {
        var agent = ScriptedAgent()
        let lines = agent.output("kb search \"sign in\"").split(separator: "\n")
        #expect(lines.first == " 1  Signing in to your account")
        #expect(lines.count == 4)
        #expect(agent.output("kb search zebra") == "No articles match.")
        #expect(agent.error("kb search \"?!\"") == "kb search needs words to look for, such as kb search \"sign in\"")
    }

    @Test func kbOpenShowsTheArticleWrappedInTheKBSearchTab() {
        var agent = Self.chatting()
        agent.run("tab close 2")  // whatever tabs the session starts with, KB Search comes back
        let text = agent.output("kb open 2")
        let lines = text.split(separator: "\n")
        #expect(lines.first == "KB Search · Article 2: How to reset your password")
        #expect(lines.dropFirst().allSatisfy { $0.count <= 80 } && lines.count > 2)
        #expect(lines.dropFirst().joined(separator: " ") == World.demo.article(2)?.body)
        let session = agent.state.focusedSession
        #expect(session.tabs[session.focusedTab].content == .knowledgeSearch)
        #expect(agent.state.tools.openArticles[session.id] == 2)
        #expect(agent.error("kb open 99") == "no article 99; find one with kb search")
        agent.run("switch home")
        #expect(agent.error("kb open 2") == "Home has no KB Search tab; switch to a conversation session")
    }

    @Test func kbSendSendsTheLinkToTheCustomer() {
        var agent = Self.chatting()
        agent.run("kb send 2")
        let last = agent.conversation("Kenny Smith")?.messages.last
        #expect(last?.sender == .agent)
        #expect(last?.text == "Article 2: How to reset your password <kb://2>")
        #expect(agent.error("kb send x").contains("article id must be a number"))
    }

    @Test func quickReplyListsFilterByWordOrTagAndSendFillsTheSlugs() {
        var agent = Self.chatting()
        let refunds = agent.output("quickreply #refund").split(separator: "\n")
        #expect(refunds.count == 2 && refunds.allSatisfy { $0.contains("#refund") })
        #expect(agent.output("quickreply double").split(separator: "\n").count == 1)
        #expect(agent.output("quickreply #nothing") == "No quick replies match.")
        agent.run("quickreply #greeting")
        agent.run("quickreply send 2")
        #expect(
            agent.conversation("Kenny Smith")?.messages.last?.text
                == "Hello Kenny Smith, my name is \(ConversationTools.agentName). How can I help you today?")
        #expect(agent.error("quickreply send 3") == "no quick reply 3; the last list has 1 to 2")
    }

    @Test func sendingNeedsAListAndAConversation() {
        var agent = ScriptedAgent()
        #expect(agent.error("quickreply send 1") == "no quick replies listed; list them first with quickreply")
        agent.run("quickreply")
        #expect(agent.state.tools.lastQuickReplies.count == 13)
        #expect(agent.error("quickreply send 1") == "Home has no conversation")
    }

    @Test func aPersonalQuickReplyIsListedFirstAndKeptWithTheShift() throws {
        var agent = Self.chatting()
        #expect(
            agent.output("quickreply add \"#refund Refund approved, {customer}!\"")
                == "Saved your quick reply (#refund): Refund approved, {customer}!")
        #expect(
            agent.error("quickreply add \"#REFUND refund approved, {customer}!\"")
                == "you already have that quick reply")
        #expect(agent.error("quickreply add \"#refund\"") == "a quick reply has tags but no text")
        let lines = agent.output("quickreply refund").split(separator: "\n")
        #expect(lines.first == "1* #refund Refund approved, {customer}!")
        agent.run("quickreply send 1")
        #expect(agent.conversation("Kenny Smith")?.messages.last?.text == "Refund approved, Kenny Smith!")
        let saved = try JSONDecoder().decode(SavedState.self, from: try JSONEncoder().encode(SavedState(agent.state)))
        #expect(saved.state.tools.personalQuickReplies == agent.state.tools.personalQuickReplies)
        #expect(saved.state == agent.state)
    }

    @Test func tabCompletesArticleIdsAndQuickReplyNumbersWithLiveValues() {
        let articles = CompletionEngine.complete("kb open 1", in: PanelState()).candidates
        #expect(articles.map(\.text) == ["1", "10", "11", "12"])
        #expect(articles.first?.description == "Signing in to your account")
        var agent = ScriptedAgent()
        agent.run("quickreply #closing")
        #expect(CompletionEngine.complete("quickreply send ", in: agent.state).candidates.map(\.text) == ["1", "2"])
        #expect(CompletionEngine.complete("quickreply ", in: agent.state).candidates.map(\.text) == ["send", "add"])
    }

    @Test func tabCompletesTheTagsOfTheWorldsQuickRepliesAndTheAgentsOwn() {
        var agent = ScriptedAgent()
        agent.run("quickreply add \"#reminder #REFUND Don't forget, {customer}\"")
        func tags(_ line: String) -> [String] {
            CompletionEngine.complete(line, in: agent.state).candidates.map(\.text)
        }
        #expect(tags("quickreply #re") == ["#refund", "#reminder", "#returns"])
        #expect(tags("/q #GR") == ["#greeting"])
        #expect(
            tags("quickreply #") == [
                "#billing", "#closing", "#delivery", "#followup", "#greeting", "#hold", "#refund", "#reminder",
                "#returns", "#signin",
            ])
        #expect(tags("quickreply #zz").isEmpty)
        #expect(tags("/q re").isEmpty, "words are not completed, only a #tag")
        let limited = CompletionEngine.complete("quickreply #", in: agent.state, limit: 3)
        #expect(limited.candidates.map(\.text) == ["#billing", "#closing", "#delivery"] && limited.total == 10)
    }
}
