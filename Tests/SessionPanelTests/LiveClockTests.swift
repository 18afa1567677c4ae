import Testing

@testable import SessionPanel

/// The live prompt's simulated clock against a wall clock passed in.
struct LiveClockTests {
    @Test("at speed 1 the simulated clock follows the wall clock, whole seconds only")
    func followsTheWallClock() {
        let clock = LiveClock(speed: 1, wall: 1000.25, simulated: 30)
        #expect(clock.simulated(at: 1000.25) == 30)
        #expect(clock.simulated(at: 1001.24) == 30)
        #expect(clock.simulated(at: 1001.25) == 31)
        #expect(clock.simulated(at: 1120.25) == 150)
        #expect(clock.simulated(at: 999) == 30, "a wall clock read before the anchor does not go back")
    }

    @Test("--speed 10: a two-minute timeout lasts twelve seconds")
    func speedMultiplies() {
        let clock = LiveClock(speed: 10, wall: 0, simulated: 0)
        #expect(clock.milliseconds(from: 0, until: 120) == 12_000)
        #expect(clock.simulated(at: 12) == 120)
        #expect(clock.simulated(at: 11.95) == 119)
    }

    @Test(
        "waking after the milliseconds it asked for finds the target reached, never a moment early",
        arguments: [0.5, 1, 3, 7.3, 10, 1000])
    func wakingFindsTheTargetReached(speed: Double) throws {
        let clock = LiveClock(speed: speed, wall: 5.123, simulated: 17)
        for target in 18...60 {
            let wait = try #require(clock.milliseconds(from: 5.123, until: target))
            #expect(clock.simulated(at: 5.123 + Double(wait) / 1000) >= target)
            #expect(clock.simulated(at: 5.123 + Double(wait) / 1000 - 0.002) < target, "not two milliseconds too late")
        }
    }

    @Test("--speed 0 stops the clock: nothing falls due, the prompt sleeps until a key")
    func stoppedClock() {
        let clock = LiveClock(speed: 0, wall: 0, simulated: 45)
        #expect(clock.simulated(at: 86_400) == 45)
        #expect(clock.milliseconds(from: 10, until: 46) == nil)
        #expect(clock.milliseconds(from: 10, until: 45) == 0)
    }

    @Test("a due time already passed is due now")
    func pastIsNow() {
        let clock = LiveClock(speed: 2, wall: 0, simulated: 0)
        #expect(clock.milliseconds(from: 10, until: 15) == 0)
    }

    @Test("`clock advance` at the prompt moves the clock on, and it runs from there; it never goes back")
    func followsAClockAdvance() {
        var clock = LiveClock(speed: 1, wall: 0, simulated: 0)
        clock.follow(600, at: 10)
        #expect(clock.simulated(at: 10) == 600)
        #expect(clock.simulated(at: 15) == 605)
        clock.follow(3, at: 20)
        #expect(clock.simulated(at: 20) == 610)
    }

    @Test("pausing holds the simulated time; a new speed runs from where the clock stands")
    func pauseAndSpeed() {
        var clock = LiveClock(speed: 10, wall: 0, simulated: 0)
        clock.run(at: 0, from: 3)
        #expect(clock.simulated(at: 100) == 30)
        #expect(clock.milliseconds(from: 100, until: 31) == nil)
        clock.run(at: 2, from: 100)
        #expect(clock.simulated(at: 105) == 40)
    }

    @Test("clock pause, resume and speed parse to what the live prompt applies")
    func commands() throws {
        #expect(try CommandParser.parse("clock pause") == .clockLive(.pause))
        #expect(try CommandParser.parse("clock resume") == .clockLive(.resume))
        #expect(try CommandParser.parse("clock speed 2.5") == .clockLive(.speed(2.5)))
        for bad in ["clock speed", "clock speed -1", "clock speed 1001", "clock speed nan", "clock pause now"] {
            #expect(throws: CommandError.self) { try CommandParser.parse(InputLine(bad)) }
        }
        var agent = ScriptedAgent()
        let outcome = agent.run("clock speed 5")
        #expect(outcome.liveClock == .speed(5))
        #expect(outcome.items == [.message("The shift's clock runs 5 times as fast as the wall clock.")])
    }
}
