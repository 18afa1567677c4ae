internal import JSONCoding
import SessionPanel

/// `export`: a saved state as version-1 JSON (``SavedState``, what `import` and a version-1 state file
/// hold: indented, keys sorted, the world included), written as it is read. The shift is encoded
/// whole; the world's records come one at a time from the world tables, in the read transaction the
/// shift was read in, and the bytes go out in chunks of ``chunkBytes``: memory is bounded by the shift
/// and one record, never by the world.
public enum StateExport {
    /// About how many bytes gather before they are handed on.
    static let chunkBytes = 1 << 16

    /// Writes the state saved at `path` to `write`, a chunk at a time (each whole UTF-8; the last ends
    /// in a newline). `false` when there is no such file. Reads without the lock and changes nothing.
    public static func write(_ path: String, to write: ([UInt8]) -> Void) throws(StateFileError) -> Bool {
        try StateFile.reading(path) { state throws(StateFileError) in
            try export(state, path, to: write)
        } != nil
    }

    /// Writes `state` (read from `path`) to `write`.
    static func export(_ state: PanelState, _ path: String, to write: ([UInt8]) -> Void) throws(StateFileError) {
        // The workspace whole; sessions and the log's records put back; conversations streamed below.
        guard case .object(var saved) = try encode(SavedState(state.withoutRecords), path),
            let index = saved.firstIndex(where: { $0.0 == stateKey }), case .object(var members) = saved[index].1
        else {
            throw StateFileError(path, .invalid("the state is not a JSON object"))
        }
        for (offset, (key, value)) in members.enumerated() {
            if key == "sessions" { members[offset].1 = try encode(state.sessions, path) }
            if key == "shift", case .object(var shift) = value,
                let log = shift.firstIndex(where: { $0.0 == "log" }), case .object(var figures) = shift[log].1,
                let records = figures.firstIndex(where: { $0.0 == "records" })
            {
                figures[records].1 = try encode(state.shift.log.entries, path)
                shift[log].1 = .object(figures)
                members[offset].1 = .object(shift)
            }
        }
        saved[index].1 = .object(members)
        var writer = PrettyJSONWriter()
        writer.beginObject()
        for (key, value) in PrettyJSONWriter.ordered(saved) {
            writer.key(key)
            guard key == stateKey, case .object(let members) = value else {
                writer.write(value)
                continue
            }
            writer.beginObject()
            for (member, inner) in PrettyJSONWriter.ordered(members) {
                writer.key(member)
                if member == worldKey {
                    try writeWorld(state.world, path, into: &writer, flushingTo: write)
                } else if member == conversationsKey {
                    try writeConversations(of: state, path, into: &writer, flushingTo: write)
                } else {
                    writer.write(inner)
                }
            }
            writer.end()
        }
        writer.end()
        write(writer.take() + [0x0A])
    }

    /// The member of the state that holds the world.
    static let worldKey = "world"
    /// The member of the state that lists the conversations.
    static let conversationsKey = "conversations"

    /// Writes every conversation, by number: those in play over the catalog's (held in memory, or read
    /// one at a time from the state file's tables), handing on what gathered every ``chunkBytes``.
    private static func writeConversations(
        of state: PanelState, _ path: String, into writer: inout PrettyJSONWriter, flushingTo write: ([UInt8]) -> Void
    ) throws(StateFileError) {
        writer.beginArray()
        if let all = state.inMemoryConversations {
            for id in all.keys.sorted() { writer.write(try encode(all[id]!, path)) }
        } else if let catalog = state.conversations.catalog.base as? SQLiteConversations {
            var output = writer
            do {
                try catalog.eachConversation { stored throws(StorageError) in
                    let conversation = state.conversations[stored.id] ?? stored
                    do {
                        output.write(try JSONValueEncoder().encode(conversation))
                    } catch {
                        throw StorageError("W\(conversation.id) cannot be written as JSON: \(error)")
                    }
                    if output.output.count >= chunkBytes { write(output.take()) }
                }
            } catch {
                throw StateFile.failure(error, path, reading: true)
            }
            writer = output
        } else {
            throw StateFileError(path, .invalid("the conversations are neither in memory nor in the file's tables"))
        }
        writer.end()
    }

    /// The member of ``SavedState`` that holds the state.
    static let stateKey = "state"

    /// Writes the world as ``World``'s JSON: whole when it is in memory (a version-1 file read as it
    /// is), else a list per table, record by record, handing on what gathered every ``chunkBytes``.
    private static func writeWorld(
        _ world: AnyWorldCatalog, _ path: String, into writer: inout PrettyJSONWriter,
        flushingTo write: ([UInt8]) -> Void
    ) throws(StateFileError) {
        if let inMemory = world.world {
            writer.write(try encode(inMemory, path))
            return
        }
        guard let catalog = world.base as? SQLiteWorldCatalog,
            case .object(let lists) = try encode(World(), path)
        else {
            throw StateFileError(path, .invalid("the world is neither in memory nor in the file's tables"))
        }
        writer.beginObject()
        for (list, _) in PrettyJSONWriter.ordered(lists) {
            writer.key(list)
            if list == "requiresDisposition" {
                do {
                    writer.write(.bool(try catalog.isDispositionRequired()))
                } catch {
                    throw StateFileError(path, .invalid(error.message))
                }
                continue
            }
            writer.beginArray()
            func each(_ record: some Encodable) throws(StateFileError) {
                writer.write(try encode(record, path))
                if writer.output.count >= chunkBytes { write(writer.take()) }
            }
            do {
                switch list {
                case "contacts":
                    try rows("SELECT \(WorldRows.contactColumns) FROM contacts ORDER BY key", in: catalog) { row in
                        try each(WorldRows.contact(row))
                    }
                case "accounts":
                    try rows("SELECT \(WorldRows.accountColumns) FROM accounts ORDER BY key", in: catalog) { row in
                        try each(WorldRows.account(row))
                    }
                case "cases":
                    try rows("SELECT \(WorldRows.caseColumns) FROM cases ORDER BY number", in: catalog) { row in
                        try each(WorldRows.caseRecord(row))
                    }
                case "workItems":
                    let workItems = "SELECT \(WorldRows.workItemColumns), stream FROM work_items ORDER BY id"
                    try rows(workItems, in: catalog) { row in
                        // As the catalog reads them: an item of an unknown stream is in none of them.
                        guard let stream = WorkStream(rawValue: row.string(at: 3) ?? "") else { return }
                        try each(WorldRows.workItem(row, in: stream))
                    }
                case let list where WorldRows.serviceLists[list] != nil:
                    let (table, sql, read) = WorldRows.serviceLists[list]!
                    // A state file written before these tables has none: its lists are empty.
                    guard try catalog.hasTable(table) else { break }
                    try rows(sql, in: catalog) { row in try each(read(row)) }
                default:
                    throw StateFileError(path, .invalid("the world's \(list) are not in the file's tables"))
                }
            } catch {
                throw StateFile.failure(error, path, reading: true)
            }
            writer.end()
        }
        writer.end()
    }

    /// Steps through the rows of `sql`, handing each to `body`.
    private static func rows(
        _ sql: String, in catalog: SQLiteWorldCatalog, _ body: (Statement) throws -> Void
    ) throws {
        let statement = try catalog.database.prepare(sql)
        while try statement.step() { try body(statement) }
    }

    private static func encode(_ value: some Encodable, _ path: String) throws(StateFileError) -> JSONValue {
        do {
            return try JSONValueEncoder().encode(value)
        } catch {
            throw StateFileError(path, .invalid("cannot be written as JSON: \(error)"))
        }
    }
}
