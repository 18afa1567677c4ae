/// The conversations a ``PanelState`` holds: those in play (changed since the last save, or read to be
/// changed, or shown by a session, offered, held or awaited by an event), read before the
/// ``ConversationCatalog`` that holds the rest, and which of them changed since the last save.
///
/// Reading a number in play (``subscript(_:)``) never touches the catalog; ``read(_:)`` goes on to it.
/// A rule brings a catalog conversation into play (``bringIntoPlay(_:)``) before changing it. Every
/// change goes through the subscript, which keeps the indexes, the count of conversations using
/// capacity and the change set. Copying is cheap: the catalog is a reference, the rest grows with what
/// the shift touched, never with the catalog.
///
/// Two values are equal when they show the same conversations: every number either holds in play reads
/// the same in both, over the same catalog (for two in-memory catalogs, the same rows once overlaid).
/// Which ones changed since a save is bookkeeping, not content, and is not compared.
public struct ConversationsInPlay: Sendable, Equatable {
    /// The lengths of a conversation's append-only lists when it was last saved.
    public struct SavedLengths: Sendable, Equatable {
        /// Whether the catalog has a row for it at all (`false` for a conversation this shift made).
        public var isInCatalog: Bool
        /// How many messages, notes and internal messages the catalog's row has.
        public var messages: Int, notes: Int, internalMessages: Int
    }

    /// What a conversation's change matters for: kept instead of the old value, so changing a
    /// conversation in place never copies its transcript.
    private struct Facts {
        let entry: CustomerConversations.Entry
        let usesCapacity: Bool
        let lengths: SavedLengths

        init(_ conversation: Conversation) {
            entry = CustomerConversations.Entry(conversation)
            usesCapacity = conversation.usesCapacity
            lengths = SavedLengths(
                isInCatalog: true, messages: conversation.messages.count, notes: conversation.notes.count,
                internalMessages: conversation.internalMessages.count)
        }
    }

    /// Where the conversations not in play are read.
    public private(set) var catalog: AnyConversationCatalog
    private var rows: [Int: Conversation] = [:]
    /// The numbers in play.
    public private(set) var ids: Set<Int> = []
    /// The numbers changed since the last save, with their lengths then.
    private var changed: [Int: SavedLengths] = [:]
    private var index = CustomerConversations()
    /// How many conversations (in play or in the catalog) use the agent's capacity.
    public private(set) var usingCapacity: Int

    /// Nothing in play over `catalog`. Fails only when the catalog cannot be read.
    init(_ catalog: any ConversationCatalog) throws(CommandError) {
        self.catalog = AnyConversationCatalog(catalog)
        usingCapacity = try catalog.countUsingCapacity()
    }

    /// Nothing in play over the in-memory `catalog`.
    init(_ catalog: InMemoryConversations) {
        self.catalog = AnyConversationCatalog(catalog)
        usingCapacity = catalog.countUsingCapacity()
    }

    /// The conversation numbered `id` when it is in play; a rule changes it here. Setting `nil` takes it
    /// out of play unsaved (rules never do; a test makes a broken state so).
    public internal(set) subscript(id: Int) -> Conversation? {
        get { rows[id] }
        _modify {
            var value = rows.removeValue(forKey: id)
            let before = value.map(Facts.init)
            defer { store(value, id, before) }
            yield &value
        }
    }

    /// Puts `value` back in play after a change, keeping the indexes, the count and the change set.
    private mutating func store(_ value: Conversation?, _ id: Int, _ before: Facts?) {
        guard let value else {
            guard let before else { return }  // nothing was there and nothing is
            index.remove(before.entry)
            usingCapacity -= before.usesCapacity ? 1 : 0
            changed[id] = nil
            ids.remove(id)
            return
        }
        precondition(value.id == id, "a conversation is stored under its own number")
        if let before { index.remove(before.entry) }
        index.add(CustomerConversations.Entry(value))
        usingCapacity += (value.usesCapacity ? 1 : 0) - (before?.usesCapacity == true ? 1 : 0)
        if changed[id] == nil {
            changed[id] =
                before?.lengths ?? SavedLengths(isInCatalog: false, messages: 0, notes: 0, internalMessages: 0)
        }
        rows[id] = value
        ids.insert(id)
    }

    /// Brings `conversation`, just read from the catalog, into play unchanged (a rule is about to change
    /// it, or a session shows it); one already in play stays as it is.
    mutating func bringIntoPlay(_ conversation: Conversation) {
        guard rows[conversation.id] == nil else { return }
        rows[conversation.id] = conversation
        ids.insert(conversation.id)
        index.add(CustomerConversations.Entry(conversation))
    }

    /// The conversations in play, in no order.
    var inPlay: Dictionary<Int, Conversation>.Values { rows.values }

    /// The conversation numbered `id`: in play, else from the catalog.
    public func read(_ id: Int) throws(CommandError) -> Conversation? {
        if let conversation = rows[id] { return conversation }
        return try catalog.conversation(id)
    }

    /// Reads `id` and brings it into play; `nil` when there is no such conversation.
    mutating func take(_ id: Int) throws(CommandError) -> Conversation? {
        guard let conversation = try read(id) else { return nil }
        bringIntoPlay(conversation)
        return conversation
    }
}

extension ConversationsInPlay {
    /// The conversations that are not Closed of the customer keyed `customer` (``Conversation/customerKey``)
    /// on `channel`, by number.
    func unclosed(of customer: String, on channel: Channel) throws(CommandError) -> [Conversation] {
        try unclosed(of: [customer]).filter { $0.channel == channel }
    }

    /// The conversations that are not Closed of the customers keyed in `customers`, every channel, by number.
    func unclosed(of customers: Set<String>) throws(CommandError) -> [Conversation] {
        let stored = try catalog.unclosedConversations(of: customers).filter { !ids.contains($0.id) }
        let inPlay = customers.flatMap { customer in
            Channel.allCases.flatMap { index.ids(of: customer, on: $0) }
        }
        return (stored + inPlay.map { rows[$0]! }).sorted { $0.id < $1.id }
    }

    /// The highest-numbered conversation titled `title` (``Conversation/titleKey``), not Closed when `unclosedOnly`.
    func newest(titled title: String, unclosedOnly: Bool) throws(CommandError) -> Conversation? {
        let inPlay = index.ids(titled: title).map { rows[$0]! }.filter { !unclosedOnly || $0.state != .closed }
            .max { $0.id < $1.id }
        let stored = try catalog.newestConversation(titled: title, unclosedOnly: unclosedOnly, excluding: ids)
        guard let stored, let inPlay else { return stored ?? inPlay }
        return stored.id > inPlay.id ? stored : inPlay
    }

    /// A page of the dashboard `stream` on `day`, by number: `limit` items from `offset`, and how many
    /// the stream lists in all. The catalog's items and those changed since the last save are merged
    /// in order; the catalog is asked for one window of `limit` plus the number changed in the stream.
    /// (A conversation in play but unchanged reads as its catalog row does, so the catalog lists it:
    /// after an 8-hour rush hundreds are in play, awaited by events, and a page stays a page.)
    func workItems(in stream: WorkStream, onDay day: Int, offset: Int, limit: Int) throws(CommandError)
        -> (items: [Conversation], total: Int)
    {
        let (offset, limit) = (max(0, offset), min(max(0, limit), Limits.largestCounter))
        let differing = Set(changed.keys)
        let inPlay = differing.compactMap { rows[$0] }.filter { $0.isListed(in: stream, onDay: day) }
            .sorted { $0.id < $1.id }
        let total = try catalog.count(in: stream, onDay: day, excluding: differing) + inPlay.count
        let start = max(0, offset - inPlay.count)
        let window = try catalog.workItems(
            in: stream, onDay: day, excluding: differing, offset: start, limit: limit + inPlay.count)
        let page = DashboardMerge(
            stored: window, storedOffset: start, windowIsFull: window.count == limit + inPlay.count, inPlay: inPlay)
        return (page.items(from: offset, limit: limit), total)
    }

    /// Up to `limit` work items of `stream` on `day` whose number starts with `digits`, by number.
    func workItems(in stream: WorkStream, onDay day: Int, numberStartingWith digits: String, limit: Int)
        throws(CommandError) -> [Conversation]
    {
        let inPlay = rows.values.filter { $0.isListed(in: stream, onDay: day) && numberStarts($0.id, with: digits) }
        let stored = try catalog.workItems(
            in: stream, onDay: day, numberStartingWith: digits, excluding: ids, limit: limit)
        return Array((stored + inPlay).sorted { $0.id < $1.id }.prefix(limit))
    }

    /// The Closed conversations of the customer called exactly `customer`, latest closed first, at most
    /// `limit`, and how many there are.
    func closed(ofCustomer customer: String, limit: Int) throws(CommandError) -> (items: [Conversation], total: Int) {
        let inPlay = rows.values.filter { $0.customer == customer && $0.state == .closed }
        let stored = try catalog.closedConversations(ofCustomer: customer, excluding: ids, limit: limit)
        let total = try catalog.countClosedConversations(ofCustomer: customer, excluding: ids) + inPlay.count
        let latest = (stored + inPlay).sorted { ($0.closedAt ?? 0, $0.id) > ($1.closedAt ?? 0, $1.id) }
        return (Array(latest.prefix(limit)), total)
    }

    /// The figures `report` reads from conversations.
    func reportFigures() throws(CommandError) -> ConversationFigures {
        try catalog.reportFigures(excluding: ids).adding(rows.values)
    }
}

extension ConversationsInPlay {
    /// A conversation changed since the last save, as the saver writes it.
    public struct Change: Sendable, Equatable {
        /// The conversation as it is now.
        public let conversation: Conversation
        /// What the catalog's row had at the last save: the messages, notes and internal messages after
        /// these lengths are new (the lists only grow).
        public let saved: SavedLengths
    }

    /// The conversations changed since the last save, by number.
    public var changes: [Change] {
        changed.keys.sorted().map { Change(conversation: rows[$0]!, saved: changed[$0]!) }
    }

    /// After the saver wrote ``changes`` to the store the catalog reads: nothing is changed any more,
    /// and the Closed conversations nothing in `referenced` points to leave play.
    mutating func saved(keeping referenced: Set<Int>) {
        changed = [:]
        for (id, conversation) in rows where conversation.state == .closed && !referenced.contains(id) {
            rows[id] = nil
            ids.remove(id)
            index.remove(CustomerConversations.Entry(conversation))
        }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        if let left = lhs.catalog.inMemory, let right = rhs.catalog.inMemory {
            return lhs.overlaid(on: left) == rhs.overlaid(on: right)
        }
        guard lhs.catalog == rhs.catalog else { return false }
        do {
            for id in lhs.ids.union(rhs.ids) where try lhs.read(id) != rhs.read(id) { return false }
            return true
        } catch {
            return false  // a catalog that cannot be read cannot be shown to hold the same
        }
    }

    /// Every conversation of the in-memory `catalog` with those in play over them, by number.
    func overlaid(on catalog: InMemoryConversations) -> [Int: Conversation] {
        var all = Dictionary(uniqueKeysWithValues: catalog.everyConversation.map { ($0.id, $0) })
        all.merge(rows) { _, inPlay in inPlay }
        return all
    }
}
