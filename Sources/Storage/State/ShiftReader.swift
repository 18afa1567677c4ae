internal import JSONCoding
import SessionPanel

/// Reads the workspace of a shift from the tables of ``ShiftSchema`` as the saved JSON the core decodes
/// (``SavedJSON/state(from:in:conversations:_:)``): settings, counters, sessions, notifications, the
/// traffic and the shift log. No conversation: those are read through ``SQLiteConversations``, the ones
/// the workspace points to when the state is attached to it.
struct ShiftReader {
    let database: Database

    /// The saved JSON of the shift (its world an empty one, replaced by the file's world tables).
    func json() throws(StorageError) -> JSONValue {
        let workspace = try database.prepare(
            "SELECT \((ShiftShapes.workspaceJSON + ShiftShapes.logFigures).map(\.0).joined(separator: ", ")), "
                + "\(ShiftShapes.workspace.selected) FROM workspace WHERE id = 1")
        guard try workspace.step() else { throw StorageError("the shift's workspace row is missing") }
        var members: [(String, JSONValue)] = [("world", try ShiftWriter.encode(World()))]
        var shift: [(String, JSONValue)] = []
        for (offset, (column, key)) in ShiftShapes.workspaceJSON.enumerated() {
            let value = try Self.parse(workspace.string(at: Int32(offset)) ?? "", column)
            if key == "shift", case .object(let traffic) = value {
                shift = traffic
            } else {
                members.append((key, value))
            }
        }
        var log: [(String, JSONValue)] = [("records", .object(try records()))]
        for (offset, (_, key)) in ShiftShapes.logFigures.enumerated() {
            log.append((key, .number(workspace.int(at: Int32(ShiftShapes.workspaceJSON.count + offset)))))
        }
        members.append(("shift", .object(shift + [("log", .object(log))])))
        members += ShiftShapes.workspace.members(
            of: workspace, from: Int32(ShiftShapes.workspaceJSON.count + ShiftShapes.logFigures.count))
        members.append(("sessions", .array(try sessions())))
        members.append(("notifications", .array(try notifications())))
        members.append(("conversations", .array([])))  // read through the catalog (SQLiteConversations)
        return .object(members)
    }

    private func sessions() throws(StorageError) -> [JSONValue] {
        let shape = ShiftShapes.session
        let rows = try database.prepare(
            "SELECT kind, conversation, case_number, record, tabs, draft, \(shape.selected) FROM sessions ORDER BY position"
        )
        var sessions: [JSONValue] = []
        while try rows.step() {
            let kind: JSONValue =
                switch rows.string(at: 0) ?? "" {
                case "conversation": .object([("conversation", .number(rows.int(at: 1)))])
                case "case": .object([("case", .number(rows.int(at: 2)))])
                case let name where name == "contact" || name == "account":
                    .object([(name, .string(rows.string(at: 3)))])
                default: .string("home")
                }
            var members = [
                ("kind", kind), ("tabs", try Self.parse(rows.string(at: 4) ?? "", "tabs")),
                ("draft", try Self.parse(rows.string(at: 5) ?? "", "draft")),
            ]
            members += shape.members(of: rows, from: 6)
            sessions.append(.object(members))
        }
        return sessions
    }

    private func notifications() throws(StorageError) -> [JSONValue] {
        let rows = try database.prepare(
            "SELECT \(ShiftShapes.notification.selected) FROM notifications ORDER BY position")
        var notifications: [JSONValue] = []
        while try rows.step() { notifications.append(.object(ShiftShapes.notification.members(of: rows, from: 0))) }
        return notifications
    }

    /// The shift log's records, by work item number, with their offers and spans.
    private func records() throws(StorageError) -> [(String, JSONValue)] {
        var byID: [Int: [(String, JSONValue)]] = [:]
        let rows = try database.prepare("SELECT \(ShiftShapes.logRecord.selected) FROM shift_log")
        while try rows.step() { byID[rows.int(at: 0)] = ShiftShapes.logRecord.members(of: rows, from: 0) }
        var lists: [Int: [String: [JSONValue]]] = [:]
        let offers = try database.prepare(
            "SELECT conversation, \(ShiftShapes.offers.selected) FROM log_offers ORDER BY conversation, seq")
        while try offers.step() {
            lists[offers.int(at: 0), default: [:]]["offers", default: []].append(
                .object(ShiftShapes.offers.members(of: offers, from: 1)))
        }
        let spans = try database.prepare(
            "SELECT conversation, kind, \(ShiftShapes.spans.selected) FROM log_spans ORDER BY conversation, kind, seq")
        while try spans.step() {
            lists[spans.int(at: 0), default: [:]][spans.string(at: 1) ?? "", default: []].append(
                .object(ShiftShapes.spans.members(of: spans, from: 2)))
        }
        return byID.keys.sorted().map { id in
            var members = byID[id]!
            for key in ["offers"] + ShiftShapes.spanKinds { members.append((key, .array(lists[id]?[key] ?? []))) }
            return (String(id), .object(members))
        }
    }

    private static func parse(_ text: String, _ column: String) throws(StorageError) -> JSONValue {
        do {
            return try JSONParser.parse(Array(text.utf8))
        } catch {
            throw StorageError("the shift's \(column) is not valid JSON: \(error)")
        }
    }
}
