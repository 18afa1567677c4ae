/// Seconds on the system's monotonic clock: unaffected by the wall clock being set. For intervals
/// (the state file's flushes and lock wait, a script's commit groups, the live prompt's clock).
public func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
