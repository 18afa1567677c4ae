import Testing

@testable import SessionPanel

@Suite struct ModelRuleTests {
    @Test func sentimentIsRefusedWhereThereIsNoActiveConversation() {
        var shell = TestShell()
        shell.run("open case 42", "open contact \"Kenny Smith\"", "open account Contoso", "open W301")
        for position in 1...3 {
            #expect(shell.error("sentiment \(position) negative").contains("is a record session, not a conversation"))
        }
        #expect(shell.error("sentiment 4 negative").contains("closed work item, open read-only"))
        shell.run("incoming chat", "accept", "sentiment 5 negative")
        #expect(shell.state.sessions[5].sentiment == .negative)
        shell.run("end 5")
        #expect(shell.error("sentiment 5 positive").contains("is Wrap-up, not Active"))
    }

    @Test func aSecondRequestOnTheSameChannelIsRefusedWhileTheFirstIsOfferedOrOpen() {
        var shell = TestShell()
        shell.run("incoming sms \"Kenny Smith\"")
        #expect(
            shell.error("incoming sms \"kenny smith\"").contains(
                "Kenny Smith already has a SMS conversation, W1000, waiting for Accept or Reject"))
        shell.run("accept")
        #expect(shell.error("incoming sms \"Kenny Smith\"").contains("W1000, open at position 1"))
        shell.run("switch home", "switch Kenny")  // one session: the prefix is not ambiguous
        #expect(shell.state.focusedPosition == 1)
        shell.run("close --yes", "incoming sms \"Kenny Smith\"")  // Waiting: the customer comes back to it
        #expect(shell.state.notifications.map(\.conversationID) == [1000])
        #expect(shell.state.notifications.first?.isReturning == true)
        shell.run("incoming chat \"Kenny Smith\"")  // another channel is another conversation
        #expect(shell.state.notifications.map(\.conversationID) == [1000, 1001])
    }

    @Test func sessionsWithTheSameTitleAreToldApart() {
        var shell = TestShell()
        shell.run(
            "open contact \"Kenny Smith\"", "incoming chat \"Kenny Smith\"", "accept", "incoming sms \"Kenny Smith\"",
            "accept")
        #expect(shell.titles == ["Home", "Kenny Smith", "Kenny Smith (W1000)", "Kenny Smith (W1001)"])
        shell.run("switch \"kenny smith (w1000)\"")
        #expect(shell.state.focusedPosition == 2)
        shell.run("incoming chat", "accept", "link 4 \"Kenny Smith\"")
        #expect(shell.titles.last == "Kenny Smith (W1002)")
        #expect(Set(shell.titles.map { $0.lowercased() }).count == shell.titles.count)
    }

    @Test func openingATabThatIsOpenFocusesIt() {
        var shell = TestShell()
        shell.run("open case 42", "tab open app Orders", "tab open kb")
        #expect(shell.state.focusedSession.tabs.count == 3)
        #expect(shell.state.focusedSession.focusedTab == 1)
        shell.run("tab open app Orders", "tab open record R-1", "tab open record R-1")
        #expect(
            shell.state.focusedSession.tabs.map(\.title) == ["Customer summary", "KB Search", "Orders", "Record R-1"])
        #expect(shell.state.focusedSession.focusedTab == 3)
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
        let renamed = problems { state in state.conversations[shown[0]]?.customer = "Someone Else" }
        #expect(renamed.contains("the index of customers' conversations is out of date"))
    }
}
