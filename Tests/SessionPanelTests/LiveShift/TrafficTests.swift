import Testing

@testable import SessionPanel

/// Generated traffic: the `traffic` command, determinism, and resuming a saved shift.
@Suite struct TrafficTests {
    private static let shift = [
        "traffic steady --seed 7", "clock advance 6m", "accept", "clock advance 3m", "reply \"Let me check\"",
        "clock advance 5m", "close --yes", "clock advance 20m",
    ]

    @Test func theSameSeedGivesTheSameShiftByteForByte() {
        #expect(transcript(Self.shift) == transcript(Self.shift))
    }

    @Test func anotherSeedGivesAnotherShift() {
        let other = Self.shift.map { $0 == "traffic steady --seed 7" ? "traffic steady --seed 8" : $0 }
        #expect(transcript(Self.shift) != transcript(other))
    }

    @Test func trafficBringsRequestsMessagesAndImpatience() {
        let text = transcript([
            "traffic rush --seed 1", "clock advance 4m", "accept", "switch home", "clock advance 10m",
        ])
        #expect(text.contains("* Incoming "))
        #expect(text.contains(" in session 1: "))
        #expect(text.contains("(no reply for "))
        #expect(text.contains("timed out and was routed to another agent."))
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
        var shell = interpreter(after: ["traffic rush --seed 2"])
        try shell.schedule("incoming chat \"Kenny Smith\"", at: 6_000)
        let firstArrival = try #require(shell.nextEventDue)
        _ = shell.advanceClock(to: firstArrival)
        let outcome = Outcome([.message("Traffic off: no new customers; those in the shift carry on.")])
        #expect(shell.handle("traffic off") == .ran(outcome))
        #expect(shell.nextEventDue == firstArrival + 120, "the request still times out")
        let lines = eventLines(shell.advanceClock(to: 5_999), in: shell.state)
        #expect(lines.count == 2 && lines[1].contains("(abandoned)"), "\(lines)")
        #expect(shell.nextEventDue == 6_000)
    }

    @Test func trafficWithoutAProfileShowsWhatRuns() {
        var shell = TestShell()
        #expect(shell.output("traffic") == "Traffic: off.")
        shell.run("traffic light --seed 5")
        #expect(
            shell.output("traffic")
                == "Traffic: light, seed 5 - 12 requests an hour (Chat 6, SMS 3, Voice 2, Social 1).")
        #expect(shell.output("config").contains("arrivals-chat         6 "))
    }

    @Test func badTrafficInputIsAOneLineErrorAndChangesNothing() {
        var shell = TestShell()
        #expect(shell.error("traffic busy") == "unknown traffic profile \"busy\"; profiles: off, light, steady, rush")
        #expect(shell.error("traffic rush --seed -1").contains("--seed takes a whole number"))
        #expect(shell.error("traffic rush --seed x1").contains("--seed takes a whole number"))
        #expect(shell.error("traffic rush --seed 99999999999999999999").contains("--seed takes a whole number"))
        #expect(shell.error("traffic rush --seed").contains("--seed needs a value"))
        #expect(shell.error("traffic rush steady").contains("usage: traffic"))
        #expect(shell.error("traffic --seed 4").contains("usage: traffic"))
    }

    @Test func theSeedCanBeGivenWithAnEqualsSign() {
        var shell = TestShell()
        shell.run("traffic rush --seed=42")
        #expect(shell.state.shift.seed == 42 && shell.state.shift.profile == .rush)
    }
}
