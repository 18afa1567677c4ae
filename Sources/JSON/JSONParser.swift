/// Reads a JSON document (RFC 8259) from UTF-8 bytes into a ``JSONValue``.
///
/// Strict: one value with only whitespace around it (a leading UTF-8 byte order mark is skipped), no
/// comments or trailing commas, no duplicate keys, valid UTF-8, no unpaired surrogates, arrays and
/// objects nested at most ``maximumDepth`` deep. Anything else is a ``JSONSyntaxError`` naming the
/// problem and its line and column; no input makes it crash.
public struct JSONParser {
    /// How deep arrays and objects may nest.
    public static let maximumDepth = 512

    /// Parses `bytes` as one JSON document.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.offset = 3 }
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.offset == bytes.count else {
            throw parser.error("expected the end of the document, found \(parser.found)")
        }
        return value
    }

    let bytes: [UInt8]
    var offset = 0
    private var depth = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The byte at the current offset, or `nil` at the end.
    var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    /// An error about `problem` at byte `offset` (by default, the current one).
    func error(_ problem: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(problem, at: offset ?? self.offset, in: bytes)
    }

    /// What is at the current offset, for an error: `'x'`, `U+00E9`, `byte 0xFF` or `the end of the input`.
    var found: String {
        guard let byte = current else { return "the end of the input" }
        if byte >= 0x20 && byte < 0x7F { return "'\(Unicode.Scalar(byte))'" }
        if let (scalar, _) = scalar(at: offset) { return "U+" + Self.hex(scalar.value) }
        return "byte 0x" + Self.hex(UInt32(byte), digits: 2)
    }

    /// `value` in upper-case hexadecimal, at least `digits` long.
    static func hex(_ value: UInt32, digits: Int = 4) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { offset += 1 }
    }

    private mutating func value() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        guard let byte = current else { throw error("expected a value, found \(found)") }
        switch byte {
        case UInt8(ascii: "{"): return try nested { parser throws(JSONSyntaxError) in try parser.object() }
        case UInt8(ascii: "["): return try nested { parser throws(JSONSyntaxError) in try parser.array() }
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("expected a value, found \(found)")
        }
    }

    /// Parses an array or object one level deeper, refusing to go past ``maximumDepth``.
    private mutating func nested(
        _ parse: (inout JSONParser) throws(JSONSyntaxError) -> JSONValue
    ) throws(JSONSyntaxError) -> JSONValue {
        guard depth < Self.maximumDepth else {
            throw error("arrays and objects nested more than \(Self.maximumDepth) deep")
        }
        depth += 1
        defer { depth -= 1 }
        return try parse(&self)
    }

    private mutating func array() throws(JSONSyntaxError) -> JSONValue {
        var items: [JSONValue] = []
        guard !isEmpty(closing: "]") else { return .array(items) }
        repeat {
            items.append(try value())
        } while try !ends(closing: "]", in: "an array")
        return .array(items)
    }

    private mutating func object() throws(JSONSyntaxError) -> JSONValue {
        var members: [(String, JSONValue)] = []
        var keys = DuplicateKeys()
        guard !isEmpty(closing: "}") else { return .object(members) }
        repeat {
            skipWhitespace()
            let keyOffset = offset
            guard current == UInt8(ascii: "\"") else { throw error("expected a key in double quotes, found \(found)") }
            let key = try string()
            guard keys.insert(key, among: members) else {
                throw error("duplicate key \"\(key)\" in an object", at: keyOffset)
            }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else {
                throw error("expected ':' after the key \"\(key)\", found \(found)")
            }
            offset += 1
            members.append((key, try value()))
        } while try !ends(closing: "}", in: "an object")
        return .object(members)
    }

    /// Moves past the opening bracket, and past `closing` too when it comes straight after: `true` then.
    private mutating func isEmpty(closing: Unicode.Scalar) -> Bool {
        offset += 1
        skipWhitespace()
        guard current == UInt8(ascii: closing) else { return false }
        offset += 1
        return true
    }

    /// After an item: moves past `,` (`false`, another item follows) or past `closing` (`true`, the end).
    private mutating func ends(closing: Unicode.Scalar, in container: String) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        switch current {
        case UInt8(ascii: ","):
            offset += 1
            return false
        case UInt8(ascii: closing):
            offset += 1
            return true
        default: throw error("expected ',' or '\(closing)' in \(container), found \(found)")
        }
    }

    private mutating func literal(_ word: StaticString, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard bytes[offset...].starts(with: expected) else { throw error("expected \(word), found \(found)") }
        offset += expected.count
        return value
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func number() throws(JSONSyntaxError) -> JSONNumber {
        let start = offset
        if current == UInt8(ascii: "-") { offset += 1 }
        if current == UInt8(ascii: "0") {
            offset += 1
            if let byte = current, Self.isDigit(byte) { throw error("a number cannot start with 0 followed by digits") }
        } else {
            try digits(after: "'-'")
        }
        if current == UInt8(ascii: ".") {
            offset += 1
            try digits(after: "the decimal point")
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            offset += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
            try digits(after: "the exponent's 'e'")
        }
        return JSONNumber(checkedText: String(decoding: bytes[start..<offset], as: UTF8.self))
    }

    private mutating func digits(after what: String) throws(JSONSyntaxError) {
        guard let byte = current, Self.isDigit(byte) else {
            throw error("expected a digit after \(what), found \(found)")
        }
        while let byte = current, Self.isDigit(byte) { offset += 1 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

/// The keys already seen in one object: a plain scan while the object is small, a set once it is not,
/// so that a hostile object with a million keys still parses in linear time.
private struct DuplicateKeys {
    private static let scanLimit = 16
    private var seen: Set<String> = []

    /// Records `key`; `false` when `members` (the object so far) already has it.
    mutating func insert(_ key: String, among members: [(String, JSONValue)]) -> Bool {
        if members.count < Self.scanLimit { return !members.contains { $0.0 == key } }
        if seen.isEmpty { seen = Set(members.map(\.0)) }
        return seen.insert(key).inserted
    }
}
