import SessionPanel

/// A trainer's customer-side line, both ways: typed at `omnipanel customer` (`say "Kenny Smith" "hi"`)
/// into a request, and a request into the core's customer-side command (`message "Kenny Smith" hi`),
/// the line a scenario's `at` would schedule.
enum CustomerLine {
    /// What `customer` understands, with its usage, for `help` and errors.
    static let usage: [(command: String, usage: String, summary: String)] = [
        ("arrive", "arrive [chat|sms|voice|social] \"<name>\"", "A customer asks for a conversation (chat by default)"),
        ("say", "say \"<name>\" \"<text>\"", "The customer writes"),
        ("mood", "mood \"<name>\" <very-negative|negative|neutral|positive|very-positive>", "The customer's sentiment"),
        ("leave", "leave \"<name>\"", "The customer ends the chat or hangs up"),
        ("status", "status", "What the trainee has open, waiting and unread"),
        ("help", "help", "This list"),
        ("quit", "quit", "Leave (the trainee's shift goes on)"),
    ]

    /// What a typed line asks for.
    enum Parsed: Equatable {
        /// Nothing: a blank line or a comment.
        case nothing
        /// A request for the trainee's prompt.
        case request(RolePlayMessage.Request)
        /// `help`.
        case help
        /// `quit`.
        case quit
    }

    /// The request `line` types, or a one-line error.
    static func parse(_ line: String) -> Result<Parsed, CommandError> {
        let words = TokenizedLine(line).tokens.map(\.text)
        guard let command = words.first, !command.hasPrefix("#") else { return .success(.nothing) }
        let arguments = Array(words.dropFirst())
        typealias Request = RolePlayMessage.Request
        switch (command, arguments.count) {
        case ("arrive", 1):
            return .success(.request(Request(command: "arrive", customer: arguments[0], channel: "chat")))
        case ("arrive", 2):
            return .success(.request(Request(command: "arrive", customer: arguments[1], channel: arguments[0])))
        case ("say", 2): return .success(.request(Request(command: "say", customer: arguments[0], text: arguments[1])))
        case ("mood", 2):
            return .success(.request(Request(command: "mood", customer: arguments[0], sentiment: arguments[1])))
        case ("leave", 1): return .success(.request(Request(command: "leave", customer: arguments[0])))
        case ("status", 0): return .success(.request(Request(command: "status")))
        case ("help", 0): return .success(.help)
        case ("quit", 0): return .success(.quit)
        default:
            guard let known = usage.first(where: { $0.command == command }) else {
                let commands = usage.map(\.command).joined(separator: ", ")
                return .failure(CommandError("unknown command \"\(command)\"; a customer can: \(commands)"))
            }
            return .failure(CommandError("usage: \(known.usage)"))
        }
    }

    /// The core's customer-side command line for a request (nil for `status`), or why there is none.
    static func coreLine(for request: RolePlayMessage.Request) -> Result<String?, CommandError> {
        guard request.command != "status" else { return .success(nil) }
        guard let customer = request.customer, !customer.isEmpty else {
            return .failure(CommandError("'\(request.command)' needs the customer's name"))
        }
        let words: [String]
        switch request.command {
        case "arrive": words = ["incoming", request.channel ?? "chat", customer]
        case "say":
            guard let text = request.text, !text.isEmpty else { return .failure(CommandError("'say' needs a text")) }
            words = ["message", customer, text]
        case "mood":
            guard let level = request.sentiment else { return .failure(CommandError("'mood' needs a sentiment")) }
            words = ["sentiment", customer, level]
        default: words = ["leave", customer]
        }
        return .success(TokenizedLine.joining(words))
    }
}
