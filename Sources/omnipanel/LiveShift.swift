import LineEditor
import SessionPanel
import SystemIO

/// The live shift at the prompt: the simulated clock follows the wall clock, `--speed` times as fast,
/// and says when the prompt must wake up — for the next event, and while a notification counts down,
/// for the next second shown in the status (at most four times a wall-clock second). With nothing
/// due and nothing counting down the prompt sleeps until a key: idle costs nothing. The wall clock it
/// follows leaves out the time the program spent suspended (Ctrl-Z), and `clock pause` stops it.
struct LiveShift {
    private var clock: LiveClock
    /// The speed the clock runs at when it is not paused (`--speed`, then `clock speed`).
    private var speed: Double
    /// Whether `clock pause` (or F9) stopped the clock.
    private(set) var isPaused = false
    /// The simulated time the clock was last caught up to, until a command runs: an event said to be
    /// due by then and not fired would otherwise wake the prompt again at once, for ever.
    private var caughtUpTo: Int?
    /// When the status was last brought up to date (wall-clock seconds), if it was.
    private var lastRefresh: Double?

    /// The shortest wall-clock time between two refreshes of a countdown.
    static let refreshInterval = 0.25

    /// The clock at `state`'s simulated time now, running at `speed`.
    init(speed: Double, state: PanelState) {
        self.speed = speed
        clock = LiveClock(speed: speed, wall: Self.wallSeconds(), simulated: state.now)
    }

    /// The monotonic wall clock without the time the program spent suspended.
    private static func wallSeconds() -> Double { monotonicSeconds() - LineEditor.secondsStopped }

    /// `clock pause`, `clock resume`, `clock speed`: from now on the clock stands still or runs at a new speed.
    mutating func apply(_ change: LiveClockChange) {
        switch change {
        case .pause: isPaused = true
        case .resume: isPaused = false
        case .speed(let factor): speed = factor
        }
        clock.run(at: isPaused ? 0 : speed, from: Self.wallSeconds())
    }

    /// Milliseconds until the prompt must wake, or nil to wait for a key only.
    func wakeUpAfter(_ interpreter: Interpreter) -> Int? {
        let wall = Self.wallSeconds()
        var due = interpreter.nextEventDue
        if let stale = caughtUpTo, let time = due, time <= stale { due = nil }
        var wait = due.flatMap { clock.milliseconds(from: wall, until: $0) }
        if !interpreter.state.notifications.isEmpty,
            let nextSecond = clock.milliseconds(from: wall, until: clock.simulated(at: wall) + 1)
        {
            let soonest = lastRefresh.map { Int((($0 + Self.refreshInterval - wall) * 1000).rounded(.up)) } ?? 0
            let refresh = max(nextSecond, soonest, 0)
            wait = min(wait ?? refresh, refresh)
        }
        return wait
    }

    /// Moves the shift's clock to the wall clock's time, applying what fell due; one outcome per event.
    mutating func catchUp(_ interpreter: inout Interpreter) -> [Outcome] {
        let wall = Self.wallSeconds()
        lastRefresh = wall
        let now = clock.simulated(at: wall)
        caughtUpTo = now
        return interpreter.advanceClock(to: now)
    }

    /// After a command: a command may schedule events or move the clock (`clock advance`), which the
    /// clock then runs on from.
    mutating func follow(_ state: PanelState) {
        caughtUpTo = nil
        clock.follow(state.now, at: Self.wallSeconds())
    }
}
