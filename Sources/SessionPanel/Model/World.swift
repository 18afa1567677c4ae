/// The records the simulation knows about: contacts, accounts, cases and the dashboard's work items.
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

    /// Creates a world.
    public init(
        contacts: [Contact] = [], accounts: [Account] = [], cases: [CaseRecord] = [], workItems: [WorkItem] = []
    ) {
        self.contacts = contacts
        self.accounts = accounts
        self.cases = cases
        self.workItems = workItems
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
        let names = contacts.map { $0.name } + accounts.map { $0.name } + cases.map { $0.title }
        problems += names.compactMap(Self.problem(name:))
        problems += cases.compactMap { Self.problem(caseNumber: $0.number) }
        problems += workItems.compactMap { Self.problem(workItemID: $0.id) }
        return problems
    }

    /// Why `name` (a contact's or account's name, a case's title) cannot be used, if it cannot.
    public static func problem(name: String) -> String? {
        // A name cut short at a NUL by a C string would match another one (`Ann` and `Ann<NUL>Lee`).
        if name.utf8.contains(0) { return "a contact, account or case has a NUL character in its name or title" }
        if name.utf8.contains(where: { $0 > 0x20 && $0 < 0x7F }) { return nil }  // a visible ASCII character: not empty
        return name.allSatisfy({ $0.isWhitespace }) ? "a contact, account or case has an empty name or title" : nil
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
        }
    }
}
