/// A JSON value in memory: built by the renderers and ``JSONValueEncoder``, read by ``JSONParser``.
///
/// Objects keep their keys in order. ``serialized`` writes compact, single-line JSON for a terminal;
/// ``prettyPrinted`` writes the indented form of state files.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    /// An object; its keys are written in this order.
    case object([(String, JSONValue)])

    /// `.string(text)`, or `.null` when `text` is `nil`.
    public static func string(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }

    /// The whole number `value`.
    public static func number(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }

    /// The value as one line of JSON, keys in the order given. Strings are escaped per RFC 8259, and
    /// further: every control character, C1 control and bidirectional override is written as `\uXXXX`,
    /// so customer text never reaches a terminal raw.
    public var serialized: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let value): output += value.text
        case .string(let text): Self.writeString(text, to: &output)
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                item.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += "," }
                Self.writeString(key, to: &output)
                output += ":"
                value.write(to: &output)
            }
            output += "}"
        }
    }

    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        // Printable ASCII without a quote or backslash needs no escape: appended whole (a state file's
        // save serializes every new message; appending scalar by scalar was most of its cost).
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) && $0 != 0x22 && $0 != 0x5C }) {
            output += text
            output += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where Self.escapesInJSON(scalar):
                for unit in String(scalar).utf16 {  // beyond U+FFFF as a surrogate pair, as RFC 8259 says
                    let hex = String(unit, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    /// Whether the writer writes `scalar` as `\uXXXX`: control characters and bidirectional controls (so
    /// the output is safe to show on a terminal), and U+2028 and U+2029, which end a line in JavaScript.
    /// Everything else is written as it is, in UTF-8.
    static func escapesInJSON(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized == rhs.serialized }
}
