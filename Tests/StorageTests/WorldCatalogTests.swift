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

        func catalog() throws -> any WorldCatalog {
            switch self {
            case .memory: return WorldCatalogTests.world
            case .sqlite:
                let database = try Database(path: ":memory:", mode: .create)
                try database.transaction { try WorldWriter(into: database).write(WorldCatalogTests.world) }
                return SQLiteWorldCatalog(database: database)
            }
        }
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
                "Abraham McCormick", "José Núñez", "Kenny Smith",
            ])
        #expect(try catalog.count(.contact, startingWith: "") == 10)
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

    @Test func writerReportsDuplicatesAndBadRecordsAsTheWorldDoes() throws {
        let database = try Database(path: ":memory:", mode: .create)
        let writer = try WorldWriter(into: database)
        try writer.write(Contact(name: "Ann Lee"))
        #expect(throws: StorageError.self) { try writer.write(Contact(name: "ANN LEE")) }
        do {
            try writer.write(Contact(name: "ann lee"))
        } catch {
            #expect(error.message == #"contact "ann lee" appears twice"#)
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
        #expect(writer.counts[.contact] == 1)
    }

    @Test func numberRangesCoverEveryNumberWithThePrefix() {
        #expect(Array(SQLiteWorldCatalog.numberRanges(startingWith: "7").prefix(3)) == [7...7, 70...79, 700...799])
        #expect(SQLiteWorldCatalog.numberRanges(startingWith: "").first == 0...Int.max)
        #expect(SQLiteWorldCatalog.numberRanges(startingWith: "9223372036854775807") == [Int.max...Int.max])
    }
}
