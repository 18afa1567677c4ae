import Foundation
import Testing

@testable import JSONCoding
@testable import SessionPanel

/// A state with something of everything: sessions of every kind, drafts, tabs, messages, a waiting
/// conversation, a pending notification, changed settings, a collapsed panel.
func busyState() -> PanelState {
    var interpreter = Interpreter(state: PanelState())
    for line in [
        "config chat-mode persistent", "incoming chat \"Kenny Smith\"", "accept", "message 1 \"Hi \\\"there\\\"\"",
        "close --yes", "incoming chat", "accept", "open case 42", "type title \"Fire\"", "tab open record \"R-1\"",
        "tab open app \"Orders\"", "open contact \"Maria Campbell\"", "open account Contoso", "open W301", "pick W201",
        "sentiment 1 negative", "message 1 x", "clock advance 1m", "incoming sms", "panel collapse", "presence away",
    ] {
        if case .failed(let error) = interpreter.handle(InputLine(line)) { Issue.record("\(line): \(error.message)") }
    }
    return interpreter.state
}

private func encode(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

@Suite struct SavedStateTests {
    @Test func aStateRoundTripsThroughJSON() throws {
        let state = busyState()
        let decoded = try JSONDecoder().decode(SavedState.self, from: Data(try encode(SavedState(state)).utf8))
        #expect(decoded.version == SavedState.currentVersion)
        #expect(decoded.state == state)
        #expect(decoded.state.problems.isEmpty)
    }

    /// Members added to a conversation later (when it closed, the mood a waiting customer showed) are
    /// saved and read back too, not only the first saved states' members.
    @Test func aClosingTimeAndAWaitingCustomersMoodRoundTrip() throws {
        var interpreter = Interpreter(state: PanelState())
        try interpreter.schedule("incoming chat \"Kenny Smith\"", at: 0)
        try interpreter.schedule("sentiment \"Kenny Smith\" very-negative", at: 5)
        _ = interpreter.advanceClock(to: 10)
        for line in ["incoming chat \"José Núñez\"", "accept \"José Núñez\"", "end", "close --yes"] {
            if case .failed(let error) = interpreter.handle(InputLine(line)) {
                Issue.record("\(line): \(error.message)")
            }
        }
        let state = interpreter.state
        #expect(state.everyConversation.values.contains { $0.closedAt == 10 })
        #expect(state.everyConversation.values.contains { $0.waitingSentiment == .veryNegative })
        let decoded = try JSONDecoder().decode(SavedState.self, from: Data(try encode(SavedState(state)).utf8))
        #expect(decoded.state == state)
    }

    @Test func theEncodingIsReadable() throws {
        let json = try encode(SavedState(busyState()))
        #expect(json.hasPrefix("{\"state\":{") && json.hasSuffix(",\"version\":1}"))
        #expect(json.contains("\"kind\":{\"case\":42}"))
        #expect(json.contains("\"kind\":\"home\""))
        #expect(json.contains("\"kind\":{\"conversation\":1001}"))
        #expect(json.contains("\"sentiment\":\"negative\""))
        #expect(json.contains("{\"content\":\"kb\"}"))
        #expect(json.contains("{\"content\":{\"record\":\"R-1\"}}"))
        #expect(json.contains("\"conversations\":[{"))
    }

    @Test func unknownKindsAndDuplicateWorkItemsAreDecodingErrors() throws {
        let json = try encode(SavedState(busyState()))
        let badKind = json.replacingOccurrences(of: "\"kind\":\"home\"", with: "\"kind\":\"garden\"")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SavedState.self, from: Data(badKind.utf8)) }
        let badTab = json.replacingOccurrences(
            of: "{\"content\":\"kb\"}", with: "{\"content\":{\"kb\":1,\"app\":\"x\"}}")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SavedState.self, from: Data(badTab.utf8)) }
        let twice = json.replacingOccurrences(
            of: "\"conversations\":[{",
            with:
                "\"conversations\":[{\"assignedToAgent\":true,\"channel\":\"chat\",\"id\":101,\"messages\":[],\"state\":\"active\"},{"
        )
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SavedState.self, from: Data(twice.utf8)) }
    }

    @Test func versionsAreCheckedBeforeTheContents() throws {
        let newer = try JSONDecoder().decode(
            SavedState.Version.self, from: Data(#"{"version": 2, "state": "whatever"}"#.utf8))
        #expect(throws: SavedStateProblem.newerVersion(2)) { try SavedState.check(newer) }
        let zero = try JSONDecoder().decode(SavedState.Version.self, from: Data(#"{"version": 0}"#.utf8))
        #expect(throws: SavedStateProblem.invalid("format version 0 does not exist")) { try SavedState.check(zero) }
        try SavedState.check(SavedState.Version(version: SavedState.currentVersion))
    }
}

@Suite struct StateProblemTests {
    @Test func statesTheManagerMakesHaveNoProblems() {
        #expect(PanelState().problems.isEmpty)
        #expect(busyState().problems.isEmpty)
    }

    @Test func brokenRulesAreFound() {
        func problems(_ change: (inout PanelState) -> Void) -> [String] {
            var state = busyState()
            change(&state)
            return state.problems
        }
        #expect(problems { $0.sessions.removeAll() } == ["the first session must be Home"])
        #expect(problems { $0.sessions.swapAt(0, 1) }.contains("the first session must be Home"))
        #expect(problems { $0.focusedSessionID = 99 }.contains("the focused session is not open"))
        #expect(problems { $0.sessions[1].focusedTab = 7 }.contains { $0.contains("focuses a tab it does not have") })
        #expect(problems { $0.sessions[1].tabs.removeFirst() }.contains { $0.contains("exactly one anchor tab") })
        #expect(problems { $0.sessions[1].unreadCount = -1 }.contains { $0.contains("unread count out of range") })
        #expect(problems { $0.conversations[1001] = nil }.contains { $0.contains("W1001, which does not exist") })
        #expect(problems { $0.settings.maxSessions = 3 }.contains("more sessions are open than max-sessions allows"))
        #expect(problems { $0.settings.capacity = 0 }.contains("setting capacity has a value out of range"))
        #expect(problems { $0.now = -5 }.contains("clock is out of range"))
        #expect(problems { $0.nextSessionID = 2 }.contains { $0.contains("id out of range") })
        #expect(problems { $0.sessions[2] = $0.sessions[1] }.contains("two sessions share an id"))
        #expect(
            problems { state in
                var world = World.demo
                world.cases.append(world.cases[0])
                state.world = AnyWorldCatalog(world)
            }.contains("case 42 appears twice"))
    }
}

@Suite struct RandomSessionStateTests {
    /// Random shifts built from commands that change the state: every state reached must pass
    /// validation and survive a JSON round trip unchanged.
    @Test func everyReachableStateIsSoundAndRoundTrips() throws {
        let vocabulary = [
            "incoming chat", "incoming sms \"Kenny Smith\"", "incoming voice", "accept", "reject", "open case 42",
            "open case 17", "open contact \"José Núñez\"", "open W101", "open W301", "pick W202", "switch 1",
            "switch 2",
            "switch home", "close --yes", "close 1 --yes", "end", "message 1 hi", "message 2 \"hé\\\"\"", "reply ok",
            "sentiment 1 very-negative", "type title \"x\"", "tab open kb", "tab close", "panel toggle",
            "presence busy", "config chat-mode persistent", "config threshold off", "clock advance 3m",
            "clock advance 30d", "link 1 \"Maria Campbell\"", "config max-sessions 4",
        ]
        var seed: UInt64 = 2026
        for _ in 0..<40 {
            var interpreter = Interpreter(state: PanelState())
            for _ in 0..<30 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                _ = interpreter.handle(InputLine(vocabulary[Int((seed >> 33) % UInt64(vocabulary.count))]))
            }
            let state = interpreter.state
            #expect(state.problems.isEmpty, "\(state.problems)")
            let data = try JSONEncoder().encode(SavedState(state))
            #expect(try JSONDecoder().decode(SavedState.self, from: data).state == state)
        }
    }
}
