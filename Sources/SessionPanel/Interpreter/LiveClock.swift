/// The shift's simulated clock at the live prompt: it follows a monotonic wall clock, `speed` times as
/// fast, from the last moment the two were set together. Pure: the caller reads the wall clock and
/// passes it in (seconds, any origin), so the arithmetic is tested without waiting.
public struct LiveClock: Sendable, Equatable {
    /// The fastest speed: a two-minute notification times out in an eighth of a second.
    public static let maximumSpeed = 1000.0

    /// Simulated seconds per wall-clock second; 0 stops the clock (as in scripts).
    public private(set) var speed: Double
    /// The wall-clock reading when the simulated clock last read `anchorSimulated`.
    private var anchorWall: Double
    private var anchorSimulated: Int

    /// A clock at `simulated` seconds into the shift when the wall clock reads `wall`.
    public init(speed: Double, wall: Double, simulated: Int) {
        self.speed = speed
        anchorWall = wall
        anchorSimulated = simulated
    }

    /// The simulated second it is when the wall clock reads `wall` (never before the anchor).
    public func simulated(at wall: Double) -> Int {
        let elapsed = max(0, wall - anchorWall) * speed
        // A hair over, so that waking at the computed wall time of a second lands in that second.
        return anchorSimulated + Int(min(elapsed + 1e-6, Double(Int.max / 2)))
    }

    /// Milliseconds of wall-clock time from `wall` until the simulated clock reaches `target`: 0 when
    /// it has, nil when it never will (a stopped clock). Rounded up, so waking then finds it reached.
    public func milliseconds(from wall: Double, until target: Int) -> Int? {
        if simulated(at: wall) >= target { return 0 }
        guard speed > 0 else { return nil }
        let seconds = (Double(target - anchorSimulated) / speed) - (wall - anchorWall)
        return Int(min((seconds * 1000).rounded(.up), Double(Int32.max)))
    }

    /// From `wall` on, runs at `speed` (0 stops it), from the simulated time it has reached.
    public mutating func run(at speed: Double, from wall: Double) {
        anchorSimulated = simulated(at: wall)
        anchorWall = wall
        self.speed = speed
    }

    /// Sets the clock again when a command moved the simulated time (`clock advance`): from `wall` on,
    /// it runs from `simulated`. A simulated time behind the clock's own is ignored.
    public mutating func follow(_ simulated: Int, at wall: Double) {
        guard simulated > self.simulated(at: wall) else { return }
        anchorWall = wall
        anchorSimulated = simulated
    }
}

/// What `clock pause`, `clock resume` and `clock speed <factor>` ask of the live prompt's clock.
public enum LiveClockChange: Sendable, Equatable {
    /// Stop the clock where it is.
    case pause
    /// Start it again at its speed.
    case resume
    /// Run it this many times as fast as the wall clock (0 stops it).
    case speed(Double)

    /// The line saying what changed.
    public var summary: String {
        switch self {
        case .pause: "The shift's clock is paused; 'clock resume' (or F9) starts it again."
        case .resume: "The shift's clock runs again."
        case .speed(let factor):
            factor == 0
                ? "The shift's clock stands still (speed 0)."
                : "The shift's clock runs \(LiveClockChange.factor(factor)) times as fast as the wall clock."
        }
    }

    /// A factor as typed: `5`, `0.5`.
    public static func factor(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }
}
