import JSONCoding
import SessionPanel

/// The role-play protocol on the trainee's socket (`shift.db.sock`): newline-delimited JSON, one
/// object a line of at most ``RolePlayMessage/lineLimit`` bytes, UTF-8.
///
/// The trainer sends one request a line:
///
///     {"command":"arrive","customer":"Kenny Smith","channel":"chat"}
///     {"command":"say","customer":"Kenny Smith","text":"my parcel never came"}
///     {"command":"mood","customer":"Kenny Smith","sentiment":"negative"}
///     {"command":"leave","customer":"Kenny Smith"}
///     {"command":"status"}
///
/// and the trainee's prompt answers each with one `done` (what the request did, a line each) or one
/// `refused` (why it changed nothing), and pushes, whenever they happen, `event` lines: what the
/// customers the trainer plays would see (accepted, the agent's replies, transfers, the end):
///
///     {"done":["Kenny Smith in session 1: my parcel never came"]}
///     {"refused":"\"Bob\" never arrives: no contact has that name, …"}
///     {"event":"Kenny Smith: You → my parcel is on its way"}
///
/// A line that is not such an object, names an unknown command or member, or is longer than the
/// limit gets one `{"error":"…"}` line, and the trainee's prompt closes that connection; nothing else changes.
enum RolePlayMessage {
    /// The longest line either side accepts, its newline not counted.
    static let lineLimit = 64 << 10

    /// A trainer's request.
    struct Request: Decodable, Equatable, Sendable {
        /// `arrive`, `say`, `mood`, `leave` or `status`.
        var command: String
        /// The customer played, by title (`Kenny Smith`, `Visitor 3`).
        var customer: String?
        /// `arrive`: the channel (chat, sms, voice, social).
        var channel: String?
        /// `say`: what the customer writes.
        var text: String?
        /// `mood`: the customer's new sentiment (very-negative … very-positive).
        var sentiment: String?
    }

    /// What the trainee's prompt sends a trainer: exactly one member set.
    struct Reply: Decodable, Equatable, Sendable {
        /// A request was carried out: what it did, a line each.
        var done: [String]?
        /// A request changed nothing: why.
        var refused: String?
        /// What the customer would see, as it happens.
        var event: String?
        /// The line broke the protocol; the connection closes after this.
        var error: String?
    }

    /// The request a line holds, or why it is not one (a sentence for the error line).
    static func request(from line: [UInt8]) -> Result<Request, ProtocolError> {
        let request: Request
        do {
            request = try JSONValueDecoder().decode(Request.self, from: line)
        } catch let error as DecodingError {
            return .failure(ProtocolError("not a request: \(error.summary)"))
        } catch {
            return .failure(
                ProtocolError("not a request: \(error); one JSON object a line, such as {\"command\":\"status\"}"))
        }
        guard ["arrive", "say", "mood", "leave", "status"].contains(request.command) else {
            return .failure(ProtocolError("unknown command \"\(request.command)\""))
        }
        return .success(request)
    }

    /// The reply a line holds, or why it is not one.
    static func reply(from line: [UInt8]) -> Result<Reply, ProtocolError> {
        do {
            return .success(try JSONValueDecoder().decode(Reply.self, from: line))
        } catch {
            return .failure(ProtocolError("the trainee's prompt sent a line that is not a reply"))
        }
    }

    /// A request as one line of JSON, without its newline: the members given, in the order above.
    static func line(_ request: Request) -> [UInt8] {
        let members = [
            ("customer", request.customer), ("channel", request.channel), ("text", request.text),
            ("sentiment", request.sentiment),
        ]
        return line(
            [("command", .string(request.command))]
                + members.compactMap { name, value in value.map { (name, .string($0)) } })
    }

    /// A reply as one line of JSON, without its newline.
    static func line(_ reply: Reply) -> [UInt8] {
        var members: [(String, JSONValue)] = []
        if let done = reply.done { members.append(("done", .array(done.map(JSONValue.string)))) }
        for (name, value) in [("refused", reply.refused), ("event", reply.event), ("error", reply.error)] {
            if let value { members.append((name, .string(value))) }
        }
        return line(members)
    }

    /// An object of `members` as one line of JSON (control characters escaped), without its newline.
    private static func line(_ members: [(String, JSONValue)]) -> [UInt8] {
        Array(JSONValue.object(members).serialized.utf8)
    }

    /// Why a line broke the protocol.
    struct ProtocolError: Error, Equatable, Sendable {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
