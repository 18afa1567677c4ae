extension Conversation {
    private enum CodingKeys: String, CodingKey {
        case id, channel, customer, visitorNumber, state, assignedToAgent, messages, waitingUntil
        case notes, account, caseNumber, closedAt, waitingSentiment, queue, offeredTo, transfers
        case disposition, consultant, internalMessages, composesInternally
    }

    /// Reads a conversation; the members added after the first saved states (`notes`, `account`,
    /// `caseNumber`, `closedAt`, `waitingSentiment`, `queue`, `offeredTo`, `transfers`, `disposition`, `consultant`, `internalMessages`, `composesInternally`) default to none when absent, so older state files
    /// still load.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(Int.self, forKey: .id),
            channel: try container.decode(Channel.self, forKey: .channel),
            customer: try container.decodeIfPresent(String.self, forKey: .customer),
            visitorNumber: try container.decodeIfPresent(Int.self, forKey: .visitorNumber),
            state: try container.decode(ConversationState.self, forKey: .state),
            assignedToAgent: try container.decode(Bool.self, forKey: .assignedToAgent),
            messages: try container.decode([Message].self, forKey: .messages),
            waitingUntil: try container.decodeIfPresent(Int.self, forKey: .waitingUntil))
        notes = try container.decodeIfPresent([Note].self, forKey: .notes) ?? []
        account = try container.decodeIfPresent(String.self, forKey: .account)
        caseNumber = try container.decodeIfPresent(Int.self, forKey: .caseNumber)
        closedAt = try container.decodeIfPresent(Int.self, forKey: .closedAt)
        waitingSentiment = try container.decodeIfPresent(Sentiment.self, forKey: .waitingSentiment)
        queue = try container.decodeIfPresent(String.self, forKey: .queue)
        offeredTo = try container.decodeIfPresent(String.self, forKey: .offeredTo)
        transfers = try container.decodeIfPresent(Int.self, forKey: .transfers) ?? 0
        disposition = try container.decodeIfPresent(String.self, forKey: .disposition)
        consultant = try container.decodeIfPresent(String.self, forKey: .consultant)
        internalMessages = try container.decodeIfPresent([InternalMessage].self, forKey: .internalMessages) ?? []
        composesInternally = try container.decodeIfPresent(Bool.self, forKey: .composesInternally) ?? false
    }

    /// Writes a conversation; the notes and transfers only when there are some, links and queue only when set.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(channel, forKey: .channel)
        try container.encodeIfPresent(customer, forKey: .customer)
        try container.encodeIfPresent(visitorNumber, forKey: .visitorNumber)
        try container.encode(state, forKey: .state)
        try container.encode(assignedToAgent, forKey: .assignedToAgent)
        try container.encode(messages, forKey: .messages)
        try container.encodeIfPresent(waitingUntil, forKey: .waitingUntil)
        if !notes.isEmpty { try container.encode(notes, forKey: .notes) }
        try container.encodeIfPresent(account, forKey: .account)
        try container.encodeIfPresent(caseNumber, forKey: .caseNumber)
        try container.encodeIfPresent(closedAt, forKey: .closedAt)
        try container.encodeIfPresent(waitingSentiment, forKey: .waitingSentiment)
        try container.encodeIfPresent(queue, forKey: .queue)
        try container.encodeIfPresent(offeredTo, forKey: .offeredTo)
        if transfers > 0 { try container.encode(transfers, forKey: .transfers) }
        try container.encodeIfPresent(disposition, forKey: .disposition)
        try container.encodeIfPresent(consultant, forKey: .consultant)
        if !internalMessages.isEmpty { try container.encode(internalMessages, forKey: .internalMessages) }
        if composesInternally { try container.encode(true, forKey: .composesInternally) }
    }
}
