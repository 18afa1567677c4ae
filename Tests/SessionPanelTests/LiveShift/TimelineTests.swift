import Testing

@testable import SessionPanel

/// `at` lines scheduled through the core API: customer-side commands at a simulated time, customers by title.
@Suite struct TimelineTests {
    @Test func scheduledLinesFireInTimeOrderAndNameCustomersByTitle() throws {
        var shell = Interpreter(state: PanelState())
        try shell.schedule("message \"Kenny Smith\" \"Still there?\"", at: 90)
        try shell.schedule("incoming chat \"Kenny Smith\"", at: 10)
        try shell.schedule("sentiment \"Kenny Smith\" negative", at: 100)
        #expect(shell.nextEventDue == 10)
        #expect(
            eventLines(shell.advanceClock(to: 20), in: shell.state) == [
                "[00:00:10] * Kenny Smith: incoming Chat; accept or reject within 2m."
            ])
        #expect(shell.handle("accept") != .nothing)
        #expect(shell.handle("switch home") != .nothing)
        let lines = eventLines(shell.advanceClock(to: 100), in: shell.state)
        #expect(
            lines == [
                "[00:01:30] > Kenny Smith in session 1: Still there?",
                "[00:01:40] ~ Kenny Smith: sentiment negative, urgent attention needed.",
            ])
        #expect(shell.state.sessions[1].unreadCount == 1)
        #expect(shell.state.sessions[1].sentiment == .negative)
    }

    @Test func aMessageWhileWaitingForAnAgentGoesIntoTheTranscript() throws {
        var shell = Interpreter(state: PanelState())
        try shell.schedule("incoming sms \"José Núñez\"", at: 0)
        try shell.schedule("message \"josé núñez\" Hello?", at: 30)
        let lines = eventLines(shell.advanceClock(to: 30), in: shell.state)
        #expect(lines.last == "[00:00:30] > José Núñez (waiting for an agent): Hello?")
        #expect(shell.state.conversations[1000]?.messages.map(\.text) == ["Hello?"])
    }

    @Test func aCustomerWithoutAConversationWhenTheLineFallsDueIsAOneLineProblem() throws {
        var shell = Interpreter(state: PanelState())
        try shell.schedule("message \"Kenny Smith\" \"Anyone?\"", at: 5)
        let before = shell.state.conversations
        let lines = eventLines(shell.advanceClock(to: 5), in: shell.state)
        #expect(
            lines == [
                "[00:00:05] x \"Kenny Smith\" has no conversation open; their message \"Anyone?\" was not delivered"
            ])
        #expect(shell.state.conversations == before)
    }

    @Test func badLinesAreRefusedAndScheduleNothing() {
        var shell = Interpreter(state: PanelState())
        let cases: [(String, String)] = [
            ("accept", "'at' schedules what customers do"),
            ("message 1 hello", "names the customer by title"),
            ("sentiment home negative", "names the customer by title"),
            ("message \"Kenny Smyth\" hello", "\"Kenny Smyth\" never arrives"),
            ("message \"Visitor 1\" hello", "\"Visitor 1\" never arrives"),
            ("incoming fax", "unknown channel"),
            ("", "needs a command"),
        ]
        for (line, message) in cases {
            #expect(throws: CommandError.self) { try shell.schedule(line, at: 60) }
            do {
                try shell.schedule(line, at: 60)
            } catch {
                #expect(error.message.contains(message), "\(line): \(error.message)")
            }
        }
        #expect(shell.state == PanelState())
    }

    @Test func aVisitorBroughtByAnEarlierLineCanBeNamed() throws {
        var shell = Interpreter(state: PanelState())
        try shell.schedule("incoming chat", at: 10)
        try shell.schedule("message \"Visitor 1\" hi", at: 20)
        #expect(throws: CommandError.self) { try shell.schedule("message \"Visitor 2\" hi", at: 20) }
        #expect(throws: CommandError.self) { try shell.schedule("message \"Visitor 1\" hi", at: 5) }
    }
}

/// `at` in scripts: the script layer parses it, schedules its line, and refuses a bad one in one line.
@Suite struct AtDirectiveTests {
    @Test func theScriptLayerParsesAt() throws {
        #expect(
            try ScriptDirective.parse("at 1m30s message \"Kenny Smith\" \"Still there?\"")
                == .at(seconds: 90, line: "message \"Kenny Smith\" \"Still there?\""))
        #expect(try ScriptDirective.parse("at 0s incoming chat") == .at(seconds: 0, line: "incoming chat"))
    }

    @Test func aScriptSchedulesItsTimelineAndClockAdvanceCarriesItOut() {
        let (runner, events) = runScript(
            """
            at 30s incoming chat "Kenny Smith"
            at 10s incoming sms
            clock advance 1m
            """)
        #expect(runner.exitStatus == 0)
        let printed = events.flatMap { event -> [String] in
            if case .output(let lines) = event { lines } else { [] }
        }
        #expect(
            printed.prefix(2) == [
                "[00:00:10] * Visitor 1: incoming SMS; accept or reject within 2m.",
                "[00:00:30] * Kenny Smith: incoming Chat; accept or reject within 2m.",
            ])
    }

    @Test(arguments: [
        ("at", "demo.omni:1: error: usage: at <time> <command>"),
        (
            "at soon incoming chat",
            "demo.omni:1: error: 'at' takes a time from the start of the shift such as 0s, 90s or 1m30s, not \"soon\"; usage: at <time> <command>"
        ),
        ("at 1m", "demo.omni:1: error: usage: at <time> <command>"),
        (
            "at 1m reply hello",
            "demo.omni:1: error: 'at' schedules what customers do: incoming, message, sentiment or leave, not 'reply'"
        ),
        (
            "at 1m message 2 hello",
            "demo.omni:1: error: an 'at' line names the customer by title (\"Kenny Smith\"), not by position"
        ),
        ("at 1m incoming pigeon", "demo.omni:1: error: unknown channel \"pigeon\"; channels: chat, sms, voice, social"),
    ])
    func aBadAtLineIsOneLineAndSchedulesNothing(_ line: String, _ error: String) {
        let (runner, events) = runScript(line)
        // The error line, then the failure `run --check` lists (no expect-error follows).
        #expect(events.count == 2)
        #expect(events.first == .error(error))
        if case .commandFailed(let lines)? = events.last {
            #expect(lines.first?.hasPrefix("demo.omni:1: error: at") == true)
        } else {
            Issue.record("no .commandFailed after the error: \(events)")
        }
        #expect(runner.exitStatus == 1)
        #expect(runner.interpreter.state.shift.agenda.events.isEmpty)
    }

    @Test func theCustomerWhoNeverArrivesIsNamed() {
        let (runner, events) = runScript("at 2m message \"Kenny Smyth\" hello")
        #expect(runner.exitStatus == 1)
        guard case .error(let line)? = events.first else {
            Issue.record("no error: \(events)")
            return
        }
        #expect(line.hasPrefix("demo.omni:1: error: \"Kenny Smyth\" never arrives"))
    }
}
