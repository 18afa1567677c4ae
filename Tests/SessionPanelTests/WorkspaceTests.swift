import Testing

@testable import SessionPanel

@Suite("Unsaved forms, app tabs, presence and settings")
struct WorkspaceTests {
    @Test("unsaved form edits survive switching away and back")
    func draftsSurviveSwitching() {
        var agent = ScriptedAgent()
        agent.run("open case 42", #"type title "Printer on fire, again""#, "type notes smoke")
        agent.run("incoming chat", "accept")
        #expect(agent.output("form") == "No unsaved changes in Visitor 1.")
        agent.run("switch 1")
        #expect(
            agent.output("form") == "Unsaved form of Printer on fire:\n  title: Printer on fire, again\n  notes: smoke")
        agent.run("type title Replaced")
        #expect(
            agent.session("Printer on fire")?.draft == [
                DraftField(field: "title", value: "Replaced"), DraftField(field: "notes", value: "smoke"),
            ])
        agent.run("switch home")
        #expect(agent.error("type title x") == "Home has no form; switch to a customer session first")
        #expect(agent.error(#"type "bad field" x"#) == "a field name is letters, digits, - and _, not \"bad field\"")
    }

    @Test("a chat session starts with the Customer summary anchor tab and KB Search; the anchor cannot close")
    func anchorTab() {
        var agent = ScriptedAgent()
        agent.run(#"incoming chat "Kenny Smith""#, "accept")
        #expect(agent.error("tab close 1") == "the anchor tab (Customer summary) cannot be closed")
        #expect(agent.output("tabs") == "Tabs of Kenny Smith:\n  * 1 Customer summary (anchor)\n    2 KB Search")
    }

    @Test("closing a tab focuses the tab on its left")
    func closeFocusesLeft() {
        var agent = ScriptedAgent()
        agent.run(#"incoming chat "Kenny Smith""#, "accept")
        agent.run("tab open record INV-7", #"tab open app "Order lookup""#, "tab focus 3")
        agent.run("tab close")
        #expect(agent.state.focusedSession.tabs.map(\.title) == ["Customer summary", "KB Search", "Order lookup"])
        #expect(agent.state.focusedSession.focusedTab == 1)
        agent.run("tab focus 3", "tab close 2")
        #expect(
            agent.state.focusedSession.focusedTab == 1, "the focused tab stays focused when a tab to its left closes")
        #expect(agent.error("tab close 9") == "no tab 9; tabs are 1 to 2")
    }

    @Test("a session has at most ten tabs")
    func tabLimit() {
        var agent = ScriptedAgent()
        agent.run(#"incoming sms "Kenny Smith""#, "accept")
        for index in 3...10 { agent.run("tab open record R\(index)") }
        #expect(agent.state.focusedSession.tabs.count == 10)
        #expect(agent.error("tab open app Billing") == AppTab.maximumTabsMessage)
        agent.run("tab open kb")  // already open: focused, no new tab needed
        #expect(agent.state.focusedSession.focusedTab == 1)
    }

    @Test("Home has only its dashboard")
    func homeTabs() {
        var agent = ScriptedAgent()
        #expect(agent.error("tab open kb") == "Home has only its dashboard; switch to a customer session for app tabs")
    }

    @Test("presence follows the workload: Available, Busy, Do not disturb at capacity")
    func automaticPresence() {
        var agent = ScriptedAgent(world: World())
        #expect(agent.state.presence == .available)
        agent.run("incoming chat", "accept")
        #expect(agent.state.presence == .busy)
        agent.run("incoming chat", "accept", "incoming chat", "accept")
        #expect(agent.state.presence == .doNotDisturb)
        agent.run("close --yes")
        #expect(agent.state.presence == .busy)
        agent.run("close 1 --yes", "close 1 --yes")
        #expect(agent.state.presence == .available)
    }

    @Test("ten open sessions mean Do not disturb even for record sessions")
    func fullPanelDoNotDisturb() {
        var agent = ScriptedAgent()
        for number in [42, 17, 108, 256] { agent.run("open case \(number)") }
        for name in ["Kenny Smith", "José Núñez", "Maria Campbell", "Yvonne McKay", "Abraham McCormick"] {
            agent.run(#"open contact "\#(name)""#)
        }
        #expect(agent.state.sessions.count == 10)
        #expect(agent.state.presence == .doNotDisturb)
    }

    @Test("presence can be set by hand; auto-presence can be turned off")
    func manualPresence() {
        var agent = ScriptedAgent()
        agent.run("config auto-presence off", "presence busy", "incoming chat", "accept")
        #expect(agent.state.presence == .busy)
        #expect(agent.output("presence") == "Presence: Busy")
        agent.run("config auto-presence on")
        #expect(agent.state.presence == .doNotDisturb, "the two items in My work items and this chat fill capacity 3")
    }

    @Test("config lists every setting with its default and refuses bad values")
    func config() {
        var agent = ScriptedAgent()
        let text = agent.output("config")
        for key in [
            "threshold", "max-sessions", "max-tabs", "notification-timeout", "waiting-window", "chat-mode", "capacity",
            "auto-presence",
        ] {
            #expect(text.contains(key))
        }
        #expect(text.contains("waiting-window        28d"))
        #expect(
            agent.error("config threshold furious")
                == "threshold takes off|slightly-negative|negative|very-negative, not \"furious\"")
        #expect(
            agent.error("config colour blue").hasPrefix("unknown setting \"colour\"; settings: threshold, max-sessions")
        )
        #expect(agent.error("config max-sessions 1") == "max-sessions takes 2…100000, not \"1\"")
        agent.run("open case 42", "open case 17")
        #expect(agent.error("config max-sessions 2") == "3 sessions are open; close some before lowering max-sessions")
        agent.run("config max-sessions 12")
        #expect(
            agent.output("config").contains(
                "max-sessions          12                Most sessions open at once, Home included (default 10)"))
    }

    @Test("help is drawn from the command table")
    func help() {
        var agent = ScriptedAgent()
        let overview = agent.output("help")
        for spec in CommandTable.all { #expect(overview.contains("  \(spec.name)")) }
        #expect(
            agent.output("help close").hasPrefix(
                "usage: close [<n|title>] [--yes] [--disposition <code>]\nClose the focused (or named) session after confirmation."
            ))
        #expect(agent.output("help keys").contains("Alt-1…Alt-9"))
        #expect(agent.error("help swich") == "unknown command \"swich\"; did you mean 'switch'?")
    }
}
