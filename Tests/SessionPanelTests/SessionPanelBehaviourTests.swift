import Testing

@testable import SessionPanel

@Suite("Switching, unread counts, sentiment alerts and tooltips")
struct SessionPanelBehaviourTests {
    /// Home, then Kenny Smith (1) and Visitor 1 (2), Visitor 1 focused.
    private func twoSessions() -> TestShell {
        var shell = TestShell()
        shell.run(#"incoming chat "Kenny Smith""#, "accept", "incoming sms", "accept")
        return shell
    }

    @Test("switch by position, home, or title prefix")
    func switching() {
        var shell = twoSessions()
        shell.run("switch 1")
        #expect(shell.focusedTitle == "Kenny Smith")
        shell.run("switch home")
        #expect(shell.state.focusedPosition == 0)
        shell.run("switch vis")
        #expect(shell.focusedTitle == "Visitor 1")
        shell.run("switch 0")
        #expect(shell.focusedTitle == "Home")
        #expect(shell.error("switch 3") == "no session at position 3; positions are 0 (Home) to 2")
        #expect(shell.error("switch Zed") == "no session title starts with \"Zed\"")
    }

    @Test("an ambiguous title prefix lists the matches")
    func ambiguousPrefix() {
        var shell = TestShell()
        shell.run("incoming chat", "accept", "incoming chat", "accept")
        #expect(
            shell.error("switch Visitor")
                == "\"Visitor\" matches several sessions (1 Visitor 1, 2 Visitor 2); use a position")
        shell.run("switch visitor 1")
        #expect(shell.focusedTitle == "Visitor 1")
    }

    @Test("messages to an unfocused session count as unread; the focused session never gains any")
    func unread() {
        var shell = twoSessions()
        shell.run("message 1 hello", "message 1 again", "message 2 ping")
        #expect(shell.session("Kenny Smith")?.unreadCount == 2)
        #expect(shell.session("Visitor 1")?.unreadCount == 0)
        #expect(shell.conversation("Visitor 1")?.messages.count == 1)
    }

    @Test("focusing a session clears its unread count")
    func focusClears() {
        var shell = twoSessions()
        shell.run("message 1 hello", "switch 1")
        #expect(shell.session("Kenny Smith")?.unreadCount == 0)
    }

    @Test("the badge shows 1–9, then 9+ for ten or more", arguments: [(1, "1"), (9, "9"), (10, "9+"), (42, "9+")])
    func badge(count: Int, badge: String) {
        var shell = twoSessions()
        for index in 0..<count { shell.run("message 1 m\(index)") }
        #expect(shell.session("Kenny Smith")?.unreadBadge == badge)
        #expect(shell.output("show").contains("|   1  Ke  \(badge.count == 1 ? " " : "")\(badge) Kenny Smith"))
    }

    @Test("the sentiment alert shows at or below the threshold (default slightly negative)")
    func sentimentAlert() {
        var shell = twoSessions()
        shell.run("sentiment 1 neutral")
        #expect(!shell.state.hasSentimentAlert(shell.session("Kenny Smith")!))
        shell.run("sentiment 1 slightly-negative")
        #expect(shell.state.hasSentimentAlert(shell.session("Kenny Smith")!))
        #expect(shell.output("show").contains("|   1  Ke !   Kenny Smith"))
        shell.run("config threshold negative")
        #expect(!shell.state.hasSentimentAlert(shell.session("Kenny Smith")!))
        shell.run("sentiment 1 very-negative")
        #expect(shell.state.hasSentimentAlert(shell.session("Kenny Smith")!))
        shell.run("config threshold off")
        #expect(!shell.state.hasSentimentAlert(shell.session("Kenny Smith")!))
        #expect(shell.error("sentiment 0 negative") == "Home has no sentiment")
    }

    @Test("tooltips use the product's exact wording, urgent first")
    func tooltips() {
        var shell = twoSessions()
        #expect(shell.output("hover 1") == "Kenny Smith")
        shell.run("message 1 a", "message 1 b", "message 1 c", "message 1 d", "message 1 e")
        #expect(shell.output("hover 1") == "Kenny Smith. 5 new updates in your conversation.")
        shell.run("sentiment 1 negative")
        #expect(
            shell.output("hover 1") == """
                Kenny Smith. Urgent attention is needed in your conversation.
                Kenny Smith. 5 new updates in your conversation.
                """)
        shell.run("sentiment 2 very-negative")
        #expect(shell.output("hover Visitor") == "Visitor 1. Urgent attention is needed in your conversation.")
    }

    @Test("the icon is the first two letters of the title")
    func initials() {
        #expect(Session(id: 1, kind: .contact("x"), title: "Kenny Smith").initials == "Ke")
        #expect(Session(id: 1, kind: .contact("x"), title: "José Núñez").initials == "Jo")
        #expect(Session(id: 1, kind: .caseRecord(1), title: "42 Printer on fire").initials == "Pr")
        #expect(Session(id: 1, kind: .contact("x"), title: "Ñu").initials == "Ñu")
        #expect(Session(id: 1, kind: .contact("x"), title: "7").initials == "7")
    }

    @Test("panel collapse shows only icons and badges; expand shows titles; toggle flips")
    func panelModes() {
        var shell = twoSessions()
        shell.run("message 1 hi")
        let collapsed = shell.output("panel collapse")
        #expect(collapsed.contains("|   1  Ke   1 |"))
        #expect(!collapsed.contains("|   1  Ke   1 Kenny Smith"))
        #expect(shell.state.panelMode == .collapsed)
        shell.run("panel toggle")
        #expect(shell.state.panelMode == .expanded)
        #expect(shell.output("panel collapse").contains("+- = "))
        #expect(shell.output("panel expand").contains("Kenny Smith"))
    }

    @Test("linking a contact to a visitor's conversation renames the session")
    func link() {
        var shell = TestShell()
        shell.run("incoming chat", "accept", #"link 1 "Kenny Smith""#)
        #expect(shell.titles == ["Home", "Kenny Smith"])
        #expect(shell.error(#"link 1 "Maria Campbell""#) == "only a visitor's conversation can be linked to a contact")
    }
}
