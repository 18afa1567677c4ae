/// The lifecycle of a conversation (work item).
///
/// `open` waits in a queue; `active` is being worked by the agent; `waiting` is parked after the
/// session was closed without End (persistent chat, SMS, social); `wrapUp` follows End; `closed` is final.
public enum ConversationState: String, CaseIterable, Sendable, Codable {
    case open
    case active
    case waiting
    case wrapUp = "wrap-up"
    case closed

    /// How the state is named to an agent.
    public var displayName: String {
        switch self {
        case .open: "Open"
        case .active: "Active"
        case .waiting: "Waiting"
        case .wrapUp: "Wrap-up"
        case .closed: "Closed"
        }
    }
}

/// One line of a conversation transcript.
public struct Message: Sendable, Codable, Equatable {
    /// Who wrote a message.
    public enum Sender: String, Sendable, Codable { case customer, agent }

    /// Who wrote it.
    public private(set) var sender: Sender
    /// What was written, exactly as received (escaped only when rendered).
    public private(set) var text: String
    /// Simulated time, in seconds, when it was written.
    public private(set) var time: Int

    /// Creates a message.
    public init(sender: Sender, text: String, time: Int) {
        self.sender = sender
        self.text = text
        self.time = time
    }
}

/// A message of a consult, between the agent and a colleague: never shown to the customer.
public struct InternalMessage: Sendable, Codable, Equatable {
    /// Who wrote it: the colleague's name, or `nil` for the agent.
    public private(set) var colleague: String?
    /// What was written.
    public private(set) var text: String
    /// Simulated time, in seconds, when it was written.
    public private(set) var time: Int
    /// Whom the agent wrote to (the colleague consulted then); `nil` for the colleague's own lines.
    public private(set) var to: String? = nil
}

/// A note the agent saved to a conversation's timeline (`note "called back, fixed"`).
public struct Note: Sendable, Codable, Equatable {
    /// What the agent wrote, exactly as typed (escaped only when rendered).
    public private(set) var text: String
    /// Simulated time, in seconds, when it was saved.
    public private(set) var time: Int

    /// Creates a note.
    public init(text: String, time: Int) {
        self.text = text
        self.time = time
    }
}

/// A customer conversation, which is also a work item on the agent dashboard (`W<id>`).
public struct Conversation: Sendable, Codable, Equatable, Identifiable {
    /// The work item number, shown as `W<id>`.
    public let id: Int
    /// The channel the customer used.
    public private(set) var channel: Channel
    /// The authenticated customer's name; `nil` for an unauthenticated visitor.
    public var customer: String?
    /// The visitor number of an unauthenticated conversation (`Visitor 3`).
    public var visitorNumber: Int?
    /// Where the conversation is in its lifecycle.
    public var state: ConversationState
    /// Whether the conversation is assigned to this agent (My work items).
    public var assignedToAgent: Bool
    /// The transcript so far.
    public var messages: [Message]
    /// When a `waiting` conversation closes for good, in simulated seconds.
    public var waitingUntil: Int?
    /// When the conversation closed, in simulated seconds (the world's closed work items at 0).
    public var closedAt: Int?
    /// The sentiment the customer showed while no session worked the conversation (a scenario's
    /// `at … sentiment` while the request waits); the session that takes the conversation starts with it.
    public var waitingSentiment: Sentiment?
    /// The notes saved to its timeline, oldest first.
    public var notes: [Note] = []
    /// The account linked to it (`link account`), if any.
    public var account: String?
    /// The case linked to it (`link case`), by number, if any.
    public var caseNumber: Int?
    /// The queue it waits in or came through, once transferred to one (`transfer queue`).
    public var queue: String?
    /// The colleague it was transferred to (`transfer agent`), if any: while it waits Open for them it
    /// is on none of the agent's dashboard streams.
    public var offeredTo: String?
    /// The colleague consulted on it, while the consult lasts.
    public var consultant: String?
    /// Whether the agent's replies go to the consulted colleague only (`/i`) until `/p`.
    public var composesInternally = false
    /// The messages between the agent and consulted colleagues, never shown to the customer.
    public var internalMessages: [InternalMessage] = []
    /// How many times the agent transferred it.
    public var transfers = 0
    /// The disposition code the agent closed its session with (`close --disposition`), if any.
    public var disposition: String?

    /// Creates a conversation.
    public init(
        id: Int, channel: Channel, customer: String?, visitorNumber: Int? = nil,
        state: ConversationState, assignedToAgent: Bool, messages: [Message] = [], waitingUntil: Int? = nil,
        closedAt: Int? = nil
    ) {
        self.id = id
        self.channel = channel
        self.customer = customer
        self.visitorNumber = visitorNumber
        self.state = state
        self.assignedToAgent = assignedToAgent
        self.messages = messages
        self.waitingUntil = waitingUntil
        self.closedAt = closedAt
    }

    /// The session title: the customer's (linked contact's) name, else the linked account's, or
    /// `Visitor N` for an unauthenticated visitor.
    public var title: String {
        customer ?? account ?? "Visitor \(visitorNumber ?? 0)"
    }

    /// The work item label shown on the dashboard.
    public var itemLabel: String { "W\(id)" }

    /// The dashboard stream this work item is listed in, if any. One transferred to a colleague
    /// (``offeredTo``) is theirs now: in none of the agent's streams.
    public var stream: WorkStream? {
        switch state {
        case .closed: assignedToAgent ? .closed : nil  // a request the agent never took is not theirs
        case .open where offeredTo != nil && !assignedToAgent: nil
        case .open: assignedToAgent ? .mine : .open
        case .active, .waiting, .wrapUp: assignedToAgent ? .mine : nil
        }
    }
}

/// The three agent-dashboard streams.
public enum WorkStream: String, CaseIterable, Sendable, Codable {
    case mine = "my"
    case open
    case closed

    /// The stream's heading on the dashboard.
    public var displayName: String {
        switch self {
        case .mine: "My work items"
        case .open: "Open work items"
        case .closed: "Closed work items"
        }
    }
}
