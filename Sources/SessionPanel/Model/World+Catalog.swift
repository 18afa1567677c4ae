/// The in-memory catalog: a ``World`` answers every query by looking through its lists, which suits
/// the demo world, tests and small files; a large world lives in a database catalog instead.
extension World: WorldCatalog {
    public func contact(named name: String) -> Contact? {
        let key = worldKey(name)
        return contacts.first { worldKey($0.name) == key }
    }

    public func account(named name: String) -> Account? {
        let key = worldKey(name)
        return accounts.first { worldKey($0.name) == key }
    }

    public func caseRecord(_ number: Int) -> CaseRecord? {
        cases.first { $0.number == number }
    }

    public func workItems(in stream: WorkStream) -> [WorkItem] {
        workItems.filter { $0.stream == stream }.sorted { $0.id < $1.id }
    }

    public func contacts(startingWith prefix: String, limit: Int) -> [Contact] {
        Self.sortedByKey(contacts, prefix, limit, \.name)
    }

    public func accounts(startingWith prefix: String, limit: Int) -> [Account] {
        Self.sortedByKey(accounts, prefix, limit, \.name)
    }

    public func cases(numberStartingWith digits: String, limit: Int) -> [CaseRecord] {
        Array(cases.filter { numberStarts($0.number, with: digits) }.sorted { $0.number < $1.number }.prefix(limit))
    }

    public func cases(ofCustomer customer: String, limit: Int) -> [CaseRecord] {
        Array(cases.filter { $0.customer == customer }.sorted { $0.number > $1.number }.prefix(limit))
    }

    public func count(_ kind: WorldRecordKind, startingWith prefix: String) -> Int {
        let key = worldKey(prefix)
        switch kind {
        case .contact: return contacts.count { hasBytePrefix(worldKey($0.name), key) }
        case .account: return accounts.count { hasBytePrefix(worldKey($0.name), key) }
        case .caseRecord: return cases.count { numberStarts($0.number, with: prefix) }
        case .workItem: return workItems.count { numberStarts($0.id, with: prefix) }
        case .queue, .agent, .disposition: return names(of: kind).count { hasBytePrefix(worldKey($0), key) }
        case .quickReply: return quickReplies.count { hasBytePrefix(worldKey($0.text), key) }
        case .article: return articles.count { numberStarts($0.id, with: prefix) }
        }
    }

    public func isSame(as other: any WorldCatalog) -> Bool {
        (other as? World) == self
    }

    /// The records whose key starts with `prefix`'s, sorted by key, at most `limit`.
    static func sortedByKey<Record>(
        _ records: [Record], _ prefix: String, _ limit: Int, _ name: (Record) -> String
    ) -> [Record] {
        let key = worldKey(prefix)
        let keyed = records.map { (key: worldKey(name($0)), record: $0) }.filter { hasBytePrefix($0.key, key) }
        return keyed.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.prefix(limit).map(\.record)
    }
}
