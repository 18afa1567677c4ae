import SessionPanel
import SystemIO

/// The live shift at the prompt: the simulated clock follows the wall clock, `--speed` times as fast,
/// and says when the prompt must wake up — for the next event, and while a notification counts down,
/// for the next second shown in the status (at most four times a wall-clock second). With nothing
/// due and nothing counting down the prompt sleeps until a key: idle costs nothing.
struct LiveShift {
    private var clock: LiveClock
    /// The simulated time the clock was last caught up to, until a command runs: an event said to be
    /// due by then and not fired would otherwise wake the prompt again at once, for ever.
    private var caughtUpTo: Int?
    /// When the status was last brought up to date (wall-clock seconds), if it was.
    private var lastRefresh: Double?

    /// The shortest wall-clock time between two refreshes of a countdown.
    static let refreshInterval = 0.25

    /// The clock at `state`'s simulated time now, running at `speed`.
    init(speed: Double, state: PanelState) {
        clock = LiveClock(speed: speed, wall: monotonicSeconds(), simulated: state.now)
    }

    /// Milliseconds until the prompt must wake, or nil to wait for a key only.
    func wakeUpAfter(_ interpreter: Interpreter) -> Int? {
        let wall = monotonicSeconds()
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
        let wall = monotonicSeconds()
        lastRefresh = wall
        let now = clock.simulated(at: wall)
        caughtUpTo = now
        return interpreter.advanceClock(to: now)
    }

    /// After a command: a command may schedule events or move the clock (`clock advance`), which the
    /// clock then runs on from.
    mutating func follow(_ state: PanelState) {
        caughtUpTo = nil
        clock.follow(state.now, at: monotonicSeconds())
    }
}
