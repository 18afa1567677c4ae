import CEditLine
import SystemIO

/// Waiting for a script's next line without the editor (standard input or a file that is a pipe):
/// how long the input stays idle, and SIGTERM or SIGHUP, caught so that a run can save its work
/// before it ends by the signal (``LineEditor/end(by:)``).
public enum InputWait {
    /// What ended a wait.
    public enum Result: Equatable, Sendable {
        /// A line (or the end of the input) can be read.
        case ready
        /// The time given passed first.
        case timedOut
        /// SIGTERM or SIGHUP arrived (now or before the wait).
        case terminated(signal: Int32)
    }

    /// Catches SIGTERM and SIGHUP for the rest of the process: each is only recorded
    /// (``pendingTermination``), and ends the next ``wait(for:milliseconds:)``.
    public static func catchTermination() { cel_catch_termination() }

    /// The termination signal caught so far, if any.
    public static var pendingTermination: Int32? {
        let signal = cel_pending_termination()
        return signal == 0 ? nil : signal
    }

    /// Sleeps until `descriptor` can be read, `milliseconds` pass (`nil`: no limit) or a termination
    /// signal arrives. The process uses no CPU while it sleeps.
    public static func wait(for descriptor: Int32, milliseconds: Int?) -> Result {
        while true {
            if let signal = pendingTermination { return .terminated(signal: signal) }
            let ready = cel_wait_for_descriptor(descriptor, Int32(clamping: milliseconds ?? -1))
            if ready > 0 { return .ready }
            if ready == 0 { return .timedOut }
            if let signal = pendingTermination { return .terminated(signal: signal) }
            guard errno == EINTR else { return .ready }  // the read that follows reports the error
        }
    }
}
