import Testing

@testable import SessionPanel

@Suite("Starting sessions: notifications, Accept/Reject, manual open, pick")
struct StartingSessionsTests {
    @Test("an incoming request waits as a notification; accept starts and focuses its session")
    func acceptStartsAndFocuses() {
        var shell = TestShell()
        shell.run(#"incoming chat "Kenny Smith""#)
        #expect(shell.state.notifications.count == 1)
        #expect(shell.titles == ["Home"])
        shell.run("accept")
        #expect(shell.titles == ["Home", "Kenny Smith"])
        #expect(shell.focusedTitle == "Kenny Smith")
        #expect(shell.state.notifications.isEmpty)
        #expect(shell.conversation("Kenny Smith")?.state == .active)
        #expect(shell.session("Kenny Smith")?.tabs.map(\.title) == ["Customer summary", "KB Search"])
    }

    @Test("unauthenticated visitors are numbered Visitor 1, Visitor 2, … in arrival order")
    func visitors() {
        var shell = TestShell()
        shell.run("incoming chat", "incoming sms", "accept 2", "accept")
        #expect(shell.titles == ["Home", "Visitor 2", "Visitor 1"])
        #expect(shell.session("Visitor 2")?.initials == "Vi")
    }

    @Test("accept N and reject N pick the Nth pending notification; the rest stay in order")
    func numberedNotifications() {
        var shell = TestShell()
        shell.run(#"incoming chat "Kenny Smith""#, "incoming voice", #"incoming sms "Maria Campbell""#)
        shell.run("reject 2")
        #expect(
            shell.state.notifications.compactMap { shell.state.conversations[$0.conversationID]?.title } == [
                "Kenny Smith", "Maria Campbell",
            ])
        shell.run("accept 2")
        #expect(shell.titles == ["Home", "Maria Campbell"])
        #expect(shell.error("accept 3") == "no notification 3; only 1 is pending")
        #expect(shell.error("reject 0") == "no notification 0; only 1 is pending")
        shell.run("reject")
        #expect(shell.error("accept") == "no pending notifications")
    }

    @Test("a rejected conversation is routed on: it waits in Open work items")
    func rejectRequeues() {
        var shell = TestShell()
        shell.run("incoming chat", "reject")
        #expect(shell.state.workItems(in: .open).map(\.title).contains("Visitor 1"))
    }

    @Test("notifications time out after 120 seconds by default; presence turns Inactive")
    func timeout() {
        var shell = TestShell()
        shell.run("incoming chat")
        shell.run("clock advance 119s")
        #expect(shell.state.notifications.count == 1)
        let text = shell.output("clock advance 1s")
        #expect(shell.state.notifications.isEmpty)
        #expect(text.contains("The request from Visitor 1 timed out and was routed to another agent."))
        #expect(shell.state.presence == .inactive)
        #expect(shell.error("accept") == "no pending notifications")
    }

    @Test("the notification timeout is a setting")
    func timeoutSetting() {
        var shell = TestShell()
        shell.run("config notification-timeout 5m", "incoming sms", "clock advance 4m")
        #expect(shell.state.notifications.count == 1)
        shell.run("clock advance 1m")
        #expect(shell.state.notifications.isEmpty)
    }

    @Test("open case, contact and account start record sessions titled by the record")
    func manualOpen() {
        var shell = TestShell()
        shell.run("open case 42", #"open contact "kenny smith""#, "open account Contoso")
        #expect(shell.titles == ["Home", "Printer on fire", "Kenny Smith", "Contoso"])
        #expect(shell.session("Printer on fire")?.kind == .caseRecord(42))
        #expect(shell.error("open case 9999") == "no case 9999; `open case` with Tab lists them")
        #expect(shell.error(#"open contact "Nobody Here""#) == "no contact named \"Nobody Here\"")
        #expect(shell.error("open account Initech") == "no account named \"Initech\"")
    }

    @Test("opening what is already open switches to it instead of duplicating")
    func openTwice() {
        var shell = TestShell()
        shell.run("open case 42", "open case 17")
        let text = shell.output("open case 42")
        #expect(shell.titles.count == 3)
        #expect(shell.focusedTitle == "Printer on fire")
        #expect(text.hasPrefix("\"Printer on fire\" is already open at position 1; switched to it."))
    }

    @Test("the dashboard lists My, Open and Closed work items with ids")
    func dashboard() {
        var shell = TestShell()
        let text = shell.output("dashboard")
        #expect(text.contains("My work items (2)\n  W101  Chat   Maria Campbell          Active"))
        #expect(text.contains("Open work items (2)\n  W201  Chat   Abraham McCormick       Open"))
        #expect(text.contains("Closed work items (1)\n  W301  Voice  Kenny Smith             Closed"))
    }

    @Test("open <item> works for My work items; Open work items must be picked")
    func openMyItem() {
        var shell = TestShell()
        shell.run("open W101")
        #expect(shell.focusedTitle == "Maria Campbell")
        #expect(shell.conversation("Maria Campbell")?.state == .active)
        #expect(shell.error("open W201") == "W201 is in Open work items; `pick W201` assigns it to you")
        #expect(shell.error("open W999") == "no work item W999 on the dashboard")
    }

    @Test("a Closed work item opens read-only and is not reactivated")
    func openClosedItem() {
        var shell = TestShell()
        let text = shell.output("open W301")
        #expect(text.contains("(read-only)"))
        #expect(shell.session("Kenny Smith")?.readOnly == true)
        #expect(shell.conversation("Kenny Smith")?.state == .closed)
        #expect(shell.error("reply hello") == "\"Kenny Smith\" is a closed work item, open read-only")
        #expect(shell.error(#"type notes "x""#) == "\"Kenny Smith\" is read-only")
    }

    @Test("pick moves an Open work item to My work items and starts its session")
    func pick() {
        var shell = TestShell()
        shell.run("pick W201")
        #expect(shell.focusedTitle == "Abraham McCormick")
        #expect(shell.state.workItems(in: .mine).map(\.id).contains(201))
        #expect(!shell.state.workItems(in: .open).map(\.id).contains(201))
        #expect(shell.error("pick W101") == "W101 is in My work items; only Open work items can be picked")
    }

    @Test("ten sessions with Home at most: the next start fails with the product's message and changes nothing")
    func sessionLimit() {
        var shell = TestShell()
        for _ in 1...9 { shell.run("incoming chat", "accept") }
        #expect(shell.state.sessions.count == 10)
        #expect(shell.error("open case 42") == "Maximum sessions reached. Close a session before opening another.")
        shell.run("incoming sms")
        #expect(shell.error("accept") == "Maximum sessions reached. Close a session before opening another.")
        #expect(shell.state.notifications.count == 1, "the notification is still pending")
        shell.run("close 3 --yes", "accept")
        #expect(shell.state.sessions.count == 10)
    }
}
