/// The Customer summary of a conversation, the anchor tab of its session: what `summary` shows, gathered
/// from the world catalog and the shift by ``PanelState/customerSummary(at:)``.
public struct CustomerSummary: Sendable, Equatable {
    /// One entry of the Timeline section.
    public struct Entry: Sendable, Equatable {
        /// When, in simulated seconds; `nil` for a record the world gives no date (a case).
        public let time: Int?
        /// What, e.g. `Note: called back, fixed`.
        public let text: String
    }

    /// The session's title.
    public let title: String
    /// The work item number.
    public let conversation: Int
    /// The linked contact, if the world has it.
    public let contact: World.Contact?
    /// The customer's name when it is not a contact of the world (a named customer not found).
    public let unknownCustomer: String?
    /// The linked account, or the contact's.
    public let account: String?
    /// The conversation's channel.
    public let channel: Channel
    /// The queue it came through.
    public let queue: String
    /// From the notification's arrival to Accept, when it was accepted from one.
    public let waitTime: Int?
    /// How long sessions have worked it so far.
    public let engagement: Int
    /// The session's sentiment.
    public let sentiment: Sentiment
    /// How many times it was transferred.
    public let transfers: Int
    /// The linked case.
    public let linkedCase: World.CaseRecord?
    /// The customer's latest cases, highest number first, at most ``PanelState/recentCaseCount``.
    public let recentCases: [World.CaseRecord]
    /// Notes and closed conversations, newest first, then the cases (undated).
    public let timeline: [Entry]
}

extension PanelState {
    /// How many of the customer's cases the summary lists.
    public static let recentCaseCount = 5

    /// The queue every conversation comes through until the world has queues.
    static let defaultQueue = "Default queue"

    /// The Customer summary of the conversation the session at `position` shows (which must be one).
    func customerSummary(at position: Int) throws(CommandError) -> CustomerSummary {
        let session = sessions[position]
        guard let id = session.conversationID, let conversation = conversations[id] else {
            throw CommandError(
                session.isHome
                    ? "Home has no conversation" : "\"\(session.title)\" is a record session, not a conversation")
        }
        let contact = try conversation.customer.flatMap { name throws(CommandError) in try world.contact(named: name) }
        let record = shift.log.records[id]
        let accepted = record?.offers.last { $0.result == .accepted }
        let recentCases = try contact.map { contact throws(CommandError) in
            try world.cases(ofCustomer: contact.name, limit: Self.recentCaseCount)
        }
        return CustomerSummary(
            title: session.title, conversation: id, contact: contact,
            unknownCustomer: contact == nil ? conversation.customer : nil,
            account: conversation.account ?? contact?.account, channel: conversation.channel,
            queue: Self.defaultQueue,
            waitTime: accepted.flatMap { offer in offer.resultTime.map { $0 - offer.time } },
            engagement: record?.handled.reduce(0) { $0 + $1.length(at: now) } ?? 0,
            sentiment: session.sentiment, transfers: 0,
            linkedCase: try conversation.caseNumber.flatMap { number throws(CommandError) in
                try world.caseRecord(number)
            },
            recentCases: recentCases ?? [],
            timeline: timeline(of: conversation, contact: contact, cases: recentCases ?? []))
    }

    /// The Timeline section: the conversation's notes and the customer's closed conversations, newest
    /// first, then the customer's cases.
    private func timeline(of conversation: Conversation, contact: World.Contact?, cases: [World.CaseRecord])
        -> [CustomerSummary.Entry]
    {
        var dated = conversation.notes.map { CustomerSummary.Entry(time: $0.time, text: "Note: \($0.text)") }
        if let name = contact?.name {
            for other in conversations.values where other.state == .closed && other.customer == name {
                dated.append(
                    CustomerSummary.Entry(
                        time: shift.log.records[other.id]?.closedAt,
                        text: "Conversation \(other.itemLabel) (\(other.channel.displayName)) closed"))
            }
        }
        let ordered = dated.enumerated().sorted { first, second in
            let (a, b) = (first.element.time ?? -1, second.element.time ?? -1)
            return a != b ? a > b : first.offset > second.offset
        }
        return ordered.map(\.element)
            + cases.map { CustomerSummary.Entry(time: nil, text: "Case \($0.number): \($0.title)") }
    }
}
