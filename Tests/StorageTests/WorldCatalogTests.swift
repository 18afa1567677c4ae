import SessionPanel
import Testing

@testable import Storage

/// One suite of catalog behaviour, run against the in-memory ``World`` and the SQLite catalog holding
/// the same world, so the two cannot drift apart.
@Suite struct WorldCatalogTests {
    /// The demo world plus names chosen to test order, case and prefixes.
    static let world: World = {
        var world = World.demo
        world.contacts += [
            Contact(name: "Zoë Adams"), Contact(name: "zoe baker", account: "Contoso"), Contact(name: "Zora Clark"),
            Contact(name: "ZOLTAN Doe"), Contact(name: "Zz Top"),
        ]
        world.accounts += [World.Account(name: "contoso east")]
        world.cases += [
            World.CaseRecord(number: 4, title: "Four"), World.CaseRecord(number: 420, title: "Four twenty"),
            World.CaseRecord(number: 4_200_000, title: "Big"), World.CaseRecord(number: 0, title: "Zero"),
        ]
        return world
    }()
    typealias Contact = World.Contact

    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case memory, sqlite
        var testDescription: String { rawValue }

        func catalog(of world: World = WorldCatalogTests.world) throws -> any WorldCatalog {
            switch self {
            case .memory: return world
            case .sqlite: return try WorldCatalogTests.sqlite(world)
            }
        }
    }

    static func sqlite(_ world: World) throws -> SQLiteWorldCatalog {
        let database = try Database(path: ":memory:", mode: .create)
        try database.transaction { try WorldWriter(into: database).write(world) }
        return SQLiteWorldCatalog(database: database)
    }

    /// A world of 5,000 contacts in scrambled order (mixed case, some names not ASCII, many sharing
    /// their first letters), 1,000 accounts and 5,000 cases with scattered numbers: a prefix matches
    /// thousands of records, as `Zo` matches a hundred thousand contacts in a million.
    static let largeWorld: World = {
        var random = SeededGenerator(seed: 11)
        let first = ["Zoe", "zora", "ZOLTAN", "Zoë", "Ann", "anna", "Øystein", "Yusuf", "Zo", "Émile"]
        let last = ["Adams", "baker", "Clark", "Núñez", "O'Brien", "Zhang", "Smith"]
        var contacts = (0..<5_000).map { index in
            World.Contact(
                name: "\(first[index % first.count]) \(last[index / first.count % last.count]) \(index)",
                account: index % 3 == 0 ? nil : "Account \(index % 1_000)")
        }
        var cases = (0..<5_000).map { index in
            World.CaseRecord(number: index * 7_919 % 1_000_003, title: "Case \(index)")
        }
        contacts.shuffle(using: &random)
        cases.shuffle(using: &random)
        let accounts = (0..<1_000).reversed().map { World.Account(name: "Account \($0)") }
        return World(contacts: contacts, accounts: accounts, cases: cases)
    }()

    /// The prefixes the large world is asked about: empty, one to three letters, whole names, none.
    static let largePrefixes = [
        "", "z", "Z", "zo", "ZO", "zoe", "zoë", "zor", "a", "ann", "anna b", "ø", "øy", "é", "y", "q", "zz",
        "Zoe Adams 0", "zoe adams 0", "Zoe Clark 1", "zo ", "\u{10FFFF}",
    ]

    /// The ranks of `table`'s rows in key order, which must be 1, 2, 3, …
    static func ranks(_ catalog: SQLiteWorldCatalog, _ table: String, by key: String) throws -> [Int] {
        let statement = try catalog.database.prepare("SELECT rank FROM \(table) ORDER BY \(key)")
        var ranks: [Int] = []
        while try statement.step() { ranks.append(statement.int(at: 0)) }
        return ranks
    }

    @Test(arguments: Kind.allCases)
    func looksUpRecordsIgnoringCase(_ kind: Kind) throws {
        let catalog = try kind.catalog()
        #expect(try catalog.contact(named: "kenny SMITH") == Contact(name: "Kenny Smith", account: "Contoso"))
        #expect(try catalog.contact(named: "JOSÉ NÚÑEZ")?.name == "José Núñez")
        #expect(try catalog.contact(named: "Kenny") == nil)
        #expect(try catalog.account(named: "fabrikam") == World.Account(name: "Fabrikam"))
        #expect(try catalog.caseRecord(42)?.title == "Printer on fire")
        #expect(try catalog.caseRecord(43) == nil)
        #expect(try catalog.workItems(in: .open).map(\.id) == [201, 202])
        #expect(try catalog.allWorkItems().map(\.id) == [101, 102, 201, 202, 301])
    }

    @Test(arguments: Kind.allCases)
    func aCustomersCasesComeLatestFirstAndLimited(_ kind: Kind) throws {
        var world = World.demo
        world.cases += (1...7).map { World.CaseRecord(number: 500 + $0, title: "Call \($0)", customer: "Kenny Smith") }
        let catalog = try kind.catalog(of: world)
        #expect(try catalog.cases(ofCustomer: "Kenny Smith", limit: 5).map(\.number) == [507, 506, 505, 504, 503])
        #expect(try catalog.cases(ofCustomer: "Maria Campbell", limit: 5).map(\.number) == [17])
        #expect(try catalog.cases(ofCustomer: "Nobody", limit: 5).isEmpty)
    }

    @Test(arguments: Kind.allCases)
    func prefixQueriesAreSortedByLowercasedNameAndLimited(_ kind: Kind) throws {
        let catalog = try kind.catalog()
        #expect(
            try catalog.contacts(startingWith: "zo", limit: 10).map(\.name) == [
                "zoe baker", "ZOLTAN Doe", "Zora Clark", "Zoë Adams",
            ])
        #expect(try catalog.contacts(startingWith: "ZO", limit: 2).map(\.name) == ["zoe baker", "ZOLTAN Doe"])
        #expect(try catalog.count(.contact, startingWith: "Zo") == 4)
        #expect(
            try catalog.contacts(startingWith: "", limit: 3).map(\.name) == [
                "Abraham McCormick", "Aiko Tanaka", "Amara Okafor",
            ])
        #expect(try catalog.count(.contact, startingWith: "") == World.demo.contacts.count + 5)
        #expect(try catalog.contacts(startingWith: "q", limit: 5).isEmpty)
        #expect(try catalog.accounts(startingWith: "cont", limit: 5).map(\.name) == ["Contoso", "contoso east"])
        #expect(try catalog.count(.account, startingWith: "CONT") == 2)
    }

    @Test(arguments: Kind.allCases)
    func casesByDecimalPrefixInNumberOrder(_ kind: Kind) throws {
        let catalog = try kind.catalog()
        #expect(try catalog.cases(numberStartingWith: "4", limit: 10).map(\.number) == [4, 42, 420, 4_200_000])
        #expect(try catalog.cases(numberStartingWith: "4", limit: 2).map(\.number) == [4, 42])
        #expect(try catalog.count(.caseRecord, startingWith: "42") == 3)
        #expect(try catalog.cases(numberStartingWith: "", limit: 3).map(\.number) == [0, 4, 17])
        #expect(try catalog.cases(numberStartingWith: "0", limit: 3).map(\.number) == [0])
        #expect(try catalog.cases(numberStartingWith: "04", limit: 3).isEmpty)
        #expect(try catalog.cases(numberStartingWith: "x", limit: 3).isEmpty)
        #expect(try catalog.cases(numberStartingWith: "99999999999999999999999", limit: 3).isEmpty)
        #expect(try catalog.count(.workItem, startingWith: "") == 5)
    }

    @Test func sqliteWorldReadsBackWhole() throws {
        let catalog = try Kind.sqlite.catalog() as! SQLiteWorldCatalog
        let read = try catalog.world()
        let sorted = { (world: World) in
            [
                world.contacts.map(\.name).sorted(), world.accounts.map(\.name).sorted(),
                world.cases.map(\.title).sorted(),
            ]
        }
        #expect(sorted(read) == sorted(Self.world))
        #expect(read.workItems == Self.world.workItems.sorted { $0.id < $1.id })
    }

    @Test func atScaleCountsAndTheFirstHundredMatchTheInMemoryCatalog() throws {
        let memory = Self.largeWorld
        let sqlite = try Self.sqlite(memory)
        for prefix in Self.largePrefixes {
            #expect(try sqlite.count(.contact, startingWith: prefix) == memory.count(.contact, startingWith: prefix))
            #expect(
                try sqlite.contacts(startingWith: prefix, limit: 100)
                    == memory.contacts(startingWith: prefix, limit: 100))
            #expect(try sqlite.count(.account, startingWith: prefix) == memory.count(.account, startingWith: prefix))
        }
        #expect(memory.count(.contact, startingWith: "zo") == 2_500, "the test asks about thousands")
        for digits in ["", "0", "1", "12", "123", "9", "99", "100002", "1000030", "x"] {
            #expect(
                try sqlite.count(.caseRecord, startingWith: digits) == memory.count(.caseRecord, startingWith: digits))
            #expect(
                try sqlite.cases(numberStartingWith: digits, limit: 100)
                    == memory.cases(numberStartingWith: digits, limit: 100))
        }
        #expect(try Self.ranks(sqlite, "contacts", by: "key") == Array(1...5_000))
        #expect(try Self.ranks(sqlite, "accounts", by: "key") == Array(1...1_000))
        #expect(try Self.ranks(sqlite, "cases", by: "number") == Array(1...5_000))
    }

    @Test func atScaleCompletionMatchesTheInMemoryCatalog() throws {
        let memory = PanelState(world: Self.largeWorld)
        let sqlite = try PanelState(catalog: Self.sqlite(Self.largeWorld))
        for line in [
            "open contact Zo", "open contact \"zoë", "open contact ", "open account \"Account 1", "open case 1",
        ] {
            let expected = CompletionEngine.complete(line, in: memory, limit: 100)
            #expect(CompletionEngine.complete(line, in: sqlite, limit: 100) == expected)
            #expect(expected.total > 100, "\(line): the list is cut")
        }
    }

    @Test func namesWrittenLaterAreRankedWithTheRest() throws {
        let database = try Database(path: ":memory:", mode: .create)
        let (early, late) = (
            Array(Self.largeWorld.contacts.prefix(3_000)), Array(Self.largeWorld.contacts.dropFirst(3_000))
        )
        try database.transaction { try WorldWriter(into: database).write(World(contacts: early)) }
        try database.transaction { try WorldWriter(into: database).write(World(contacts: late)) }
        let sqlite = SQLiteWorldCatalog(database: database)
        let memory = World(contacts: early + late)
        for prefix in Self.largePrefixes {
            #expect(try sqlite.count(.contact, startingWith: prefix) == memory.count(.contact, startingWith: prefix))
            #expect(
                try sqlite.contacts(startingWith: prefix, limit: 100)
                    == memory.contacts(startingWith: prefix, limit: 100))
        }
        #expect(try Self.ranks(sqlite, "contacts", by: "key") == Array(1...5_000))
    }

    @Test func tablesFromBeforeRanksAreCountedRowByRow() throws {
        let database = try Database(path: ":memory:", mode: .create)
        // The layout of an earlier build: row ids in the order the records came.
        try database.execute(
            """
            CREATE TABLE contacts (key TEXT NOT NULL, name TEXT NOT NULL, account TEXT);
            CREATE UNIQUE INDEX contacts_by_key ON contacts (key);
            CREATE TABLE accounts (key TEXT NOT NULL, name TEXT NOT NULL);
            CREATE UNIQUE INDEX accounts_by_key ON accounts (key);
            CREATE TABLE cases (number INTEGER NOT NULL CHECK (number >= 0), title TEXT NOT NULL, customer TEXT);
            CREATE UNIQUE INDEX cases_by_number ON cases (number);
            """)
        let insert = try database.prepare("INSERT INTO contacts (key, name, account) VALUES (?1, ?2, NULL)")
        let insertCase = try database.prepare("INSERT INTO cases (number, title) VALUES (?1, 'x')")
        for contact in Self.largeWorld.contacts.prefix(2_000) {
            try insert.bind(worldKey(contact.name), at: 1)
            try insert.bind(contact.name, at: 2)
            try insert.step()
            insert.reset()
        }
        for record in Self.largeWorld.cases.prefix(2_000) {
            try insertCase.bind(record.number, at: 1)
            try insertCase.step()
            insertCase.reset()
        }
        let sqlite = SQLiteWorldCatalog(database: database)
        let memory = World(
            contacts: Self.largeWorld.contacts.prefix(2_000).map { Contact(name: $0.name) },
            cases: Self.largeWorld.cases.prefix(2_000).map { World.CaseRecord(number: $0.number, title: "x") })
        for prefix in Self.largePrefixes {
            #expect(try sqlite.count(.contact, startingWith: prefix) == memory.count(.contact, startingWith: prefix))
        }
        #expect(try sqlite.count(.caseRecord, startingWith: "1") == memory.count(.caseRecord, startingWith: "1"))
    }

    @Test func aLookupLeavesNoReadOpenForAWriterToWaitOn() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("world.db")
        let writer = try Database(path: path, mode: .create)
        try writer.transaction { try WorldWriter(into: writer).write(Self.world) }
        let catalog = try SQLiteWorldCatalog(readingOnly: path)
        for _ in 0..<2 {
            #expect(try catalog.contacts(startingWith: "z", limit: 2).count == 2)
            #expect(try catalog.count(.contact, startingWith: "z") == 5)
            #expect(try catalog.contact(named: "zz top")?.name == "Zz Top")
            // A statement left unfinished would hold a shared lock, and this commit would fail at once.
            try writer.transaction {
                try writer.execute(
                    "INSERT INTO work_items (id, channel, customer, stream) VALUES (999, 'chat', NULL, 'my')")
            }
            #expect(try catalog.workItems(in: .mine).map(\.id).contains(999))
            try writer.execute("DELETE FROM work_items WHERE id = 999")
        }
    }

    @Test func writerReportsDuplicatesAndBadRecordsAsTheWorldDoes() throws {
        let database = try Database(path: ":memory:", mode: .create)
        let writer = try WorldWriter(into: database)
        try writer.write(Contact(name: "Ann Lee"))
        try writer.write(Contact(name: "ann lee"))
        do {
            try writer.finish()
            Issue.record("a name written twice must fail")
        } catch {
            #expect(error.message == #"contact "ann lee" appears twice"#)
        }
        try writer.write(World.WorkItem(id: 7, channel: .chat, customer: nil, stream: .mine))
        do {
            try writer.write(World.WorkItem(id: 7, channel: .sms, customer: nil, stream: .open))
            Issue.record("a work item written twice must fail")
        } catch {
            #expect(error.message == "work item W7 appears twice")
        }
        do {
            try writer.write(World.CaseRecord(number: -1, title: "x"))
        } catch {
            #expect(error.message == "case -1 is out of range (0 to 999999999999999)")
        }
        do {
            try writer.write(World.Account(name: "  "))
        } catch {
            #expect(error.message == "a contact, account or case has an empty name or title")
        }
        #expect(writer.counts[.contact] == 2)
    }

    @Test func numberRangesCoverEveryNumberWithThePrefix() {
        #expect(Array(SQLiteWorldCatalog.numberRanges(startingWith: "7").prefix(3)) == [7...7, 70...79, 700...799])
        #expect(SQLiteWorldCatalog.numberRanges(startingWith: "").first == 0...Int.max)
        #expect(SQLiteWorldCatalog.numberRanges(startingWith: "9223372036854775807") == [Int.max...Int.max])
    }
}

/// The core's seeded generator as a `RandomNumberGenerator`, so a shuffled world is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    let random: ShiftRandom
    var counter: UInt64 = 0
    init(seed: UInt64) { random = ShiftRandom(seed: seed) }
    mutating func next() -> UInt64 {
        counter += 1
        return random.bits(0, counter)
    }
}
