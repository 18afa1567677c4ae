import SessionPanel

/// How the world's records are read from their tables: the columns a `SELECT` names, in this order,
/// and the record a row of them makes. ``SQLiteWorldCatalog`` and the streamed export read through
/// these, so both read a record alike.
enum WorldRows {
    static let contactColumns = "name, account"
    static func contact(_ row: Statement) -> World.Contact {
        World.Contact(name: row.string(at: 0) ?? "", account: row.string(at: 1))
    }

    static let accountColumns = "name"
    static func account(_ row: Statement) -> World.Account { World.Account(name: row.string(at: 0) ?? "") }

    static let caseColumns = "number, title, customer"
    static func caseRecord(_ row: Statement) -> World.CaseRecord {
        World.CaseRecord(number: row.int(at: 0), title: row.string(at: 1) ?? "", customer: row.string(at: 2))
    }

    /// A work item's columns but its stream, which the caller knows or reads after them.
    static let workItemColumns = "id, channel, customer"
    /// A work item of `stream`; an unknown channel is read as a chat.
    static func workItem(_ row: Statement, in stream: WorkStream) -> World.WorkItem {
        World.WorkItem(
            id: row.int(at: 0), channel: Channel(rawValue: row.string(at: 1) ?? "") ?? .chat,
            customer: row.string(at: 2), stream: stream)
    }
}
