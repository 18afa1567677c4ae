/// Random shell lines for the property test and the fuzzer: every command of the table with arguments
/// that are sometimes right and often wrong (positions out of range, unknown names, hostile text with
/// escape sequences, bidirectional overrides, quotes left open), plus answers to confirmations.
struct RandomCommandLines<Source: RandomNumberGenerator> {
    var source: Source

    /// The next line.
    mutating func next() -> String {
        switch pick(0..<24) {
        case 0, 1: return "incoming \(pick(["chat", "sms", "voice", "social", "fax"]))" + optional(" " + quoted(name()))
        case 2, 3: return "accept" + optional(" \(position())")
        case 4: return "reject" + optional(" \(position())")
        case 5:
            return "open "
                + pick([
                    "case \(pick([42, 17, 108, 256, 7, -1]))", "contact " + quoted(name()),
                    "account " + quoted(pick(["Contoso", "Fabrikam", "Nobody"])), "W\(workItem())", "\(workItem())",
                ])
        case 6: return "pick W\(workItem())"
        case 7, 8: return "switch \(reference())"
        case 9: return "close" + optional(" \(reference())") + optional(" --yes")
        case 10: return pick(["y", "n", "yes", "", "Y"])
        case 11: return "end" + optional(" \(reference())")
        case 12: return "link \(reference()) " + quoted(name())
        case 13: return "message \(reference()) " + quoted(text())
        case 14: return pick(["leave \(reference())", "presence available", "presence away"])
        case 15: return "reply " + quoted(text())
        case 16:
            return "sentiment \(reference()) "
                + pick([
                    "very-negative", "negative", "slightly-negative", "neutral",
                    "slightly-positive", "positive", "very-positive", "awful",
                ])
        case 17: return "hover \(reference())"
        case 18: return "type \(pick(["title", "description", "bad field", "x"])) " + quoted(text())
        case 19:
            return "tab "
                + pick([
                    "open kb", "open record 7", "open app " + quoted(name()), "close", "close \(position())",
                    "focus \(position())",
                ])
        case 20:
            return "config "
                + pick([
                    "max-sessions \(pick(2...14))", "max-tabs \(pick(2...5))", "threshold negative",
                    "chat-mode persistent", "chat-mode live", "capacity 2", "auto-presence off",
                    "max-sessions 0", "bogus 1",
                ])
        case 21: return "clock advance " + pick(["30s", "2m", "28d", "0s", "99999999999999999999d"])
        case 22:
            return pick([
                "presence busy", "presence inactive", "panel toggle", "show", "dashboard", "notifications",
                "history", "form", "tabs", "help", "help switch", "dance", "message 1 \"unbalanced",
            ])
        default:
            return pick([
                "", "# a comment", "switch 99999999999999999999", "switch -1", "switch 0", "accept 0",
                "tab focus 0", "close home --yes", "\u{1B}[2J", "\"", "'", "\\",
            ])
        }
    }

    private mutating func pick<T>(_ choices: [T]) -> T { choices[Int(source.next() % UInt64(choices.count))] }

    private mutating func pick(_ range: Range<Int>) -> Int {
        range.lowerBound + Int(source.next() % UInt64(range.count))
    }

    private mutating func pick(_ range: ClosedRange<Int>) -> Int { pick(range.lowerBound..<range.upperBound + 1) }

    private mutating func optional(_ text: String) -> String { source.next() % 2 == 0 ? text : "" }

    private mutating func position() -> Int { pick(-2...12) }

    private mutating func workItem() -> Int { pick([101, 102, 201, 202, 301, 1000, 1001, 1002, 999]) }

    private mutating func reference() -> String {
        switch pick(0..<6) {
        case 0: "home"
        case 1: pick(["Vis", "Visitor 1", "Kenny", "José", "Printer", "nobody"])
        default: String(position())
        }
    }

    private mutating func name() -> String {
        pick([
            "Kenny Smith", "Maria Campbell", "José Núñez", "Abraham McCormick", "李小龍", "Zoë 🙂",
            "Evil\u{1B}[31mRed\u{1B}[0m", "\u{1B}]0;pwned\u{07}", "Bidi \u{202E}reversed\u{202C} name",
            "Bell\u{07}", "Line\nbreak", "\u{9B}31m", "Quote \" inside", String(repeating: "Long", count: 40),
        ])
    }

    private mutating func text() -> String {
        pick([
            "Hello", "I need help with order 1182", "\u{1B}[2J\u{1B}[H cleared", "\u{202E}olleh", "tab\there",
            "emoji 🙂🙂", "back\\slash", String(repeating: "x", count: 300),
        ])
    }

    /// `text` in double quotes, with `"` and `\` escaped, as a person would type it.
    private func quoted(_ text: String) -> String {
        "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }
}

/// A small, fast, seedable generator (SplitMix64), so a failing run can be repeated from its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
