import SessionPanel
import Synchronization

/// The world catalog over a database's world tables (``WorldSchema``): every query is an index
/// lookup or range scan, and a count is the difference of two ranks, so a million contacts cost
/// what a thousand do.
///
/// Each query's statement is prepared once and kept (SQLite's persistent preparation), then reset
/// after each use; a lock makes one query at a time use them, so the catalog can be shared like a
/// value (`Sendable`).
public final class SQLiteWorldCatalog: WorldCatalog, @unchecked Sendable {
    /// The database holding the world.
    public let database: Database
    private let prepared = Mutex(PreparedStatements())

    /// The statements prepared so far, by their SQL, and which tables are ranked.
    private struct PreparedStatements {
        var statements: [String: Statement] = [:]
        /// Whether each table has a `rank` column (tables from before ranks are counted row by row).
        var isRanked: [String: Bool] = [:]
        /// Whether each table exists (see ``hasTable(_:)``).
        var hasTable: [String: Bool] = [:]
    }

    /// A catalog over `database`'s world tables, which must exist.
    public init(database: Database) {
        self.database = database
    }

    /// A catalog over the world database at `path`, opened read-only with a page cache of up to
    /// 64 MiB (filled only as pages are read), so a second Tab over a prefix of a hundred thousand
    /// names counts them from memory: 3 ms instead of 25 at a million contacts.
    public convenience init(readingOnly path: String) throws(StorageError) {
        let database = try Database(path: path, mode: .readOnly)
        try database.execute("PRAGMA cache_size = -65536")
        self.init(database: database)
    }

    public func contact(named name: String) throws(CommandError) -> World.Contact? {
        try rows(
            "SELECT \(WorldRows.contactColumns) FROM contacts WHERE key = ?1", worldKey(name), read: WorldRows.contact
        )
        .first
    }

    public func account(named name: String) throws(CommandError) -> World.Account? {
        try rows(
            "SELECT \(WorldRows.accountColumns) FROM accounts WHERE key = ?1", worldKey(name), read: WorldRows.account
        )
        .first
    }

    public func caseRecord(_ number: Int) throws(CommandError) -> World.CaseRecord? {
        try cases(from: number, through: number, limit: 1).first
    }

    public func workItems(in stream: WorkStream) throws(CommandError) -> [World.WorkItem] {
        try rows(
            "SELECT \(WorldRows.workItemColumns) FROM work_items WHERE stream = ?1 ORDER BY id", stream.rawValue,
            read: { WorldRows.workItem($0, in: stream) })
    }

    public func contacts(startingWith prefix: String, limit: Int) throws(CommandError) -> [World.Contact] {
        try rows(
            startingWith: prefix, "SELECT \(WorldRows.contactColumns) FROM contacts", limit: limit, WorldRows.contact)
    }

    public func accounts(startingWith prefix: String, limit: Int) throws(CommandError) -> [World.Account] {
        try rows(
            startingWith: prefix, "SELECT \(WorldRows.accountColumns) FROM accounts", limit: limit, WorldRows.account)
    }

    public func cases(numberStartingWith digits: String, limit: Int) throws(CommandError) -> [World.CaseRecord] {
        try Self.numbered(startingWith: digits, limit: limit, cases(from:through:limit:))
    }

    public func cases(ofCustomer customer: String, limit: Int) throws(CommandError) -> [World.CaseRecord] {
        try run(
            "SELECT \(WorldRows.caseColumns) FROM cases WHERE customer = ?1 ORDER BY number DESC LIMIT ?2",
            WorldRows.caseRecord
        ) { statement throws(StorageError) in
            try statement.bind(customer, at: 1)
            try statement.bind(max(0, limit), at: 2)
        }
    }

    public func count(_ kind: WorldRecordKind, startingWith prefix: String) throws(CommandError) -> Int {
        switch kind {
        case .contact, .account:
            let (low, high) = Self.keyRange(startingWith: prefix)
            let table = kind == .contact ? WorldSchema.contacts : WorldSchema.accounts
            return try count(in: table, from: .text(low), to: .text(high), highIncluded: false)
        case .caseRecord:
            var total = 0
            for range in Self.numberRanges(startingWith: prefix) {
                total += try count(
                    in: WorldSchema.cases, from: .number(range.lowerBound), to: .number(range.upperBound),
                    highIncluded: true)
            }
            return total
        case .queue, .agent, .quickReply, .disposition:
            let (low, high) = Self.keyRange(startingWith: prefix)
            guard let table = WorldSchema.rankedTables.first(where: { $0.kind == kind })?.table,
                try hasTable(table.name)
            else { return 0 }
            return try count(in: table, from: .text(low), to: .text(high), highIncluded: false)
        case .article:
            guard try hasTable(WorldSchema.articles.name) else { return 0 }
            var total = 0
            for range in Self.numberRanges(startingWith: prefix) {
                total += try count(
                    in: WorldSchema.articles, from: .number(range.lowerBound), to: .number(range.upperBound),
                    highIncluded: true)
            }
            return total
        case .workItem:
            var total = 0
            for range in Self.numberRanges(startingWith: prefix) {
                total +=
                    try rows(
                        "SELECT count(*) FROM work_items WHERE id BETWEEN ?1 AND ?2", nil, range.lowerBound,
                        range.upperBound, read: { $0.int(at: 0) }
                    ).first ?? 0
            }
            return total
        }
    }

    public func isSame(as other: any WorldCatalog) -> Bool {
        (other as? SQLiteWorldCatalog) === self
    }

    /// Every record, as an in-memory world, in the catalog's order: what the tests compare a file's
    /// tables with. The program never holds a whole world (`export` streams the tables,
    /// ``StateExport``), so this is internal.
    func world() throws(CommandError) -> World {
        var world = World()
        world.contacts = try rows(
            "SELECT \(WorldRows.contactColumns) FROM contacts ORDER BY key", read: WorldRows.contact)
        world.accounts = try rows(
            "SELECT \(WorldRows.accountColumns) FROM accounts ORDER BY key", read: WorldRows.account)
        world.cases = try cases(from: 0, through: Int.max, limit: Int.max)
        world.workItems = try allWorkItems()
        world.queues = try names(of: .queue, startingWith: "", limit: Int.max).map(World.Queue.init(name:))
        for name in try names(of: .agent, startingWith: "", limit: Int.max) {
            if let agent = try agent(named: name) { world.agents.append(agent) }
        }
        world.quickReplies = try quickReplies(matching: .all, limit: Int.max)
        world.dispositions = try names(of: .disposition, startingWith: "", limit: Int.max).map(
            World.Disposition.init(code:))
        world.requiresDisposition = try isDispositionRequired()
        world.articles = try articles(idStartingWith: "", limit: Int.max)
        return world
    }

    /// The cases numbered `low` through `high`, by number, at most `limit`.
    private func cases(from low: Int, through high: Int, limit: Int) throws(CommandError) -> [World.CaseRecord] {
        try rows(
            "SELECT \(WorldRows.caseColumns) FROM cases WHERE number BETWEEN ?1 AND ?2 ORDER BY number LIMIT ?3", nil,
            low, high, limit, read: WorldRows.caseRecord)
    }

    /// At most `limit` records whose number starts with `digits`, in increasing order: `page` reads
    /// those numbered `low` through `high` (at most its `limit`), one range of ``numberRanges(startingWith:)``
    /// after the other until enough are found.
    static func numbered<Record>(
        startingWith digits: String, limit: Int,
        _ page: (_ low: Int, _ high: Int, _ limit: Int) throws(CommandError) -> [Record]
    ) throws(CommandError) -> [Record] {
        var found: [Record] = []
        for range in numberRanges(startingWith: digits) where found.count < limit {
            found += try page(range.lowerBound, range.upperBound, limit - found.count)
        }
        return found
    }

    /// The ranges of whole numbers whose decimal form starts with `digits`, in increasing order:
    /// `4` → 4, 40…49, 400…499, …; `""` → all of them; `0` → only 0; none for anything else.
    static func numberRanges(startingWith digits: String) -> [ClosedRange<Int>] {
        if digits.isEmpty { return [0...Int.max] }
        guard digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let first = Int(digits) else { return [] }
        if digits.hasPrefix("0") { return digits == "0" ? [0...0] : [] }
        var ranges: [ClosedRange<Int>] = []
        var low = first
        var width = 1
        while true {
            let (high, overflow) = low.addingReportingOverflow(width - 1)
            ranges.append(low...(overflow ? Int.max : high))
            let (nextLow, lowOverflow) = low.multipliedReportingOverflow(by: 10)
            let (nextWidth, widthOverflow) = width.multipliedReportingOverflow(by: 10)
            if overflow || lowOverflow || widthOverflow { return ranges }
            low = nextLow
            width = nextWidth
        }
    }

    /// A bound of a range of keys: text (a name's key) or a number (a case's).
    enum Bound {
        case text([UInt8])
        case number(Int)

        func bind(to statement: Statement, at index: Int32) throws(StorageError) {
            switch self {
            case .text(let bytes):
                try bytes.withUnsafeBufferPointer { bytes throws(StorageError) in
                    try statement.bind(text: bytes, at: index)
                }
            case .number(let number): try statement.bind(number, at: index)
            }
        }
    }

    /// The keys starting with `prefix` (lowercased) are those from the first bound up to, not
    /// including, the second: the prefix followed by 0xFF, a byte UTF-8 never uses.
    static func keyRange(startingWith prefix: String) -> (low: [UInt8], high: [UInt8]) {
        let low = Array(worldKey(prefix).utf8)
        return (low, low + [0xFF])
    }

    /// How many rows of `table` have a key from `low` up to `high` (below it, or through it when
    /// `highIncluded`): the rank of the first row past the range less the rank of the first row in it
    /// (one more than the last rank where there is none). A table from before ranks is counted row by row.
    private func count(in table: WorldSchema.RankedTable, from low: Bound, to high: Bound, highIncluded: Bool)
        throws(CommandError) -> Int
    {
        let (name, key) = (table.name, table.key)
        let sql: String
        if try isRanked(name) {
            let past = "(SELECT ifnull(max(rank), 0) + 1 FROM \(name))"
            let first = { (comparison: String, parameter: Int) in
                "ifnull((SELECT rank FROM \(name) WHERE \(key) \(comparison) ?\(parameter) ORDER BY \(key) LIMIT 1), \(past))"
            }
            sql = "SELECT \(first(highIncluded ? ">" : ">=", 2)) - \(first(">=", 1))"
        } else {
            sql = "SELECT count(*) FROM \(name) WHERE \(key) >= ?1 AND \(key) \(highIncluded ? "<=" : "<") ?2"
        }
        let bind = { (statement: Statement) throws(StorageError) in
            try low.bind(to: statement, at: 1)
            try high.bind(to: statement, at: 2)
        }
        return try run(sql, { $0.int(at: 0) }, bind: bind).first ?? 0
    }

    /// Whether `table` exists: a state file written before the conversation-control tables has none
    /// of them, and reads as a world without queues, colleagues, quick replies, dispositions or articles.
    func hasTable(_ table: String) throws(CommandError) -> Bool {
        if let known = prepared.withLock({ $0.hasTable[table] }) { return known }
        let exists = try !rows("SELECT 1 FROM sqlite_master WHERE name = ?1", table, read: { _ in () }).isEmpty
        prepared.withLock { $0.hasTable[table] = exists }
        return exists
    }

    /// Whether `table` has ranks (a `rank` column); asked once per table.
    private func isRanked(_ table: String) throws(CommandError) -> Bool {
        if let known = prepared.withLock({ $0.isRanked[table] }) { return known }
        let ranked = try !rows("SELECT 1 FROM pragma_table_info('\(table)') WHERE name = 'rank'", read: { _ in () })
            .isEmpty
        prepared.withLock { $0.isRanked[table] = ranked }
        return ranked
    }

    /// The rows of `select` whose key starts with `prefix` (a range scan of the key's index), by key,
    /// at most `limit`.
    func rows<Row>(
        startingWith prefix: String, _ select: String, limit: Int, _ read: (Statement) -> Row
    ) throws(CommandError) -> [Row] {
        let (low, high) = Self.keyRange(startingWith: prefix)
        return try run(select + " WHERE key >= ?1 AND key < ?2 ORDER BY key LIMIT ?3", read) {
            statement throws(StorageError) in
            try Bound.text(low).bind(to: statement, at: 1)
            try Bound.text(high).bind(to: statement, at: 2)
            try statement.bind(max(0, limit), at: 3)
        }
    }

    /// The rows of `sql` with its parameters bound to `text` (`?1`) and `numbers` (`?1`, `?2`, …, after the text's).
    func rows<Row>(
        _ sql: String, _ text: String? = nil, _ numbers: Int..., read: (Statement) -> Row
    ) throws(CommandError) -> [Row] {
        try run(sql, read) { statement throws(StorageError) in
            if let text { try statement.bind(text, at: 1) }
            let first = text == nil ? 1 : 2
            for (index, number) in numbers.enumerated() { try statement.bind(number, at: Int32(index + first)) }
        }
    }

    /// Runs `sql` (prepared the first time, then kept) with the parameters `bind` fills, reads every
    /// row, and resets the statement; a database error becomes a one-line ``CommandError``.
    func run<Row>(
        _ sql: String, _ read: (Statement) -> Row, bind: (Statement) throws(StorageError) -> Void = { _ in }
    ) throws(CommandError) -> [Row] {
        do {
            return try prepared.withLock { prepared throws(StorageError) -> [Row] in
                let statement: Statement
                if let kept = prepared.statements[sql] {
                    statement = kept
                } else {
                    statement = try database.prepare(sql)
                    prepared.statements[sql] = statement
                }
                defer { statement.reset() }
                try bind(statement)
                var found: [Row] = []
                while try statement.step() { found.append(read(statement)) }
                return found
            }
        } catch {
            throw CommandError("cannot read the world: \(error.message)")
        }
    }
}
