import SessionPanel

/// A shift as the rows of a state file: the state's saved JSON (today's `--state` format, see
/// ``SavedState``) cut into pieces that change independently, each serialized on its own. Saving
/// compares the pieces of the previous and the new state by key and id and writes only those that differ.
///
/// - every top-level member other than sessions and conversations (settings, clock, counters,
///   notifications, presence, …, whatever the state gains later) is one row of `shift`, by key;
/// - each session is a row of `sessions`, by id, with its panel position;
/// - each conversation is a row of `conversations`, by work item number, without its messages;
/// - each message is a row of `messages`, by conversation and position in the transcript.
struct ShiftRows: Equatable {
    /// A session's row.
    struct Session: Equatable {
        var position: Int
        var body: String
    }

    /// A conversation's row and its messages' rows.
    struct Conversation: Equatable {
        var body: String
        var messages: [String]
    }

    /// Top-level members by key, as JSON.
    var values: [String: String] = [:]
    /// Sessions by id.
    var sessions: [Int: Session] = [:]
    /// Conversations by work item number.
    var conversations: [Int: Conversation] = [:]

    static let sessionsKey = "sessions"
    static let conversationsKey = "conversations"
    static let messagesKey = "messages"

    init() {}

    /// Cuts `state` into rows.
    init(_ state: PanelState) throws(StorageError) {
        let json: JSONValue
        do {
            json = try JSONValueEncoder().encode(state)
        } catch {
            throw StorageError("the state cannot be written as JSON: \(error)")
        }
        guard case .object(let members) = json else { throw StorageError("the state is not a JSON object") }
        for (key, value) in members {
            switch key {
            case Self.sessionsKey:
                for (position, session) in try Self.items(value, key).enumerated() {
                    sessions[try Self.id(of: session, key)] = Session(position: position, body: session.serialized)
                }
            case Self.conversationsKey:
                for conversation in try Self.items(value, key) {
                    guard case .object(let fields) = conversation else { throw StorageError("a conversation is not an object") }
                    var messages: [String] = []
                    var header: [(String, JSONValue)] = []
                    for (field, value) in fields {
                        if field == Self.messagesKey {
                            messages = try Self.items(value, field).map(\.serialized)
                        } else {
                            header.append((field, value))
                        }
                    }
                    conversations[try Self.id(of: conversation, key)] = Conversation(
                        body: JSONValue.object(header).serialized, messages: messages)
                }
            default:
                values[key] = value.serialized
            }
        }
    }

    /// The saved JSON of the state the rows hold, to be decoded (and checked) as a ``PanelState``.
    func json() throws(StorageError) -> JSONValue {
        var members: [(String, JSONValue)] = []
        for key in Set(values.keys).union([Self.sessionsKey, Self.conversationsKey]).sorted() {
            switch key {
            case Self.sessionsKey:
                let ordered = sessions.values.sorted { $0.position < $1.position }
                members.append((key, .array(try ordered.map { row throws(StorageError) in try Self.parse(row.body) })))
            case Self.conversationsKey:
                var items: [JSONValue] = []
                for id in conversations.keys.sorted() {
                    let row = conversations[id]!
                    guard case .object(var fields) = try Self.parse(row.body) else {
                        throw StorageError("conversation W\(id) is not a JSON object")
                    }
                    fields.append((Self.messagesKey, .array(try row.messages.map { text throws(StorageError) in try Self.parse(text) })))
                    items.append(.object(fields))
                }
                members.append((key, .array(items)))
            default:
                guard let text = values[key] else { continue }
                members.append((key, try Self.parse(text)))
            }
        }
        return .object(members)
    }

    private static func items(_ value: JSONValue, _ key: String) throws(StorageError) -> [JSONValue] {
        guard case .array(let items) = value else { throw StorageError("\(key) is not a list") }
        return items
    }

    private static func id(of item: JSONValue, _ key: String) throws(StorageError) -> Int {
        guard case .object(let fields) = item, let (_, value) = fields.first(where: { $0.0 == "id" }),
            case .number(let number) = value, let id = number.integer(Int.self)
        else { throw StorageError("an item of \(key) has no whole-number id") }
        return id
    }

    private static func parse(_ text: String) throws(StorageError) -> JSONValue {
        do {
            return try JSONParser.parse(Array(text.utf8))
        } catch {
            throw StorageError("a row is not valid JSON: \(error)")
        }
    }
}
