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

    static let articleColumns = "id, title, keywords, body"
    static func article(_ row: Statement) -> World.Article {
        World.Article(
            id: row.int(at: 0), title: row.string(at: 1) ?? "", keywords: row.string(at: 2) ?? "",
            body: row.string(at: 3) ?? "")
    }

    static let agentColumns = "name, lines"
    /// A colleague; their lines are kept one per line.
    static func agent(_ row: Statement) -> World.Agent {
        let lines = row.string(at: 1) ?? ""
        return World.Agent(
            name: row.string(at: 0) ?? "", lines: lines.isEmpty ? [] : lines.split(separator: "\n").map(String.init))
    }

    /// The conversation-control lists as a world file names them: each one's table, the query that
    /// reads it whole in order, and the record a row makes.
    static let serviceLists: [String: (table: String, sql: String, read: @Sendable (Statement) -> any Encodable)] = [
        "queues": ("queues", "SELECT name FROM queues ORDER BY key", { World.Queue(name: $0.string(at: 0) ?? "") }),
        "agents": ("agents", "SELECT \(agentColumns) FROM agents ORDER BY key", { agent($0) }),
        "quickReplies": (
            "quick_replies", "SELECT text FROM quick_replies ORDER BY key",
            { World.QuickReply(text: $0.string(at: 0) ?? "") }
        ),
        "dispositions": (
            "dispositions", "SELECT code FROM dispositions ORDER BY key",
            { World.Disposition(code: $0.string(at: 0) ?? "") }
        ),
        "articles": ("articles", "SELECT \(articleColumns) FROM articles ORDER BY id", { article($0) }),
    ]
}
