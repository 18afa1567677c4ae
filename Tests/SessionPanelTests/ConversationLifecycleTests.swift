import Testing

@testable import SessionPanel

@Suite("Closing, ending, waiting and returning customers")
struct ConversationLifecycleTests {
    @Test("close asks for confirmation first; no keeps the session; yes closes it")
    func confirmation() {
        var agent = ScriptedAgent()
        agent.run("open case 42")
        var interpreter = agent.interpreter
        #expect(interpreter.handle("close") == .asks("Close session \"Printer on fire\"? [y/N]"))
        #expect(interpreter.state.sessions.count == 2, "nothing changes before the answer")
        #expect(interpreter.handle("n") == .ran(Outcome([.message("Kept the session open.")])))
        #expect(interpreter.state.sessions.count == 2)
        _ = interpreter.handle("close 1")
        guard case .ran = interpreter.handle("YES") else {
            Issue.record("yes did not close")
            return
        }
        #expect(interpreter.state.sessions.count == 1)
        _ = interpreter.handle("close 1")
        #expect(interpreter.state.sessions.count == 1)
    }

    @Test("an empty answer or the end of input means no")
    func defaultsToNo() {
        var agent = ScriptedAgent()
        agent.run("open case 42")
        var interpreter = agent.interpreter
        _ = interpreter.handle("close")
        _ = interpreter.handle("")
        #expect(interpreter.state.sessions.count == 2)
        _ = interpreter.handle("close")
        #expect(interpreter.endOfInput() == .ran(Outcome([.message("Kept the session open.")])))
        #expect(interpreter.pendingConfirmation == nil)
        #expect(interpreter.state.sessions.count == 2)
    }

    @Test("Home is anchored and cannot be closed")
    func homeAnchored() {
        var agent = ScriptedAgent()
        #expect(agent.error("close") == "Home is anchored and cannot be closed")
        #expect(agent.error("close 0 --yes") == "Home is anchored and cannot be closed")
        #expect(agent.error("close home") == "Home is anchored and cannot be closed")
    }

    @Test("closing the focused session focuses the one above it; positions close up")
    func closeRenumbers() {
        var agent = ScriptedAgent()
        agent.run("open case 42", "open case 17", "open case 108", "switch 2", "close --yes")
        #expect(agent.titles == ["Home", "Printer on fire", "Cannot sign in to portal"])
        #expect(agent.focusedTitle == "Printer on fire")
        agent.run("switch 2", "close 1 --yes")
        #expect(agent.focusedTitle == "Cannot sign in to portal", "closing another session keeps the focus")
    }

    @Test("closing live chat or voice without End re-queues it (Open)", arguments: [Channel.chat, .voice])
    func closeLive(channel: Channel) {
        var agent = ScriptedAgent()
        agent.run(#"incoming \#(channel.rawValue) "Kenny Smith""#, "accept", "close --yes")
        let conversation = agent.state.everyConversation.values.first {
            $0.customer == "Kenny Smith" && $0.channel == channel && $0.id >= 1000
        }
        #expect(conversation?.state == .open)
        #expect(conversation?.stream == .open)
    }

    @Test(
        "closing persistent chat, SMS or social without End parks it in Waiting for 28 days",
        arguments: [("chat", true), ("sms", false), ("social", false)])
    func closeWaits(channel: String, persistent: Bool) {
        var agent = ScriptedAgent()
        if persistent { agent.run("config chat-mode persistent") }
        agent.run(#"incoming \#(channel) "Kenny Smith""#, "accept", "close --yes")
        let conversation = agent.state.everyConversation.values.first { $0.customer == "Kenny Smith" && $0.id >= 1000 }
        #expect(conversation?.state == .waiting)
        #expect(conversation?.waitingUntil == 28 * 86_400)
        #expect(conversation?.stream == .mine)
    }

    @Test("a returning customer within the window resumes the waiting conversation with its history")
    func returningCustomerResumes() {
        var agent = ScriptedAgent()
        agent.run(
            #"incoming sms "Kenny Smith""#, "accept", #"message 1 "My order is late""#, "reply Checking", "close --yes")
        agent.run("clock advance 3d")
        let text = agent.output(#"incoming sms "Kenny Smith""#)
        #expect(text.contains("(returning: resumes W1000 with its history)"))
        agent.run("accept")
        #expect(agent.conversation("Kenny Smith")?.id == 1000)
        #expect(agent.conversation("Kenny Smith")?.messages.map(\.text) == ["My order is late", "Checking"])
        #expect(agent.conversation("Kenny Smith")?.state == .active)
    }

    @Test("after End and close, a returning customer starts a fresh chat with no history")
    func endThenFresh() throws {
        var agent = ScriptedAgent()
        agent.run("config chat-mode persistent", #"incoming chat "Kenny Smith""#, "accept", "message 1 hi")
        agent.run("end")
        #expect(agent.conversation("Kenny Smith")?.state == .wrapUp)
        #expect(agent.error("reply more") == "the conversation with \"Kenny Smith\" is Wrap-up, not Active")
        agent.run("close --yes")
        #expect(agent.state.conversations[1000]?.state == .closed)
        #expect(try agent.state.listed(.closed).map(\.id).contains(1000))
        agent.run(#"incoming chat "Kenny Smith""#, "accept")
        #expect(agent.conversation("Kenny Smith")?.id == 1001)
        #expect(agent.conversation("Kenny Smith")?.messages.isEmpty == true)
    }

    @Test("the waiting window expires and the conversation closes; the window is a setting")
    func waitingExpires() {
        var agent = ScriptedAgent()
        agent.run("config waiting-window 2d", #"incoming social "Kenny Smith""#, "accept", "close --yes")
        agent.run("clock advance 1d")
        #expect(agent.state.conversations[1000]?.state == .waiting)
        let text = agent.output("clock advance 1d")
        #expect(agent.state.conversations[1000]?.state == .closed)
        #expect(text.contains("Kenny Smith: waiting conversation expired (W1000), now Closed."))
        agent.run(#"incoming social "Kenny Smith""#)
        #expect(agent.state.notifications.last?.isReturning == false)
    }

    @Test("opening a waiting item from My work items makes it Active again")
    func reopenWaiting() {
        var agent = ScriptedAgent()
        agent.run(#"incoming sms "Kenny Smith""#, "accept", "close --yes", "open W1000")
        #expect(agent.conversation("Kenny Smith")?.state == .active)
    }

    @Test("end needs an Active conversation")
    func endErrors() {
        var agent = ScriptedAgent()
        #expect(agent.error("end") == "Home has no conversation")
        agent.run("open case 42")
        #expect(agent.error("end") == "\"Printer on fire\" is a record session, not a conversation")
    }

    @Test("reply and history in the focused conversation")
    func replyAndHistory() {
        var agent = ScriptedAgent()
        agent.run(#"incoming chat "Kenny Smith""#, "accept", "message 1 Hello", "clock advance 30s")
        #expect(agent.output("reply Hi Kenny, how can I help?") == "You → Kenny Smith: Hi Kenny, how can I help?")
        #expect(
            agent.output("history") == """
                Conversation with Kenny Smith (Chat, Active)
                  [00:00:00] Kenny Smith: Hello
                  [00:00:30] You: Hi Kenny, how can I help?
                """)
        agent.run("switch home")
        #expect(agent.error("reply hi") == "Home has no conversation")
        #expect(agent.error("history") == "Home has no conversation")
    }
}
