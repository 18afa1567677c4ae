import Testing

@testable import SessionPanel

/// Slash commands at the prompt and as replies: commands, never text to the customer.
@Suite("Slash commands") struct SlashCommandTests {
    /// What the agent has sent Kenny Smith so far.
    static func sent(_ agent: ScriptedAgent) -> [String] {
        (agent.conversation("Kenny Smith")?.messages ?? []).filter { $0.sender == .agent }.map(\.text)
    }

    @Test func quickRepliesAndArticlesByslash() {
        var agent = TransferTests.chatting()
        let list = agent.output("reply \"/q #refund\"").split(separator: "\n")
        #expect(list.count == 2 && list.allSatisfy { $0.contains("#refund") })
        #expect(Self.sent(agent).isEmpty)
        agent.run("/q 1")
        #expect(Self.sent(agent).count == 1 && Self.sent(agent)[0].contains("refund"))
        #expect(agent.output("/kb sign in").split(separator: "\n").first == " 1  Signing in to your account")
        agent.run("reply \"/kb 2\"")
        #expect(Self.sent(agent).last == "Article 2: How to reset your password <kb://2>")
    }

    @Test func transferAndConsultBySlash() throws {
        var agent = TransferTests.chatting()
        agent.run("/c \"Ravi Patel\"", "/i can you help?")
        let id = try #require(agent.session("Kenny Smith")?.conversationID)
        #expect(agent.state.conversations[id]?.internalMessages.map(\.text) == ["can you help?"])
        agent.run("reply still there?")  // internal mode stays until /p
        #expect(Self.sent(agent).isEmpty)
        agent.run("/p", "reply hello")
        #expect(Self.sent(agent) == ["hello"])
        agent.run("reply \"/tq Billing\"")
        #expect(agent.state.conversations[id]?.queue == "Billing" && agent.session("Kenny Smith") == nil)
    }

    @Test func transferToAnAgentBySlash() throws {
        var agent = TransferTests.chatting()
        let id = try #require(agent.session("Kenny Smith")?.conversationID)
        agent.run("/t mei chen")
        #expect(agent.state.conversations[id]?.offeredTo == "Mei Chen")
    }

    @Test func anUnknownSlashCommandIsAnErrorAndSendsNothing() {
        var agent = TransferTests.chatting()
        let choices = "slash commands: /q, /t, /tq, /c, /kb, /i, /p"
        #expect(agent.error("/x hello") == "unknown slash command \"/x\"; \(choices)")
        #expect(agent.error("reply \"/refund now\"") == "unknown slash command \"/refund\"; \(choices)")
        #expect(Self.sent(agent).isEmpty)
    }
}
