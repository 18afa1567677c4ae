import Testing

@testable import SessionPanel

/// Presence as the product keeps it (issue 17, rules 1–3): a status set by hand stays, Offline, Away
/// and Inactive take no new work, and the agent's Active work uses capacity.
@Suite struct PresenceRuleTests {
    @Test func doNotDisturbSetByHandStaysWhenWorkArrives() {
        var agent = ScriptedAgent()
        agent.run("presence dnd", #"incoming chat "Kenny Smith""#, "accept")
        #expect(agent.output("presence") == "Presence: Do not disturb (set by you: it stays until you change it)")
        agent.run("close --yes")
        #expect(agent.state.presence == .doNotDisturb)
        agent.run("presence available", #"incoming chat "Kenny Smith""#, "accept")
        #expect(
            agent.output("presence") == "Presence: Do not disturb (automatic)", "capacity 3: two items and this one")
    }

    @Test(arguments: ["offline", "away"])
    func offlineOrAwayRefusesATypedRequest(presence: String) {
        var agent = ScriptedAgent()
        agent.run("presence \(presence)")
        let name = presence == "away" ? "Away" : "Offline"
        #expect(
            agent.error(#"incoming chat "Kenny Smith""#)
                == "you are \(name): no new work is offered; set a presence such as available first")
    }

    @Test func whileOfflineScheduledRequestsWaitInTheQueueAndAreOfferedOnReturn() throws {
        var agent = ScriptedAgent()
        agent.run("presence offline")
        var shell = agent.interpreter
        try shell.schedule(#"incoming sms "Kenny Smith""#, at: 60)
        let lines = eventLines(shell.advanceClock(to: 600), in: shell.state)
        #expect(lines == ["[00:01:00] ! Kenny Smith: SMS request waits in the queue; you are Offline."])
        #expect(shell.state.notifications.isEmpty)
        #expect(try shell.state.listed(.open).map(\.title).contains("Kenny Smith"))
        guard case .ran(let outcome) = shell.handle("presence available") else {
            Issue.record("presence available failed")
            return
        }
        let text = OutcomeRenderer(style: .plain).render(outcome, in: shell.state).joined(separator: "\n")
        #expect(text.contains("Incoming SMS from Kenny Smith."))
        #expect(shell.state.notifications.count == 1)
    }

    @Test func afterAMissedRequestNoNewRequestIsOfferedUntilThePresenceIsSet() {
        var shell = interpreter(after: ["traffic rush --seed 1"])
        var lines: [String] = []
        while !lines.contains(where: { $0.contains("timed out") }), let due = shell.nextEventDue {
            lines += eventLines(shell.advanceClock(to: due), in: shell.state)
        }
        #expect(shell.state.presence == .inactive)
        let later = eventLines(shell.advanceClock(to: shell.state.now + 1_800), in: shell.state)
        #expect(!later.contains { $0.contains("* Incoming") }, "\(later)")
        #expect(later.contains { $0.contains("waits in the queue; you are Inactive.") })
        #expect(shell.state.notifications.isEmpty)
        #expect(shell.state.presence == .inactive)
        guard case .ran(let outcome) = shell.handle("presence available") else {
            Issue.record("presence available failed")
            return
        }
        #expect(!shell.state.notifications.isEmpty, "the SMS and social requests that waited are offered")
        #expect(outcome.reports.count == 1 + shell.state.notifications.count)
    }

    @Test func activeWorkItemsUseCapacityFromTheStartOfTheShift() {
        #expect(PanelState().presence == .busy, "the demo world's agent has two Active items in My work items")
        let three = World(
            workItems: [101, 102, 103].map { World.WorkItem(id: $0, channel: .chat, customer: nil, stream: .mine) })
        #expect(PanelState(world: three).presence == .doNotDisturb, "capacity 3, all used")
        #expect(PanelState(world: World()).presence == .available)
    }

    @Test func theTenthSessionBringsTheProductsAlertWithTheNextRequest() throws {
        var agent = ScriptedAgent()
        agent.run(
            "open case 42", "open case 17", "open case 108", "open case 256", #"open contact "Kenny Smith""#,
            #"open contact "José Núñez""#, "open account Contoso", "open account Fabrikam",
            #"open account "Adventure Works""#)
        #expect(agent.state.presence == .doNotDisturb)
        let text = agent.output(#"incoming chat "Maria Campbell""#)
        #expect(text.contains("! Maximum sessions reached. Close a session before opening another."))
        var shell = agent.interpreter
        try shell.schedule(#"incoming sms "Kenny Smith""#, at: 10)
        let lines = eventLines(shell.advanceClock(to: 10), in: shell.state)
        #expect(lines.last == "[00:00:10] ! Maximum sessions reached. Close a session before opening another.")
    }

    @Test func aPresenceSetByHandAndTheRequestsHeldAreSavedWithTheShift() throws {
        var shell = interpreter(after: ["presence away"])
        try shell.schedule(#"incoming chat "Kenny Smith""#, at: 5)
        _ = shell.advanceClock(to: 5)
        let loaded = try savedAndLoaded(shell.state)
        #expect(loaded == shell.state)
        #expect(loaded.presenceSetByAgent && loaded.heldRequests.count == 1)
    }
}
