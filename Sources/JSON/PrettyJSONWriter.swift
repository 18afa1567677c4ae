/// Writes indented JSON — ``JSONValue/prettyPrinted``'s form — a piece at a time, for a document too
/// big to hold whole: open an object or an array, write its members or elements as they come, close
/// it. The bytes gather in ``output`` until the caller takes them (``take()``), as often as it likes.
///
/// An object's members must come in ``ordered(_:)`` order (keys sorted by their UTF-8 bytes), as
/// ``write(_:)`` writes a whole ``JSONValue/object(_:)``'s; the writer does not check it.
public struct PrettyJSONWriter {
    /// What has been written and not yet taken.
    public private(set) var output: [UInt8] = []
    /// The open containers, innermost last: the byte that closes each, and whether it has an element yet.
    private var open: [(closer: UInt8, isEmpty: Bool)] = []
    /// Whether a member's key has been written and its value is next.
    private var afterKey = false

    /// A writer with nothing written.
    public init() {}

    /// The bytes written since the last call, leaving ``output`` empty.
    public mutating func take() -> [UInt8] {
        defer { output.removeAll(keepingCapacity: true) }
        return output
    }

    /// `members` in the order the printer writes them: keys sorted by their UTF-8 bytes.
    public static func ordered<Value>(_ members: [(String, Value)]) -> [(String, Value)] {
        members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
    }

    /// Writes `value` whole as the next value.
    public mutating func write(_ value: JSONValue) {
        switch value {
        case .null: scalar("null")
        case .bool(let value): scalar(value ? "true" : "false")
        case .number(let value): scalar(value.text)
        case .string(let text):
            startValue()
            Self.writeString(text, to: &output)
        case .array(let items):
            beginArray()
            for item in items { write(item) }
            end()
        case .object(let members):
            beginObject()
            for (key, member) in Self.ordered(members) {
                self.key(key)
                write(member)
            }
            end()
        }
    }

    /// Opens an object as the next value.
    public mutating func beginObject() { begin("{", closedBy: "}") }

    /// Opens an array as the next value.
    public mutating func beginArray() { begin("[", closedBy: "]") }

    /// Starts the next member of the innermost open object; its value is written next.
    public mutating func key(_ key: String) {
        startElement()
        Self.writeString(key, to: &output)
        output += " : ".utf8
        afterKey = true
    }

    /// Closes the innermost open object or array: a newline, then the bracket at its own indentation
    /// (an empty one keeps an empty line inside, as `JSONEncoder` writes it).
    public mutating func end() {
        guard let container = open.popLast() else { return }
        output.append(0x0A)
        output += repeatElement(0x20, count: 2 * open.count)
        output.append(container.closer)
    }

    private mutating func scalar(_ text: String) {
        startValue()
        output += text.utf8
    }

    private mutating func begin(_ opener: Unicode.Scalar, closedBy closer: Unicode.Scalar) {
        startValue()
        output.append(UInt8(ascii: opener))
        output.append(0x0A)
        open.append((UInt8(ascii: closer), true))
    }

    /// Before a value: nothing after a key, else it is the next element of the open array.
    private mutating func startValue() {
        if afterKey {
            afterKey = false
        } else {
            startElement()
        }
    }

    /// A comma and a newline after an earlier element, then the indentation of the open container's elements.
    private mutating func startElement() {
        guard !open.isEmpty else { return }
        if !open[open.count - 1].isEmpty { output += ",\n".utf8 }
        open[open.count - 1].isEmpty = false
        output += repeatElement(0x20, count: 2 * open.count)
    }

    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            for (index, byte) in bytes.enumerated() {
                switch byte {
                case UInt8(ascii: "\""): output += #"\""#.utf8
                case UInt8(ascii: "\\"): output += #"\\"#.utf8
                case 0x08: output += #"\b"#.utf8
                case 0x0C: output += #"\f"#.utf8
                case 0x0A: output += #"\n"#.utf8
                case 0x0D: output += #"\r"#.utf8
                case 0x09: output += #"\t"#.utf8
                case 0..<0x20:
                    output += #"\u00"#.utf8
                    output += [byte >> 4, byte & 0xF].map {
                        $0 < 10 ? $0 + UInt8(ascii: "0") : $0 - 10 + UInt8(ascii: "a")
                    }
                case 0xA8...0xA9 where index >= 2 && bytes[index - 2] == 0xE2 && bytes[index - 1] == 0x80:
                    // U+2028 and U+2029 (E2 80 A8/A9), which end a line in JavaScript: replace the two bytes written
                    output.removeLast(2)
                    output += (byte == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8
                default: output.append(byte)
                }
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
