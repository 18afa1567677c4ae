/// Whether the session panel shows titles (expanded) or only icons and badges (collapsed).
public enum PanelMode: String, Sendable, Codable, CaseIterable {
    case expanded
    case collapsed
}

/// Everything the session manager knows: the simulation as one value.
///
/// `sessions[0]` is always the anchored Home session; customer sessions follow in panel order,
/// so a session's *position* is its index. Only the session manager's rules change it, in place,
/// through ``apply(_:)``: a command either changes the state or throws and leaves it untouched.
///
/// The state holds a bounded workspace (settings, sessions, notifications, clock, counters, the
/// agenda, the log) and the conversations in play (``ConversationsInPlay``); every other conversation
/// is read through its ``ConversationCatalog``, a reference that copying the state never copies. Two
/// states are equal when their workspaces are and they show the same conversations (see
/// ``ConversationsInPlay``): reading a conversation into play changes nothing.
public struct PanelState: Sendable, Codable, Equatable {
    /// The records of the simulation: a reference to a catalog, never a copy of a large world.
    public var world: AnyWorldCatalog
    /// The current settings.
    public var settings: Settings
    /// Home first, then customer sessions in panel order.
    public internal(set) var sessions: [Session]
    /// The id of the focused session.
    public internal(set) var focusedSessionID: Int
    /// Pending notifications, oldest first.
    public internal(set) var notifications: [IncomingNotification]
    /// The conversations (work items) in play, over the catalog of all the others.
    public internal(set) var conversations: ConversationsInPlay
    /// The agent's presence.
    public internal(set) var presence: Presence
    /// Whether the agent chose the presence by hand (Do not disturb, Away, Offline): automatic updates
    /// leave it alone until the agent sets another.
    public internal(set) var presenceSetByAgent = false
    /// Requests routed to the agent while their presence takes no new work (Offline, Away, Inactive),
    /// oldest first: they wait in the queue and are offered when the agent sets a presence that takes work.
    public internal(set) var heldRequests: [Int] = []
    /// The simulated clock, in seconds since the shift began.
    public internal(set) var now: Int
    /// How many unauthenticated visitors have arrived so far (`Visitor N` numbering).
    public internal(set) var visitorCount: Int
    /// Expanded or collapsed.
    public internal(set) var panelMode: PanelMode
    /// Generated traffic, the scenario's timeline and the shift's history.
    public internal(set) var shift: Shift
    /// The agent's quick replies and open articles.
    public internal(set) var tools = ConversationTools()
    /// The next session id to hand out.
    var nextSessionID: Int
    /// The next work item number to hand out.
    var nextWorkItem: Int

    /// A fresh shift in `world`: only Home open, presence Available, the clock at zero.
    public init(world: World = .demo, settings: Settings = Settings()) {
        let conversations = InMemoryConversations(workItems: world.workItems)
        self.init(
            world: AnyWorldCatalog(world), conversations: ConversationsInPlay(conversations),
            numbers: conversations.numbers(), settings: settings)
    }

    /// A fresh shift in the world `catalog` holds, its work items on the dashboard (held in memory until
    /// a store reads them through its own ``ConversationCatalog``). Fails only when the catalog cannot be read.
    public init(catalog: any WorldCatalog, settings: Settings = Settings()) throws(CommandError) {
        try self.init(
            catalog: catalog, conversations: InMemoryConversations(workItems: try catalog.allWorkItems()),
            settings: settings)
    }

    /// A fresh shift in the world `catalog` holds, whose work items `conversations` reads (a world work
    /// item the shift never touches stays there). Fails only when a catalog cannot be read.
    public init(catalog: any WorldCatalog, conversations: any ConversationCatalog, settings: Settings = Settings())
        throws(CommandError)
    {
        self.init(
            world: AnyWorldCatalog(catalog), conversations: try ConversationsInPlay(conversations),
            numbers: try conversations.numbers(), settings: settings)
    }

    private init(
        world: AnyWorldCatalog, conversations: ConversationsInPlay, numbers: ConversationNumbers, settings: Settings
    ) {
        self.world = world
        self.settings = settings
        self.sessions = [Session(id: 0, kind: .home, title: "Home")]
        self.focusedSessionID = 0
        self.notifications = []
        self.conversations = conversations
        self.visitorCount = numbers.visitors
        self.presence = .available
        self.now = 0
        self.panelMode = .expanded
        self.shift = Shift()
        self.nextSessionID = 1
        self.nextWorkItem = max(1000, numbers.highestWorkItem + 1)
        refreshPresence()  // Active items in My work items already use capacity
    }

    /// The focused session's position.
    ///
    /// Session ids are handed out in increasing order and sessions never move, so the panel is sorted
    /// by id and a binary search finds the focused one; a state built any other way is still searched
    /// in full.
    public var focusedPosition: Int {
        var low = 0
        var high = sessions.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let id = sessions[middle].id
            if id == focusedSessionID { return middle }
            if id < focusedSessionID { low = middle + 1 } else { high = middle - 1 }
        }
        return sessions.firstIndex { $0.id == focusedSessionID } ?? 0
    }

    /// The focused session.
    public var focusedSession: Session { sessions[focusedPosition] }

    /// Whether a session shows the sentiment `!` alert under the current threshold.
    public func hasSentimentAlert(_ session: Session) -> Bool {
        !session.isHome && settings.threshold.alerts(at: session.sentiment)
    }

    /// The conversation a session shows, if it is a conversation session (always in play).
    public func conversation(of session: Session) -> Conversation? {
        session.conversationID.flatMap { conversations[$0] }
    }

    /// The conversation numbered `id`: in play, else read from the catalog.
    public func conversation(_ id: Int) throws(CommandError) -> Conversation? { try conversations.read(id) }

    /// The tooltips shown when hovering over a session's icon: urgent first, then unread; the title alone when neither applies.
    public func tooltips(for session: Session) -> [String] {
        var tips: [String] = []
        if hasSentimentAlert(session) {
            tips.append("\(session.title). Urgent attention is needed in your conversation.")
        }
        if session.unreadCount > 0 {
            tips.append("\(session.title). \(session.unreadCount) new updates in your conversation.")
        }
        return tips.isEmpty ? [session.title] : tips
    }

    /// A page of a dashboard stream, by number: `limit` work items from `offset`, and how many it lists.
    public func workItems(in stream: WorkStream, offset: Int = 0, limit: Int) throws(CommandError)
        -> (items: [Conversation], total: Int)
    {
        try conversations.workItems(in: stream, onDay: now / Self.day, offset: offset, limit: limit)
    }

    /// The dashboard stream a work item is listed in today: Closed work items are the agent's
    /// conversations closed on the current simulated day.
    public func stream(of conversation: Conversation) -> WorkStream? {
        conversation.stream.flatMap { conversation.isListed(in: $0, onDay: now / Self.day) ? $0 : nil }
    }

    /// Seconds in a simulated day.
    static let day = 86_400

    /// Whether the agent's presence takes new work: not while Offline, Away or Inactive.
    public var takesNewWork: Bool { ![.offline, .away, .inactive].contains(presence) }

    /// Seconds until a pending notification times out.
    public func secondsLeft(_ notification: IncomingNotification) -> Int {
        max(0, notification.arrivedAt + settings.notificationTimeout - now)
    }
}
