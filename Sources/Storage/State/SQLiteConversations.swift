internal import JSONCoding
import SessionPanel
import Synchronization

/// The conversations of a state file as the core reads them (``ConversationCatalog``): the rows of
/// `conversations` (with their messages, notes and internal messages), over the world's work items the
/// shift never touched, which have no row and read as a fresh shift makes them (the join of
/// ``InMemoryConversations/init(workItems:)``). Every query is an index lookup or range: the rows by
/// their indexes (``ShiftSchema``), the world's items by theirs (``WorldSchema/workItemIndexes``), a
/// world stream counted from `world_counts` less the rows that stand over it.
///
/// Statements are prepared once and kept; a lock makes one query at a time use them, so the catalog
/// is shared like a value (as ``SQLiteWorldCatalog``).
public final class SQLiteConversations: ConversationCatalog, @unchecked Sendable {
    /// The state file's database.
    let database: Database
    /// The statements prepared so far, by their SQL (used only under ``lock``, or by one thread).
    private var prepared: [String: Statement] = [:]

    /// The catalog of `database`'s shift tables and world.
    init(database: Database) {
        self.database = database
    }

    /// A parameter of a query.
    private enum Value {
        case number(Int)
        case text(String?)
        /// The numbers as a JSON array, for `json_each`.
        case numbers(Set<Int>)
    }

    /// No row stands for the world's item `w`.
    private static let untouched = "NOT EXISTS (SELECT 1 FROM conversations c WHERE c.id = w.id)"
    /// Not one of the numbers bound at `?N` (a JSON array).
    private static func notIn(_ parameter: Int) -> String {
        "id NOT IN (SELECT value FROM json_each(?\(parameter)))"
    }

    public func conversation(_ id: Int) throws(CommandError) -> Conversation? {
        try read { () throws(StorageError) in try self.load(id) }
    }

    public func unclosedConversations(of customers: Set<String>) throws(CommandError) -> [Conversation] {
        try read { () throws(StorageError) in
            var ids: [Int] = []
            for customer in customers {
                ids += try self.numbers(
                    "SELECT id FROM conversations WHERE customer_key = ?1 AND state <> 'closed'", [.text(customer)])
                ids += try self.numbers(
                    "SELECT id FROM work_items w WHERE customer_key = ?1 AND stream <> 'closed' AND \(Self.untouched)",
                    [.text(customer)])
            }
            return try self.load(ids.sorted())
        }
    }

    public func newestConversation(titled title: String, unclosedOnly: Bool, excluding: Set<Int>)
        throws(CommandError) -> Conversation?
    {
        try read { () throws(StorageError) in
            let row = try self.numbers(
                "SELECT id FROM conversations WHERE title_key = ?1 AND \(Self.notIn(2))"
                    + (unclosedOnly ? " AND state <> 'closed'" : "") + " ORDER BY id DESC LIMIT 1",
                [.text(title), .numbers(excluding)])
            let world = try self.numbers(
                "SELECT id FROM work_items w WHERE title_key = ?1 AND \(Self.notIn(2)) AND \(Self.untouched)"
                    + (unclosedOnly ? " AND stream <> 'closed'" : "") + " ORDER BY id DESC LIMIT 1",
                [.text(title), .numbers(excluding)])
            return try self.load((row + world).max().map { [$0] } ?? []).first
        }
    }

    /// The rows listed in stream `?1` on day `?2` (Closed ones closed that day).
    private static let listedRows =
        "stream = ?1 AND (?1 <> 'closed' OR (closed_at >= ?2 * 86400 AND closed_at < (?2 + 1) * 86400))"
    /// The world's untouched items listed in stream `?1` on day `?2` (Closed ones closed at 0, day 0).
    private static let listedWorld = "stream = ?1 AND (?1 <> 'closed' OR ?2 = 0) AND \(untouched)"

    public func workItems(in stream: WorkStream, onDay day: Int, excluding: Set<Int>, offset: Int, limit: Int)
        throws(CommandError) -> [Conversation]
    {
        try read { () throws(StorageError) in
            let ids = try self.numbers(
                """
                SELECT id FROM conversations WHERE \(Self.listedRows) AND \(Self.notIn(3))
                UNION ALL SELECT id FROM work_items w WHERE \(Self.listedWorld) AND \(Self.notIn(3))
                ORDER BY id LIMIT ?5 OFFSET ?4
                """,
                [
                    .text(stream.rawValue), .number(day), .numbers(excluding), .number(max(0, offset)),
                    .number(max(0, limit)),
                ])
            return try self.load(ids)
        }
    }

    public func workItems(
        in stream: WorkStream, onDay day: Int, numberStartingWith digits: String, excluding: Set<Int>, limit: Int
    ) throws(CommandError) -> [Conversation] {
        try read { () throws(StorageError) in
            var ids: [Int] = []
            // The numbers starting with the digits are a few ranges, in increasing order.
            for range in SQLiteWorldCatalog.numberRanges(startingWith: digits) where ids.count < max(0, limit) {
                ids += try self.numbers(
                    """
                    SELECT id FROM conversations WHERE \(Self.listedRows) AND \(Self.notIn(3)) AND id BETWEEN ?4 AND ?5
                    UNION ALL SELECT id FROM work_items w WHERE \(Self.listedWorld) AND \(Self.notIn(3))
                        AND id BETWEEN ?4 AND ?5
                    ORDER BY id LIMIT ?6
                    """,
                    [
                        .text(stream.rawValue), .number(day), .numbers(excluding), .number(range.lowerBound),
                        .number(range.upperBound), .number(max(0, limit) - ids.count),
                    ])
            }
            return try self.load(ids)
        }
    }

    public func count(in stream: WorkStream, onDay day: Int, excluding: Set<Int>) throws(CommandError) -> Int {
        try read { () throws(StorageError) in
            let parameters: [Value] = [.text(stream.rawValue), .number(day), .numbers(excluding)]
            var count = try self.number(
                "SELECT count(*) FROM conversations WHERE \(Self.listedRows) AND \(Self.notIn(3))", parameters)
            guard stream != .closed || day == 0 else { return count }
            count += try self.worldCount(stream.rawValue)
            count -= try self.number(
                "SELECT count(*) FROM conversations WHERE world_stream = ?1", [.text(stream.rawValue)])
            count -= try self.number(
                "SELECT count(*) FROM work_items w WHERE id IN (SELECT value FROM json_each(?3)) AND \(Self.listedWorld)",
                parameters)
            return count
        }
    }

    public func countUsingCapacity() throws(CommandError) -> Int {
        try read { () throws(StorageError) in
            try self.number(
                "SELECT count(*) FROM conversations WHERE assigned = 1 AND state IN ('active', 'wrap-up')", [])
                + self.worldCount(WorkStream.mine.rawValue)
                - self.number("SELECT count(*) FROM conversations WHERE world_stream = 'my'", [])
        }
    }

    public func closedConversations(ofCustomer customer: String, excluding: Set<Int>, limit: Int)
        throws(CommandError) -> [Conversation]
    {
        try read { () throws(StorageError) in
            let parameters: [Value] = [.text(customer), .numbers(excluding), .number(max(0, limit))]
            let rows = try self.numbers(
                "SELECT id FROM conversations WHERE customer = ?1 AND state = 'closed' AND \(Self.notIn(2)) "
                    + "ORDER BY closed_at DESC, id DESC LIMIT ?3", parameters)
            let world = try self.numbers(
                "SELECT id FROM work_items w WHERE customer = ?1 AND stream = 'closed' AND \(Self.notIn(2)) "
                    + "AND \(Self.untouched) ORDER BY id DESC LIMIT ?3", parameters)
            let found = try self.load(rows + world)
            return Array(found.sorted { ($0.closedAt ?? 0, $0.id) > ($1.closedAt ?? 0, $1.id) }.prefix(max(0, limit)))
        }
    }

    public func countClosedConversations(ofCustomer customer: String, excluding: Set<Int>) throws(CommandError)
        -> Int
    {
        try read { () throws(StorageError) in
            let parameters: [Value] = [.text(customer), .numbers(excluding)]
            return try self.number(
                "SELECT count(*) FROM conversations WHERE customer = ?1 AND state = 'closed' AND \(Self.notIn(2))",
                parameters)
                + self.number(
                    "SELECT count(*) FROM work_items w WHERE customer = ?1 AND stream = 'closed' AND \(Self.notIn(2)) "
                        + "AND \(Self.untouched)", parameters)
        }
    }

    public func reportFigures(excluding: Set<Int>) throws(CommandError) -> ConversationFigures {
        try read { () throws(StorageError) in
            let times = try self.numbers(
                "SELECT first_response FROM conversations WHERE first_response IS NOT NULL AND \(Self.notIn(1))",
                [.numbers(excluding)])
            let transfers = try self.number(
                "SELECT total(transfers) FROM conversations WHERE \(Self.notIn(1))", [.numbers(excluding)])
            return ConversationFigures(firstResponseTimes: times, transfers: transfers)
        }
    }

    public func numbers() throws(CommandError) -> ConversationNumbers {
        try read { () throws(StorageError) in
            let highest = try self.number(
                "SELECT max(coalesce((SELECT max(id) FROM work_items), 0), coalesce((SELECT max(id) FROM conversations), 0))",
                [])
            let visitors =
                try self.number("SELECT count(*) FROM conversations WHERE customer IS NULL", [])
                + self.worldCount("visitors")
                - self.number(
                    "SELECT count(*) FROM conversations c JOIN work_items w ON w.id = c.id WHERE w.customer IS NULL", []
                )
            return ConversationNumbers(highestWorkItem: highest, visitors: visitors)
        }
    }

    public func isSame(as other: any ConversationCatalog) -> Bool {
        guard let other = other as? SQLiteConversations else { return false }
        return other === self || other.database === database
    }

    /// Every conversation, by number (for `export`), handed to `body` one at a time.
    func eachConversation(_ body: (Conversation) throws(StorageError) -> Void) throws(StorageError) {
        let ids = try database.prepare(
            "SELECT id FROM conversations UNION ALL SELECT id FROM work_items w WHERE \(Self.untouched) ORDER BY id")
        while try ids.step() {
            if let conversation = try load(ids.int(at: 0)) { try body(conversation) }
        }
    }

    // MARK: Rows

    /// A count of the world's work items (`world_counts`: a stream, or `visitors`).
    private func worldCount(_ name: String) throws(StorageError) -> Int {
        try number("SELECT coalesce((SELECT count FROM world_counts WHERE name = ?1), 0)", [.text(name)])
    }

    /// The conversations numbered `ids`, in that order (those that exist).
    private func load(_ ids: [Int]) throws(StorageError) -> [Conversation] {
        var found: [Conversation] = []
        for id in ids { if let conversation = try load(id) { found.append(conversation) } }
        return found
    }

    /// The conversation numbered `id`: its row with its lists, else the world's item made into one.
    private func load(_ id: Int) throws(StorageError) -> Conversation? {
        let shape = ShiftShapes.conversation
        var members: [(String, JSONValue)] = []
        try rows("SELECT \(shape.selected) FROM conversations WHERE id = ?1", [.number(id)]) { row in
            members = shape.members(of: row, from: 0)
        }
        guard !members.isEmpty else { return try worldItem(id) }
        for (key, list) in ShiftShapes.conversationLists {
            var items: [JSONValue] = []
            try rows("SELECT \(list.selected) FROM \(list.table) WHERE conversation = ?1 ORDER BY seq", [.number(id)]) {
                items.append(.object(list.members(of: $0, from: 0)))
            }
            members.append((key, .array(items)))
        }
        do {
            return try JSONValueDecoder().decode(Conversation.self, from: .object(members))
        } catch {
            throw StorageError("conversation W\(id) cannot be read: \(error)")
        }
    }

    /// The world's work item `id` as a fresh shift makes it into a conversation.
    private func worldItem(_ id: Int) throws(StorageError) -> Conversation? {
        var item: Conversation?
        try rows("SELECT \(Self.worldColumns) FROM work_items WHERE id = ?1", [.number(id)]) {
            item = Self.worldItem($0)
        }
        return item
    }

    /// The world's work items as a fresh shift makes them into conversations, by number, handed to `body`.
    func forEachWorldItem(_ body: (Conversation) throws(StorageError) -> Void) throws(StorageError) {
        let items = try database.prepare("SELECT \(Self.worldColumns) FROM work_items ORDER BY id")
        while try items.step() { if let item = Self.worldItem(items) { try body(item) } }
    }

    private static let worldColumns = "id, channel, customer, stream, visitor_number"

    /// The conversation a fresh shift makes of the work item in `row` (``worldColumns``); `nil` for an
    /// unknown stream (in none, as the world catalog reads it).
    private static func worldItem(_ row: Statement) -> Conversation? {
        guard let stream = WorkStream(rawValue: row.string(at: 3) ?? "") else { return nil }
        let state: ConversationState =
            switch stream {
            case .mine: .active
            case .open: .open
            case .closed: .closed
            }
        let customer = row.string(at: 2)
        return Conversation(
            id: row.int(at: 0), channel: Channel(rawValue: row.string(at: 1) ?? "") ?? .chat, customer: customer,
            visitorNumber: customer == nil ? row.int(at: 4) : nil, state: state, assignedToAgent: stream != .open,
            closedAt: stream == .closed ? 0 : nil)
    }

    /// The first column of every row of `sql`.
    private func numbers(_ sql: String, _ parameters: [Value]) throws(StorageError) -> [Int] {
        var found: [Int] = []
        try rows(sql, parameters) { found.append($0.int(at: 0)) }
        return found
    }

    /// The first column of the first row of `sql`.
    private func number(_ sql: String, _ parameters: [Value]) throws(StorageError) -> Int {
        try numbers(sql, parameters).first ?? 0
    }

    /// Runs `sql` (prepared the first time, then kept) with `parameters`, handing each row to `read`.
    private func rows(_ sql: String, _ parameters: [Value], _ read: (Statement) -> Void) throws(StorageError) {
        let statement: Statement
        if let kept = prepared[sql] {
            statement = kept
        } else {
            statement = try database.prepare(sql)
            prepared[sql] = statement
        }
        defer { statement.reset() }
        for (index, parameter) in parameters.enumerated() {
            let position = Int32(index + 1)
            switch parameter {
            case .number(let number): try statement.bind(number, at: position)
            case .text(let text): try statement.bind(text, at: position)
            case .numbers(let numbers): try statement.bind(jsonArray(numbers), at: position)
            }
        }
        while try statement.step() { read(statement) }
    }

    /// The last set of numbers bound and its JSON array: a command asks several queries excluding the
    /// same conversations in play (used only under ``lock``, or by one thread).
    private var lastNumbers: (numbers: Set<Int>, json: String) = ([], "[]")

    /// `numbers` as a JSON array, for `json_each`.
    private func jsonArray(_ numbers: Set<Int>) -> String {
        if numbers != lastNumbers.numbers {
            lastNumbers = (numbers, "[" + numbers.map(String.init).joined(separator: ",") + "]")
        }
        return lastNumbers.json
    }

    /// Runs `body`, one query at a time; a database error becomes a one-line ``CommandError``.
    private func read<Result>(_ body: () throws(StorageError) -> Result) throws(CommandError) -> Result {
        do {
            return try lock.withLock { _ throws(StorageError) in try body() }
        } catch {
            throw CommandError("cannot read the conversations: \(error.message)")
        }
    }

    /// One query at a time (the prepared statements are shared).
    private let lock = Mutex(())
}
