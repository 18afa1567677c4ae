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
    private let arrivingContact: Statement
    private let arrivingAccount: Statement
    private let arrivingCase: Statement
    private let insertWorkItem: Statement
    /// How many records of each kind this has written.
    public private(set) var counts: [WorldRecordKind: Int] = [:]

    /// Prepares the inserts, creating the world's tables when they are missing.
    public init(into database: Database) throws(StorageError) {
        try WorldSchema.create(in: database)
        // Arriving rows are dropped whole at the end: no need to overwrite their pages with zeros first.
        try database.execute("PRAGMA temp.secure_delete = OFF")
        for table in WorldSchema.rankedTables {
            try database.execute("CREATE TEMP TABLE IF NOT EXISTS \(Self.arriving(table)) (\(table.definitions))")
        }
        self.database = database
        arrivingContact = try database.prepare(Self.insert(WorldSchema.contacts))
        arrivingAccount = try database.prepare(Self.insert(WorldSchema.accounts))
        arrivingCase = try database.prepare(Self.insert(WorldSchema.cases))
        insertWorkItem = try database.prepare(
            "INSERT INTO work_items (id, channel, customer, stream) VALUES (?1, ?2, ?3, ?4)")
    }

    /// Writes every record of `world` and finishes.
    public func write(_ world: World) throws(StorageError) {
        for contact in world.contacts { try write(contact) }
        for account in world.accounts { try write(account) }
        for record in world.cases { try write(record) }
        for item in world.workItems { try write(item) }
        try finish()
    }

    /// Writes one contact; a second contact with the same name (ignoring case) fails ``finish()``.
    public func write(_ contact: World.Contact) throws(StorageError) {
        try check(World.problem(name: contact.name))
        try arrivingContact.bind(worldKey(contact.name), at: 1)
        try arrivingContact.bind(contact.name, at: 2)
        try arrivingContact.bind(contact.account, at: 3)
        try run(arrivingContact, .contact)
    }

    /// Writes one account; a second account with the same name (ignoring case) fails ``finish()``.
    public func write(_ account: World.Account) throws(StorageError) {
        try check(World.problem(name: account.name))
        try arrivingAccount.bind(worldKey(account.name), at: 1)
        try arrivingAccount.bind(account.name, at: 2)
        try run(arrivingAccount, .account)
    }

    /// Writes one case; a second case with the same number fails ``finish()``.
    public func write(_ record: World.CaseRecord) throws(StorageError) {
        try check(World.problem(name: record.title) ?? World.problem(caseNumber: record.number))
        try arrivingCase.bind(record.number, at: 1)
        try arrivingCase.bind(record.title, at: 2)
        try arrivingCase.bind(record.customer, at: 3)
        try run(arrivingCase, .caseRecord)
    }

    /// Writes one work item; a second one with the same id is an error at once.
    public func write(_ item: World.WorkItem) throws(StorageError) {
        try check(World.problem(workItemID: item.id))
        try insertWorkItem.bind(item.id, at: 1)
        try insertWorkItem.bind(item.channel.rawValue, at: 2)
        try insertWorkItem.bind(item.customer, at: 3)
        try insertWorkItem.bind(item.stream.rawValue, at: 4)
        do {
            try run(insertWorkItem, .workItem)
        } catch  where error.isConstraint {
            throw StorageError(World.duplicate(.workItem, String(item.id)), code: error.code)
        }
    }

    /// Writes the arriving contacts, accounts and cases into their tables in key order, ranked (rows
    /// a table already held are ranked again with them), and empties the temporary tables. A name
    /// or number that appears twice fails here, worded as ``World/problems`` words it.
    public func finish() throws(StorageError) {
        for (table, kind) in zip(WorldSchema.rankedTables, [WorldRecordKind.contact, .account, .caseRecord]) {
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
                let duplicate = try database.prepare(
                    "SELECT \(table.key) FROM \(arriving) GROUP BY \(table.key) HAVING count(*) > 1 LIMIT 1")
                guard try duplicate.step() else { throw error }
                throw StorageError(World.duplicate(kind, duplicate.string(at: 0) ?? ""), code: error.code)
            }
            try database.execute("DELETE FROM \(arriving)")
        }
    }

    /// The temporary table where `table`'s rows wait for ``finish()``.
    private static func arriving(_ table: WorldSchema.RankedTable) -> String { table.name + "_arriving" }

    private static func insert(_ table: WorldSchema.RankedTable) -> String {
        let parameters = table.columns.indices.map { "?\($0 + 1)" }.joined(separator: ", ")
        return "INSERT INTO temp.\(arriving(table)) (\(table.columns.joined(separator: ", "))) VALUES (\(parameters))"
    }

    private func check(_ problem: String?) throws(StorageError) {
        if let problem { throw StorageError(problem) }
    }

    private func run(_ insert: Statement, _ kind: WorldRecordKind) throws(StorageError) {
        defer { insert.reset() }
        try insert.step()
        counts[kind, default: 0] += 1
    }
}
