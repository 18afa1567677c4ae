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
    /// Notes and closed conversations, newest first, then the cases (undated): the first
    /// ``PanelState/timelineLength`` of them.
    public let timeline: [Entry]
    /// How many entries the whole timeline has.
    public let timelineCount: Int
}

extension PanelState {
    /// How many of the customer's cases the summary lists.
    public static let recentCaseCount = 5

    /// How many timeline entries the summary shows (a customer of a month of rush traffic has thousands).
    public static let timelineLength = 10

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
        let recentCases =
            try contact.map { contact throws(CommandError) in
                try world.cases(ofCustomer: contact.name, limit: Self.recentCaseCount)
            } ?? []
        let (timeline, timelineCount) = try timeline(of: conversation, contact: contact, cases: recentCases)
        return CustomerSummary(
            title: session.title, conversation: id, contact: contact,
            unknownCustomer: contact == nil ? conversation.customer : nil,
            account: conversation.account ?? contact?.account, channel: conversation.channel,
            queue: conversation.queue ?? Self.defaultQueue,
            waitTime: accepted.flatMap { offer in offer.resultTime.map { $0 - offer.time } },
            engagement: record?.handled.reduce(0) { $0 + $1.length(at: now) } ?? 0,
            sentiment: session.sentiment, transfers: conversation.transfers,
            linkedCase: try conversation.caseNumber.flatMap { number throws(CommandError) in
                try world.caseRecord(number)
            },
            recentCases: recentCases, timeline: timeline, timelineCount: timelineCount)
    }

    /// The Timeline section, its first ``timelineLength`` entries and how many it has: the conversation's
    /// notes and the customer's closed conversations, newest first (a note after what came before it at
    /// the same second; undated ones last), then the customer's cases. Only the entries shown are written
    /// out, and only as many closed conversations are read (the latest closed): a customer of a month of
    /// rush traffic has thousands.
    private func timeline(of conversation: Conversation, contact: World.Contact?, cases: [World.CaseRecord])
        throws(CommandError) -> (entries: [CustomerSummary.Entry], count: Int)
    {
        // (time, rank at the same time, note index, conversation id): at the same second a note comes before a conversation and a later note before an earlier one
        var dated: [(time: Int, order: Int, note: Int?, id: Int)] = conversation.notes.indices.map {
            (conversation.notes[$0].time, Int.max - conversation.notes.count + $0, $0, 0)
        }
        var closedCount = 0
        var channels: [Int: Channel] = [:]
        if let name = contact?.name {
            let closed = try conversations.closed(ofCustomer: name, limit: Self.timelineLength)
            closedCount = closed.total
            for other in closed.items {
                dated.append((shift.log.records[other.id]?.closedAt ?? -1, other.id, nil, other.id))
                channels[other.id] = other.channel
            }
        }
        let shown = dated.sorted { ($0.time, $0.order) > ($1.time, $1.order) }.prefix(Self.timelineLength)
        let entries = shown.map { entry in
            if let note = entry.note {
                return CustomerSummary.Entry(time: entry.time, text: "Note: \(conversation.notes[note].text)")
            }
            let channel = channels[entry.id]?.displayName ?? ""
            return CustomerSummary.Entry(
                time: entry.time < 0 ? nil : entry.time, text: "Conversation W\(entry.id) (\(channel)) closed")
        }
        let caseEntries = cases.map { CustomerSummary.Entry(time: nil, text: "Case \($0.number): \($0.title)") }
        let count = conversation.notes.count + closedCount + cases.count
        return (Array((entries + caseEntries).prefix(Self.timelineLength)), count)
    }
}
