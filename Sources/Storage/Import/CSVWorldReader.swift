import SessionPanel

/// Reads one table of a world from CSV (RFC 4180): a header row naming the columns, then one record
/// per row. Fields may be quoted, with `""` for a quote and commas and line breaks inside; lines end
/// in LF or CRLF; a UTF-8 byte order mark and blank lines are skipped; columns the table does not
/// use are ignored, so a CRM export loads as it is. Records stream to the sink one at a time.
///
/// Every error names the line and column (in characters) where the problem is, e.g.
/// `line 7, column 12: number "4x" is not a whole number`.
public struct CSVWorldReader {
    /// The tables a CSV file can hold, and the columns each one reads.
    public enum Table: String, Sendable, CaseIterable {
        case contacts, accounts, cases
        case workItems = "work items"
        case queues, agents
        case quickReplies = "quick replies"
        case dispositions, articles

        /// The table a file holds, from its name: the first of `contact`, `account`, `case`, `work`,
        /// `queue`, `agent`, `quick`, `disposition`, `article` that the name contains, ignoring case
        /// (`contacts.csv`, `crm-cases-2026.csv`, `work-items.csv`, `quick-replies.csv`).
        public init?(fileName: String) {
            let name = worldKey(String(fileName.split(separator: "/").last ?? ""))
            let words: [(String, Table)] = [
                ("contact", .contacts), ("account", .accounts), ("case", .cases), ("work", .workItems),
                ("queue", .queues), ("agent", .agents), ("quick", .quickReplies), ("disposition", .dispositions),
                ("article", .articles),
            ]
            guard let table = words.first(where: { name.contains($0.0) })?.1 else { return nil }
            self = table
        }

        /// The columns this table reads, the required ones first.
        var columns: (required: [String], optional: [String]) {
            switch self {
            case .contacts: (["name"], ["account"])
            case .accounts: (["name"], [])
            case .cases: (["number", "title"], ["customer"])
            case .workItems: (["id", "channel", "stream"], ["customer"])
            case .queues: (["name"], [])
            case .agents: (["name"], ["lines"])
            case .quickReplies: (["text"], [])
            case .dispositions: (["code"], ["required"])
            case .articles: (["id", "title"], ["keywords", "body"])
            }
        }

        /// The kind of record a row of this table is.
        var kind: WorldRecordKind {
            switch self {
            case .contacts: .contact
            case .accounts: .account
            case .cases: .caseRecord
            case .workItems: .workItem
            case .queues: .queue
            case .agents: .agent
            case .quickReplies: .quickReply
            case .dispositions: .disposition
            case .articles: .article
            }
        }
    }

    /// The longest field, so a file without a closing quote cannot take all memory.
    public static let longestField = 1 << 20
    /// The longest row: a few fields of the longest kind.
    public static let longestRow = 4 * longestField
    /// The most columns a row may have (a CRM export has tens), so a row of commas is an error in its own words.
    public static let mostColumns = 10_000

    private let table: Table
    private var input: ByteInput
    /// The current physical line, from 1, and where it starts.
    private var line = 1
    private var lineStart = 0
    private var continuations = 0
    /// The record being read: its bytes, where each field ends, and where each field starts (line, column).
    private var bytes: [UInt8] = []
    private var fieldEnds: [Int] = []
    private var fieldPlaces: [(line: Int, column: Int)] = []

    /// Reads `table` in chunks from `read` (which fills the buffer it is given and returns the count, 0 at the end).
    public init(_ table: Table, read: @escaping (UnsafeMutableRawBufferPointer) throws -> Int) {
        self.table = table
        self.input = ByteInput(read: read)
    }

    /// Reads `table` from bytes in memory.
    public init(_ table: Table, bytes: [UInt8]) {
        self.table = table
        self.input = ByteInput(bytes)
    }

    /// Reads the header and every record, handing each to `sink`.
    public mutating func read(into sink: some WorldRecordSink) throws {
        try skipByteOrderMark()
        guard try readRecord() else {
            throw WorldFileError("no header row (expected columns \(expectedColumns))", line: 1, column: nil)
        }
        let header = (0..<fieldEnds.count).map { worldKey(text(of: $0).trimmingSpaces) }
        var positions: [String: Int] = [:]
        for (index, name) in header.enumerated() where !name.isEmpty {
            if positions.updateValue(index, forKey: name) != nil {
                throw error("the header names \"\(VisibleText.excerpt(name))\" twice", at: fieldPlaces[index])
            }
        }
        for name in table.columns.required where positions[name] == nil {
            throw WorldFileError(
                "the header has no \"\(name)\" column (expected columns \(expectedColumns))", line: 1, column: nil)
        }
        // The few columns read, looked up by a short list rather than by hashing each name in each row.
        let columns = Columns(
            positions: (table.columns.required + table.columns.optional).compactMap { name in
                positions[name].map { (name, $0) }
            })
        // Told where each record's key is, only when finding a duplicate again (one check a row otherwise).
        let listener = sink as? any RecordPlaceListener
        let keyColumn = positions[table.columns.required[0]]!
        while try readRecord() {
            guard fieldEnds.count == header.count else {
                let place =
                    fieldEnds.count > header.count ? fieldPlaces[header.count] : fieldPlaces[fieldEnds.count - 1]
                throw error("\(fieldEnds.count) fields, the header has \(header.count)", at: place)
            }
            let recordLine = fieldPlaces[0].line
            if let listener {
                listener.nextRecord(line: fieldPlaces[keyColumn].line, column: fieldPlaces[keyColumn].column)
            }
            do {
                try write(to: sink, columns)
            } catch let failure as WorldFileError {
                throw failure
            } catch {
                throw WorldFileError("\(error)", line: recordLine, column: nil)
            }
        }
    }

    private var expectedColumns: String {
        (table.columns.required + table.columns.optional.map { "[\($0)]" }).joined(separator: ", ")
    }

    /// Builds the record from the current row's fields and writes it.
    private func write(to sink: some WorldRecordSink, _ positions: Columns) throws {
        func optional(_ column: String) throws -> String? {
            guard let index = positions[column] else { return nil }
            let value = try string(index)
            return value.isEmpty ? nil : value
        }
        func required(_ column: String) throws -> String {
            let index = positions[column]!
            let value = try string(index)
            guard World.problem(name: value) == nil else { throw error("\(column) is empty", at: fieldPlaces[index]) }
            return value
        }
        func integer(_ column: String, _ problem: (Int) -> String?) throws -> Int {
            let index = positions[column]!
            let value = try string(index)
            guard let number = Int(value.trimmingSpaces) else {
                throw error("\(column) \"\(VisibleText.excerpt(value))\" is not a whole number", at: fieldPlaces[index])
            }
            if let problem = problem(number) { throw error(problem, at: fieldPlaces[index]) }
            return number
        }
        func enumeration<Value: RawRepresentable<String>>(_ column: String) throws -> Value {
            let index = positions[column]!
            let value = try string(index)
            guard let parsed = Value(rawValue: worldKey(value.trimmingSpaces)) else {
                throw error(
                    "\(column) \"\(VisibleText.excerpt(value))\" is not one of the known values", at: fieldPlaces[index]
                )
            }
            return parsed
        }
        switch table {
        case .contacts: try sink.write(World.Contact(name: try required("name"), account: try optional("account")))
        case .accounts: try sink.write(World.Account(name: try required("name")))
        case .cases:
            try sink.write(
                World.CaseRecord(
                    number: try integer("number", World.problem(caseNumber:)), title: try required("title"),
                    customer: try optional("customer")))
        case .workItems:
            try sink.write(
                World.WorkItem(
                    id: try integer("id", World.problem(workItemID:)), channel: try enumeration("channel"),
                    customer: try optional("customer"),
                    stream: try enumeration("stream")))
        case .queues, .agents, .quickReplies, .dispositions, .articles:
            try writeService(to: sink, positions)
        }
    }

    /// Builds the conversation-control record from the current row's fields and writes it.
    private func writeService(to sink: some WorldRecordSink, _ positions: Columns) throws {
        func text(_ column: String) throws -> String { try positions[column].map(string) ?? "" }
        func checked(_ record: World.ServiceRecord, at column: String) throws -> World.ServiceRecord {
            if let problem = record.problem { throw error(problem, at: fieldPlaces[positions[column]!]) }
            return record
        }
        switch table {
        case .queues: try sink.write(try checked(.queue(World.Queue(name: try text("name"))), at: "name"))
        case .agents:
            let lines = try text("lines").split(whereSeparator: \.isNewline).map(String.init)
            try sink.write(try checked(.agent(World.Agent(name: try text("name"), lines: lines)), at: "name"))
        case .quickReplies:
            try sink.write(try checked(.quickReply(World.QuickReply(text: try text("text"))), at: "text"))
        case .dispositions:
            try sink.write(try checked(.disposition(World.Disposition(code: try text("code"))), at: "code"))
            switch worldKey(try text("required").trimmingSpaces) {
            case "yes", "true", "1": try sink.write(.dispositionRequired)
            case "", "no", "false", "0": break
            case let value:
                throw error(
                    "required \"\(VisibleText.excerpt(value))\" is not yes or no",
                    at: fieldPlaces[positions["required"]!])
            }
        case .articles:
            let index = positions["id"]!
            let value = try string(index)
            guard let id = Int(value.trimmingSpaces) else {
                throw error("id \"\(VisibleText.excerpt(value))\" is not a whole number", at: fieldPlaces[index])
            }
            let article = World.Article(
                id: id, title: try text("title"), keywords: try text("keywords"), body: try text("body"))
            try sink.write(try checked(.article(article), at: World.problem(articleID: id) == nil ? "title" : "id"))
        case .contacts, .accounts, .cases, .workItems: break
        }
    }

    /// Where the columns the table reads are in a row.
    private struct Columns {
        let positions: [(name: String, index: Int)]
        subscript(name: String) -> Int? { positions.first { $0.name == name }?.index }
    }

    /// Field `index` of the current record as text; it must be valid UTF-8, without a NUL character (a
    /// name cut short by a C string would match another one: `Ann` and `Ann<NUL>Lee`).
    private func string(_ index: Int) throws -> String {
        let field = bytes[(index == 0 ? 0 : fieldEnds[index - 1])..<fieldEnds[index]]
        guard let text = validUTF8String(field) else { throw error("not valid UTF-8", at: fieldPlaces[index]) }
        if field.contains(0) { throw error("a NUL character", at: fieldPlaces[index]) }
        return text
    }

    private func text(of index: Int) -> String {
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        return String(decoding: bytes[start..<fieldEnds[index]], as: UTF8.self)
    }

    // MARK: Reading rows

    private mutating func skipByteOrderMark() throws {
        guard try input.peek() == 0xEF else { return }
        for expected: UInt8 in [0xEF, 0xBB, 0xBF] {
            guard try input.peek() == expected else { throw error("not valid UTF-8", at: (line, column)) }
            input.advance()
        }
        lineStart = input.offset
    }

    /// Reads the next row that is not blank into the record; `false` at the end of the input.
    private mutating func readRecord() throws -> Bool {
        bytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        fieldPlaces.removeAll(keepingCapacity: true)
        while let byte = try input.peek(), byte == 0x0A || byte == 0x0D {  // blank lines
            input.advance()
            if byte == 0x0A { newLine() }
        }
        guard try input.peek() != nil else { return false }
        while true {
            guard fieldEnds.count < Self.mostColumns else {
                throw error("more than \(Self.mostColumns) columns", at: (line, column))
            }
            fieldPlaces.append((line, column))
            let ended = try input.peek() == UInt8(ascii: "\"") ? try readQuotedField() : try readPlainField()
            fieldEnds.append(bytes.count)
            if ended { return true }
        }
    }

    /// Reads a field without quotes up to its comma (taken; returns `false`) or line end (returns `true`).
    private mutating func readPlainField() throws -> Bool {
        let fieldStart = (line, column)
        continuations += try input.scan(while: Self.isPlainFieldByte, appendingTo: &bytes)
        try checkLength(fieldStart)
        return try endOfField()
    }

    /// Reads a field in quotes, `""` for a quote, line breaks kept; then its comma or line end.
    private mutating func readQuotedField() throws -> Bool {
        let opening = (line, column)
        input.advance()
        while true {
            continuations += try input.scan(while: Self.isQuotedFieldByte, appendingTo: &bytes)
            try checkLength(opening)
            switch try input.peek() {
            case nil: throw error("a quoted field is never closed", at: opening)
            case 0x0A:
                input.advance()
                bytes.append(0x0A)
                newLine()
            default:  // a quote: doubled, or the end of the field
                input.advance()
                guard try input.peek() == UInt8(ascii: "\"") else { return try endOfField(afterQuote: true) }
                input.advance()
                bytes.append(UInt8(ascii: "\""))
            }
        }
    }

    /// At a field's end: takes a comma (`false`) or a line end (`true`); the end of the input ends a line.
    private mutating func endOfField(afterQuote: Bool = false) throws -> Bool {
        switch try input.peek() {
        case nil: return true
        case UInt8(ascii: ","):
            input.advance()
            return false
        case 0x0A:
            input.advance()
            newLine()
            return true
        case 0x0D:
            input.advance()
            guard try input.peek() == 0x0A else {
                throw error("a carriage return without a line feed", at: (line, column - 1))
            }
            input.advance()
            newLine()
            return true
        default:
            throw error(
                afterQuote
                    ? "expected ',' or the end of the line after a closing quote"
                    : "a quote inside a field that does not start with one",
                at: (line, column))
        }
    }

    /// Refuses a field (starting at `place`) or a row that grew past its limit.
    private func checkLength(_ place: (line: Int, column: Int)) throws {
        if bytes.count - (fieldEnds.last ?? 0) > Self.longestField {
            throw error("a field longer than \(Self.longestField) bytes", at: place)
        }
        if bytes.count > Self.longestRow {
            throw error("a row longer than \(Self.longestRow) bytes", at: fieldPlaces[0])
        }
    }

    private mutating func newLine() {
        line += 1
        lineStart = input.offset
        continuations = 0
    }

    /// The column of the next byte, in characters, from 1.
    private var column: Int { input.offset - lineStart - continuations + 1 }

    private func error(_ problem: String, at place: (line: Int, column: Int)) -> WorldFileError {
        WorldFileError(problem, line: place.line, column: place.column)
    }
}

extension String {
    /// The text without spaces and tabs at either end.
    var trimmingSpaces: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 { return self }
        let isSpace = { (character: Character) in character == " " || character == "\t" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}

extension CSVWorldReader {
    /// A byte of an unquoted field: not a comma, a line end or a quote.
    private static func isPlainFieldByte(_ byte: UInt8) -> Bool {
        byte != UInt8(ascii: ",") && byte != 0x0A && byte != 0x0D && byte != UInt8(ascii: "\"")
    }

    /// A byte of a quoted field that needs no attention: not a quote or a line feed (lines are counted).
    private static func isQuotedFieldByte(_ byte: UInt8) -> Bool {
        byte != UInt8(ascii: "\"") && byte != 0x0A
    }
}
