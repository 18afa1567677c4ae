import Testing

@testable import SessionPanel

/// Conversations as the product ends them (issue 17, rules 4–8): who leaves the queue, Wrap-up and
/// unanswered SMS closing by themselves, the customer leaving, Closed work items, and app tabs.
@Suite struct ConversationRuleTests {
    /// The conversations of the event lines that say `text`.
    private func conversations(_ outcomes: [Outcome], saying text: String) -> [Int] {
        outcomes.flatMap(\.reports).compactMap { report in
            guard case .event(let line) = report, line.text.contains(text) else { return nil }
            return line.conversation
        }
    }

    @Test func onlyChatAndVoiceCustomersLeaveTheQueueSMSAndSocialStayOpen() throws {
        var shell = interpreter(after: ["traffic rush --seed 1", "presence away"])
        let outcomes = shell.advanceClock(to: 3_600)
        let left = conversations(outcomes, saying: "left the queue")
        #expect(!left.isEmpty)
        #expect(left.allSatisfy { [.chat, .voice].contains(shell.state.conversations[$0]?.channel) })
        let async = shell.state.everyConversation.values.filter {
            $0.id >= 1000 && [.sms, .social].contains($0.channel)
        }
        #expect(!async.isEmpty)
        #expect(async.allSatisfy { $0.state == .open })
    }

    @Test func anUnansweredSMSOrSocialRequestClosesAfterItsChannelsOpenTime() throws {
        var agent = ScriptedAgent()
        agent.run("config open-sms 2h", "config open-social 3h", "presence away")
        #expect(agent.output("config").contains("open-sms              2h"))
        agent.run("traffic rush --seed 1", "clock advance 1h", "traffic off", "clock advance 2h")
        let sms = agent.state.everyConversation.values.filter { $0.id >= 1000 && $0.channel == .sms }
        #expect(!sms.isEmpty && sms.allSatisfy { $0.state == .closed })
        #expect(agent.state.everyConversation.values.contains { $0.channel == .social && $0.state == .open })
        let text = agent.output("clock advance 2h")
        #expect(text.contains("Social request closed unanswered (W1001 stayed Open for open-social 3h)."))
    }

    @Test func wrapUpClosesByItselfAfterTheChannelsTimeAndItsSessionWithIt() throws {
        var agent = ScriptedAgent()
        agent.run(#"incoming chat "Kenny Smith""#, "accept", "end", "clock advance 14m59s")
        #expect(agent.conversation("Kenny Smith")?.state == .wrapUp)
        let text = agent.output("clock advance 1s")
        #expect(
            text.contains(
                "Kenny Smith: conversation closed at the end of Wrap-up (W1000, wrap-up-chat 15m); "
                    + "session 1 closed."))
        #expect(agent.titles == ["Home"])
        #expect(agent.state.conversations[1000]?.state == .closed)
        agent.run("config wrap-up-sms 2m", #"incoming sms "Kenny Smith""#, "accept", "end", "clock advance 2m")
        #expect(agent.titles == ["Home"])
    }

    @Test func closedWorkItemsAreTheConversationsTheAgentClosedToday() throws {
        var agent = ScriptedAgent()
        agent.run("traffic rush --seed 1", "clock advance 10m", "traffic off")
        #expect(agent.state.everyConversation.values.contains { $0.id >= 1000 && $0.state == .closed })
        #expect(try agent.state.listed(.closed).map(\.id) == [301], "abandoned requests were never the agent's")
        agent.run("presence available", #"incoming chat "Yvonne McKay""#, "accept")
        let yvonne = agent.state.focusedSession.conversationID ?? 0
        agent.run("end", "close --yes")
        #expect(try agent.state.listed(.closed).map(\.id) == [301, yvonne])
        agent.run("clock advance 1d")
        #expect(try agent.state.listed(.closed).isEmpty, "a new simulated day starts with none")
    }

    @Test func theCustomerLeavingMovesAnActiveConversationToWrapUpAndSaysSoInTheSession() throws {
        var agent = ScriptedAgent()
        agent.run(#"incoming chat "Kenny Smith""#, "accept")
        let text = agent.output(#"leave "Kenny Smith""#)
        #expect(
            text.contains(
                "Kenny Smith: ended the conversation in session 1; it is in Wrap-up and closes by itself (wrap-up-chat 15m)."
            ))
        #expect(text.contains("Kenny Smith  Chat, Wrap-up"))
        #expect(agent.conversation("Kenny Smith")?.state == .wrapUp)
        #expect(
            agent.error(#"leave "Kenny Smith""#).hasSuffix(
                "is Wrap-up; a customer leaves an Open or Active conversation"))
    }

    @Test func aCustomerWhoLeavesTheQueueClosesTheRequestAsAbandoned() throws {
        var agent = ScriptedAgent()
        agent.run(#"incoming sms "Kenny Smith""#)
        #expect(
            agent.output(#"leave "Kenny Smith""#).contains(
                "Kenny Smith: left the queue unanswered after 0s (abandoned)."))
        #expect(agent.state.notifications.isEmpty)
        #expect(agent.state.conversations[1000]?.state == .closed)
        #expect(try agent.state.listed(.closed).map(\.id) == [301])
        #expect(try ShiftReport(agent.state).abandoned == 1)
    }

    @Test func aScenarioCustomerLeavesAtATime() throws {
        var shell = interpreter(after: [#"incoming voice "Kenny Smith""#, "accept"])
        try shell.schedule(#"leave "Kenny Smith""#, at: 90)
        #expect(throws: CommandError.self) { try shell.schedule("leave 1", at: 90) }
        let lines = eventLines(shell.advanceClock(to: 90), in: shell.state)
        #expect(lines.first?.hasPrefix("[00:01:30] ! Kenny Smith: ended the conversation in session 1;") == true)
    }

    @Test func generatedLiveCustomersEndTheChatOnTheirOwn() {
        var shell = interpreter(after: [
            "traffic rush --seed 1", "config arrivals-sms 0", "config arrivals-social 0", "clock advance 4m", "accept",
            "traffic off",
        ])
        let outcomes = shell.advanceClock(to: 3_600)
        #expect(!conversations(outcomes, saying: "ended the conversation in session").isEmpty)
    }

    @Test(arguments: [("chat", true), ("sms", true), ("voice", false), ("social", false)])
    func kbSearchOpensOnlyForChatAndSMS(channel: String, opensKB: Bool) {
        var agent = ScriptedAgent()
        agent.run(#"incoming \#(channel) "Kenny Smith""#, "accept")
        #expect(
            agent.session("Kenny Smith")?.tabs.map(\.title) == ["Customer summary"] + (opensKB ? ["KB Search"] : []))
    }

    @Test func aRecordSessionsAnchorIsTheRecordTitledByItsEntity() {
        var agent = ScriptedAgent()
        agent.run("open case 42", #"open contact "Kenny Smith""#, "open account Contoso")
        #expect(agent.state.sessions[1].tabs.map(\.title) == ["Case 42: Printer on fire"])
        #expect(agent.state.sessions[2].tabs.map(\.title) == ["Contact: Kenny Smith"])
        #expect(agent.state.sessions[3].tabs.map(\.title) == ["Account: Contoso"])
        agent.run("switch 1")
        #expect(agent.error("tab close 1") == "the anchor tab (Case 42: Printer on fire) cannot be closed")
    }

    @Test func theTenTabLimitSaysWhatTheProductSays() {
        var agent = ScriptedAgent()
        agent.run(#"incoming chat "Kenny Smith""#, "accept")
        for number in 1...8 { agent.run("tab open app App\(number)") }
        #expect(agent.state.focusedSession.tabs.count == 10)
        #expect(
            agent.error("tab open app More")
                == "Maximum tabs reached. Close a tab in this session before opening another.")
    }
}
