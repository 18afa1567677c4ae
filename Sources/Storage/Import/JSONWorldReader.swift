internal import JSONCoding
import SessionPanel

/// Reads a world in JSON (the README's world format) as a stream: each record goes to the sink as
/// soon as it is read, so memory is bounded by one record, not by the file.
///
/// Errors use the wording of the whole-file decoder: `cases[1].title should be a string`,
/// `missing "title" in cases[1]`, and for syntax `not valid JSON: … (line L, column C)`.
/// A list that is missing is empty; a key that is not a list of the world (or `requireDisposition`) is refused.
public struct JSONWorldReader {
    /// The longest string a record may hold, so a file without a closing quote cannot take all memory.
    public static let longestString = 1 << 20

    private var input: ByteInput
    private var line = 1
    private var lineStart = 0
    /// UTF-8 continuation bytes seen on this line (inside strings), for the column in characters.
    private var continuations = 0
    private var scratch: [UInt8] = []
    /// How many arrays and objects the next value is inside: bounded as ``JSONParser`` bounds it, so a
    /// file of `[[[[…` is an error, not a crash.
    private var depth = 0
    /// Where the key read last starts, for an error about it.
    private var keyStart = (line: 1, column: 1)
    /// Told where each record starts, only when finding a duplicate again.
    private var listener: (any RecordPlaceListener)?

    /// Reads `bytes` in chunks from `read` (which fills the buffer it is given and returns the count, 0 at the end).
    public init(read: @escaping (UnsafeMutableRawBufferPointer) throws -> Int) {
        input = ByteInput(read: read)
    }

    /// Reads bytes already in memory.
    public init(bytes: [UInt8]) {
        input = ByteInput(bytes)
    }

    /// Reads the whole document, handing every record to `sink`.
    public mutating func read(into sink: some WorldRecordSink) throws {
        listener = sink as? any RecordPlaceListener
        try skipSpace()
        try expect(UInt8(ascii: "{"), "expected '{' at the start of a world")
        depth = 1
        try skipSpace()
        if try input.peek() == UInt8(ascii: "}") {
            input.advance()
        } else {
            while true {
                try skipSpace()
                let key = try readKey()
                switch key {
                case "contacts":
                    try readList(key) { reader, place throws in try sink.write(try reader.readContact(place)) }
                case "accounts":
                    try readList(key) { reader, place throws in try sink.write(try reader.readAccount(place)) }
                case "cases": try readList(key) { reader, place throws in try sink.write(try reader.readCase(place)) }
                case "workItems":
                    try readList(key) { reader, place throws in try sink.write(try reader.readWorkItem(place)) }
                case "queues", "agents", "quickReplies", "dispositions", "articles":
                    try readList(key) { reader, place throws in try sink.write(try reader.readServiceRecord(place)) }
                case "requiresDisposition":
                    if try readBool(Place(name: key)) { try sink.write(World.ServiceRecord.dispositionRequired) }
                default: throw unknown(key, in: nil)
                }
                if try endOfObject() { break }
            }
        }
        try skipSpace()
        if let byte = try input.peek() { throw syntax("unexpected \(shown(byte)) after the world") }
    }

    // MARK: Records

    private mutating func readContact(_ place: Place) throws -> World.Contact {
        let start = here
        var name: String?
        var account: String?
        try readObject(place) { reader, key throws in
            switch key {
            case "name": name = try reader.readString(place, key)
            case "account": account = try reader.readOptionalString(place, key)
            default: throw reader.unknown(key, in: place)
            }
        }
        let contact = World.Contact(name: try required(name, "name", place), account: account)
        return try checked(contact, WorldWriter.problem(contact), at: start)
    }

    private mutating func readAccount(_ place: Place) throws -> World.Account {
        let start = here
        var name: String?
        try readObject(place) { reader, key throws in
            guard key == "name" else { throw reader.unknown(key, in: place) }
            name = try reader.readString(place, key)
        }
        let account = World.Account(name: try required(name, "name", place))
        return try checked(account, WorldWriter.problem(account), at: start)
    }

    private mutating func readCase(_ place: Place) throws -> World.CaseRecord {
        let start = here
        var number: Int?
        var title: String?
        var customer: String?
        try readObject(place) { reader, key throws in
            switch key {
            case "number": number = try reader.readInteger(place, key)
            case "title": title = try reader.readString(place, key)
            case "customer": customer = try reader.readOptionalString(place, key)
            default: throw reader.unknown(key, in: place)
            }
        }
        let record = World.CaseRecord(
            number: try required(number, "number", place), title: try required(title, "title", place),
            customer: customer)
        return try checked(record, WorldWriter.problem(record), at: start)
    }

    private mutating func readWorkItem(_ place: Place) throws -> World.WorkItem {
        let start = here
        var id: Int?
        var channel: Channel?
        var customer: String?
        var stream: WorkStream?
        try readObject(place) { reader, key throws in
            switch key {
            case "id": id = try reader.readInteger(place, key)
            case "channel": channel = try reader.readEnumeration(place, key)
            case "customer": customer = try reader.readOptionalString(place, key)
            case "stream": stream = try reader.readEnumeration(place, key)
            default: throw reader.unknown(key, in: place)
            }
        }
        let item = World.WorkItem(
            id: try required(id, "id", place), channel: try required(channel, "channel", place),
            customer: customer, stream: try required(stream, "stream", place))
        return try checked(item, WorldWriter.problem(item), at: start)
    }

    /// Reads a queue, colleague, quick reply, disposition or article: which one `place` names.
    private mutating func readServiceRecord(_ place: Place) throws -> World.ServiceRecord {
        let start = here
        var texts: [String: String] = [:]
        var id: Int?
        var lines: [String] = []
        let members: [String: [String]] = [
            "queues": ["name"], "agents": ["name"], "quickReplies": ["text"], "dispositions": ["code"],
            "articles": ["title", "keywords", "body"],
        ]
        try readObject(place) { reader, key throws in
            switch (place.name, key) {
            case ("articles", "id"): id = try reader.readInteger(place, key)
            case ("agents", "lines"): lines = try reader.readStringList(place, key)
            case (_, _) where members[place.name]?.contains(key) == true: texts[key] = try reader.readString(place, key)
            default: throw reader.unknown(key, in: place)
            }
        }
        let record: World.ServiceRecord
        switch place.name {
        case "queues": record = .queue(World.Queue(name: try required(texts["name"], "name", place)))
        case "agents": record = .agent(World.Agent(name: try required(texts["name"], "name", place), lines: lines))
        case "quickReplies": record = .quickReply(World.QuickReply(text: try required(texts["text"], "text", place)))
        case "dispositions": record = .disposition(World.Disposition(code: try required(texts["code"], "code", place)))
        default:
            record = .article(
                World.Article(
                    id: try required(id, "id", place), title: try required(texts["title"], "title", place),
                    keywords: texts["keywords"] ?? "", body: texts["body"] ?? ""))
        }
        return try checked(record, record.problem, at: start)
    }

    /// A member no world record has: a typo or a field of another program, refused rather than dropped,
    /// at the key that names it.
    private func unknown(_ key: String, in place: Place?) -> WorldFileError {
        WorldFileError(
            "\(place.map { "\($0)." } ?? "")\(VisibleText.excerpt(key)) is not a known member", line: keyStart.line,
            column: keyStart.column)
    }

    /// `record` when it has no `problem` (``WorldWriter/problem(_:)``: a number out of range, an empty
    /// name); otherwise the problem where the record starts (`line 3, column 5: case -1 is out of range …`).
    private func checked<Record>(_ record: Record, _ problem: String?, at start: (line: Int, column: Int)) throws
        -> Record
    {
        guard let problem else { return record }
        throw located(problem, at: start)
    }

    /// An error in a value that is valid JSON (a number out of range, a NUL character), at `place`.
    private func located(_ problem: String, at place: (line: Int, column: Int)) -> WorldFileError {
        WorldFileError(problem, line: place.line, column: place.column)
    }

    private func required<Value>(_ value: Value?, _ key: String, _ place: Place) throws -> Value {
        guard let value else { throw WorldFileError("missing \"\(key)\" in \(place)") }
        return value
    }

    // MARK: Structure

    /// Reads `[record, …]`, calling `record` with each one's place (`cases[3]`).
    private mutating func readList(_ key: String, _ record: (inout Self, Place) throws -> Void) throws {
        try skipSpace()
        guard try input.peek() == UInt8(ascii: "[") else { throw try mismatch("\(key) should be a list") }
        try enter()
        defer { depth -= 1 }
        try skipSpace()
        if try input.peek() == UInt8(ascii: "]") { return input.advance() }
        var index = 0
        while true {
            try skipSpace()
            if let listener { listener.nextRecord(line: line, column: column(at: input.offset)) }
            try record(&self, Place(name: key, index: index))
            index += 1
            try skipSpace()
            switch try input.peek() {
            case UInt8(ascii: ","): input.advance()
            case UInt8(ascii: "]"): return input.advance()
            case let byte: throw syntax("expected ',' or ']' in an array, found \(shown(byte))")
            }
        }
    }

    /// Reads `{"key": value, …}`, calling `field` with each key to read its value.
    private mutating func readObject(_ place: Place, _ field: (inout Self, String) throws -> Void) throws {
        try skipSpace()
        guard try input.peek() == UInt8(ascii: "{") else { throw try mismatch("\(place) should be an object") }
        try enter()
        defer { depth -= 1 }
        try skipSpace()
        if try input.peek() == UInt8(ascii: "}") { return input.advance() }
        while true {
            try skipSpace()
            let key = try readKey()
            try field(&self, key)
            if try endOfObject() { return }
        }
    }

    /// Reads a key and its colon.
    private mutating func readKey() throws -> String {
        keyStart = here
        guard try input.peek() == UInt8(ascii: "\"") else {
            throw syntax("expected a key in quotes, found \(shown(try input.peek()))")
        }
        let key = try readStringLiteral()
        try skipSpace()
        try expect(UInt8(ascii: ":"), "expected ':' after a key")
        try skipSpace()
        return key
    }

    /// After a value in an object: `true` at its `}`, `false` after a `,`.
    private mutating func endOfObject() throws -> Bool {
        try skipSpace()
        switch try input.peek() {
        case UInt8(ascii: ","):
            input.advance()
            return false
        case UInt8(ascii: "}"):
            input.advance()
            return true
        case let byte: throw syntax("expected ',' or '}' in an object, found \(shown(byte))")
        }
    }

    // MARK: Values

    private mutating func readString(_ place: Place, _ key: String) throws -> String {
        guard try input.peek() == UInt8(ascii: "\"") else { throw try mismatch("\(place).\(key) should be a string") }
        return try readStringLiteral()
    }

    /// Reads `[string, …]`.
    private mutating func readStringList(_ place: Place, _ key: String) throws -> [String] {
        guard try input.peek() == UInt8(ascii: "[") else { throw try mismatch("\(place).\(key) should be a list") }
        try enter()
        defer { depth -= 1 }
        var strings: [String] = []
        try skipSpace()
        if try input.peek() == UInt8(ascii: "]") {
            input.advance()
            return strings
        }
        while true {
            try skipSpace()
            strings.append(try readString(place, "\(key)[\(strings.count)]"))
            try skipSpace()
            switch try input.peek() {
            case UInt8(ascii: ","): input.advance()
            case UInt8(ascii: "]"):
                input.advance()
                return strings
            case let byte: throw syntax("expected ',' or ']' in an array, found \(shown(byte))")
            }
        }
    }

    /// Reads `true` or `false`.
    private mutating func readBool(_ place: Place) throws -> Bool {
        switch try input.peek() {
        case UInt8(ascii: "t"):
            try readLiteral("true")
            return true
        case UInt8(ascii: "f"):
            try readLiteral("false")
            return false
        default: throw try mismatch("\(place) should be true or false")
        }
    }

    private mutating func readOptionalString(_ place: Place, _ key: String) throws -> String? {
        if try input.peek() == UInt8(ascii: "n") {
            try readLiteral("null")
            return nil
        }
        return try readString(place, key)
    }

    private mutating func readEnumeration<Value: RawRepresentable<String>>(_ place: Place, _ key: String) throws
        -> Value
    {
        let start = here
        guard let value = Value(rawValue: try readString(place, key)) else {
            throw located("\(place).\(key) has an invalid value", at: start)
        }
        return value
    }

    /// Reads a number that must be whole and fit an `Int`.
    private mutating func readInteger(_ place: Place, _ key: String) throws -> Int {
        let start = here
        guard let first = try input.peek(), first == UInt8(ascii: "-") || (0x30...0x39).contains(first) else {
            throw try mismatch("\(place).\(key) should be a whole number")
        }
        scratch.removeAll(keepingCapacity: true)
        try input.scan(while: Self.isNumberByte) { scratch += $0 }
        if let number = Self.plainInteger(scratch) { return number }
        let text = String(decoding: scratch, as: UTF8.self)
        if let number = Int(text) { return number }
        guard let value = Double(text), value.isFinite else {
            throw syntax("\(VisibleText.excerpt(text)) is not a number")
        }
        if value.rounded() != value { throw located("\(place).\(key) should be a whole number", at: start) }
        throw located("\(place).\(key) has an invalid value", at: start)
    }

    /// The error for a value of the wrong type, `message` (`…, not null` for a null), once the value
    /// is read through: a syntax error inside it comes first, as a whole-file parser would find it.
    private mutating func mismatch(_ message: String) throws -> WorldFileError {
        let start = here
        let isNull = try input.peek() == UInt8(ascii: "n")
        try skipValue()
        return WorldFileError(isNull ? message + ", not null" : message, line: start.line, column: start.column)
    }

    /// Skips any value.
    private mutating func skipValue() throws {
        switch try input.peek() {
        case nil: throw syntax("expected a value, found the end")
        case UInt8(ascii: "\""): _ = try readStringLiteral()
        case UInt8(ascii: "{"): try readObject(Place(name: "a value")) { reader, _ throws in try reader.skipValue() }
        case UInt8(ascii: "["):
            try enter()
            defer { depth -= 1 }
            try skipSpace()
            if try input.peek() == UInt8(ascii: "]") { return input.advance() }
            while true {
                try skipSpace()
                try skipValue()
                try skipSpace()
                switch try input.peek() {
                case UInt8(ascii: ","): input.advance()
                case UInt8(ascii: "]"): return input.advance()
                case let byte: throw syntax("expected ',' or ']' in an array, found \(shown(byte))")
                }
            }
        case UInt8(ascii: "t"): try readLiteral("true")
        case UInt8(ascii: "f"): try readLiteral("false")
        case UInt8(ascii: "n"): try readLiteral("null")
        case let byte? where byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte):
            try input.scan(while: Self.isNumberByte) { _ in }
        case let byte?: throw syntax("expected a value, found \(shown(byte))")
        }
    }

    /// Takes the `[` or `{` of a value one level deeper, refusing to go past ``JSONParser/maximumDepth``.
    private mutating func enter() throws {
        guard depth < JSONParser.maximumDepth else {
            throw syntax("arrays and objects nested more than \(JSONParser.maximumDepth) deep")
        }
        depth += 1
        input.advance()
    }

    private mutating func readLiteral(_ word: StaticString) throws {
        for expected in UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount) {
            guard try input.peek() == expected else {
                throw syntax("expected a value, found \(shown(try input.peek()))")
            }
            input.advance()
        }
    }

    /// Reads a string in quotes, escapes resolved; it must be valid UTF-8 with no raw control characters.
    private mutating func readStringLiteral() throws -> String {
        input.advance()  // the opening quote
        scratch.removeAll(keepingCapacity: true)
        while true {
            continuations += try input.scan(while: Self.isPlainStringByte, appendingTo: &scratch)
            if scratch.count > Self.longestString { throw syntax("a string longer than \(Self.longestString) bytes") }
            switch try input.peek() {
            case nil: throw syntax("unterminated string")
            case UInt8(ascii: "\""):
                input.advance()
                guard let text = validUTF8String(scratch[...]) else { throw syntax("a string is not valid UTF-8") }
                return text
            case UInt8(ascii: "\\"):
                input.advance()
                try readEscape()
            case let byte?:
                throw syntax("control character \(shown(byte)) in a string")
            }
        }
    }

    private mutating func readEscape() throws {
        guard let byte = try input.peek() else { throw syntax("unterminated string") }
        input.advance()
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            let start = input.offset - 2
            var scalar = try readHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard try input.peek() == UInt8(ascii: "\\") else { throw unpaired(scalar, start) }
                input.advance()
                guard try input.peek() == UInt8(ascii: "u") else { throw unpaired(scalar, start) }
                input.advance()
                let low = try readHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw unpaired(scalar, start) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw unpaired(scalar, start)
            } else if scalar == 0 {
                // A name cut short by a C string would match another one (`Ann` and `Ann\u0000Lee`).
                throw located("a NUL character (\\u0000) in a string", at: (line, column(at: start)))
            }
            scratch += Array(String(Character(Unicode.Scalar(scalar)!)).utf8)
        default:
            throw syntax("invalid escape \\\(shown(byte).dropFirst().dropLast()) in a string")
        }
    }

    private mutating func readHex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = try input.peek(), let digit = Character(Unicode.Scalar(byte)).hexDigitValue else {
                throw syntax("expected four hex digits after \\u")
            }
            input.advance()
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private func unpaired(_ scalar: UInt32, _ offset: Int) -> WorldFileError {
        let hex = String(scalar, radix: 16, uppercase: true)
        return syntax(
            "unpaired surrogate \\u\(String(repeating: "0", count: 4 - hex.count) + hex) in a string", at: offset)
    }

    // MARK: Positions

    /// Skips white space, counting lines.
    private mutating func skipSpace() throws {
        while let byte = try input.peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): input.advance()
            case UInt8(ascii: "\n"):
                input.advance()
                line += 1
                lineStart = input.offset
                continuations = 0
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8, _ problem: String) throws {
        let found = try input.peek()
        guard found == byte else { throw syntax("\(problem), found \(shown(found))") }
        input.advance()
    }

    /// A syntax error at the next byte (or at `offset`), with its line and column.
    private func syntax(_ problem: String, at offset: Int? = nil) -> WorldFileError {
        let column = column(at: offset ?? input.offset)
        return WorldFileError(
            message: "not valid JSON: \(problem) (line \(line), column \(column))",
            problem: "not valid JSON: \(problem)",
            line: line, column: column)
    }

    /// The line and column of the next byte.
    private var here: (line: Int, column: Int) { (line, column(at: input.offset)) }

    /// The column (in characters, counted from 1) of the byte at `offset` on the current line.
    private func column(at offset: Int) -> Int { offset - lineStart - continuations + 1 }

    /// A byte as an error shows it: `','`, or `the end`.
    private func shown(_ byte: UInt8?) -> String {
        guard let byte else { return "the end" }
        return (0x21..<0x7F).contains(byte)
            ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }
}

extension JSONWorldReader {
    /// Where a value is, for messages (`cases[3]`), spelled out only when a message needs it.
    private struct Place: CustomStringConvertible {
        let name: String
        var index: Int? = nil
        var description: String { index.map { "\(name)[\($0)]" } ?? name }
    }

    /// The value of up to 18 digits with no sign, fraction or exponent (every case number and id); `nil`
    /// for anything else, which goes the general way.
    private static func plainInteger(_ bytes: [UInt8]) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18, bytes.count == 1 || bytes[0] != UInt8(ascii: "0") else { return nil }
        var value = 0
        for byte in bytes {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// A byte that can be part of a JSON number (sign, digit, point, exponent).
    private static func isNumberByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
            || byte | 0x20 == UInt8(ascii: "e") || (0x30...0x39).contains(byte)
    }

    /// A byte of a JSON string that needs no attention: not a quote, a backslash or a control character.
    private static func isPlainStringByte(_ byte: UInt8) -> Bool {
        byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte >= 0x20
    }
}
