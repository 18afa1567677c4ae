/// The in-memory ``ConversationCatalog``: rows held in a dictionary with an index per query, for tests,
/// the demo world and a state read whole from JSON. It never changes once made (a state's changes stay
/// in its ``ConversationsInPlay``), so every copy of a state shares one.
public final class InMemoryConversations: ConversationCatalog {
    private let rows: [Int: Conversation]
    private let streams: [WorkStream: [Int]]
    private let unclosedByCustomer: [String: [Int]]
    private let byTitle: [String: [Int]]
    private let closedByCustomer: [String: [Int]]

    /// A catalog of `conversations` (numbers are unique: a later one with a number already seen is dropped).
    public init(_ conversations: some Sequence<Conversation>) {
        var rows: [Int: Conversation] = [:]
        for conversation in conversations where rows[conversation.id] == nil { rows[conversation.id] = conversation }
        self.rows = rows
        var streams: [WorkStream: [Int]] = [:]
        var unclosed: [String: [Int]] = [:]
        var titles: [String: [Int]] = [:]
        var closed: [String: [Int]] = [:]
        for id in rows.keys.sorted() {
            let conversation = rows[id]!
            if let stream = conversation.stream { streams[stream, default: []].append(id) }
            titles[conversation.titleKey, default: []].append(id)
            if let key = conversation.customerKey, conversation.state != .closed {
                unclosed[key, default: []].append(id)
            }
            if let name = conversation.customer, conversation.state == .closed { closed[name, default: []].append(id) }
        }
        self.streams = streams
        self.unclosedByCustomer = unclosed
        self.byTitle = titles
        self.closedByCustomer = closed
    }

    /// The conversations a fresh shift starts with in a world of `workItems`: My work items Active,
    /// Open work items Open, Closed work items closed at the start; visitors numbered by work item number.
    public convenience init(workItems: [World.WorkItem]) {
        var visitors = 0
        self.init(
            workItems.sorted { $0.id < $1.id }.map { item in
                if item.customer == nil { visitors += 1 }
                return Conversation(
                    id: item.id, channel: item.channel, customer: item.customer,
                    visitorNumber: item.customer == nil ? visitors : nil, state: item.stream.startingState,
                    assignedToAgent: item.stream != .open, closedAt: item.stream == .closed ? 0 : nil)
            })
    }

    /// Every conversation, by number: for writing a state whole as JSON (``PanelState`` encoding), which
    /// only an in-memory catalog does.
    public var everyConversation: [Conversation] { rows.keys.sorted().map { rows[$0]! } }

    public func conversation(_ id: Int) -> Conversation? { rows[id] }

    public func unclosedConversations(of customers: Set<String>) -> [Conversation] {
        customers.flatMap { unclosedByCustomer[$0] ?? [] }.sorted().map { rows[$0]! }
    }

    public func newestConversation(titled title: String, unclosedOnly: Bool, excluding: Set<Int>) -> Conversation? {
        (byTitle[title] ?? []).reversed().lazy.filter { !excluding.contains($0) }.map { self.rows[$0]! }
            .first { !unclosedOnly || $0.state != .closed }
    }

    /// The numbers listed in `stream` on `day`, none of `excluding`.
    private func listed(_ stream: WorkStream, _ day: Int, _ excluding: Set<Int>) -> [Int] {
        (streams[stream] ?? []).filter { !excluding.contains($0) && rows[$0]!.isListed(in: stream, onDay: day) }
    }

    public func workItems(in stream: WorkStream, onDay day: Int, excluding: Set<Int>, offset: Int, limit: Int)
        -> [Conversation]
    {
        listed(stream, day, excluding).dropFirst(max(0, offset)).prefix(max(0, limit)).map { rows[$0]! }
    }

    public func workItems(
        in stream: WorkStream, onDay day: Int, numberStartingWith digits: String, excluding: Set<Int>, limit: Int
    ) -> [Conversation] {
        listed(stream, day, excluding).lazy.filter { numberStarts($0, with: digits) }.prefix(max(0, limit))
            .map { self.rows[$0]! }
    }

    public func count(in stream: WorkStream, onDay day: Int, excluding: Set<Int>) -> Int {
        listed(stream, day, excluding).count
    }

    public func countUsingCapacity() -> Int { (streams[.mine] ?? []).count { rows[$0]!.usesCapacity } }

    /// The numbers of `customer`'s Closed conversations, none of `excluding`, latest closed first.
    private func closed(_ customer: String, _ excluding: Set<Int>) -> [Int] {
        (closedByCustomer[customer] ?? []).filter { !excluding.contains($0) }
            .sorted { (rows[$0]!.closedAt ?? 0, $0) > (rows[$1]!.closedAt ?? 0, $1) }
    }

    public func closedConversations(ofCustomer customer: String, excluding: Set<Int>, limit: Int) -> [Conversation] {
        closed(customer, excluding).prefix(max(0, limit)).map { rows[$0]! }
    }

    public func countClosedConversations(ofCustomer customer: String, excluding: Set<Int>) -> Int {
        (closedByCustomer[customer] ?? []).count { !excluding.contains($0) }
    }

    public func reportFigures(excluding: Set<Int>) -> ConversationFigures {
        ConversationFigures().adding(rows.values.lazy.filter { !excluding.contains($0.id) })
    }

    public func numbers() -> ConversationNumbers {
        ConversationNumbers(highestWorkItem: rows.keys.max() ?? 0, visitors: rows.values.count { $0.customer == nil })
    }

    /// The same catalog, or one with the same rows.
    public func isSame(as other: any ConversationCatalog) -> Bool {
        guard let other = other as? InMemoryConversations else { return false }
        return other === self || other.rows == rows
    }
}

extension WorkStream {
    /// The state a world's work item in this stream starts a shift in.
    var startingState: ConversationState {
        switch self {
        case .mine: .active
        case .open: .open
        case .closed: .closed
        }
    }
}
