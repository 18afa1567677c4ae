import Synchronization

@testable import SessionPanel

/// A store as the saver sees one: a ``ConversationCatalog`` whose rows a save writes from
/// ``PanelState/changedConversations`` the way a database does — the header replaced, only the messages,
/// notes and internal messages after the saved lengths appended.
final class StoreDouble: ConversationCatalog {
    private let rows: Mutex<InMemoryConversations>

    init(_ rows: InMemoryConversations) { self.rows = Mutex(rows) }

    /// Writes `changes` as rows: the lists appended from their saved lengths onto what the row had.
    func write(_ changes: [ConversationsInPlay.Change]) {
        rows.withLock { catalog in
            var all = Dictionary(uniqueKeysWithValues: catalog.everyConversation.map { ($0.id, $0) })
            for change in changes {
                var row = change.conversation
                let old = all[row.id]
                row.messages = (old?.messages ?? []) + change.conversation.messages.dropFirst(change.saved.messages)
                row.notes = (old?.notes ?? []) + change.conversation.notes.dropFirst(change.saved.notes)
                row.internalMessages =
                    (old?.internalMessages ?? [])
                    + change.conversation.internalMessages.dropFirst(change.saved.internalMessages)
                all[row.id] = row
            }
            catalog = InMemoryConversations(all.values)
        }
    }

    private var current: InMemoryConversations { rows.withLock { $0 } }

    func conversation(_ id: Int) -> Conversation? { current.conversation(id) }
    func unclosedConversations(of customers: Set<String>) -> [Conversation] {
        current.unclosedConversations(of: customers)
    }
    func newestConversation(titled title: String, unclosedOnly: Bool, excluding: Set<Int>) -> Conversation? {
        current.newestConversation(titled: title, unclosedOnly: unclosedOnly, excluding: excluding)
    }
    func workItems(in stream: WorkStream, onDay day: Int, excluding: Set<Int>, offset: Int, limit: Int)
        -> [Conversation]
    { current.workItems(in: stream, onDay: day, excluding: excluding, offset: offset, limit: limit) }
    func workItems(
        in stream: WorkStream, onDay day: Int, numberStartingWith digits: String, excluding: Set<Int>, limit: Int
    ) -> [Conversation] {
        current.workItems(in: stream, onDay: day, numberStartingWith: digits, excluding: excluding, limit: limit)
    }
    func count(in stream: WorkStream, onDay day: Int, excluding: Set<Int>) -> Int {
        current.count(in: stream, onDay: day, excluding: excluding)
    }
    func countUsingCapacity() -> Int { current.countUsingCapacity() }
    func closedConversations(ofCustomer customer: String, excluding: Set<Int>, limit: Int) -> [Conversation] {
        current.closedConversations(ofCustomer: customer, excluding: excluding, limit: limit)
    }
    func countClosedConversations(ofCustomer customer: String, excluding: Set<Int>) -> Int {
        current.countClosedConversations(ofCustomer: customer, excluding: excluding)
    }
    func reportFigures(excluding: Set<Int>) -> ConversationFigures { current.reportFigures(excluding: excluding) }
    func numbers() -> ConversationNumbers { current.numbers() }
    func isSame(as other: any ConversationCatalog) -> Bool { (other as? StoreDouble) === self }
}
