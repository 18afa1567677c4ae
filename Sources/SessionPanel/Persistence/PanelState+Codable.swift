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
        conversations = [:]
        for conversation in try container.decode([Conversation].self, forKey: .conversations) {
            guard conversations.updateValue(conversation, forKey: conversation.id) == nil else {
                throw DecodingError.dataCorruptedError(
                    forKey: .conversations, in: container,
                    debugDescription: "work item W\(conversation.id) appears twice")
            }
        }
        customerConversations = CustomerConversations(conversations.values)
        presence = try container.decode(Presence.self, forKey: .presence)
        presenceSetByAgent = try container.decodeIfPresent(Bool.self, forKey: .presenceSetByAgent) ?? false
        heldRequests = try container.decodeIfPresent([Int].self, forKey: .heldRequests) ?? []
        now = try container.decode(Int.self, forKey: .clock)
        visitorCount = try container.decode(Int.self, forKey: .visitorCount)
        panelMode = try container.decode(PanelMode.self, forKey: .panelMode)
        nextSessionID = try container.decode(Int.self, forKey: .nextSessionID)
        nextConversationID = try container.decode(Int.self, forKey: .nextWorkItem)
        tools = try container.decodeIfPresent(ConversationTools.self, forKey: .tools) ?? ConversationTools()
        if let shift = try container.decodeIfPresent(Shift.self, forKey: .shift) {
            self.shift = shift
        } else {  // saved before live shifts: the waiting windows still end on time
            shift = Shift()
            for conversation in conversations.values.sorted(by: { $0.id < $1.id }) {
                guard conversation.state == .waiting, let until = conversation.waitingUntil else { continue }
                shift.agenda.add(.waitingExpiry(conversation: conversation.id, until: until), at: until)
            }
        }
    }

    /// Writes the whole state; conversations as a list ordered by work item number, the clock in seconds.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(world, forKey: .world)
        try container.encode(settings, forKey: .settings)
        try container.encode(sessions, forKey: .sessions)
        try container.encode(focusedSessionID, forKey: .focusedSessionID)
        try container.encode(notifications, forKey: .notifications)
        try container.encode(conversations.values.sorted { $0.id < $1.id }, forKey: .conversations)
        try container.encode(presence, forKey: .presence)
        try container.encode(presenceSetByAgent, forKey: .presenceSetByAgent)
        try container.encode(heldRequests, forKey: .heldRequests)
        try container.encode(now, forKey: .clock)
        try container.encode(visitorCount, forKey: .visitorCount)
        try container.encode(panelMode, forKey: .panelMode)
        try container.encode(nextSessionID, forKey: .nextSessionID)
        try container.encode(nextConversationID, forKey: .nextWorkItem)
        try container.encode(shift, forKey: .shift)
        try container.encode(tools, forKey: .tools)
    }
}
