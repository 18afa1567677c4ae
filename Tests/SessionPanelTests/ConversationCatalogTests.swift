import Foundation
import Testing

@testable import SessionPanel

/// Issue 16: the core reaches conversations through a ``ConversationCatalog`` and holds only those in
/// play; nothing looks through every conversation.
@Suite struct ConversationCatalogTests {
    /// A world of `count` work items: a few in My work items, then Open and Closed ones alternating,
    /// two per customer (`Customer N`); a thousand contacts none of whom has a work item.
    static func bigWorld(_ count: Int) -> (world: World, conversations: InMemoryConversations) {
        let items = (1...count).map { id in
            World.WorkItem(
                id: id, channel: Channel.allCases[id % 4], customer: "Customer \(id % (count / 2))",
                stream: id <= 3 ? .mine : id % 2 == 0 ? .open : .closed)
        }
        let contacts = (0..<1_000).map { World.Contact(name: "Contact \($0)") }
        return (World(contacts: contacts), InMemoryConversations(workItems: items))
    }

    /// 100,000 conversations behind a counting catalog, shared by the tests that count.
    static let big = bigWorld(100_000)

    @Test("a command on 100,000 conversations reads a handful of them, never all")
    func aCommandReadsAHandful() throws {
        let catalog = CountingCatalog(Self.big.conversations)
        var agent = ScriptedAgent(
            state: try PanelState(catalog: Self.big.world, conversations: catalog, settings: Settings()))
        #expect(agent.state.nextWorkItem == 100_001)
        let lines = [
            #"incoming chat "Customer 7""#, "accept", "reply hello", #"message 1 "hi""#, "dashboard",
            "dashboard open --page 3", "pick W50000", "open W3", "notes", "summary 1", "switch 0",
            "clock advance 10m", "report", "traffic rush --seed 2", "clock advance 2m", #"leave "Customer 7""#,
            "close 1", "dashboard closed",
        ]
        for line in lines {
            catalog.reset()
            agent.run(line)
            #expect(
                catalog.rowsRead <= 3 * (PanelState.dashboardPageSize + 20), "\(line): \(catalog.rowsRead) rows read")
        }
        #expect(agent.state.conversations.ids.count < 50, "only what the shift touched is held")
    }

    @Test("a dashboard page reads a page, however many unchanged conversations are in play")
    func aPageIsAPageWhateverIsInPlay() throws {
        let catalog = CountingCatalog(Self.big.conversations)
        var state = try PanelState(catalog: Self.big.world, conversations: catalog, settings: Settings())
        // After a long rush, hundreds of saved conversations stay in play, awaited by events.
        for item in try state.workItems(in: .open, limit: 500).items { _ = try state.conversations.take(item.id) }
        #expect(state.conversations.ids.count == 500)
        catalog.reset()
        var agent = ScriptedAgent(state: state)
        agent.run("dashboard open")
        #expect(catalog.rowsRead <= 3 * PanelState.dashboardPageSize, "\(catalog.rowsRead) rows read")
    }

    @Test("Tab on a work item number asks the catalog for the numbers starting as typed, a handful")
    func completionFindsWorkItemsByTheirDigits() throws {
        let catalog = CountingCatalog(Self.big.conversations)
        let state = try PanelState(catalog: Self.big.world, conversations: catalog)
        #expect(CompletionFixture.texts("pick W9999", in: state) == ["W99990", "W99992", "W99994", "W99996", "W99998"])
        #expect(
            CompletionFixture.texts("open 7777", in: state) == ["7777", "77771", "77773", "77775", "77777", "77779"])
        #expect(CompletionFixture.texts("pick W12x", in: state).isEmpty)
        #expect(catalog.rowsRead <= 2 * CompletionEngine.workItemsListed + 20)
    }

    @Test("copying a state shares its catalog: no conversation is copied")
    func copyingSharesTheCatalog() throws {
        let state = try PanelState(catalog: Self.big.world, conversations: Self.big.conversations)
        let copy = state
        #expect(copy.conversations.catalog.base as AnyObject === Self.big.conversations)
        #expect(copy == state)
    }

    @Test("a world work item the shift never touched is read through the catalog, not copied into the state")
    func untouchedWorkItemsStayInTheCatalog() throws {
        var agent = ScriptedAgent()
        #expect(agent.state.conversations.ids.isEmpty)
        #expect(try agent.state.conversation(201)?.state == .open)
        agent.run("pick W201")
        #expect(agent.state.conversations.ids == [201])
        #expect(agent.state.conversations[201]?.state == .active)
    }

    @Test("a dashboard page merges the catalog's items with those in play, as one sorted list would")
    func dashboardPagesMergeLikeASortedList() {
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        func item(_ id: Int) -> Conversation {
            Conversation(id: id, channel: .chat, customer: nil, state: .open, assignedToAgent: false)
        }
        for _ in 0..<300 {
            var stored: [Int] = []
            var inPlay: [Int] = []
            for id in 1...(1 + next(60)) {
                switch next(3) {
                case 0: stored.append(id)
                case 1: inPlay.append(id)
                default: break
                }
            }
            let merged = (stored + inPlay).sorted()
            let limit = 1 + next(8)
            for offset in 0...(merged.count + 2) {
                let start = max(0, offset - inPlay.count)
                let window = Array(stored.dropFirst(start).prefix(limit + inPlay.count))
                let page = DashboardMerge(
                    stored: window.map(item), storedOffset: start, windowIsFull: window.count == limit + inPlay.count,
                    inPlay: inPlay.map(item))
                #expect(
                    page.items(from: offset, limit: limit).map(\.id) == Array(merged.dropFirst(offset).prefix(limit)),
                    "stored \(stored), in play \(inPlay), offset \(offset), limit \(limit)")
            }
        }
    }

    @Test("the change set lists what changed since the last save, with the lengths the store already has")
    func theChangeSetAndItsSave() throws {
        let store = StoreDouble(InMemoryConversations(workItems: World.demo.workItems))
        var agent = ScriptedAgent(state: try PanelState(catalog: World.demo, conversations: store))
        agent.run(#"incoming chat "Kenny Smith""#, "accept", "reply hello", "pick W201")
        var state = agent.state
        #expect(state.changedConversations.map(\.conversation.id) == [201, 1000])
        let new = try #require(state.changedConversations.last)
        #expect(!new.saved.isInCatalog && new.saved.messages == 0)
        #expect(state.changedConversations.first?.saved.isInCatalog == true)
        #expect(state.changedLogEntries.map(\.conversation) == [201, 1000])
        store.write(state.changedConversations)
        state.changesSaved()
        #expect(state.changedConversations.isEmpty && state.changedLogEntries.isEmpty)
        #expect(try store.conversation(1000) == state.conversation(1000))

        agent = ScriptedAgent(state: state)
        agent.run("switch 1", "reply again", "note called")
        state = agent.state
        let change = try #require(state.changedConversations.onlyOne)
        #expect(change.saved == .init(isInCatalog: true, messages: 1, notes: 0, internalMessages: 0))
        store.write(state.changedConversations)
        state.changesSaved()
        #expect(try store.conversation(1000) == state.conversation(1000), "only the new message and note were appended")
        agent = ScriptedAgent(state: state)
        agent.run("close 2")
        #expect(agent.state.changedLogEntries.map(\.conversation) == [201], "its session closed")
    }

    @Test("after a save, Closed conversations nothing points to leave memory; the rest stay in play")
    func aSaveLetsClosedConversationsGo() throws {
        let store = StoreDouble(InMemoryConversations(workItems: World.demo.workItems))
        var agent = ScriptedAgent(state: try PanelState(catalog: World.demo, conversations: store))
        agent.run(
            #"incoming chat "Kenny Smith""#, "accept", "end", "close 1", "clock advance 1h", #"incoming sms "Yvonne""#)
        var state = agent.state
        #expect(state.conversations[1000]?.state == .closed)
        store.write(state.changedConversations)
        state.changesSaved()
        #expect(state.conversations[1000] == nil, "closed and not shown: read from the store from now on")
        #expect(try state.conversation(1000)?.state == .closed)
        #expect(state.conversations[1001]?.state == .open, "offered: still in play")
        #expect(try state.listed(.closed).map(\.id).contains(1000))
    }

    @Test("loading attaches the store's catalog and brings what the workspace points to into play")
    func attachBringsTheWorkspaceIntoPlay() throws {
        var agent = ScriptedAgent()
        agent.run(#"incoming chat "Kenny Smith""#, "accept", #"incoming sms "Yvonne""#)
        let all = try #require(agent.state.inMemoryConversations)
        var loaded = agent.state
        try loaded.attach(StoreDouble(InMemoryConversations(all.values)))
        #expect(loaded.conversations.ids == [1000, 1001])
        #expect(loaded.changedConversations.isEmpty)
        #expect(loaded.conversations.usingCapacity == agent.state.conversations.usingCapacity)
        #expect(loaded.problems.isEmpty)
    }

    @Test("a catalog that cannot be read fails the command with its reason and changes nothing")
    func anUnreadableCatalogChangesNothing() throws {
        let catalog = CountingCatalog(InMemoryConversations(workItems: World.demo.workItems))
        var agent = ScriptedAgent(state: try PanelState(catalog: World.demo, conversations: catalog))
        agent.run(#"incoming chat "Kenny Smith""#, "accept")
        catalog.failing = true
        #expect(agent.error("dashboard") == "the conversations cannot be read (test)")
        #expect(agent.error("pick W201") == "the conversations cannot be read (test)")
        #expect(agent.error(#"incoming chat "Kenny Smith""#) == "the conversations cannot be read (test)")
        agent.run("reply still here")  // what is in play needs no catalog
    }

    @Test("states are equal when they show the same conversations, whichever hold them in play")
    func equalityIsWhatTheStatesShow() throws {
        let fresh = PanelState()
        var read = fresh
        _ = try read.conversations.take(201)
        #expect(read.conversations.ids == [201] && read == fresh, "reading into play is not a change")
        var changed = read
        changed.conversations[201]?.state = .closed
        #expect(changed != fresh)
        let decoded = try JSONDecoder().decode(SavedState.self, from: JSONEncoder().encode(SavedState(changed))).state
        #expect(decoded.conversations.ids.isEmpty && decoded == changed, "the same rows, overlaid or not")
    }

    @Test("taking a conversation out of play leaves the indexes, the count and the change set consistent")
    func takingOutOfPlay() throws {
        var agent = ScriptedAgent()
        agent.run(#"incoming chat "Kenny Smith""#, "accept")
        var state = agent.state
        let capacity = state.conversations.usingCapacity
        state.conversations[1000] = nil
        #expect(state.conversations.ids.isEmpty && state.changedConversations.isEmpty)
        #expect(state.conversations.usingCapacity == capacity - 1)
        #expect(try state.conversations.unclosed(of: "kenny smith", on: .chat).isEmpty)
        #expect(state.problems.contains { $0.hasSuffix("shows W1000, which does not exist") })
    }

    @Test("a failed command that read a conversation into play leaves a state equal to the one before")
    func aFailedCommandAfterAReadChangesNothing() {
        var settings = Settings()
        settings.maxSessions = 2
        var agent = ScriptedAgent(settings: settings)
        agent.run("open case 42")
        #expect(agent.error("open W301") == PanelState.maximumSessionsMessage)
        #expect(agent.error("pick W201") == PanelState.maximumSessionsMessage)
    }
}
