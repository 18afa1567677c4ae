extension PanelState {
    private enum CodingKeys: String, CodingKey {
        case world, settings, sessions, focusedSessionID, notifications, conversations, presence
        case clock, visitorCount, panelMode, nextSessionID, nextWorkItem, shift, presenceSetByAgent, heldRequests, tools
    }

    /// Reads a state as ``encode(to:)`` writes it. The result may still break the manager's rules:
    /// check ``problems`` before using it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        world = try container.decode(AnyWorldCatalog.self, forKey: .world)
        settings = try container.decode(Settings.self, forKey: .settings)
        sessions = try container.decode([Session].self, forKey: .sessions)
        focusedSessionID = try container.decode(Int.self, forKey: .focusedSessionID)
        notifications = try container.decode([IncomingNotification].self, forKey: .notifications)
        let list = try container.decode([Conversation].self, forKey: .conversations)
        var seen = Set<Int>()
        for conversation in list where !seen.insert(conversation.id).inserted {
            throw DecodingError.dataCorruptedError(
                forKey: .conversations, in: container, debugDescription: "work item W\(conversation.id) appears twice")
        }
        let catalog = InMemoryConversations(list)
        conversations = ConversationsInPlay(catalog)
        presence = try container.decode(Presence.self, forKey: .presence)
        presenceSetByAgent = try container.decodeIfPresent(Bool.self, forKey: .presenceSetByAgent) ?? false
        heldRequests = try container.decodeIfPresent([Int].self, forKey: .heldRequests) ?? []
        now = try container.decode(Int.self, forKey: .clock)
        visitorCount = try container.decode(Int.self, forKey: .visitorCount)
        panelMode = try container.decode(PanelMode.self, forKey: .panelMode)
        nextSessionID = try container.decode(Int.self, forKey: .nextSessionID)
        nextWorkItem = try container.decode(Int.self, forKey: .nextWorkItem)
        tools = try container.decodeIfPresent(ConversationTools.self, forKey: .tools) ?? ConversationTools()
        if let shift = try container.decodeIfPresent(Shift.self, forKey: .shift) {
            self.shift = shift
        } else {  // saved before live shifts: the waiting windows still end on time
            shift = Shift()
            for conversation in list.sorted(by: { $0.id < $1.id }) {
                guard conversation.state == .waiting, let until = conversation.waitingUntil else { continue }
                shift.agenda.add(.waitingExpiry(conversation: conversation.id, until: until), at: until)
            }
        }
        for id in referencedConversations.sorted() {
            if let conversation = catalog.conversation(id) { conversations.bringIntoPlay(conversation) }
        }
    }

    /// Every conversation by number, those in play over the catalog's, when the catalog is in memory:
    /// what writing the state whole as JSON lists; `nil` for a store's catalog (the store exports it).
    public var inMemoryConversations: [Int: Conversation]? {
        conversations.catalog.inMemory.map { conversations.overlaid(on: $0) }
    }

    /// Writes the whole state; conversations as a list ordered by work item number, the clock in seconds.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(world, forKey: .world)
        try container.encode(settings, forKey: .settings)
        try container.encode(sessions, forKey: .sessions)
        try container.encode(focusedSessionID, forKey: .focusedSessionID)
        try container.encode(notifications, forKey: .notifications)
        guard let all = inMemoryConversations else {
            throw EncodingError.invalidValue(
                conversations.catalog.base,
                EncodingError.Context(
                    codingPath: encoder.codingPath,
                    debugDescription: "conversations in a database are not encoded whole"))
        }
        try container.encode(all.values.sorted { $0.id < $1.id }, forKey: .conversations)
        try container.encode(presence, forKey: .presence)
        try container.encode(presenceSetByAgent, forKey: .presenceSetByAgent)
        try container.encode(heldRequests, forKey: .heldRequests)
        try container.encode(now, forKey: .clock)
        try container.encode(visitorCount, forKey: .visitorCount)
        try container.encode(panelMode, forKey: .panelMode)
        try container.encode(nextSessionID, forKey: .nextSessionID)
        try container.encode(nextWorkItem, forKey: .nextWorkItem)
        try container.encode(shift, forKey: .shift)
        try container.encode(tools, forKey: .tools)
    }
}
