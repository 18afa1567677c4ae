/// Where commands, rules and completion look up the world's records, whatever holds them: the
/// in-memory ``World`` (tests and the demo world) or a database at the edge.
///
/// Names are matched ignoring case (`lowercased()`); lists come sorted (names by their lowercased
/// UTF-8 bytes, cases by number) and cut at `limit`, so a catalog of a million contacts answers
/// a prefix with a range scan. A lookup throws a ``CommandError`` only when the catalog itself
/// cannot be read.
public protocol WorldCatalog: ServiceCatalog {
    /// The contact called `name`, ignoring case.
    func contact(named name: String) throws(CommandError) -> World.Contact?
    /// The account called `name`, ignoring case.
    func account(named name: String) throws(CommandError) -> World.Account?
    /// The case numbered `number`.
    func caseRecord(_ number: Int) throws(CommandError) -> World.CaseRecord?
    /// The work items that start in `stream`, by id.
    func workItems(in stream: WorkStream) throws(CommandError) -> [World.WorkItem]
    /// Up to `limit` contacts whose lowercased name starts with `prefix` lowercased, sorted.
    func contacts(startingWith prefix: String, limit: Int) throws(CommandError) -> [World.Contact]
    /// Up to `limit` accounts whose lowercased name starts with `prefix` lowercased, sorted.
    func accounts(startingWith prefix: String, limit: Int) throws(CommandError) -> [World.Account]
    /// Up to `limit` cases whose number written in decimal starts with `digits`, by number.
    func cases(numberStartingWith digits: String, limit: Int) throws(CommandError) -> [World.CaseRecord]
    /// Up to `limit` of the cases about the contact called exactly `customer`, latest (highest number) first.
    func cases(ofCustomer customer: String, limit: Int) throws(CommandError) -> [World.CaseRecord]
    /// How many records of `kind` match `prefix` as the lists above match it (all of them for `""`).
    func count(_ kind: WorldRecordKind, startingWith prefix: String) throws(CommandError) -> Int
    /// Whether `other` is this same world (the same records), for comparing states.
    func isSame(as other: any WorldCatalog) -> Bool
}

/// Where commands look up the conversation-control tables (queues, colleagues, quick replies,
/// dispositions, articles): names ignoring case as ``WorldCatalog`` matches them, lists sorted and
/// cut at `limit`; searches as ``SearchWords`` reads a query.
public protocol ServiceCatalog: Sendable {
    /// The queue, colleague agent or disposition code (`kind`) called `name`, ignoring case, as the world spells it.
    func name(of kind: WorldRecordKind, _ name: String) throws(CommandError) -> String?
    /// Up to `limit` names of `kind` (queue, agent, disposition) whose lowercased name starts with `prefix` lowercased, sorted.
    func names(of kind: WorldRecordKind, startingWith prefix: String, limit: Int) throws(CommandError) -> [String]
    /// The colleague called `name`, with their lines.
    func agent(named name: String) throws(CommandError) -> World.Agent?
    /// Whether closing a conversation needs a disposition code.
    func isDispositionRequired() throws(CommandError) -> Bool
    /// The article numbered `id`.
    func article(_ id: Int) throws(CommandError) -> World.Article?
    /// Up to `limit` articles whose number written in decimal starts with `digits`, by number.
    func articles(idStartingWith digits: String, limit: Int) throws(CommandError) -> [World.Article]
    /// Up to `limit` articles matching every word of `query`, best first (title above keywords above body),
    /// of the first ``SearchWords/rankedMatches`` matches by number.
    func articles(matching query: String, limit: Int) throws(CommandError) -> [World.Article]
    /// Up to `limit` quick replies matching `filter` (``QuickReplyFilter``), sorted by their lowercased text.
    func quickReplies(matching filter: QuickReplyFilter, limit: Int) throws(CommandError) -> [World.QuickReply]
    /// Up to `limit` of the quick replies' tags (lowercased, without `#`, each once) that start with
    /// `prefix` lowercased, sorted.
    func quickReplyTags(startingWith prefix: String, limit: Int) throws(CommandError) -> [String]
    /// How many tags ``quickReplyTags(startingWith:limit:)`` has for `prefix` in all.
    func quickReplyTagCount(startingWith prefix: String) throws(CommandError) -> Int
}

/// The kinds of record a world holds.
public enum WorldRecordKind: String, Sendable, CaseIterable {
    case contact, account
    case caseRecord = "case"
    case workItem = "work item"
    case queue, agent
    case quickReply = "quick reply"
    case disposition, article

    /// The kinds of the conversation-control tables (``World/ServiceRecord``).
    public static let serviceKinds: [WorldRecordKind] = [.queue, .agent, .quickReply, .disposition, .article]
}

extension WorldCatalog {
    /// Every work item, by id (the dashboard a fresh shift starts with).
    public func allWorkItems() throws(CommandError) -> [World.WorkItem] {
        var items: [World.WorkItem] = []
        for stream in WorkStream.allCases { items += try workItems(in: stream) }
        return items.sorted { $0.id < $1.id }
    }
}

/// The key a name is sorted and matched by: lowercased, compared as UTF-8 bytes.
public func worldKey(_ name: String) -> String {
    guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return name.lowercased() }
    return String(decoding: name.utf8.map { $0 &+ (($0 &- 0x41) < 26 ? 0x20 : 0) }, as: UTF8.self)
}

/// Whether `key` starts with `prefix` byte for byte, as an index range scan over keys finds it.
func hasBytePrefix(_ key: String, _ prefix: String) -> Bool { key.utf8.starts(with: prefix.utf8) }

/// Whether `number` written in decimal starts with `digits` (every number for `""`).
func numberStarts(_ number: Int, with digits: String) -> Bool { String(number).hasPrefix(digits) }

/// A catalog of any kind as a value a ``PanelState`` can hold and compare: two are equal when they
/// are the same world (``WorldCatalog/isSame(as:)``). It is a reference to the records, never a copy
/// of a database's rows; it encodes as JSON only when it holds an in-memory ``World``.
public struct AnyWorldCatalog: WorldCatalog, Equatable, Codable {
    /// The catalog this forwards to.
    public let base: any WorldCatalog

    /// Wraps `base` (unwrapping it if it is itself an `AnyWorldCatalog`).
    public init(_ base: any WorldCatalog) {
        self.base = (base as? AnyWorldCatalog)?.base ?? base
    }

    /// The in-memory world, when that is what this holds.
    public var world: World? { base as? World }

    public func contact(named name: String) throws(CommandError) -> World.Contact? { try base.contact(named: name) }
    public func account(named name: String) throws(CommandError) -> World.Account? { try base.account(named: name) }
    public func caseRecord(_ number: Int) throws(CommandError) -> World.CaseRecord? { try base.caseRecord(number) }
    public func workItems(in stream: WorkStream) throws(CommandError) -> [World.WorkItem] {
        try base.workItems(in: stream)
    }
    public func contacts(startingWith prefix: String, limit: Int) throws(CommandError) -> [World.Contact] {
        try base.contacts(startingWith: prefix, limit: limit)
    }
    public func accounts(startingWith prefix: String, limit: Int) throws(CommandError) -> [World.Account] {
        try base.accounts(startingWith: prefix, limit: limit)
    }
    public func cases(numberStartingWith digits: String, limit: Int) throws(CommandError) -> [World.CaseRecord] {
        try base.cases(numberStartingWith: digits, limit: limit)
    }
    public func cases(ofCustomer customer: String, limit: Int) throws(CommandError) -> [World.CaseRecord] {
        try base.cases(ofCustomer: customer, limit: limit)
    }
    public func count(_ kind: WorldRecordKind, startingWith prefix: String) throws(CommandError) -> Int {
        try base.count(kind, startingWith: prefix)
    }
    public func isSame(as other: any WorldCatalog) -> Bool { base.isSame(as: AnyWorldCatalog(other).base) }
    public func name(of kind: WorldRecordKind, _ name: String) throws(CommandError) -> String? {
        try base.name(of: kind, name)
    }
    public func names(of kind: WorldRecordKind, startingWith prefix: String, limit: Int) throws(CommandError)
        -> [String]
    { try base.names(of: kind, startingWith: prefix, limit: limit) }
    public func agent(named name: String) throws(CommandError) -> World.Agent? { try base.agent(named: name) }
    public func isDispositionRequired() throws(CommandError) -> Bool { try base.isDispositionRequired() }
    public func article(_ id: Int) throws(CommandError) -> World.Article? { try base.article(id) }
    public func articles(idStartingWith digits: String, limit: Int) throws(CommandError) -> [World.Article] {
        try base.articles(idStartingWith: digits, limit: limit)
    }
    public func articles(matching query: String, limit: Int) throws(CommandError) -> [World.Article] {
        try base.articles(matching: query, limit: limit)
    }
    public func quickReplies(matching filter: QuickReplyFilter, limit: Int) throws(CommandError)
        -> [World.QuickReply]
    { try base.quickReplies(matching: filter, limit: limit) }
    public func quickReplyTags(startingWith prefix: String, limit: Int) throws(CommandError) -> [String] {
        try base.quickReplyTags(startingWith: prefix, limit: limit)
    }
    public func quickReplyTagCount(startingWith prefix: String) throws(CommandError) -> Int {
        try base.quickReplyTagCount(startingWith: prefix)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.isSame(as: rhs) }

    /// Reads an in-memory ``World``.
    public init(from decoder: any Decoder) throws { self.init(try World(from: decoder)) }

    /// Writes the in-memory ``World``; a database's world is exported by the storage edge instead.
    public func encode(to encoder: any Encoder) throws {
        guard let world else {
            throw EncodingError.invalidValue(
                base,
                EncodingError.Context(
                    codingPath: encoder.codingPath, debugDescription: "a world in a database is not encoded whole"))
        }
        try world.encode(to: encoder)
    }
}
