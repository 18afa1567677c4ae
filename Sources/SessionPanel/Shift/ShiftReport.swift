/// The shift's figures, named as contact-centre analytics name them (see the README, "Practising a
/// shift"), read from the ``ShiftLog`` and the conversations' messages. Times are simulated seconds;
/// a figure with nothing to measure is `nil`.
public struct ShiftReport: Sendable {
    /// Simulated seconds since the shift began.
    public let shiftSeconds: Int
    /// Conversation requests that reached the agent as a notification (a returning customer's too).
    public let offered: Int
    /// Notifications answered with Accept (or picked from Open work items while still pending).
    public let accepted: Int
    /// Notifications answered with Reject.
    public let rejected: Int
    /// Notifications that timed out unanswered.
    public let missed: Int
    /// Conversations whose customer left the queue before any agent accepted.
    public let abandoned: Int
    /// Notification to accept: the average (rounded to the second) and the longest.
    public let speedToAnswer: (average: Int, longest: Int)?
    /// The customer's first message to the agent's first reply after it, per conversation: median and
    /// 90th percentile (nearest rank), and over how many conversations.
    public let firstResponse: (median: Int, percentile90: Int, conversations: Int)?
    /// Accept (or pick, or resume) to the session closing, wrap-up included: the average over the
    /// sessions closed, and how many.
    public let handleTime: (average: Int, sessions: Int)?
    /// The longest a sentiment alert stood before the agent replied (or it cleared, or the session closed).
    public let longestUnansweredAlert: Int?
    /// The most unread messages waiting at once, across sessions.
    public let peakUnread: Int
    /// The most customer sessions open at once (Home not counted).
    public let peakSessionsOpen: Int
    /// Persistent conversations (persistent chat, SMS, social) the agent ended with End.
    public let persistentEnded: Int
    /// Persistent conversations parked in Waiting by closing their session without End.
    public let persistentParked: Int

    /// How many times the agent transferred a conversation.
    public let transfers: Int

    /// The figures of the shift in `state`, up to its clock. Fails only when the conversations cannot be read.
    public init(_ state: PanelState) throws(CommandError) {
        self.init(state, try state.conversations.reportFigures())
    }

    /// The figures of the shift in `state`, up to its clock, with `figures` read from its conversations.
    public init(_ state: PanelState, _ figures: ConversationFigures) {
        // Every figure is a count, a sum or an extreme: the order of records does not matter.
        let records = Array(state.shift.log.records.values)
        let offers = records.flatMap(\.offers)
        func count(_ result: Offer.Result) -> Int { offers.filter { $0.result == result }.count }
        shiftSeconds = state.now
        offered = offers.count
        accepted = count(.accepted)
        rejected = count(.rejected)
        missed = count(.missed)
        abandoned = records.filter { $0.abandonedAt != nil }.count

        let answers = offers.compactMap { offer in
            offer.result == .accepted ? offer.resultTime.map { $0 - offer.time } : nil
        }
        speedToAnswer = answers.max().map { (Self.average(answers), $0) }

        let sortedResponses = figures.firstResponseTimes.sorted()
        firstResponse =
            sortedResponses.isEmpty
            ? nil
            : (Self.median(sortedResponses), Self.nearestRank(0.9, sortedResponses), sortedResponses.count)

        let handled = records.flatMap(\.handled).compactMap { span in span.end.map { $0 - span.start } }
        handleTime = handled.isEmpty ? nil : (Self.average(handled), handled.count)

        longestUnansweredAlert = records.flatMap(\.alerts).map { $0.length(at: state.now) }.max()
        peakUnread = state.shift.log.peakUnread
        peakSessionsOpen = state.shift.log.peakSessionsOpen
        persistentEnded = records.map(\.persistentEnds).reduce(0, +)
        persistentParked = records.map(\.parks).reduce(0, +)
        transfers = figures.transfers
    }

    /// Abandoned ÷ (accepted + abandoned), in whole percent; `nil` when both are zero.
    public var abandonmentRatePercent: Int? {
        let total = accepted + abandoned
        return total == 0 ? nil : (abandoned * 100 + total / 2) / total
    }

    /// The mean, rounded half up to the second.
    static func average(_ values: [Int]) -> Int {
        values.isEmpty ? 0 : (values.reduce(0, +) * 2 + values.count) / (values.count * 2)
    }

    /// The middle value of sorted `values`; of an even count, the mean of the two middle ones rounded half up.
    static func median(_ values: [Int]) -> Int {
        let middle = values.count / 2
        return values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle] + 1) / 2
    }

    /// The nearest-rank percentile of sorted `values`: the value at rank ⌈p·n⌉.
    static func nearestRank(_ p: Double, _ values: [Int]) -> Int {
        let rank = Int((p * Double(values.count)).rounded(.up))
        return values[min(values.count, max(1, rank)) - 1]
    }

}
