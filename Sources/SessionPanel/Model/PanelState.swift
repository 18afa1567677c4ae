/// Whether the session panel shows titles (expanded) or only icons and badges (collapsed).
public enum PanelMode: String, Sendable, Codable, CaseIterable {
    case expanded
    case collapsed
}

/// Everything the session manager knows: the whole simulation as one value.
///
/// `sessions[0]` is always the anchored Home session; customer sessions follow in panel order,
/// so a session's *position* is its index. Only the session manager's rules change it, in place,
/// through ``apply(_:)``: a command either changes the state or throws and leaves it untouched.
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
    /// Every conversation (work item) by number.
    public internal(set) var conversations: [Int: Conversation]
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
    var nextConversationID: Int
    /// The conversations that are not Closed, by customer and channel (derived from `conversations`).
    var customerConversations: CustomerConversations

    /// A fresh shift in `world`: only Home open, presence Available, the clock at zero.
    public init(world: World = .demo, settings: Settings = Settings()) {
        self.init(catalog: world, workItems: world.workItems, settings: settings)
    }

    /// A fresh shift in the world `catalog` holds, its work items on the dashboard. Fails only when the
    /// catalog cannot be read.
    public init(catalog: any WorldCatalog, settings: Settings = Settings()) throws(CommandError) {
        self.init(catalog: catalog, workItems: try catalog.allWorkItems(), settings: settings)
    }

    private init(catalog: any WorldCatalog, workItems: [World.WorkItem], settings: Settings) {
        self.world = AnyWorldCatalog(catalog)
        self.settings = settings
        self.sessions = [Session(id: 0, kind: .home, title: "Home")]
        self.focusedSessionID = 0
        self.notifications = []
        self.conversations = [:]
        self.visitorCount = 0
        for item in workItems.sorted(by: { $0.id < $1.id }) {
            let state: ConversationState =
                switch item.stream {
                case .mine: .active
                case .open: .open
                case .closed: .closed
                }
            if item.customer == nil { visitorCount += 1 }
            conversations[item.id] = Conversation(
                id: item.id, channel: item.channel, customer: item.customer,
                visitorNumber: item.customer == nil ? visitorCount : nil,
                state: state, assignedToAgent: item.stream != .open, closedAt: item.stream == .closed ? 0 : nil)
        }
        self.customerConversations = CustomerConversations(conversations.values)
        self.presence = .available
        self.now = 0
        self.panelMode = .expanded
        self.shift = Shift()
        self.nextSessionID = 1
        self.nextConversationID = max(1000, (workItems.map { $0.id }.max() ?? 0) + 1)
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

    /// The conversation a session shows, if it is a conversation session.
    public func conversation(of session: Session) -> Conversation? {
        session.conversationID.flatMap { conversations[$0] }
    }

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

    /// Work items in a dashboard stream, by number.
    public func workItems(in stream: WorkStream) -> [Conversation] {
        conversations.values.filter { self.stream(of: $0) == stream }.sorted { $0.id < $1.id }
    }

    /// The dashboard stream a work item is listed in today: Closed work items are the agent's
    /// conversations closed on the current simulated day.
    public func stream(of conversation: Conversation) -> WorkStream? {
        guard conversation.stream == .closed else { return conversation.stream }
        return conversation.closedAt.map { $0 / Self.day == now / Self.day } == true ? .closed : nil
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
