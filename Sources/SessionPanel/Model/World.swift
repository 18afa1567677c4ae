/// The records the simulation knows about: contacts, accounts, cases, the dashboard's work items, and
/// the tables of conversation control (queues, colleagues, quick replies, dispositions, articles).
///
/// The built-in demo world is ``World/demo``; another can be loaded from JSON (see the README).
public struct World: Sendable, Codable, Equatable {
    /// A person who contacts the centre.
    public struct Contact: Sendable, Codable, Equatable {
        /// Full name, which becomes the session title.
        public var name: String
        /// The account the contact belongs to, if any.
        public var account: String?
        /// Creates a contact.
        public init(name: String, account: String? = nil) {
            self.name = name
            self.account = account
        }
    }

    /// A customer organisation.
    public struct Account: Sendable, Codable, Equatable {
        /// The account name, which becomes the session title.
        public var name: String
        /// Creates an account.
        public init(name: String) { self.name = name }
    }

    /// A case record; its title becomes the session title.
    public struct CaseRecord: Sendable, Codable, Equatable {
        /// The case number typed in `open case <number>`.
        public var number: Int
        /// The case title.
        public var title: String
        /// The contact the case is about, if any.
        public var customer: String?
        /// Creates a case.
        public init(number: Int, title: String, customer: String? = nil) {
            self.number = number
            self.title = title
            self.customer = customer
        }
    }

    /// A conversation already on the dashboard when omnipanel starts.
    public struct WorkItem: Sendable, Codable, Equatable {
        /// The item number, shown as `W<id>`.
        public var id: Int
        /// The channel it came in on.
        public var channel: Channel
        /// The customer, or `nil` for a visitor.
        public var customer: String?
        /// Which stream it starts in.
        public var stream: WorkStream
        /// Creates a work item.
        public init(id: Int, channel: Channel, customer: String?, stream: WorkStream) {
            self.id = id
            self.channel = channel
            self.customer = customer
            self.stream = stream
        }
    }

    /// Contacts, by name.
    public var contacts: [Contact]
    /// Accounts, by name.
    public var accounts: [Account]
    /// Cases, by number.
    public var cases: [CaseRecord]
    /// Work items on the dashboard at start.
    public var workItems: [WorkItem]
    /// Queues, by name.
    public var queues: [Queue] = []
    /// Colleague agents, by name.
    public var agents: [Agent] = []
    /// The administrator's quick replies.
    public var quickReplies: [QuickReply] = []
    /// Disposition codes.
    public var dispositions: [Disposition] = []
    /// Whether closing a conversation needs a disposition code.
    public var requiresDisposition = false
    /// Knowledge articles, by id.
    public var articles: [Article] = []

    /// Creates a world.
    public init(
        contacts: [Contact] = [], accounts: [Account] = [], cases: [CaseRecord] = [], workItems: [WorkItem] = []
    ) {
        self.contacts = contacts
        self.accounts = accounts
        self.cases = cases
        self.workItems = workItems
    }

    private enum CodingKeys: String, CodingKey {
        case contacts, accounts, cases, workItems, queues, agents, quickReplies, dispositions, requiresDisposition
        case articles
    }

    /// Reads a world; the conversation-control tables (absent from states saved before them) are empty when missing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        contacts = try container.decode([Contact].self, forKey: .contacts)
        accounts = try container.decode([Account].self, forKey: .accounts)
        cases = try container.decode([CaseRecord].self, forKey: .cases)
        workItems = try container.decode([WorkItem].self, forKey: .workItems)
        queues = try container.decodeIfPresent([Queue].self, forKey: .queues) ?? []
        agents = try container.decodeIfPresent([Agent].self, forKey: .agents) ?? []
        quickReplies = try container.decodeIfPresent([QuickReply].self, forKey: .quickReplies) ?? []
        dispositions = try container.decodeIfPresent([Disposition].self, forKey: .dispositions) ?? []
        requiresDisposition = try container.decodeIfPresent(Bool.self, forKey: .requiresDisposition) ?? false
        articles = try container.decodeIfPresent([Article].self, forKey: .articles) ?? []
    }

    /// The problems that make this world unusable, each as one line; empty when it is valid.
    public var problems: [String] {
        var problems: [String] = []
        func duplicates<Key: Hashable>(_ kind: WorldRecordKind, _ keys: [Key]) {
            var seen = Set<Key>()
            for key in keys where !seen.insert(key).inserted { problems.append(Self.duplicate(kind, "\(key)")) }
        }
        duplicates(.contact, contacts.map { worldKey($0.name) })
        duplicates(.account, accounts.map { worldKey($0.name) })
        duplicates(.caseRecord, cases.map { $0.number })
        duplicates(.workItem, workItems.map { $0.id })
        let records = serviceRecords
        problems += records.compactMap(\.problem)
        let keys = records.compactMap(\.key)
        for kind in WorldRecordKind.serviceKinds { duplicates(kind, keys.filter { $0.kind == kind }.map(\.key)) }
        let names = contacts.map { $0.name } + accounts.map { $0.name } + cases.map { $0.title }
        problems += names.compactMap { Self.problem(name: $0) }
        problems += cases.compactMap { Self.problem(caseNumber: $0.number) }
        problems += workItems.compactMap { Self.problem(workItemID: $0.id) }
        return problems
    }

    /// Why `name` (a contact's or account's name, a case's title) cannot be used, if it cannot.
    /// `record` names the kind of record in the message (`a queue`, `an article`).
    public static func problem(name: String, of record: String = "a contact, account or case") -> String? {
        // A name cut short at a NUL by a C string would match another one (`Ann` and `Ann<NUL>Lee`).
        if name.utf8.contains(0) { return "\(record) has a NUL character in its name or title" }
        if name.utf8.contains(where: { $0 > 0x20 && $0 < 0x7F }) { return nil }  // a visible ASCII character: not empty
        return name.allSatisfy({ $0.isWhitespace }) ? "\(record) has an empty name or title" : nil
    }

    /// Why `number` cannot number a case, if it cannot.
    public static func problem(caseNumber number: Int) -> String? {
        (0...Limits.largestRecordNumber).contains(number)
            ? nil : "case \(number) is out of range (0 to \(Limits.largestRecordNumber))"
    }

    /// Why `id` cannot number a work item, if it cannot.
    public static func problem(workItemID id: Int) -> String? {
        (1...Limits.largestRecordNumber).contains(id)
            ? nil : "work item W\(id) is out of range (1 to \(Limits.largestRecordNumber))"
    }

    /// The problem of a second record of `kind` with the same `key` (a lowercased name or a number).
    public static func duplicate(_ kind: WorldRecordKind, _ key: String) -> String {
        switch kind {
        case .contact, .account: "\(kind.rawValue) \"\(VisibleText.excerpt(key))\" appears twice"
        case .caseRecord: "case \(key) appears twice"
        case .workItem: "work item W\(key) appears twice"
        case .queue, .agent, .quickReply, .disposition: "\(kind.rawValue) \"\(VisibleText.excerpt(key))\" appears twice"
        case .article: "article \(key) appears twice"
        }
    }
}
