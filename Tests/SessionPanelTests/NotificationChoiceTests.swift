import Testing

@testable import SessionPanel

/// `accept` and `reject` name a notification by number (as last shown), work item or customer.
@Suite struct NotificationChoiceTests {
    @Test func acceptTakesACustomerTitleOrAWorkItem() {
        var agent = ScriptedAgent()
        agent.run("incoming chat", "incoming sms \"Kenny Smith\"", "incoming chat", "incoming voice \"José Núñez\"")
        #expect(agent.output("accept Visitor 2").contains("Accepted Chat from Visitor 2."))
        #expect(agent.output("accept \"kenny smith\"").contains("Accepted SMS from Kenny Smith."))
        let id = agent.state.notifications.last?.conversationID ?? 0
        #expect(agent.output("reject W\(id)").contains("Rejected the request from José Núñez"))
        #expect(agent.titles == ["Home", "Visitor 2", "Kenny Smith"])
        #expect(agent.output("accept 1").contains("Accepted Chat from Visitor 1."))
    }

    @Test func aNameThatFitsNoNotificationIsAClearError() {
        var agent = ScriptedAgent()
        agent.run("incoming chat", "incoming chat \"Kenny Smith\"", "incoming sms \"Kenny Smith\"")
        #expect(agent.error("accept Maria") == "no pending notification from \"Maria\"; 'notifications' lists them")
        #expect(agent.error("accept W999") == "no pending notification for W999; 'notifications' lists them")
        #expect(agent.error("reject kenny") == "\"kenny\" matches several notifications; use a number or a work item")
        #expect(agent.output("accept Kenny Smith").contains("Accepted Chat from Kenny Smith."))
    }

    /// The live prompt: a notification times out between the list and the command.
    @Test func numbersStayAsShownWhenARequestTimesOutMeanwhile() {
        var shell = interpreter(after: ["incoming chat", "clock advance 30s", "incoming sms \"Kenny Smith\"", "show"])
        _ = shell.advanceClock(to: 121)  // Visitor 1 times out; the list shown said 1) Visitor 1, 2) Kenny Smith
        #expect(shell.state.notifications.count == 1)
        guard case .failed(let error) = shell.handle("accept 1") else {
            Issue.record("accept 1 took another request")
            return
        }
        #expect(
            error.message == "notification 1 (Visitor 1) is no longer pending; 'notifications' lists those that are")
        guard case .ran(let outcome) = shell.handle("accept 2") else {
            Issue.record("accept 2 failed")
            return
        }
        #expect(outcome.items.first == .message("Accepted SMS from Kenny Smith. Started session 1: Kenny Smith."))
    }

    @Test func aRequestThatArrivedSinceTakesTheNextNumber() throws {
        var shell = interpreter(after: ["incoming chat", "show"])
        try shell.schedule("incoming sms \"Kenny Smith\"", at: 10)
        _ = shell.advanceClock(to: 10)
        guard case .ran(let outcome) = shell.handle("reject 2") else {
            Issue.record("reject 2 failed")
            return
        }
        #expect(
            outcome.items.first == .message("Rejected the request from Kenny Smith; it is routed to another agent."))
        #expect(shell.handle("notifications") != .nothing)
        #expect(shell.state.notifications.count == 1)
        guard case .failed = shell.handle("accept 2") else {
            Issue.record("the list was shown again: 2 is past its end")
            return
        }
    }

    @Test func completionOffersTitlesAndWorkItems() {
        var agent = ScriptedAgent()
        agent.run("incoming chat", "incoming sms \"Kenny Smith\"")
        let texts = CompletionEngine.complete("accept K", in: agent.state).candidates.map(\.text)
        #expect(texts == ["\"Kenny Smith\""])
        #expect(CompletionEngine.complete("reject W", in: agent.state).candidates.map(\.text) == ["W1000", "W1001"])
    }
}
