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
        /// The consulted colleague answers the agent's internal message.
        case colleagueAnswers(conversation: Int, colleague: String)
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
/// An ``EventQueue``: events come in by binary search (a scenario's lines, in time order, at the end)
/// and go from the front at no cost. The scheduled `incoming` lines are also indexed by customer
/// (``arrivals``).
public struct ShiftAgenda: Sendable, Codable, Equatable {
    /// The events, earliest first.
    public var events: ArraySlice<ShiftEvent> { queue.events }
    private var queue = EventQueue()
    /// The sequence number of the next event added.
    private var nextSequence = 0
    /// The scheduled `incoming` lines among ``events``, by customer (derived, never saved).
    private(set) var arrivals = ScheduledArrivals()

    private enum CodingKeys: String, CodingKey {
        case events, nextSequence
    }

    /// An empty agenda.
    public init() {}

    /// Decodes the events and indexes their `incoming` lines.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let events = try container.decode([ShiftEvent].self, forKey: .events)
        queue = EventQueue(events)
        nextSequence = try container.decode(Int.self, forKey: .nextSequence)
        arrivals = ScheduledArrivals(events)
    }

    /// Encodes the events and the next sequence number, as the synthesized encoding did.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Array(events), forKey: .events)
        try container.encode(nextSequence, forKey: .nextSequence)
    }

    /// Agendas are equal when their events are (the index follows from them).
    public static func == (left: ShiftAgenda, right: ShiftAgenda) -> Bool {
        left.queue == right.queue && left.nextSequence == right.nextSequence
    }

    /// Adds `kind` at `time`.
    mutating func add(_ kind: ShiftEvent.Kind, at time: Int) {
        let event = ShiftEvent(time: time, sequence: nextSequence, kind: kind)
        nextSequence += 1
        queue.insert(event)
        arrivals.add(event)
    }

    /// The earliest event, if any.
    var first: ShiftEvent? { events.first }

    /// Removes and returns the earliest event.
    mutating func removeFirst() -> ShiftEvent {
        let event = queue.removeFirst()
        arrivals.removeEarliest(event)
        return event
    }

    /// Removes every event `matching` says to; when none matches, nothing is rebuilt.
    mutating func removeAll(where matching: (ShiftEvent) -> Bool) {
        guard events.contains(where: matching) else { return }
        queue.removeAll(where: matching)
        arrivals = ScheduledArrivals(events)
    }
}
