/// The ranges of the numbers a world or a state holds. Loading checks them, and commands saturate or
/// refuse at them, so no arithmetic on a loaded number can overflow and every state saved can be loaded again.
public enum Limits {
    /// The largest value of the clock (in seconds, about 31.7 million years) and of every counter:
    /// unread messages, visitors, the next session id and the next work item number.
    public static let largestCounter = 1_000_000_000_000_000
    /// The largest case number or work item id a world may hold: one below ``largestCounter``, so the
    /// next work item number still fits.
    public static let largestRecordNumber = largestCounter - 1

    /// The error for a command that would push a counter past ``largestCounter``.
    static func exhausted(_ what: String) -> CommandError {
        CommandError("no more \(what): the limit of \(largestCounter) is reached (README: Robustness)")
    }
}
