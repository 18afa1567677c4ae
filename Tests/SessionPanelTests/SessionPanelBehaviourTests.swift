import Testing

@testable import SessionPanel

@Suite("Switching, unread counts, sentiment alerts and tooltips")
struct SessionPanelBehaviourTests {
    /// Home, then Kenny Smith (1) and Visitor 1 (2), Visitor 1 focused.
    private func twoSessions() -> ScriptedAgent {
        var agent = ScriptedAgent()
        agent.run(#"incoming chat "Kenny Smith""#, "accept", "incoming sms", "accept")
        return agent
    }

    @Test("switch by position, home, or title prefix")
    func switching() {
        var agent = twoSessions()
        agent.run("switch 1")
        #expect(agent.focusedTitle == "Kenny Smith")
        agent.run("switch home")
        #expect(agent.state.focusedPosition == 0)
        agent.run("switch vis")
        #expect(agent.focusedTitle == "Visitor 1")
        agent.run("switch 0")
        #expect(agent.focusedTitle == "Home")
        #expect(agent.error("switch 3") == "no session at position 3; positions are 0 (Home) to 2")
        #expect(agent.error("switch Zed") == "no session title starts with \"Zed\"")
    }

    @Test("an ambiguous title prefix lists the matches")
    func ambiguousPrefix() {
        var agent = ScriptedAgent()
        agent.run("incoming chat", "accept", "incoming chat", "accept")
        #expect(
            agent.error("switch Visitor")
                == "\"Visitor\" matches several sessions (1 Visitor 1, 2 Visitor 2); use a position")
        agent.run("switch visitor 1")
        #expect(agent.focusedTitle == "Visitor 1")
    }

    @Test("messages to an unfocused session count as unread; the focused session never gains any")
    func unread() {
        var agent = twoSessions()
        agent.run("message 1 hello", "message 1 again", "message 2 ping")
        #expect(agent.session("Kenny Smith")?.unreadCount == 2)
        #expect(agent.session("Visitor 1")?.unreadCount == 0)
        #expect(agent.conversation("Visitor 1")?.messages.count == 1)
    }

    @Test("focusing a session clears its unread count")
    func focusClears() {
        var agent = twoSessions()
        agent.run("message 1 hello", "switch 1")
        #expect(agent.session("Kenny Smith")?.unreadCount == 0)
    }

    @Test("the badge shows 1–9, then 9+ for ten or more", arguments: [(1, "1"), (9, "9"), (10, "9+"), (42, "9+")])
    func badge(count: Int, badge: String) {
        var agent = twoSessions()
        for index in 0..<count { agent.run("message 1 m\(index)") }
        #expect(agent.session("Kenny Smith")?.unreadBadge == badge)
        #expect(agent.output("show").contains("|   1  Ke  \(badge.count == 1 ? " " : "")\(badge) Kenny Smith"))
    }

    @Test("the sentiment alert shows at or below the threshold (default slightly negative)")
    func sentimentAlert() {
        var agent = twoSessions()
        agent.run("sentiment 1 neutral")
        #expect(!agent.state.hasSentimentAlert(agent.session("Kenny Smith")!))
        agent.run("sentiment 1 slightly-negative")
        #expect(agent.state.hasSentimentAlert(agent.session("Kenny Smith")!))
        #expect(agent.output("show").contains("|   1  Ke !   Kenny Smith"))
        agent.run("config threshold negative")
        #expect(!agent.state.hasSentimentAlert(agent.session("Kenny Smith")!))
        agent.run("sentiment 1 very-negative")
        #expect(agent.state.hasSentimentAlert(agent.session("Kenny Smith")!))
        agent.run("config threshold off")
        #expect(!agent.state.hasSentimentAlert(agent.session("Kenny Smith")!))
        #expect(agent.error("sentiment 0 negative") == "Home has no sentiment")
    }

    @Test("tooltips use the product's exact wording, urgent first")
    func tooltips() {
        var agent = twoSessions()
        #expect(agent.output("hover 1") == "Kenny Smith")
        agent.run("message 1 a", "message 1 b", "message 1 c", "message 1 d", "message 1 e")
        #expect(agent.output("hover 1") == "Kenny Smith. 5 new updates in your conversation.")
        agent.run("sentiment 1 negative")
        #expect(
            agent.output("hover 1") == """
                Kenny Smith. Urgent attention is needed in your conversation.
                Kenny Smith. 5 new updates in your conversation.
                """)
        agent.run("sentiment 2 very-negative")
        #expect(agent.output("hover Visitor") == "Visitor 1. Urgent attention is needed in your conversation.")
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
        var agent = twoSessions()
        agent.run("message 1 hi")
        let collapsed = agent.output("panel collapse")
        #expect(collapsed.contains("|   1  Ke   1 |"))
        #expect(!collapsed.contains("|   1  Ke   1 Kenny Smith"))
        #expect(agent.state.panelMode == .collapsed)
        agent.run("panel toggle")
        #expect(agent.state.panelMode == .expanded)
        #expect(agent.output("panel collapse").contains("+- = "))
        #expect(agent.output("panel expand").contains("Kenny Smith"))
    }

    @Test("linking a contact to a visitor's conversation renames the session")
    func link() {
        var agent = ScriptedAgent()
        agent.run("incoming chat", "accept", #"link 1 "Kenny Smith""#)
        #expect(agent.titles == ["Home", "Kenny Smith"])
        #expect(
            agent.error(#"link 1 "Maria Campbell""#)
                == "W1000 is already linked to the contact Kenny Smith; 'unlink contact' first")
    }
}
