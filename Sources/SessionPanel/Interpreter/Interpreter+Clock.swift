/// The live shift's side of the interpreter: what the live prompt needs to move the simulated clock
/// with the wall clock and print each event as it falls due.
extension Interpreter {
    /// Simulated seconds since the shift began at which the next event falls due (a scheduled `at`
    /// line, generated traffic, a notification timing out, sentiment drifting, a waiting conversation
    /// expiring), or `nil` when nothing is due. An `at` line scheduled in the past is due at once.
    public var nextEventDue: Int? { state.nextEventDue }

    /// Moves the simulated clock forward to `time` (never back), applying every event due up to then,
    /// in order; returns what each event produced, one ``Outcome`` per event, whose one item is the
    /// ``OutcomeItem/event(_:)`` line to print above the prompt (the panel is not printed again:
    /// ``Outcome/showsPanel`` is false). ``Outcome/ringsBell`` says when a request arrived and `bell` is on.
    /// The clock stops at ``Limits/largestCounter`` (a state past it could not be loaded again); what
    /// falls due later never does.
    public mutating func advanceClock(to time: Int) -> [Outcome] {
        let time = min(time, Limits.largestCounter)
        var outcomes: [Outcome] = []
        while let outcome = state.fireNextEvent(upTo: time) { outcomes.append(outcome) }
        state.now = max(state.now, time)
        return outcomes
    }

    /// Schedules a customer-side command (`incoming`, `message` or `sentiment`, customers named by
    /// title) at `time`, simulated seconds since the shift began: what an `at` line of a scenario does.
    /// A bad line is refused with one line and nothing is scheduled (see ``PanelState/schedule(_:at:)``).
    public mutating func schedule(_ line: String, at time: Int) throws(CommandError) {
        try state.schedule(line, at: time)
    }
}
