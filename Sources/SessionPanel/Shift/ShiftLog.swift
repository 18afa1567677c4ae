/// A stretch of simulated time; `end` is `nil` while it lasts.
public struct TimeSpan: Sendable, Codable, Equatable {
    /// When it began.
    public var start: Int
    /// When it ended, if it has.
    public var end: Int?

    /// How long it lasted, or has lasted by `now`.
    public func length(at now: Int) -> Int { (end ?? now) - start }
}

/// One notification offering a conversation, and how it was answered.
public struct Offer: Sendable, Codable, Equatable {
    /// How a notification ended.
    public enum Result: String, Sendable, Codable {
        /// Accept: a session started.
        case accepted
        /// Reject: routed to another agent.
        case rejected
        /// Not answered before the notification timed out.
        case missed
        /// The customer left while it waited.
        case abandoned
    }

    /// When the notification arrived.
    public var time: Int
    /// How it ended; `nil` while it is pending.
    public var result: Result?
    /// When it ended.
    public var resultTime: Int?
}

/// What happened to one conversation during the shift: the report's figures and the timeline's lane
/// are read from these (with the conversation's messages, which carry their times).
public struct ConversationRecord: Sendable, Codable, Equatable {
    /// The conversation's work item number.
    public let conversation: Int
    /// When the shift first saw it (its first notification, or the session that opened it).
    public let firstSeen: Int
    /// Its notifications, oldest first.
    public var offers: [Offer] = []
    /// From each accept, pick or resume to the session closing.
    public var handled: [TimeSpan] = []
    /// While the session showed the sentiment alert and the agent had not replied since it appeared.
    public var alerts: [TimeSpan] = []
    /// While customer messages waited unread in the session.
    public var unread: [TimeSpan] = []
    /// How many times the agent ended it while it was a persistent conversation (persistent chat, SMS, social).
    public var persistentEnds = 0
    /// How many times its session was closed without End and it was parked in Waiting.
    public var parks = 0
    /// When the customer left the queue before any agent accepted.
    public var abandonedAt: Int?
    /// When the conversation closed for good (closed after End, abandoned, or its waiting window over).
    public var closedAt: Int?

    /// An empty record.
    init(conversation: Int, firstSeen: Int) {
        self.conversation = conversation
        self.firstSeen = firstSeen
    }
}

/// The shift's history, kept as it happens for `report` and `report --svg`.
public struct ShiftLog: Sendable, Codable, Equatable {
    /// Each conversation's record, by work item number.
    public internal(set) var records: [Int: ConversationRecord] = [:]
    /// The most unread messages waiting at once, across sessions.
    public internal(set) var peakUnread = 0
    /// Unread messages waiting now (kept here so a peak costs nothing to follow).
    public internal(set) var unreadNow = 0
    /// The most customer sessions (Home not counted) open at once.
    public internal(set) var peakSessionsOpen = 0
    /// The numbers of the records added or changed since the last save (bookkeeping: neither saved nor compared).
    private(set) var changedRecords: Set<Int> = []

    private enum CodingKeys: String, CodingKey {
        case records, peakUnread, unreadNow, peakSessionsOpen
    }

    /// An empty log.
    public init() {}

    /// The record of `conversation`, created at `time` if new.
    mutating func update(_ conversation: Int, at time: Int, _ change: (inout ConversationRecord) -> Void) {
        change(&records[conversation, default: ConversationRecord(conversation: conversation, firstSeen: time)])
        changedRecords.insert(conversation)
    }

    /// The saver wrote the records changed since the last save.
    mutating func recordsSaved() { changedRecords = [] }

    /// Logs are equal when their records and peaks are, whatever was saved when.
    public static func == (lhs: ShiftLog, rhs: ShiftLog) -> Bool {
        (lhs.records, lhs.peakUnread, lhs.unreadNow, lhs.peakSessionsOpen)
            == (rhs.records, rhs.peakUnread, rhs.unreadNow, rhs.peakSessionsOpen)
    }

    /// A notification arrived.
    mutating func offered(_ conversation: Int, at time: Int) {
        update(conversation, at: time) { $0.offers.append(Offer(time: time)) }
    }

    /// The pending notification of `conversation` ended with `result`.
    mutating func answered(_ conversation: Int, _ result: Offer.Result, at time: Int) {
        update(conversation, at: time) { record in
            guard let index = record.offers.lastIndex(where: { $0.result == nil }) else { return }
            record.offers[index].result = result
            record.offers[index].resultTime = time
        }
    }

    /// A session on the conversation started (accept, pick, or resuming it from the dashboard).
    mutating func startedHandling(_ conversation: Int, at time: Int, sessionsOpen: Int) {
        update(conversation, at: time) { $0.handled.append(TimeSpan(start: time)) }
        peakSessionsOpen = max(peakSessionsOpen, sessionsOpen)
    }

    /// A record session (case, contact, account) opened: only the peak of open sessions changes.
    mutating func sessionOpened(sessionsOpen: Int) {
        peakSessionsOpen = max(peakSessionsOpen, sessionsOpen)
    }

    /// A customer message arrived in a session that is not focused, which now has `unread` unread.
    mutating func unreadMessage(_ conversation: Int, at time: Int, unread: Int) {
        unreadNow += 1
        peakUnread = max(peakUnread, unreadNow)
        guard unread == 1 else { return }
        update(conversation, at: time) { $0.unread.append(TimeSpan(start: time)) }
    }

    /// `count` unread messages of the conversation were read (the session was focused) or went with its session.
    mutating func unreadCleared(_ conversation: Int?, count: Int, at time: Int) {
        guard count > 0 else { return }
        unreadNow = max(0, unreadNow - count)
        guard let conversation else { return }
        update(conversation, at: time) { record in
            if let last = record.unread.indices.last, record.unread[last].end == nil { record.unread[last].end = time }
        }
    }

    /// The session's sentiment alert appeared (`true`) or went away or was answered (`false`).
    mutating func alert(_ conversation: Int, standing: Bool, at time: Int) {
        let open = records[conversation]?.alerts.last.map { $0.end == nil } ?? false
        guard standing != open else { return }
        update(conversation, at: time) { record in
            if standing {
                record.alerts.append(TimeSpan(start: time))
            } else {
                record.alerts[record.alerts.count - 1].end = time
            }
        }
    }

    /// The conversation's session closed.
    mutating func sessionClosed(_ conversation: Int, at time: Int, parked: Bool, closed: Bool) {
        alert(conversation, standing: false, at: time)
        update(conversation, at: time) { record in
            if let last = record.handled.indices.last, record.handled[last].end == nil {
                record.handled[last].end = time
            }
            if parked { record.parks += 1 }
            if closed { record.closedAt = time }
        }
    }

    /// The conversation closed for good without a session closing (abandoned, or its waiting window ended).
    mutating func conversationClosed(_ conversation: Int, at time: Int) {
        update(conversation, at: time) { $0.closedAt = time }
    }
}
