import Testing

@testable import SessionPanel

/// The Communication panel below a focused conversation session.
@Suite struct CommunicationPanelTests {
    private func panel(_ state: PanelState, style: RenderStyle = .plain) -> [String] {
        let lines = PanelRenderer(style: style).render(state)
        guard let start = lines.firstIndex(where: { $0.contains("Communication") }) else { return [] }
        return Array(lines[start...].prefix { !$0.contains("Notifications:") })
    }

    @Test func theLatestMessagesShowNewestLastWithTheirTimes() {
        var agent = ScriptedAgent()
        agent.run(
            "incoming chat \"Kenny Smith\"", "accept", "message 1 one", "clock advance 30s", "reply two",
            "message 1 three", "message 1 four", "clock advance 1m", "message 1 five")
        #expect(
            panel(agent.state) == [
                "    Communication: latest 4 of 5 ('history' shows all)",
                "      00:00:30 You: two",
                "      00:00:30 Kenny Smith: three",
                "      00:00:30 Kenny Smith: four",
                "      00:01:30 Kenny Smith: five",
            ])
        #expect(agent.output("history").contains("one"), "history still shows them all")
    }

    @Test func longMessagesAreFittedToTheWidth() {
        var agent = ScriptedAgent()
        agent.run("incoming sms", "accept", "message 1 \"\(String(repeating: "word ", count: 40))\"")
        let line = panel(agent.state)[1]
        #expect(VisibleText.width(line) == 80 && line.hasSuffix("~"))  // the whole width, as the panel
        let narrow = RenderStyle(color: false, unicode: true, width: 50)
        #expect(panel(agent.state, style: narrow).allSatisfy { VisibleText.width($0) <= 50 })
    }

    @Test func controlCharactersInCustomerTextAreEscaped() {
        var agent = ScriptedAgent()
        agent.run("incoming chat", "accept", "message 1 \"a\\u{1B}[2Jb\"")
        agent.run("message 1 \"x\u{1B}[31my\"")
        #expect(panel(agent.state).allSatisfy { !$0.contains("\u{1B}") })
        #expect(panel(agent.state).last?.contains("x\\e[31my") == true)
    }

    @Test func configOrCollapseHideIt() {
        var agent = ScriptedAgent()
        agent.run("incoming chat \"Kenny Smith\"", "accept", "message 1 hi")
        #expect(panel(agent.state).count == 2)
        agent.run("config communication-panel off")
        #expect(panel(agent.state).isEmpty)
        agent.run("config communication-panel 1", "panel collapse")
        #expect(panel(agent.state).isEmpty)
        agent.run("panel expand")
        #expect(panel(agent.state) == ["    Communication:", "      00:00:00 Kenny Smith: hi"])
        #expect(agent.error("config communication-panel 21") == "communication-panel takes off|1…20, not \"21\"")
    }

    @Test func onlyTextConversationsHaveOne() {
        var agent = ScriptedAgent()
        agent.run("incoming voice \"Kenny Smith\"", "accept")
        #expect(panel(agent.state).isEmpty)
        agent.run("open case 42")
        #expect(panel(agent.state).isEmpty)
        agent.run("incoming social", "accept")
        #expect(panel(agent.state) == ["    Communication: no messages yet"])
    }
}

/// The bell, completion and escaping of the live shift's commands.
@Suite struct LiveShiftCommandTests {
    @Test func aRequestArrivingOnItsOwnRingsTheBellUnlessTurnedOff() throws {
        var agent = Interpreter(state: PanelState())
        try agent.schedule("incoming chat", at: 5)
        try agent.schedule("incoming sms", at: 10)
        #expect(agent.advanceClock(to: 5).map(\.ringsBell) == [true])
        #expect(agent.handle("config bell off") != .nothing)
        #expect(agent.advanceClock(to: 10).map(\.ringsBell) == [false])
        #expect(agent.advanceClock(to: 200).allSatisfy { !$0.ringsBell }, "a timeout does not ring")
    }

    @Test func typedCommandsNeverRing() {
        var agent = ScriptedAgent()
        #expect(!agent.run("incoming chat").ringsBell)
    }

    @Test func tabCompletesTheLiveShiftCommands() {
        #expect(CompletionFixture.texts("traffic ") == ["off", "light", "steady", "rush"])
        #expect(CompletionFixture.texts("traffic rush -") == ["--seed"])
        #expect(CompletionFixture.texts("traffic rush --seed ").isEmpty)
        #expect(CompletionFixture.texts("report -") == ["--format", "--svg"])
        #expect(CompletionFixture.texts("tra") == ["transfer", "traffic"])
        #expect(CompletionFixture.texts("config pat") == ["patience"])
        #expect(CompletionFixture.texts("config bell ") == ["on", "off"])
    }

    @Test func customerTextInEventLinesIsEscaped() throws {
        var agent = Interpreter(state: PanelState())
        try agent.schedule("incoming chat \"Kenny Smith\"", at: 0)
        try agent.schedule("message \"Kenny Smith\" \"\u{1B}]0;pwned\u{7}\"", at: 1)
        let lines = eventLines(agent.advanceClock(to: 1), in: agent.state)
        #expect(lines.allSatisfy { !$0.unicodeScalars.contains { $0.value < 0x20 } })
        #expect(lines.last?.hasSuffix("\\e]0;pwned\\u{7}") == true)
    }

    @Test func theHelpOfTheNewCommandsComesFromTheTable() {
        var agent = ScriptedAgent()
        #expect(agent.output("help traffic").contains("rush: rush hour"))
        #expect(agent.output("help report").contains("--svg"))
        #expect(agent.output("help at").contains("at <time> <command>"))
    }
}
