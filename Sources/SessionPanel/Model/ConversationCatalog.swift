/// Where the core reads the conversations (work items) it does not hold in memory: the world's work
/// items the shift has not touched, and every conversation a previous save wrote. ``PanelState`` keeps
/// only the conversations in play (``ConversationsInPlay``) and asks a catalog for the rest, one narrow
/// question at a time, so nothing in the core looks through every conversation.
///
/// The catalog answers as of the last save: a conversation the state holds in play (changed since, or
/// read to be changed) is the state's to answer for, and the queries that list or count leave out the
/// numbers in `excluding` (the ones in play) so the state can add its own. Lists are sorted as each
/// method says and cut at `limit`. A method throws a ``CommandError`` only when the catalog itself
/// cannot be read.
public protocol ConversationCatalog: Sendable {
    /// The conversation numbered `id`.
    func conversation(_ id: Int) throws(CommandError) -> Conversation?
    /// The conversations that are not Closed of the customers whose ``Conversation/customerKey`` is in
    /// `customers`, on every channel, by number. (A customer has a handful: one per channel at most,
    /// beside the world's.)
    func unclosedConversations(of customers: Set<String>) throws(CommandError) -> [Conversation]
    /// The highest-numbered conversation whose ``Conversation/titleKey`` is `title`, not Closed when
    /// `unclosedOnly`, none of `excluding`.
    func newestConversation(titled title: String, unclosedOnly: Bool, excluding: Set<Int>) throws(CommandError)
        -> Conversation?
    /// The dashboard `stream` on the simulated `day` (``Conversation/isListed(in:onDay:)``), by number:
    /// skipping `offset` of them, at most `limit`, none of `excluding`.
    func workItems(in stream: WorkStream, onDay day: Int, excluding: Set<Int>, offset: Int, limit: Int)
        throws(CommandError) -> [Conversation]
    /// Up to `limit` of the work items the dashboard `stream` lists on `day` whose number written in
    /// decimal starts with `digits` (every one for `""`), by number, none of `excluding`: what Tab offers.
    func workItems(
        in stream: WorkStream, onDay day: Int, numberStartingWith digits: String, excluding: Set<Int>, limit: Int
    ) throws(CommandError) -> [Conversation]
    /// How many conversations the dashboard `stream` lists on `day`, none of `excluding`.
    func count(in stream: WorkStream, onDay day: Int, excluding: Set<Int>) throws(CommandError) -> Int
    /// How many conversations use the agent's capacity (``Conversation/usesCapacity``).
    func countUsingCapacity() throws(CommandError) -> Int
    /// The Closed conversations of the customer called exactly `customer`, the latest closed first
    /// (``Conversation/closedAt`` descending, then number descending), at most `limit`, none of `excluding`.
    func closedConversations(ofCustomer customer: String, excluding: Set<Int>, limit: Int) throws(CommandError)
        -> [Conversation]
    /// How many Closed conversations the customer called exactly `customer` has, none of `excluding`.
    func countClosedConversations(ofCustomer customer: String, excluding: Set<Int>) throws(CommandError) -> Int
    /// The figures `report` reads from conversations, over every conversation but those in `excluding`.
    func reportFigures(excluding: Set<Int>) throws(CommandError) -> ConversationFigures
    /// The numbers a fresh shift goes on from.
    func numbers() throws(CommandError) -> ConversationNumbers
    /// Whether `other` is this same catalog (the same rows), for comparing states.
    func isSame(as other: any ConversationCatalog) -> Bool
}

/// What `report` reads from the conversations themselves (the rest comes from the ``ShiftLog``).
public struct ConversationFigures: Sendable, Equatable {
    /// Each conversation's ``Conversation/firstResponseTime``, where it has one, in any order.
    public var firstResponseTimes: [Int]
    /// The sum of the conversations' ``Conversation/transfers``.
    public var transfers: Int

    /// Figures of conversations.
    public init(firstResponseTimes: [Int] = [], transfers: Int = 0) {
        self.firstResponseTimes = firstResponseTimes
        self.transfers = transfers
    }

    /// These figures with those of `conversations` added.
    func adding(_ conversations: some Sequence<Conversation>) -> ConversationFigures {
        var figures = self
        for conversation in conversations {
            if let time = conversation.firstResponseTime { figures.firstResponseTimes.append(time) }
            figures.transfers += conversation.transfers
        }
        return figures
    }
}

/// The numbers a fresh shift goes on from.
public struct ConversationNumbers: Sendable, Equatable {
    /// The highest work item number (0 when there is none).
    public var highestWorkItem: Int
    /// How many conversations are an unauthenticated visitor's (`Visitor N` numbering goes on after them).
    public var visitors: Int

    /// Numbers.
    public init(highestWorkItem: Int, visitors: Int) {
        self.highestWorkItem = highestWorkItem
        self.visitors = visitors
    }
}

extension Conversation {
    /// What ``ConversationCatalog/unclosedConversations(of:)`` matches a customer by: the name lowercased.
    public var customerKey: String? { customer?.lowercased() }

    /// What ``ConversationCatalog/newestConversation(titled:unclosedOnly:excluding:)`` matches: the
    /// ``title`` lowercased.
    public var titleKey: String { title.lowercased() }

    /// Whether the conversation uses the agent's capacity: assigned to them and Active or in Wrap-up.
    public var usesCapacity: Bool { assignedToAgent && (state == .active || state == .wrapUp) }

    /// Whether the dashboard lists it in `stream` on the simulated `day` (seconds ÷ 86,400): its
    /// ``stream``, and for Closed work items, closed on that day.
    public func isListed(in stream: WorkStream, onDay day: Int) -> Bool {
        guard self.stream == stream else { return false }
        return stream != .closed || closedAt.map { $0 / PanelState.day == day } == true
    }

    /// The customer's first message to the agent's first reply after it, in seconds; `nil` until then.
    public var firstResponseTime: Int? {
        guard let first = messages.firstIndex(where: { $0.sender == .customer }),
            let reply = messages[first...].first(where: { $0.sender == .agent })
        else { return nil }
        return reply.time - messages[first].time
    }
}

/// A catalog of any kind as a value a ``PanelState`` can hold and compare: two are equal when they
/// are the same catalog (``ConversationCatalog/isSame(as:)``). A reference to the rows, never a copy.
public struct AnyConversationCatalog: ConversationCatalog, Equatable {
    /// The catalog this forwards to.
    public let base: any ConversationCatalog

    /// Wraps `base` (unwrapping it if it is itself an `AnyConversationCatalog`).
    public init(_ base: any ConversationCatalog) {
        self.base = (base as? AnyConversationCatalog)?.base ?? base
    }

    /// The in-memory rows, when that is what this holds.
    public var inMemory: InMemoryConversations? { base as? InMemoryConversations }

    public func conversation(_ id: Int) throws(CommandError) -> Conversation? { try base.conversation(id) }
    public func unclosedConversations(of customers: Set<String>) throws(CommandError) -> [Conversation] {
        try base.unclosedConversations(of: customers)
    }
    public func newestConversation(titled title: String, unclosedOnly: Bool, excluding: Set<Int>)
        throws(CommandError) -> Conversation?
    { try base.newestConversation(titled: title, unclosedOnly: unclosedOnly, excluding: excluding) }
    public func workItems(in stream: WorkStream, onDay day: Int, excluding: Set<Int>, offset: Int, limit: Int)
        throws(CommandError) -> [Conversation]
    { try base.workItems(in: stream, onDay: day, excluding: excluding, offset: offset, limit: limit) }
    public func workItems(
        in stream: WorkStream, onDay day: Int, numberStartingWith digits: String, excluding: Set<Int>, limit: Int
    ) throws(CommandError) -> [Conversation] {
        try base.workItems(in: stream, onDay: day, numberStartingWith: digits, excluding: excluding, limit: limit)
    }
    public func count(in stream: WorkStream, onDay day: Int, excluding: Set<Int>) throws(CommandError) -> Int {
        try base.count(in: stream, onDay: day, excluding: excluding)
    }
    public func countUsingCapacity() throws(CommandError) -> Int { try base.countUsingCapacity() }
    public func closedConversations(ofCustomer customer: String, excluding: Set<Int>, limit: Int)
        throws(CommandError) -> [Conversation]
    { try base.closedConversations(ofCustomer: customer, excluding: excluding, limit: limit) }
    public func countClosedConversations(ofCustomer customer: String, excluding: Set<Int>) throws(CommandError)
        -> Int
    { try base.countClosedConversations(ofCustomer: customer, excluding: excluding) }
    public func reportFigures(excluding: Set<Int>) throws(CommandError) -> ConversationFigures {
        try base.reportFigures(excluding: excluding)
    }
    public func numbers() throws(CommandError) -> ConversationNumbers { try base.numbers() }
    public func isSame(as other: any ConversationCatalog) -> Bool {
        base.isSame(as: AnyConversationCatalog(other).base)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.isSame(as: rhs) }
}
