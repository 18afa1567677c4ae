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

    /// A conversation already on the dashboard when the shell starts.
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
    public init(contacts: [Contact] = [], accounts: [Account] = [], cases: [CaseRecord] = [], workItems: [WorkItem] = []) {
        self.contacts = contacts
        self.accounts = accounts
        self.cases = cases
        self.workItems = workItems
    }

    /// Finds a contact by name, ignoring case.
    public func contact(named name: String) -> Contact? {
        contacts.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Finds an account by name, ignoring case.
    public func account(named name: String) -> Account? {
        accounts.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Finds a case by number.
    public func caseRecord(_ number: Int) -> CaseRecord? {
        cases.first { $0.number == number }
    }

    /// The problems that make this world unusable, each as one line; empty when it is valid.
    public var problems: [String] {
        var problems: [String] = []
        func duplicates<Key: Hashable>(_ keys: [Key], _ describe: (Key) -> String) {
            var seen = Set<Key>()
            for key in keys where !seen.insert(key).inserted { problems.append(describe(key)) }
        }
        duplicates(contacts.map { $0.name.lowercased() }) { "contact \"\($0)\" appears twice" }
        duplicates(accounts.map { $0.name.lowercased() }) { "account \"\($0)\" appears twice" }
        duplicates(cases.map { $0.number }) { "case \($0) appears twice" }
        duplicates(workItems.map { $0.id }) { "work item W\($0) appears twice" }
        let names = contacts.map { $0.name } + accounts.map { $0.name } + cases.map { $0.title }
        for name in names where name.allSatisfy({ $0.isWhitespace }) {
            problems.append("a contact, account or case has an empty name or title")
        }
        for record in cases where !(0...Limits.largestRecordNumber).contains(record.number) {
            problems.append("case \(record.number) is out of range (0 to \(Limits.largestRecordNumber))")
        }
        for item in workItems where !(1...Limits.largestRecordNumber).contains(item.id) {
            problems.append("work item W\(item.id) is out of range (1 to \(Limits.largestRecordNumber))")
        }
        return problems
    }

    /// The built-in demo world: a few contacts, accounts, cases (case 42 among them) and work items in all three streams.
    public static let demo = World(
        contacts: [
            Contact(name: "Kenny Smith", account: "Contoso"),
            Contact(name: "José Núñez", account: "Fabrikam"),
            Contact(name: "Maria Campbell", account: "Contoso"),
            Contact(name: "Yvonne McKay", account: "Adventure Works"),
            Contact(name: "Abraham McCormick"),
        ],
        accounts: [
            Account(name: "Contoso"),
            Account(name: "Fabrikam"),
            Account(name: "Adventure Works"),
        ],
        cases: [
            CaseRecord(number: 42, title: "Printer on fire", customer: "Kenny Smith"),
            CaseRecord(number: 17, title: "Refund for order 1182", customer: "Maria Campbell"),
            CaseRecord(number: 108, title: "Cannot sign in to portal", customer: "José Núñez"),
            CaseRecord(number: 256, title: "Delivery arrived damaged", customer: "Yvonne McKay"),
        ],
        workItems: [
            WorkItem(id: 101, channel: .chat, customer: "Maria Campbell", stream: .mine),
            WorkItem(id: 102, channel: .sms, customer: "Yvonne McKay", stream: .mine),
            WorkItem(id: 201, channel: .chat, customer: "Abraham McCormick", stream: .open),
            WorkItem(id: 202, channel: .social, customer: "José Núñez", stream: .open),
            WorkItem(id: 301, channel: .voice, customer: "Kenny Smith", stream: .closed),
        ]
    )
}
