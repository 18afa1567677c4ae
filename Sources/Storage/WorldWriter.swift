import SessionPanel

/// Writes a world's records into a database's world tables (``WorldSchema``), each record checked as
/// ``World/problems`` checks it. Run it inside a transaction, and end with ``finish()``: a failure
/// leaves the rows written so far for the caller to roll back.
///
/// Contacts, accounts and cases arrive in any order, so they are kept in temporary tables until
/// ``finish()`` writes each table sorted by its key, ranks 1, 2, 3, … in that order (one sort instead of
/// a million inserts at random places in two b-trees); work items go straight to their table.
public final class WorldWriter {
    private let database: Database
    private var arrivingContacts: ArrivingRows<World.Contact>
    private var arrivingAccounts: ArrivingRows<World.Account>
    private var arrivingCases: ArrivingRows<World.CaseRecord>
    /// The conversation-control records waiting, by kind.
    private var arrivingService: [WorldRecordKind: ArrivingRows<World.ServiceRecord>] = [:]
    private let insertFlag: Statement
    private let insertWorkItem: Statement
    /// How many records of each kind this has written.
    public private(set) var counts: [WorldRecordKind: Int] = [:]
    /// The kind and key (a lowercased name, or a number) of the record found twice, once a write or
    /// ``finish()`` failed for it, so a caller can look for where in its files the key appears.
    public private(set) var duplicate: (kind: WorldRecordKind, key: String)?

    /// Prepares the inserts, creating the world's tables when they are missing.
    public init(into database: Database) throws(StorageError) {
        try WorldSchema.create(in: database)
        // Arriving rows are dropped whole at the end: no need to overwrite their pages with zeros first.
        try database.execute("PRAGMA temp.secure_delete = OFF")
        for (table, _) in WorldSchema.rankedTables {
            try database.execute("CREATE TEMP TABLE IF NOT EXISTS \(Self.arriving(table)) (\(table.definitions))")
        }
        self.database = database
        arrivingContacts = try ArrivingRows(WorldSchema.contacts, in: database) { values, contact in
            values.key(contact.name)
            values.text(contact.name)
            values.text(contact.account)
        }
        arrivingAccounts = try ArrivingRows(WorldSchema.accounts, in: database) { values, account in
            values.key(account.name)
            values.text(account.name)
        }
        arrivingCases = try ArrivingRows(WorldSchema.cases, in: database) { values, record in
            values.number(record.number)
            values.text(record.title)
            values.text(record.customer)
        }
        insertWorkItem = try database.prepare(
            "INSERT INTO work_items (id, channel, customer, stream, customer_key) VALUES (?1, ?2, ?3, ?4, ?5)")
        insertFlag = try database.prepare("INSERT OR IGNORE INTO world_flags (flag) VALUES (?1)")
        for (table, kind) in WorldSchema.rankedTables where WorldRecordKind.serviceKinds.contains(kind) {
            arrivingService[kind] = try ArrivingRows(table, in: database, values: Self.serviceValues)
        }
    }

    /// The column values of a conversation-control record, in its table's order.
    private static func serviceValues(_ values: inout RowValues, _ record: World.ServiceRecord) {
        switch record {
        case .queue(let queue):
            values.key(queue.name)
            values.text(queue.name)
        case .agent(let agent):
            values.key(agent.name)
            values.text(agent.name)
            values.text(agent.lines.joined(separator: "\n"))
        case .quickReply(let reply):
            values.key(reply.text)
            values.text(reply.text)
            values.text(reply.tags.joined(separator: " "))
        case .disposition(let disposition):
            values.key(disposition.code)
            values.text(disposition.code)
        case .article(let article):
            values.number(article.id)
            values.text(article.title)
            values.text(article.keywords)
            values.text(article.body)
        case .dispositionRequired: break
        }
    }

    /// Writes one queue, colleague, quick reply, disposition or article (a second with the same name,
    /// text or id fails ``finish()``), or sets the world's flag.
    public func write(_ record: World.ServiceRecord) throws(StorageError) {
        try check(record.problem)
        guard let kind = record.key?.kind else {
            try insertFlag.bind(WorldSchema.requiresDispositionFlag, at: 1)
            defer { insertFlag.reset() }
            _ = try insertFlag.step()
            return
        }
        try arrivingService[kind]!.add(record)
        counts[kind, default: 0] += 1
    }

    /// Writes every record of `world` and finishes.
    public func write(_ world: World) throws(StorageError) {
        for contact in world.contacts { try write(contact) }
        for account in world.accounts { try write(account) }
        for record in world.cases { try write(record) }
        for item in world.workItems { try write(item) }
        for record in world.serviceRecords { try write(record) }
        try finish()
    }

    /// What is wrong with a record on its own (a name, title or number out of bounds), in
    /// ``World/problems``' words; `nil` when it can be written. Duplicates are found later.
    static func problem(_ contact: World.Contact) -> String? { World.problem(name: contact.name) }
    static func problem(_ account: World.Account) -> String? { World.problem(name: account.name) }
    static func problem(_ record: World.CaseRecord) -> String? {
        World.problem(name: record.title) ?? World.problem(caseNumber: record.number)
    }
    static func problem(_ item: World.WorkItem) -> String? { World.problem(workItemID: item.id) }

    /// Writes one contact; a second contact with the same name (ignoring case) fails ``finish()``.
    public func write(_ contact: World.Contact) throws(StorageError) {
        try check(Self.problem(contact))
        try arrivingContacts.add(contact)
        counts[.contact, default: 0] += 1
    }

    /// Writes one account; a second account with the same name (ignoring case) fails ``finish()``.
    public func write(_ account: World.Account) throws(StorageError) {
        try check(Self.problem(account))
        try arrivingAccounts.add(account)
        counts[.account, default: 0] += 1
    }

    /// Writes one case; a second case with the same number fails ``finish()``.
    public func write(_ record: World.CaseRecord) throws(StorageError) {
        try check(Self.problem(record))
        try arrivingCases.add(record)
        counts[.caseRecord, default: 0] += 1
    }

    /// Writes one work item; a second one with the same id is an error at once.
    public func write(_ item: World.WorkItem) throws(StorageError) {
        try check(Self.problem(item))
        try insertWorkItem.bind(item.id, at: 1)
        try insertWorkItem.bind(item.channel.rawValue, at: 2)
        try insertWorkItem.bind(item.customer, at: 3)
        try insertWorkItem.bind(item.stream.rawValue, at: 4)
        try insertWorkItem.bind(item.customer?.lowercased(), at: 5)
        defer { insertWorkItem.reset() }
        do {
            try insertWorkItem.step()
        } catch  where error.isConstraint {
            duplicate = (.workItem, String(item.id))
            throw StorageError(World.duplicate(.workItem, String(item.id)), code: error.code)
        }
        counts[.workItem, default: 0] += 1
    }

    /// Writes the arriving contacts, accounts and cases into their tables in key order, ranked (rows
    /// a table already held are ranked again with them), and empties the temporary tables. A name
    /// or number that appears twice fails here, worded as ``World/problems`` words it.
    public func finish() throws(StorageError) {
        try arrivingContacts.flush()
        try arrivingAccounts.flush()
        try arrivingCases.flush()
        for kind in arrivingService.keys { try arrivingService[kind]!.flush() }
        try WorldSchema.numberWorkItems(in: database)
        for (table, kind) in WorldSchema.rankedTables {
            let columns = table.columns.joined(separator: ", ")
            let arriving = "temp." + Self.arriving(table)
            try database.execute(
                "INSERT INTO \(arriving) (\(columns)) SELECT \(columns) FROM main.\(table.name); DELETE FROM main.\(table.name)"
            )
            do {
                // Into an empty table, so the row ids (the ranks) are 1, 2, 3, … in key order.
                try database.execute(
                    "INSERT INTO main.\(table.name) (\(columns)) SELECT \(columns) FROM \(arriving) ORDER BY \(table.key)"
                )
            } catch  where error.isConstraint {
                let twice = try database.prepare(
                    "SELECT \(table.key) FROM \(arriving) GROUP BY \(table.key) HAVING count(*) > 1 LIMIT 1")
                guard try twice.step() else { throw error }
                let key = twice.string(at: 0) ?? ""
                duplicate = (kind, key)
                throw StorageError(World.duplicate(kind, key), code: error.code)
            }
            try database.execute("DELETE FROM \(arriving)")
        }
        try WorldSchema.rebuildSearch(in: database)
    }

    /// The temporary table where `table`'s rows wait for ``finish()``.
    fileprivate static func arriving(_ table: WorldSchema.RankedTable) -> String { table.name + "_arriving" }

    private func check(_ problem: String?) throws(StorageError) {
        if let problem { throw StorageError(problem) }
    }
}

/// Rows of one table on their way to its temporary table, inserted ``rowsPerInsert`` at a time by one
/// statement of that many rows (a third of the cost of a statement per row), the last few one by one.
/// Their text is copied into one buffer and bound from there, so SQLite does not copy each value again.
private struct ArrivingRows<Row> {
    static var rowsPerInsert: Int { 64 }

    /// Adds a row's values, in the table's column order.
    typealias Values = (inout RowValues, Row) -> Void

    private let one: Statement
    private let many: Statement
    private let width: Int
    private let values: Values
    private var waiting = RowValues()

    init(_ table: WorldSchema.RankedTable, in database: Database, values: @escaping Values) throws(StorageError) {
        width = table.columns.count
        let insert =
            "INSERT INTO temp.\(WorldWriter.arriving(table)) (\(table.columns.joined(separator: ", "))) VALUES "
        let row = { (index: Int) in
            "(" + (1...table.columns.count).map { "?\(index * table.columns.count + $0)" }.joined(separator: ", ") + ")"
        }
        one = try database.prepare(insert + row(0))
        many = try database.prepare(insert + (0..<Self.rowsPerInsert).map(row).joined(separator: ", "))
        self.values = values
    }

    mutating func add(_ row: Row) throws(StorageError) {
        values(&waiting, row)
        guard waiting.values.count == Self.rowsPerInsert * width else { return }
        try waiting.insert(0..<waiting.values.count, with: many)
        waiting.removeAll()
    }

    /// Inserts the rows still waiting.
    mutating func flush() throws(StorageError) {
        for start in stride(from: 0, to: waiting.values.count, by: width) {
            try waiting.insert(start..<start + width, with: one)
        }
        waiting.removeAll()
    }
}

/// The values of a few rows: numbers, `NULL`s, and text kept as ranges of one byte buffer.
private struct RowValues {
    enum Value {
        case text(Range<Int>)
        case number(Int)
        case null
    }

    private(set) var values: [Value] = []
    private var bytes: [UInt8] = []

    mutating func text(_ string: String?) {
        guard let string else { return values.append(.null) }
        let start = bytes.count
        bytes.append(contentsOf: string.utf8)
        values.append(.text(start..<bytes.count))
    }

    /// The key of `name` (``worldKey(_:)``): ASCII lowercased byte by byte, anything else as Swift lowercases it.
    mutating func key(_ name: String) {
        let start = bytes.count
        bytes.append(contentsOf: name.utf8)
        for index in start..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x80 else {
                bytes.removeSubrange(start...)
                return text(worldKey(name))
            }
            if byte &- 0x41 < 26 { bytes[index] = byte &+ 0x20 }
        }
        values.append(.text(start..<bytes.count))
    }

    mutating func number(_ number: Int) { values.append(.number(number)) }

    mutating func removeAll() {
        values.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Binds `range` of the values to `statement`'s parameters from 1 on, runs it, and resets it (so
    /// SQLite is done with the buffer before it changes).
    func insert(_ range: Range<Int>, with statement: Statement) throws(StorageError) {
        try bytes.withUnsafeBufferPointer { buffer throws(StorageError) in
            defer { statement.reset() }
            for (parameter, value) in values[range].enumerated() {
                let index = Int32(parameter + 1)
                switch value {
                case .text(let text):
                    try statement.bind(borrowing: UnsafeBufferPointer(rebasing: buffer[text]), at: index)
                case .number(let number): try statement.bind(number, at: index)
                case .null: try statement.bind(nil, at: index)
                }
            }
            try statement.step()
        }
    }
}
