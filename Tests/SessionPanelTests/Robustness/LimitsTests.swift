import Testing

@testable import JSONCoding
@testable import SessionPanel

/// Numbers near the 64-bit limit in a world or state file are refused at load, and every counter a
/// command pushes saturates or refuses at ``Limits/largestCounter``, so a saved state always loads again.
@Suite struct LimitsTests {
    private let largest = Limits.largestCounter

    /// An agent started from `state` after `change`, which must still be a loadable state.
    private func agent(_ change: (inout PanelState) -> Void) -> ScriptedAgent {
        var agent = ScriptedAgent()
        var state = agent.state
        change(&state)
        #expect(state.problems.isEmpty, "\(state.problems)")
        agent = ScriptedAgent(state: state)
        return agent
    }

    /// The state saved as JSON and read back must load (no problems) and be the same.
    private func expectReloads(_ state: PanelState, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bytes = Array(try JSONValueEncoder().encode(SavedState(state)).serialized.utf8)
        let loaded = try JSONValueDecoder().decode(SavedState.self, from: bytes).state
        #expect(loaded.problems.isEmpty, "\(loaded.problems)", sourceLocation: sourceLocation)
        #expect(loaded == state, sourceLocation: sourceLocation)
    }

    @Test func worldNumbersNearTheLimitAreRefusedAtLoad() {
        for number in [Int.max, Int.max - 1, largest, -1, Int.min] {
            let world = World(cases: [.init(number: number, title: "x")])
            #expect(world.problems == ["case \(number) is out of range (0 to \(Limits.largestRecordNumber))"])
        }
        for id in [Int.max, largest, 0, Int.min] {
            let world = World(workItems: [.init(id: id, channel: .chat, customer: nil, stream: .open)])
            #expect(world.problems == ["work item W\(id) is out of range (1 to \(Limits.largestRecordNumber))"])
        }
        let edge = World(
            cases: [.init(number: Limits.largestRecordNumber, title: "x")],
            workItems: [.init(id: Limits.largestRecordNumber, channel: .chat, customer: nil, stream: .open)])
        #expect(edge.problems.isEmpty)
        #expect(PanelState(world: edge).problems.isEmpty)  // the next work item number still fits
    }

    @Test func stateCountersNearTheLimitAreRefusedAtLoad() {
        var state = ScriptedAgent().state
        state.sessions[0].unreadCount = Int.max
        #expect(state.problems.contains { $0.contains("unread count out of range") })
        for counter in [\PanelState.now, \.visitorCount, \.nextSessionID, \.nextWorkItem] {
            var state = ScriptedAgent().state
            state[keyPath: counter] = Int.max
            #expect(state.problems.contains { $0.hasSuffix("is out of range") })
        }
    }

    @Test func theClockStopsAtTheLimit() throws {
        var agent = agent { $0.now = largest - 60 }
        #expect(agent.error("clock advance 61s").contains("cannot go past \(largest) seconds"))
        agent.run("clock advance 60s")
        #expect(agent.state.now == largest)
        try expectReloads(agent.state)
    }

    @Test func workItemNumbersAndVisitorNumbersRefuseAtTheLimit() throws {
        var agent = agent { $0.nextWorkItem = largest - 1 }
        agent.run("incoming chat \"Kenny Smith\"")
        try expectReloads(agent.state)
        #expect(agent.error("incoming chat").contains("no more work item numbers"))
        agent = self.agent { $0.visitorCount = largest - 1 }
        agent.run("incoming chat")
        try expectReloads(agent.state)
        #expect(agent.error("incoming sms").contains("no more visitor numbers"))
        agent.run("incoming sms \"Kenny Smith\"")  // a named customer needs no visitor number
    }

    @Test func sessionIDsRefuseAtTheLimit() throws {
        var agent = agent { $0.nextSessionID = largest - 1 }
        agent.run("open case 42")
        try expectReloads(agent.state)
        #expect(agent.error("open case 17").contains("no more session ids"))
        agent.run("open case 42")  // already open: switching needs no new id
    }

    @Test func unreadCountsSaturate() throws {
        var agent = ScriptedAgent()
        agent.run("incoming chat", "accept", "switch home")
        var state = agent.state
        state.sessions[1].unreadCount = largest
        agent = ScriptedAgent(state: state)
        agent.run("message 1 hello")
        #expect(agent.state.sessions[1].unreadCount == largest)
        #expect(agent.state.sessions[1].unreadBadge == "9+")
        try expectReloads(agent.state)
    }

    @Test func aWaitingWindowPastTheClockLimitSaturates() throws {
        var agent = agent { $0.now = largest - 5 }
        agent.run("incoming sms \"Kenny Smith\"", "accept", "close --yes")
        #expect(agent.conversation("Kenny Smith") == nil)
        let waiting = try #require(agent.state.everyConversation.values.first { $0.state == .waiting })
        #expect(waiting.waitingUntil == largest)
        try expectReloads(agent.state)
    }
}

@Suite struct UnknownMemberTests {
    @Test func anUnknownMemberAnywhereIsAnError() throws {
        let world = #"{"contacts":[{"name":"A","acount":"B"}],"accounts":[],"cases":[],"workItems":[]}"#
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(World.self, from: Array(world.utf8)) }
        let top = #"{"contacts":[],"accounts":[],"cases":[],"workItems":[],"casses":[]}"#
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(World.self, from: Array(top.utf8)) }
        let saved = try JSONValueEncoder().encode(SavedState(busyState())).serialized
        let renamed = saved.replacingOccurrences(of: "\"unreadCount\":", with: "\"unread\":0,\"unreadCount\":")
        #expect(renamed != saved)
        #expect(throws: DecodingError.self) {
            try JSONValueDecoder().decode(SavedState.self, from: Array(renamed.utf8))
        }
    }

    @Test func theVersionIsReadWhateverElseTheFileHolds() throws {
        let newer = #"{"version": 2, "state": {}, "journal": []}"#
        #expect(try JSONValueDecoder().decode(SavedState.Version.self, from: Array(newer.utf8)).version == 2)
    }
}
