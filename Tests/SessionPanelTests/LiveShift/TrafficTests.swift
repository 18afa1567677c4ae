import Testing

@testable import SessionPanel

/// Generated traffic: the `traffic` command, determinism, and resuming a saved shift.
@Suite struct TrafficTests {
    private static let shift = [
        "traffic steady --seed 7", "clock advance 6m", "accept", "clock advance 3m", "reply \"Let me check\"",
        "clock advance 5m", "close --yes", "clock advance 20m",
    ]

    @Test(arguments: TrafficProfile.allCases.filter { $0 != .off })
    func theFirstRequestComesWithinThirtySeconds(_ profile: TrafficProfile) {
        for seed in 0..<40 {
            var shell = Interpreter(state: PanelState())
            _ = shell.handle(InputLine("clock advance 1m"))
            _ = shell.handle(InputLine("traffic \(profile.rawValue) --seed \(seed)"))
            let due = shell.nextEventDue ?? .max
            #expect(due - 60 <= PanelState.openingRequestWithin, "seed \(seed): the first request at \(due - 60)s")
        }
    }

    /// `--traffic rush --seed 7` hands the typed command over (no text parsed again): the same as the line.
    @Test func aTypedTrafficCommandIsTheLine() throws {
        var typed = Interpreter(state: PanelState())
        var line = Interpreter(state: PanelState())
        #expect(typed.handle(.traffic(.rush, seed: 7)) == line.handle(InputLine("traffic rush --seed 7")))
        #expect(typed.state == line.state && typed.state.shift.profile == .rush)
        // A question waiting for its answer is not answered by a command the program hands over.
        _ = typed.handle(InputLine("open case 42"))
        #expect(typed.handle(InputLine("close 1")) == .asks(#"Close session "Printer on fire"? [y/N]"#))
        let refused = typed.handle(.traffic(.off, seed: nil))
        #expect(refused == .failed(Interpreter.notAnswered(try #require(typed.pendingConfirmation), by: "a command")))
    }

    @Test func theSameSeedGivesTheSameShiftByteForByte() {
        #expect(transcript(Self.shift) == transcript(Self.shift))
    }

    @Test func anotherSeedGivesAnotherShift() {
        let other = Self.shift.map { $0 == "traffic steady --seed 7" ? "traffic steady --seed 8" : $0 }
        #expect(transcript(Self.shift) != transcript(other))
    }

    @Test func trafficBringsRequestsMessagesAndImpatience() {
        let text = transcript([
            "traffic rush --seed 1", "clock advance 4m", "presence available", "accept", "switch home",
            "clock advance 10m",
        ])
        #expect(text.contains(": incoming "))
        #expect(text.contains(" in session 1: "))
        #expect(text.contains("(no reply for "))
        #expect(text.contains("request timed out, routed to another agent."))
    }

    @Test func aSavedShiftResumesExactlyWhereItStopped() throws {
        var straight = interpreter(after: ["traffic rush --seed 3", "clock advance 3m", "accept"])
        var resumed = Interpreter(state: try savedAndLoaded(straight.state))
        #expect(resumed.state == straight.state)
        let expected = eventLines(straight.advanceClock(to: 1_800), in: straight.state)
        #expect(eventLines(resumed.advanceClock(to: 1_800), in: resumed.state) == expected)
        #expect(expected.count > 10)
    }

    @Test func advancingInStepsOrAtOnceGivesTheSameEvents() {
        var once = interpreter(after: ["traffic steady --seed 11"])
        var steps = once
        let atOnce = eventLines(once.advanceClock(to: 3_600), in: once.state)
        var stepped: [String] = []
        for second in stride(from: 7, through: 3_600, by: 7) {
            stepped += eventLines(steps.advanceClock(to: second), in: steps.state)
        }
        stepped += eventLines(steps.advanceClock(to: 3_600), in: steps.state)
        #expect(stepped == atOnce)
        #expect(once.state == steps.state)
    }

    @Test func trafficOffStopsArrivalsButKeepsTheTimelineAndTheCustomersInTheShift() throws {
        var agent = interpreter(after: ["traffic rush --seed 2"])
        try agent.schedule("incoming chat \"Kenny Smith\"", at: 6_000)
        let firstArrival = try #require(agent.nextEventDue)
        _ = agent.advanceClock(to: firstArrival)
        let outcome = Outcome([.message("Traffic off: no new customers; those in the shift carry on.")])
        #expect(agent.handle("traffic off") == .ran(outcome))
        #expect(agent.nextEventDue == firstArrival + 120, "the request still times out")
        let lines = eventLines(agent.advanceClock(to: 5_999), in: agent.state)
        #expect(
            lines == ["[00:02:04] ! Abraham McCormick: request timed out, routed to another agent."],
            "an SMS request stays Open: only chat and voice customers leave the queue")
        #expect(agent.nextEventDue == 6_000)
    }

    @Test func trafficWithoutAProfileShowsWhatRuns() {
        var agent = ScriptedAgent()
        #expect(agent.output("traffic") == "Traffic: off.")
        agent.run("traffic light --seed 5")
        #expect(
            agent.output("traffic")
                == "Traffic: light, seed 5 - 12 requests an hour (Chat 6, SMS 3, Voice 2, Social 1).")
        #expect(agent.output("config").contains("arrivals-chat         6 "))
    }

    @Test func badTrafficInputIsAOneLineErrorAndChangesNothing() {
        var agent = ScriptedAgent()
        #expect(agent.error("traffic busy") == "unknown traffic profile \"busy\"; profiles: off, light, steady, rush")
        #expect(agent.error("traffic rush --seed -1").contains("--seed takes a whole number"))
        #expect(agent.error("traffic rush --seed x1").contains("--seed takes a whole number"))
        #expect(agent.error("traffic rush --seed 99999999999999999999").contains("--seed takes a whole number"))
        #expect(agent.error("traffic rush --seed").contains("--seed needs a value"))
        #expect(agent.error("traffic rush steady").contains("usage: traffic"))
        #expect(agent.error("traffic --seed 4").contains("usage: traffic"))
    }

    @Test func theSeedCanBeGivenWithAnEqualsSign() {
        var agent = ScriptedAgent()
        agent.run("traffic rush --seed=42")
        #expect(agent.state.shift.seed == 42 && agent.state.shift.profile == .rush)
    }
}
