import Testing

@testable import SessionPanel

@Suite struct ModelRuleTests {
    @Test func sentimentIsRefusedWhereThereIsNoActiveConversation() {
        var agent = ScriptedAgent()
        agent.run("open case 42", "open contact \"Kenny Smith\"", "open account Contoso", "open W301")
        for position in 1...3 {
            #expect(agent.error("sentiment \(position) negative").contains("is a record session, not a conversation"))
        }
        #expect(agent.error("sentiment 4 negative").contains("closed work item, open read-only"))
        agent.run("incoming chat", "accept", "sentiment 5 negative")
        #expect(agent.state.sessions[5].sentiment == .negative)
        agent.run("end 5")
        #expect(agent.error("sentiment 5 positive").contains("is Wrap-up, not Active"))
    }

    @Test func aSecondRequestOnTheSameChannelIsRefusedWhileTheFirstIsOfferedOrOpen() {
        var agent = ScriptedAgent()
        agent.run("incoming sms \"Kenny Smith\"")
        #expect(
            agent.error("incoming sms \"kenny smith\"").contains(
                "Kenny Smith already has a SMS conversation, W1000, waiting for Accept or Reject"))
        agent.run("accept")
        #expect(agent.error("incoming sms \"Kenny Smith\"").contains("W1000, open at position 1"))
        agent.run("switch home", "switch Kenny")  // one session: the prefix is not ambiguous
        #expect(agent.state.focusedPosition == 1)
        agent.run("close --yes", "incoming sms \"Kenny Smith\"")  // Waiting: the customer comes back to it
        #expect(agent.state.notifications.map(\.conversationID) == [1000])
        #expect(agent.state.notifications.first?.isReturning == true)
        agent.run("incoming chat \"Kenny Smith\"")  // another channel is another conversation
        #expect(agent.state.notifications.map(\.conversationID) == [1000, 1001])
    }

    @Test func sessionsWithTheSameTitleAreToldApart() {
        var agent = ScriptedAgent()
        agent.run(
            "open contact \"Kenny Smith\"", "incoming chat \"Kenny Smith\"", "accept", "incoming sms \"Kenny Smith\"",
            "accept")
        #expect(agent.titles == ["Home", "Kenny Smith", "Kenny Smith (W1000)", "Kenny Smith (W1001)"])
        agent.run("switch \"kenny smith (w1000)\"")
        #expect(agent.state.focusedPosition == 2)
        agent.run("incoming chat", "accept", "link 4 \"Kenny Smith\"")
        #expect(agent.titles.last == "Kenny Smith (W1002)")
        #expect(Set(agent.titles.map { $0.lowercased() }).count == agent.titles.count)
    }

    @Test func openingATabThatIsOpenFocusesIt() {
        var agent = ScriptedAgent()
        agent.run(#"incoming chat "Kenny Smith""#, "accept", "tab open app Orders", "tab open kb")
        #expect(agent.state.focusedSession.tabs.count == 3)
        #expect(agent.state.focusedSession.focusedTab == 1)
        agent.run("tab open app Orders", "tab open record R-1", "tab open record R-1")
        #expect(
            agent.state.focusedSession.tabs.map(\.title) == ["Customer summary", "KB Search", "Orders", "Record R-1"])
        #expect(agent.state.focusedSession.focusedTab == 3)
    }

    @Test func handEditedStatesThatBreakTheRulesAreFound() {
        func problems(_ change: (inout PanelState) -> Void) -> [String] {
            var state = busyState()
            change(&state)
            return state.problems
        }
        #expect(
            problems { state in
                var copy = state.sessions[1]
                copy = Session(id: state.nextSessionID, kind: copy.kind, title: copy.title)
                state.sessions.append(copy)
                state.nextSessionID += 1
            }.contains { $0.hasPrefix("two sessions show the same record or work item") })
        let shown = busyState().sessions.compactMap(\.conversationID)
        #expect(
            problems { state in
                state.notifications.append(
                    IncomingNotification(conversationID: shown[0], arrivedAt: 0, isReturning: false))
            }.contains("a notification offers W\(shown[0]), which is Active"))
        let closed = problems { state in state.conversations[shown[0]]?.state = .closed }
        #expect(closed.contains { $0.hasSuffix("shows W\(shown[0]), which is Closed") })
        #expect(
            problems { state in
                state.notifications.append(state.notifications[0])
            }.contains { $0.hasPrefix("two notifications offer") })
    }

    /// The index of customers' conversations can no longer go out of date: every change of a conversation
    /// goes through ``ConversationsInPlay``, which files it again.
    @Test func renamingAConversationFilesItUnderItsNewCustomer() throws {
        var state = busyState()
        let id = try #require(state.sessions.compactMap(\.conversationID).first)
        let conversation = try #require(state.conversations[id])
        state.conversations[id]?.customer = "Kenny Smith"
        #expect(try state.conversations.unclosed(of: "kenny smith", on: conversation.channel).map(\.id).contains(id))
        state.conversations[id]?.customer = "Someone Else"
        #expect(try state.conversations.unclosed(of: "someone else", on: conversation.channel).map(\.id) == [id])
        #expect(try !state.conversations.unclosed(of: "kenny smith", on: conversation.channel).map(\.id).contains(id))
        #expect(try state.conversations.newest(titled: "someone else", unclosedOnly: true)?.id == id)
        #expect(state.problems.isEmpty)
    }
}
