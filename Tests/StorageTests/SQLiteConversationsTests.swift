import SessionPanel
import Testing

@testable import Storage

/// The state file's catalog answers every question as the in-memory one does over the same
/// conversations, the world's untouched work items included, and with indexes.
@Suite struct SQLiteConversationsTests {
    /// A world of work items in every stream, customers with several, visitors among them.
    static let world: World = {
        let customers = ["Kenny Smith", "Maria Campbell", "José Núñez", "ÅSA Öberg"]
        let items = (1...60).map { id in
            World.WorkItem(
                id: id, channel: Channel.allCases[id % 4], customer: id % 5 == 0 ? nil : customers[id % 4],
                stream: [WorkStream.mine, .open, .closed][id % 3])
        }
        var world = World.demo
        world.workItems = items
        return world
    }()

    static let lines =
        [
            "config capacity 20", "pick W4", "incoming voice \"Kenny Smith\"", "accept", "reply hello",
            "message 1 \"hi there\"", "reply again", "incoming sms", "accept", "link account Contoso", "end",
            "close --yes", "open W3", "incoming social \"José Núñez\"", "switch home", "clock advance 1d",
            "presence available",
            "incoming chat \"Maria Campbell\"", "accept", "transfer queue Billing",
        ]

    @Test func everyQueryAnswersAsTheInMemoryCatalog() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let start = PanelState(world: Self.world)
        let after = state(after: Self.lines, from: start)
        let memory = InMemoryConversations(try #require(after.inMemoryConversations).values)
        let store = try StateFile(path: scratch.path("class.db")) { start }
        try store.save(after)
        let sqlite = SQLiteConversations(database: store.database)
        let all = try #require(after.inMemoryConversations)
        let day = after.now / 86_400

        for id in all.keys.sorted() + [999_999] { #expect(try sqlite.conversation(id) == memory.conversation(id)) }
        let keys = Set(all.values.compactMap(\.customerKey))
        #expect(try sqlite.unclosedConversations(of: keys) == memory.unclosedConversations(of: keys))
        #expect(try sqlite.unclosedConversations(of: ["åsa öberg"]) == memory.unclosedConversations(of: ["åsa öberg"]))
        let some: Set<Int> = [4, 1000, 7]
        for title in Set(all.values.map(\.titleKey)) {
            for unclosed in [false, true] {
                for excluding in [[], some] {
                    #expect(
                        try sqlite.newestConversation(titled: title, unclosedOnly: unclosed, excluding: excluding)
                            == memory.newestConversation(titled: title, unclosedOnly: unclosed, excluding: excluding),
                        "\(title)")
                }
            }
        }
        for stream in WorkStream.allCases {
            for onDay in [0, day] {
                for excluding in [[], some] {
                    #expect(
                        try sqlite.count(in: stream, onDay: onDay, excluding: excluding)
                            == memory.count(in: stream, onDay: onDay, excluding: excluding), "\(stream) \(onDay)")
                    for digits in ["", "1", "10", "4", "0", "x"] {
                        #expect(
                            try sqlite.workItems(
                                in: stream, onDay: onDay, numberStartingWith: digits, excluding: excluding, limit: 7)
                                == memory.workItems(
                                    in: stream, onDay: onDay, numberStartingWith: digits, excluding: excluding,
                                    limit: 7), "\(stream) \(digits)")
                    }
                    for (offset, limit) in [(0, 100), (3, 5), (50, 20)] {
                        #expect(
                            try sqlite.workItems(
                                in: stream, onDay: onDay, excluding: excluding, offset: offset, limit: limit)
                                == memory.workItems(
                                    in: stream, onDay: onDay, excluding: excluding, offset: offset, limit: limit))
                    }
                }
            }
        }
        #expect(try sqlite.countUsingCapacity() == memory.countUsingCapacity())
        for customer in Set(all.values.compactMap(\.customer)) {
            #expect(
                try sqlite.closedConversations(ofCustomer: customer, excluding: some, limit: 3)
                    == memory.closedConversations(ofCustomer: customer, excluding: some, limit: 3))
            #expect(
                try sqlite.countClosedConversations(ofCustomer: customer, excluding: some)
                    == memory.countClosedConversations(ofCustomer: customer, excluding: some))
        }
        let figures = try sqlite.reportFigures(excluding: some)
        let expected = memory.reportFigures(excluding: some)
        #expect(figures.firstResponseTimes.sorted() == expected.firstResponseTimes.sorted())
        #expect(figures.transfers == expected.transfers && expected.transfers == 1)
        #expect(try SQLiteConversations(database: store.database).numbers() == memory.numbers())
    }

    /// The catalog's queries over the world's work items use their indexes (`EXPLAIN QUERY PLAN`).
    @Test(arguments: [
        (
            "SELECT id FROM work_items w WHERE customer_key = ?1 AND stream <> 'closed'",
            "work_items_unclosed_by_customer"
        ),
        ("SELECT id FROM work_items w WHERE title_key = ?1 ORDER BY id DESC LIMIT 1", "work_items_by_title"),
        (
            "SELECT id FROM work_items w WHERE customer = ?1 AND stream = 'closed' ORDER BY id DESC",
            "work_items_closed_by_customer"
        ),
        ("SELECT id FROM work_items w WHERE stream = ?1 ORDER BY id LIMIT 20", "work_items_by_stream"),
        ("SELECT count(*) FROM conversations WHERE world_stream = ?1", "conversations_over_world"),
        ("SELECT id FROM conversations WHERE title_key = ?1 ORDER BY id DESC LIMIT 1", "conversations_by_title"),
        (
            "SELECT id FROM conversations WHERE customer = ?1 AND state = 'closed' ORDER BY closed_at DESC, id DESC",
            "closed_conversations_by_customer"
        ),
    ])
    func aWorldQueryUsesItsIndex(sql: String, index: String) throws {
        try expectIndex(index, usedBy: sql)
    }
}
