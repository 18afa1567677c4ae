/// Something that falls due on the simulated clock: a scenario's `at` line, or something a generated
/// customer does. (Notification timeouts are not stored: they follow from the pending notifications.)
///
/// Events are kept in time order; one whose reason has gone (a message from a customer whose session
/// was closed, impatience after the agent replied) is dropped when it falls due, without a line.
public struct ShiftEvent: Sendable, Codable, Equatable {
    /// What happens.
    public enum Kind: Sendable, Codable, Equatable {
        /// A scenario's `at` line: the customer-side command, as written after the time.
        case scheduled(String)
        /// The next generated request on a channel.
        case arrival(Channel)
        /// A generated customer writes in their accepted conversation.
        case customerMessage(conversation: Int)
        /// A generated customer has waited a patience period for a reply to messages unanswered since `since`.
        case impatience(conversation: Int, since: Int)
        /// A generated request still unaccepted: the customer leaves the queue.
        case abandonment(conversation: Int)
        /// A generated customer comes back to their waiting (parked) conversation.
        case customerReturn(conversation: Int, parkedUntil: Int)
        /// A waiting conversation's window ends: it closes for good.
        case waitingExpiry(conversation: Int, until: Int)
        /// An unanswered SMS or social request has stayed Open for its channel's time: it closes.
        case openExpiry(conversation: Int)
        /// A conversation has stayed in Wrap-up for its channel's time: it closes, and its session with it.
        case wrapUpExpiry(conversation: Int)
        /// A generated live chat or voice customer ends the chat or hangs up.
        case customerLeaves(conversation: Int)
    }

    /// When, in simulated seconds since the shift began.
    public let time: Int
    /// Breaks ties between events at the same second: the order they were scheduled in.
    let sequence: Int
    /// What happens.
    public let kind: Kind
}

/// The events still to come, earliest first (ties in the order they were added).
///
/// A sorted array: it holds one entry per scheduled line, channel and live conversation, a few dozen
/// at most, so inserting by binary search costs less than a heap's bookkeeping.
public struct ShiftAgenda: Sendable, Codable, Equatable {
    /// The events, earliest first.
    public private(set) var events: [ShiftEvent] = []
    /// The sequence number of the next event added.
    private var nextSequence = 0

    /// An empty agenda.
    public init() {}

    /// Adds `kind` at `time`.
    mutating func add(_ kind: ShiftEvent.Kind, at time: Int) {
        let event = ShiftEvent(time: time, sequence: nextSequence, kind: kind)
        nextSequence += 1
        var low = 0
        var high = events.count
        while low < high {
            let middle = (low + high) / 2
            if events[middle].time <= time { low = middle + 1 } else { high = middle }
        }
        events.insert(event, at: low)
    }

    /// The earliest event, if any.
    var first: ShiftEvent? { events.first }

    /// Removes and returns the earliest event.
    mutating func removeFirst() -> ShiftEvent { events.removeFirst() }

    /// Removes every event `matching` says to.
    mutating func removeAll(where matching: (ShiftEvent) -> Bool) { events.removeAll(where: matching) }
}
