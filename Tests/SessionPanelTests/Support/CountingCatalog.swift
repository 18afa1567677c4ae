import Synchronization

@testable import SessionPanel

/// A ``ConversationCatalog`` that forwards to an in-memory one and counts the conversations it hands
/// out, so a test can say how many a command read; `failing` makes every read throw instead, as a store
/// that cannot be read does.
final class CountingCatalog: ConversationCatalog {
    private let base: InMemoryConversations
    private let counts = Mutex((rows: 0, failing: false))

    init(_ base: InMemoryConversations) { self.base = base }

    /// How many conversations were handed out since the last ``reset()``.
    var rowsRead: Int { counts.withLock { $0.rows } }

    /// Starts counting again.
    func reset() { counts.withLock { $0.rows = 0 } }

    /// Whether every read fails.
    var failing: Bool {
        get { counts.withLock { $0.failing } }
        set { counts.withLock { $0.failing = newValue } }
    }

    /// Counts `rows` handed out, or fails.
    private func hand<Rows>(_ rows: Rows, _ count: (Rows) -> Int) throws(CommandError) -> Rows {
        let handed = count(rows)
        let failed = counts.withLock { state in
            if !state.failing { state.rows += handed }
            return state.failing
        }
        if failed { throw CommandError("the conversations cannot be read (test)") }
        return rows
    }

    func conversation(_ id: Int) throws(CommandError) -> Conversation? {
        try hand(base.conversation(id)) { $0 == nil ? 0 : 1 }
    }
    func unclosedConversations(of customers: Set<String>) throws(CommandError) -> [Conversation] {
        try hand(base.unclosedConversations(of: customers)) { $0.count }
    }
    func newestConversation(titled title: String, unclosedOnly: Bool, excluding: Set<Int>) throws(CommandError)
        -> Conversation?
    {
        try hand(base.newestConversation(titled: title, unclosedOnly: unclosedOnly, excluding: excluding)) {
            $0 == nil ? 0 : 1
        }
    }
    func workItems(in stream: WorkStream, onDay day: Int, excluding: Set<Int>, offset: Int, limit: Int)
        throws(CommandError) -> [Conversation]
    {
        try hand(base.workItems(in: stream, onDay: day, excluding: excluding, offset: offset, limit: limit)) {
            $0.count
        }
    }
    func workItems(
        in stream: WorkStream, onDay day: Int, numberStartingWith digits: String, excluding: Set<Int>, limit: Int
    ) throws(CommandError) -> [Conversation] {
        try hand(
            base.workItems(in: stream, onDay: day, numberStartingWith: digits, excluding: excluding, limit: limit)
        ) { $0.count }
    }
    func count(in stream: WorkStream, onDay day: Int, excluding: Set<Int>) throws(CommandError) -> Int {
        try hand(base.count(in: stream, onDay: day, excluding: excluding)) { _ in 0 }
    }
    func countUsingCapacity() throws(CommandError) -> Int { try hand(base.countUsingCapacity()) { _ in 0 } }
    func closedConversations(ofCustomer customer: String, excluding: Set<Int>, limit: Int) throws(CommandError)
        -> [Conversation]
    {
        try hand(base.closedConversations(ofCustomer: customer, excluding: excluding, limit: limit)) { $0.count }
    }
    func countClosedConversations(ofCustomer customer: String, excluding: Set<Int>) throws(CommandError) -> Int {
        try hand(base.countClosedConversations(ofCustomer: customer, excluding: excluding)) { _ in 0 }
    }
    func reportFigures(excluding: Set<Int>) throws(CommandError) -> ConversationFigures {
        try hand(base.reportFigures(excluding: excluding)) { _ in 0 }
    }
    func numbers() throws(CommandError) -> ConversationNumbers { try hand(base.numbers()) { _ in 0 } }
    func isSame(as other: any ConversationCatalog) -> Bool { (other as? CountingCatalog) === self }
}
