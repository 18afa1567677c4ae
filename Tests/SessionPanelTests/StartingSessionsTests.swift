import Testing

@testable import SessionPanel

@Suite("Starting sessions: notifications, Accept/Reject, manual open, pick")
struct StartingSessionsTests {
    @Test("an incoming request waits as a notification; accept starts and focuses its session")
    func acceptStartsAndFocuses() {
        var agent = ScriptedAgent()
        agent.run(#"incoming chat "Kenny Smith""#)
        #expect(agent.state.notifications.count == 1)
        #expect(agent.titles == ["Home"])
        agent.run("accept")
        #expect(agent.titles == ["Home", "Kenny Smith"])
        #expect(agent.focusedTitle == "Kenny Smith")
        #expect(agent.state.notifications.isEmpty)
        #expect(agent.conversation("Kenny Smith")?.state == .active)
        #expect(agent.session("Kenny Smith")?.tabs.map(\.title) == ["Customer summary", "KB Search"])
    }

    @Test("unauthenticated visitors are numbered Visitor 1, Visitor 2, … in arrival order")
    func visitors() {
        var agent = ScriptedAgent()
        agent.run("incoming chat", "incoming sms", "accept 2", "accept")
        #expect(agent.titles == ["Home", "Visitor 2", "Visitor 1"])
        #expect(agent.session("Visitor 2")?.initials == "Vi")
    }

    @Test("accept N and reject N pick the Nth pending notification; the rest stay in order")
    func numberedNotifications() {
        var agent = ScriptedAgent()
        agent.run(#"incoming chat "Kenny Smith""#, "incoming voice", #"incoming sms "Maria Campbell""#)
        agent.run("reject 2")
        #expect(
            agent.state.notifications.compactMap { agent.state.conversations[$0.conversationID]?.title } == [
                "Kenny Smith", "Maria Campbell",
            ])
        agent.run("accept 2")
        #expect(agent.titles == ["Home", "Maria Campbell"])
        #expect(agent.error("accept 3") == "no notification 3; only 1 is pending")
        #expect(agent.error("reject 0") == "no notification 0; only 1 is pending")
        agent.run("reject")
        #expect(agent.error("accept") == "no pending notifications")
    }

    @Test("a rejected conversation is routed on: it waits in Open work items")
    func rejectRequeues() throws {
        var agent = ScriptedAgent()
        agent.run("incoming chat", "reject")
        #expect(try agent.state.listed(.open).map(\.title).contains("Visitor 1"))
    }

    @Test("notifications time out after 120 seconds by default; presence turns Inactive")
    func timeout() {
        var agent = ScriptedAgent()
        agent.run("incoming chat")
        agent.run("clock advance 119s")
        #expect(agent.state.notifications.count == 1)
        let text = agent.output("clock advance 1s")
        #expect(agent.state.notifications.isEmpty)
        #expect(text.contains("Visitor 1: request timed out, routed to another agent."))
        #expect(agent.state.presence == .inactive)
        #expect(agent.error("accept") == "no pending notifications")
    }

    @Test("the notification timeout is a setting")
    func timeoutSetting() {
        var agent = ScriptedAgent()
        agent.run("config notification-timeout 5m", "incoming sms", "clock advance 4m")
        #expect(agent.state.notifications.count == 1)
        agent.run("clock advance 1m")
        #expect(agent.state.notifications.isEmpty)
    }

    @Test("open case, contact and account start record sessions titled by the record")
    func manualOpen() {
        var agent = ScriptedAgent()
        agent.run("open case 42", #"open contact "kenny smith""#, "open account Contoso")
        #expect(agent.titles == ["Home", "Printer on fire", "Kenny Smith", "Contoso"])
        #expect(agent.session("Printer on fire")?.kind == .caseRecord(42))
        #expect(agent.error("open case 9999") == "no case 9999; 'open case' with Tab lists them")
        #expect(agent.error(#"open contact "Nobody Here""#) == "no contact named \"Nobody Here\"")
        #expect(agent.error("open account Initech") == "no account named \"Initech\"")
    }

    @Test("opening what is already open switches to it instead of duplicating")
    func openTwice() {
        var agent = ScriptedAgent()
        agent.run("open case 42", "open case 17")
        let text = agent.output("open case 42")
        #expect(agent.titles.count == 3)
        #expect(agent.focusedTitle == "Printer on fire")
        #expect(text.hasPrefix("\"Printer on fire\" is already open at position 1; switched to it."))
    }

    @Test("the dashboard lists My, Open and Closed work items with ids")
    func dashboard() {
        var agent = ScriptedAgent()
        let text = agent.output("dashboard")
        #expect(text.contains("My work items (2)\n  W101  Chat   Maria Campbell          Active"))
        #expect(text.contains("Open work items (2)\n  W201  Chat   Abraham McCormick       Open"))
        #expect(text.contains("Closed work items (1)\n  W301  Voice  Kenny Smith             Closed"))
    }

    @Test("open <item> works for My work items; Open work items must be picked")
    func openMyItem() {
        var agent = ScriptedAgent()
        agent.run("open W101")
        #expect(agent.focusedTitle == "Maria Campbell")
        #expect(agent.conversation("Maria Campbell")?.state == .active)
        #expect(agent.error("open W201") == "W201 is in Open work items; 'pick W201' assigns it to you")
        #expect(agent.error("open W999") == "no work item W999 on the dashboard")
    }

    @Test("a Closed work item opens read-only and is not reactivated")
    func openClosedItem() throws {
        var agent = ScriptedAgent()
        let text = agent.output("open W301")
        #expect(text.contains("(read-only)"))
        #expect(agent.session("Kenny Smith")?.readOnly == true)
        #expect(agent.conversation("Kenny Smith")?.state == .closed)
        #expect(agent.error("reply hello") == "\"Kenny Smith\" is a closed work item, open read-only")
        #expect(agent.error(#"type notes "x""#) == "\"Kenny Smith\" is read-only")
    }

    @Test("pick moves an Open work item to My work items and starts its session")
    func pick() throws {
        var agent = ScriptedAgent()
        agent.run("pick W201")
        #expect(agent.focusedTitle == "Abraham McCormick")
        #expect(try agent.state.listed(.mine).map(\.id).contains(201))
        #expect(try !agent.state.listed(.open).map(\.id).contains(201))
        #expect(agent.error("pick W101") == "W101 is in My work items; only Open work items can be picked")
    }

    @Test("ten sessions with Home at most: the next start fails with the product's message and changes nothing")
    func sessionLimit() {
        var agent = ScriptedAgent()
        for _ in 1...9 { agent.run("incoming chat", "accept") }
        #expect(agent.state.sessions.count == 10)
        #expect(agent.error("open case 42") == "Maximum sessions reached. Close a session before opening another.")
        agent.run("incoming sms")
        #expect(agent.error("accept") == "Maximum sessions reached. Close a session before opening another.")
        #expect(agent.state.notifications.count == 1, "the notification is still pending")
        agent.run("close 3 --yes", "accept")
        #expect(agent.state.sessions.count == 10)
    }
}
