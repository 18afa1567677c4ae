import SessionPanel

/// Where a world file's records go as they are read: a database (``WorldWriter``) or memory
/// (``WorldCollector``). A sink throws to refuse a record (a duplicate name).
public protocol WorldRecordSink: AnyObject {
    func write(_ contact: World.Contact) throws
    func write(_ account: World.Account) throws
    func write(_ record: World.CaseRecord) throws
    func write(_ item: World.WorkItem) throws
    func write(_ record: World.ServiceRecord) throws
}

extension WorldWriter: WorldRecordSink {}

/// Collects a world file's records in memory, for a small file that is not worth a database.
public final class WorldCollector: WorldRecordSink {
    /// The records so far.
    public private(set) var world = World()

    public init() {}

    public func write(_ contact: World.Contact) { world.contacts.append(contact) }
    public func write(_ account: World.Account) { world.accounts.append(account) }
    public func write(_ record: World.CaseRecord) { world.cases.append(record) }
    public func write(_ item: World.WorkItem) { world.workItems.append(item) }
    public func write(_ record: World.ServiceRecord) { world.add(record) }
}
