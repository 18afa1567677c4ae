import SessionPanel

/// Writes a world's records into a database's world tables (``WorldSchema``), one prepared insert per
/// table, each record checked as ``World/problems`` checks it. Run it inside a transaction: a failure
/// leaves the rows written so far for the caller to roll back. For a bulk import (`bulk: true`) the
/// indexes are built at the end by ``WorldSchema/createIndexes(in:)``, which finds duplicates then.
public final class WorldWriter {
    private let database: Database
    private let insertContact: Statement
    private let insertAccount: Statement
    private let insertCase: Statement
    private let insertWorkItem: Statement
    /// How many records of each kind this has written.
    public private(set) var counts: [WorldRecordKind: Int] = [:]

    /// Prepares the inserts, creating the world's tables when they are missing (without their
    /// indexes for a `bulk` import).
    public init(into database: Database, bulk: Bool = false) throws(StorageError) {
        if bulk { try WorldSchema.createTables(in: database) } else { try WorldSchema.create(in: database) }
        self.database = database
        insertContact = try database.prepare("INSERT INTO contacts (key, name, account) VALUES (?1, ?2, ?3)")
        insertAccount = try database.prepare("INSERT INTO accounts (key, name) VALUES (?1, ?2)")
        insertCase = try database.prepare("INSERT INTO cases (number, title, customer) VALUES (?1, ?2, ?3)")
        insertWorkItem = try database.prepare(
            "INSERT INTO work_items (id, channel, customer, stream) VALUES (?1, ?2, ?3, ?4)")
    }

    /// Writes every record of `world`.
    public func write(_ world: World) throws(StorageError) {
        for contact in world.contacts { try write(contact) }
        for account in world.accounts { try write(account) }
        for record in world.cases { try write(record) }
        for item in world.workItems { try write(item) }
    }

    /// Writes one contact; a second contact with the same name (ignoring case) is an error.
    public func write(_ contact: World.Contact) throws(StorageError) {
        try check(World.problem(name: contact.name))
        let key = worldKey(contact.name)
        try insertContact.bind(key, at: 1)
        try insertContact.bind(contact.name, at: 2)
        try insertContact.bind(contact.account, at: 3)
        try run(insertContact, .contact, key)
    }

    /// Writes one account; a second account with the same name (ignoring case) is an error.
    public func write(_ account: World.Account) throws(StorageError) {
        try check(World.problem(name: account.name))
        let key = worldKey(account.name)
        try insertAccount.bind(key, at: 1)
        try insertAccount.bind(account.name, at: 2)
        try run(insertAccount, .account, key)
    }

    /// Writes one case; a second case with the same number is an error.
    public func write(_ record: World.CaseRecord) throws(StorageError) {
        try check(World.problem(name: record.title) ?? World.problem(caseNumber: record.number))
        try insertCase.bind(record.number, at: 1)
        try insertCase.bind(record.title, at: 2)
        try insertCase.bind(record.customer, at: 3)
        try run(insertCase, .caseRecord, String(record.number))
    }

    /// Writes one work item; a second one with the same id is an error.
    public func write(_ item: World.WorkItem) throws(StorageError) {
        try check(World.problem(workItemID: item.id))
        try insertWorkItem.bind(item.id, at: 1)
        try insertWorkItem.bind(item.channel.rawValue, at: 2)
        try insertWorkItem.bind(item.customer, at: 3)
        try insertWorkItem.bind(item.stream.rawValue, at: 4)
        try run(insertWorkItem, .workItem, String(item.id))
    }

    private func check(_ problem: String?) throws(StorageError) {
        if let problem { throw StorageError(problem) }
    }

    /// Runs an insert; a duplicate key is reported as ``World/problems`` words it.
    private func run(_ insert: Statement, _ kind: WorldRecordKind, _ key: String) throws(StorageError) {
        defer { insert.reset() }
        do {
            try insert.step()
        } catch  where error.isConstraint {
            throw StorageError(World.duplicate(kind, key), code: error.code)
        }
        counts[kind, default: 0] += 1
    }
}
