import Foundation
import SessionPanel
import Testing

@testable import Storage

/// The conversation-control tables (queues, colleagues, quick replies, dispositions, articles) in world
/// files, in the database and through both catalogs.
@Suite struct ServiceTablesReaderTests {
    func csv(_ table: CSVWorldReader.Table, _ text: String) throws -> World {
        let collector = WorldCollector()
        var reader = CSVWorldReader(table, bytes: Array(text.utf8))
        try reader.read(into: collector)
        return collector.world
    }

    func json(_ text: String) throws -> World {
        let collector = WorldCollector()
        var reader = JSONWorldReader(bytes: Array(text.utf8))
        try reader.read(into: collector)
        return collector.world
    }

    @Test func csvFilesHoldEachNewTable() throws {
        #expect(try csv(.queues, "name\nBilling\nReturns\n").queues.map(\.name) == ["Billing", "Returns"])
        #expect(
            try csv(.agents, "name,lines\nRavi Patel,\"Hi.\nOn it.\"\nMei Chen,\n").agents == [
                World.Agent(name: "Ravi Patel", lines: ["Hi.", "On it."]), World.Agent(name: "Mei Chen"),
            ])
        #expect(
            try csv(.quickReplies, "text\n\"#refund #billing Your refund, {customer}.\"\n").quickReplies.map(\.tags)
                == [["refund", "billing"]])
        let dispositions = try csv(.dispositions, "code,required\nResolved,yes\nEscalated,\n")
        #expect(dispositions.dispositions.map(\.code) == ["Resolved", "Escalated"])
        #expect(dispositions.requiresDisposition)
        #expect(try !csv(.dispositions, "code\nResolved\n").requiresDisposition)
        #expect(
            try csv(.articles, "title,id,body,keywords\nReset,3,Select Forgot,password\n").articles == [
                World.Article(id: 3, title: "Reset", keywords: "password", body: "Select Forgot")
            ])
    }

    @Test(arguments: [
        (CSVWorldReader.Table.queues, "name\nBilling\n  \n", "line 3, column 1: a queue has an empty name or title"),
        (.articles, "id,title\n3,Reset\nx,Other\n", "line 3, column 1: id \"x\" is not a whole number"),
        (
            .articles, "id,title\n0,Reset\n",
            "line 2, column 1: article 0 is out of range (1 to \(Limits.largestRecordNumber))"
        ),
        (.articles, "id,title\n4,\n", "line 2, column 3: an article has an empty name or title"),
        (.dispositions, "code,required\nResolved,maybe\n", "line 2, column 10: required \"maybe\" is not yes or no"),
        (.quickReplies, "text\n#refund\n", "line 2, column 1: a quick reply has tags but no text"),
        (
            .articles, "title\nReset\n",
            "line 1: the header has no \"id\" column (expected columns id, title, [keywords], [body])"
        ),
    ])
    func csvErrorsSayWhereAndWhat(table: CSVWorldReader.Table, text: String, message: String) {
        let error = #expect(throws: WorldFileError.self) { try csv(table, text) }
        #expect(error?.message == message)
    }

    @Test func theTableComesFromTheFileName() {
        #expect(CSVWorldReader.Table(fileName: "queues.csv") == .queues)
        #expect(CSVWorldReader.Table(fileName: "Agents.CSV") == .agents)
        #expect(CSVWorldReader.Table(fileName: "quick-replies.csv") == .quickReplies)
        #expect(CSVWorldReader.Table(fileName: "dispositions.csv") == .dispositions)
        #expect(CSVWorldReader.Table(fileName: "kb-articles.csv") == .articles)
    }

    @Test func jsonWorldsHoldEachNewList() throws {
        let world = try json(
            #"""
            {"queues": [{"name": "Billing"}], "agents": [{"name": "Ravi Patel", "lines": ["Hi.", "On it."]}],
             "quickReplies": [{"text": "#greeting Hello {customer}"}], "dispositions": [{"code": "Resolved"}],
             "requiresDisposition": true,
             "articles": [{"id": 2, "title": "Reset", "keywords": "password", "body": "Select Forgot"}]}
            """#)
        var expected = World()
        expected.queues = [World.Queue(name: "Billing")]
        expected.agents = [World.Agent(name: "Ravi Patel", lines: ["Hi.", "On it."])]
        expected.quickReplies = [World.QuickReply(text: "#greeting Hello {customer}")]
        expected.dispositions = [World.Disposition(code: "Resolved")]
        expected.requiresDisposition = true
        expected.articles = [World.Article(id: 2, title: "Reset", keywords: "password", body: "Select Forgot")]
        #expect(world == expected)
    }

    @Test(arguments: [
        (#"{"articles": [{"id": 1}]}"#, #"missing "title" in articles[0]"#),
        (
            #"{"articles": [{"id": 1, "title": "A", "tags": "x"}]}"#,
            "line 1, column 39: articles[0].tags is not a known member"
        ),
        (#"{"queues": [{"name": "A"},\n {"name": " "}]}"#, "line 2, column 2: a queue has an empty name or title"),
        (
            #"{"articles": [{"id": -4, "title": "A"}]}"#,
            "line 1, column 15: article -4 is out of range (1 to \(Limits.largestRecordNumber))"
        ),
        (#"{"agents": [{"name": "A", "lines": "hi"}]}"#, "line 1, column 36: agents[0].lines should be a list"),
        (#"{"agents": [{"name": "A", "lines": [1]}]}"#, "line 1, column 37: agents[0].lines[0] should be a string"),
        (#"{"requiresDisposition": "yes"}"#, "line 1, column 25: requiresDisposition should be true or false"),
    ])
    func jsonErrorsSayWhereAndWhat(text: String, message: String) {
        let text = text.replacing("\\n", with: "\n")
        let error = #expect(throws: WorldFileError.self) { try json(text) }
        #expect(error?.message == message)
    }
}

@Suite struct ServiceCatalogTests {
    typealias Kind = WorldCatalogTests.Kind

    @Test(arguments: Kind.allCases)
    func namesAreFoundIgnoringCaseAndListedByPrefix(kind: Kind) throws {
        let catalog = try kind.catalog(of: World.demo)
        #expect(try catalog.name(of: .queue, "technical SUPPORT") == "Technical support")
        #expect(try catalog.name(of: .queue, "Nowhere") == nil)
        #expect(
            try catalog.names(of: .queue, startingWith: "", limit: 5) == ["Billing", "Returns", "Technical support"])
        #expect(try catalog.names(of: .agent, startingWith: "m", limit: 5) == ["Mei Chen"])
        #expect(try catalog.names(of: .disposition, startingWith: "", limit: 2) == ["Escalated", "No response"])
        #expect(try catalog.count(.disposition, startingWith: "") == 3)
        #expect(try catalog.count(.quickReply, startingWith: "#greeting") == 2)
        #expect(try catalog.count(.article, startingWith: "1") == 4)
        #expect(try catalog.agent(named: "ravi patel")?.lines.count == 3)
        #expect(try !catalog.isDispositionRequired())
        #expect(try catalog.article(3)?.title == "Getting a refund")
        #expect(try catalog.articles(idStartingWith: "1", limit: 3).map(\.id) == [1, 10, 11])
    }

    @Test(arguments: Kind.allCases)
    func articleSearchFindsEveryWordAndRanksTheTitleFirst(kind: Kind) throws {
        let catalog = try kind.catalog(of: World.demo)
        let found = try catalog.articles(matching: "sign in", limit: 20).map(\.id)
        #expect(found.first == 1, "the article titled Signing in comes first")
        #expect(Set(found) == [1, 2, 8, 12])
        #expect(try catalog.articles(matching: "Charged TWICE!", limit: 5).map(\.id) == [5])
        #expect(try catalog.articles(matching: "zebra", limit: 5).isEmpty)
        #expect(try catalog.articles(matching: "\" * (- :", limit: 5).isEmpty, "punctuation is not a query")
        #expect(try catalog.articles(matching: "refund", limit: 1).count == 1)
    }

    @Test(arguments: Kind.allCases)
    func quickReplyTagsAreListedOnceEachByPrefix(kind: Kind) throws {
        var world = World.demo
        world.quickReplies.append(World.QuickReply(text: "#sign-in #Refund Try the sign-in page again."))
        let catalog = try kind.catalog(of: world)
        #expect(try catalog.quickReplyTags(startingWith: "RE", limit: 10) == ["refund", "returns"])
        #expect(try catalog.quickReplyTags(startingWith: "sign", limit: 10) == ["sign-in", "signin"])
        #expect(try catalog.quickReplyTags(startingWith: "", limit: 3) == ["billing", "closing", "delivery"])
        #expect(try catalog.quickReplyTagCount(startingWith: "") == 10)
        #expect(try catalog.quickReplyTagCount(startingWith: "si") == 2)
        #expect(try catalog.quickReplyTags(startingWith: "zz", limit: 10).isEmpty)
    }

    @Test(arguments: Kind.allCases)
    func quickRepliesFilterByTagOrWords(kind: Kind) throws {
        let catalog = try kind.catalog(of: World.demo)
        let refunds = try catalog.quickReplies(matching: QuickReplyFilter("#Refund"), limit: 10)
        #expect(refunds.map(\.text).allSatisfy { $0.hasPrefix("#refund") } && refunds.count == 2)
        #expect(try catalog.quickReplies(matching: QuickReplyFilter("double"), limit: 10).count == 1)
        #expect(try catalog.quickReplies(matching: QuickReplyFilter("#nothing"), limit: 10).isEmpty)
        let all = try catalog.quickReplies(matching: .all, limit: 100)
        #expect(all.count == 13)
        #expect(all.map { worldKey($0.text) } == all.map { worldKey($0.text) }.sorted())
    }

    @Test func aSecondRecordWithTheSameKeyIsRefused() throws {
        var world = World()
        world.queues = [World.Queue(name: "Billing"), World.Queue(name: "BILLING")]
        world.articles = [World.Article(id: 3, title: "A"), World.Article(id: 3, title: "B")]
        #expect(world.problems == ["queue \"billing\" appears twice", "article 3 appears twice"])
        let error = #expect(throws: StorageError.self) { try WorldCatalogTests.sqlite(world) }
        #expect(error?.message == "queue \"billing\" appears twice")
    }

    @Test func theDatabaseReadsBackEveryTable() throws {
        var world = World.demo
        world.requiresDisposition = true
        #expect(try WorldCatalogTests.sqlite(world).world().articles == world.articles)
        #expect(try WorldCatalogTests.sqlite(world).world().isDispositionRequired())
    }
}

@Suite struct ServiceTablesFileTests {
    @Test func aDuplicateInAFileNamesItsFileLineAndColumn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("service-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let queues = folder.appendingPathComponent("queues.csv").path
        try "name\nBilling\nReturns\nBILLING\n".write(toFile: queues, atomically: true, encoding: .utf8)
        #expect(
            WorldFiles.duplicateFailure(in: [queues])?.message
                == "world file \(queues): line 4, column 1: queue \"billing\" appears twice (first on line 2)")
        let articles = folder.appendingPathComponent("world.json").path
        let json = #"{"articles": [{"id": 3, "title": "A"},"# + "\n" + #"  {"id": 3, "title": "B"}]}"#
        try json.write(toFile: articles, atomically: true, encoding: .utf8)
        #expect(
            WorldFiles.duplicateFailure(in: [articles])?.message
                == "world file \(articles): line 2, column 3: article 3 appears twice (first on line 1)")
    }
}

@Suite struct ServiceTablesAtScaleTests {
    @Test func aTagIsMatchedExactlyPageByPage() throws {
        var world = World()
        world.quickReplies = (0..<40).map { World.QuickReply(text: "#sign #in decoy \($0)") }
        world.quickReplies += (0..<7).map { World.QuickReply(text: "#sign-in real \($0)") }
        for kind in WorldCatalogTests.Kind.allCases {
            let catalog = try kind.catalog(of: world)
            let found = try catalog.quickReplies(matching: QuickReplyFilter("#sign-in"), limit: 5)
            #expect(found.map(\.message) == (0..<5).map { "real \($0)" }, "\(kind)")
            #expect(try catalog.quickReplies(matching: QuickReplyFilter("#in"), limit: 100).count == 40, "\(kind)")
        }
    }

    /// A common word in a million articles would have every match scored: a search ranks the first
    /// ``SearchWords/rankedMatches`` by number, so its cost stays that of those.
    @Test func aSearchRanksTheFirstMatchesByNumberOnly() throws {
        let ranked = SearchWords.rankedMatches
        var world = World()
        world.articles = (1...ranked + 5).map { World.Article(id: $0, title: "Article \($0)", body: "printer") }
        world.articles[9].title = "Printer jam"  // article 10
        world.articles[ranked + 2].title = "Printer on fire"  // past the ranked ones
        for kind in WorldCatalogTests.Kind.allCases {
            let catalog = try kind.catalog(of: world)
            #expect(try catalog.articles(matching: "printer", limit: 3).map(\.id) == [10, 1, 2], "\(kind)")
            #expect(try catalog.articles(matching: "fire", limit: 3).map(\.id) == [ranked + 3], "\(kind)")
        }
    }

    /// `kb search ka` in a million articles: a prefix of up to three letters is one list in the index,
    /// not the lists of every word it starts (what bench-knowledge measures).
    @Test func theSearchIndexesKeepPrefixesOfOneToThreeLetters() throws {
        let catalog = try WorldCatalogTests.sqlite(World.demo)
        for index in ["articles_search", "quick_replies_search"] {
            let sql = try catalog.rows("SELECT sql FROM sqlite_master WHERE name = ?1", index) { $0.string(at: 0) }
            #expect(sql.first??.contains("prefix = '1 2 3'") == true, "\(index)")
        }
        #expect(try catalog.articles(matching: "si", limit: 5).map(\.id).sorted() == [1, 2, 8, 12])
    }

    @Test func aDatabaseFromBeforeTheNewTablesHasNoneOfTheirRecords() throws {
        let database = try Database(path: ":memory:", mode: .create)
        try database.execute(
            """
            CREATE TABLE contacts (rank INTEGER PRIMARY KEY, key TEXT NOT NULL, name TEXT NOT NULL, account TEXT);
            CREATE TABLE accounts (rank INTEGER PRIMARY KEY, key TEXT NOT NULL, name TEXT NOT NULL);
            CREATE TABLE cases (rank INTEGER PRIMARY KEY, number INTEGER NOT NULL, title TEXT NOT NULL, customer TEXT);
            CREATE TABLE work_items (id INTEGER PRIMARY KEY, channel TEXT NOT NULL, customer TEXT, stream TEXT NOT NULL);
            """)
        let catalog = SQLiteWorldCatalog(database: database)
        #expect(try catalog.articles(matching: "sign in", limit: 5).isEmpty)
        #expect(try catalog.article(1) == nil)
        #expect(try catalog.names(of: .queue, startingWith: "", limit: 5).isEmpty)
        #expect(try catalog.quickReplies(matching: .all, limit: 5).isEmpty)
        #expect(try catalog.quickReplyTags(startingWith: "", limit: 5).isEmpty)
        #expect(try catalog.quickReplyTagCount(startingWith: "") == 0)
        #expect(try !catalog.isDispositionRequired())
        #expect(try catalog.count(.article, startingWith: "") == 0)
    }
}
