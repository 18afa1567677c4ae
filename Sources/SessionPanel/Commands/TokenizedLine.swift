/// One word of a command line, after quotes and backslashes are resolved.
public struct Token: Sendable, Equatable {
    /// The word's text.
    public var text: String
    /// Whether any part of it was quoted (a quoted word is never a keyword or a flag).
    public var quoted: Bool
    /// Where the word begins in the line, as a UTF-8 byte offset (its opening quote included).
    public var utf8Offset: Int = 0

    /// Creates a word.
    public init(text: String, quoted: Bool, utf8Offset: Int = 0) {
        self.text = text
        self.quoted = quoted
        self.utf8Offset = utf8Offset
    }
}

/// A command line split into words the way a shell would: spaces separate words, `"…"` and `'…'`
/// group them, and a backslash escapes the next character (inside double quotes only `"` and `\`).
///
/// Quotes, backslashes and spaces are recognised by Unicode scalar, as POSIX shells do, so a quote
/// followed by a combining mark still opens a quotation. Words are cut out of the line as whole runs,
/// which keeps splitting a line cheap enough to run a million of them in well under a second.
public struct TokenizedLine: Sendable, Equatable {
    /// The words.
    public var tokens: [Token]
    /// The quote still open at the end of the line, if any.
    public var openQuote: Character?
    /// Whether the line ends in white space (so the next word has not begun).
    public var endsWithSpace: Bool

    /// Splits `line` into words.
    public init(_ line: String) {
        var line = line
        (tokens, openQuote, endsWithSpace) = line.withUTF8 { bytes in Self.scan(bytes) }
    }

    /// Splits a line given as valid UTF-8 into words. This is the parser's way in: it needs no String
    /// of the whole line.
    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        (tokens, openQuote, endsWithSpace) = Self.scan(bytes)
    }

    /// One pass over a line's UTF-8 bytes; token starts are byte offsets. Every byte that matters
    /// (space, tab, quotes, backslash) is ASCII, and ASCII bytes never occur inside a multi-byte
    /// character, so only white space beyond ASCII needs a character decoded. Literal text is cut out
    /// in runs rather than copied byte by byte.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> ([Token], Character?, Bool) {
        var tokens: [Token] = []
        var word = ""  // the word so far, before the open run
        var runStart: Int?  // where the open run of literal text began
        var openQuote: UInt8?
        var endsWithSpace = true
        var inWord = false
        var quoted = false
        var escaping = false
        var wordStart = 0
        var offset = 0
        tokens.reserveCapacity(4)
        while offset < bytes.count {
            let at = offset
            let byte = bytes[at]
            if !escaping, isPlainText(byte, in: openQuote) {  // a run of ordinary text, the common case
                if !inWord { wordStart = at }
                if runStart == nil { runStart = at }
                offset += 1
                while offset < bytes.count, isPlainText(bytes[offset], in: openQuote) { offset += 1 }
                inWord = true
                endsWithSpace = false
                continue
            }
            let length = byte < 0x80 ? 1 : sequenceLength(byte)
            offset = min(bytes.count, at + length)
            let space = openQuote == nil && isWhitespace(bytes, at: at, length: length)
            if !inWord, !space { wordStart = at }
            if escaping {
                if openQuote == .doubleQuote, byte != .doubleQuote, byte != .backslash { word += "\\" }
                if runStart == nil { runStart = at }
                escaping = false
                continue
            }
            let special = space || byte == .doubleQuote || byte == .singleQuote || byte == .backslash
            if !special || (openQuote == .singleQuote && byte != .singleQuote)
                || (openQuote == .doubleQuote && byte == .singleQuote)
            {
                if runStart == nil { runStart = at }  // literal text
            } else {
                if let start = runStart { append(bytes[start..<at], to: &word) }
                runStart = nil
                if space {
                    if inWord { tokens.append(Token(text: word, quoted: quoted, utf8Offset: wordStart)) }
                    word = ""
                    inWord = false
                    quoted = false
                    endsWithSpace = true
                    continue
                }
                if byte == .backslash {
                    escaping = true
                } else if openQuote == nil {
                    openQuote = byte
                    quoted = true
                } else {
                    openQuote = nil
                }
            }
            inWord = true
            endsWithSpace = false
        }
        if let start = runStart { append(bytes[start..<bytes.count], to: &word) }
        if escaping { word += "\\" }
        if inWord { tokens.append(Token(text: word, quoted: quoted, utf8Offset: wordStart)) }
        return (tokens, openQuote.map { Character(Unicode.Scalar($0)) }, endsWithSpace)
    }

    /// Whether `byte` is printable ASCII text with no meaning of its own inside `openQuote`
    /// (anything else takes the careful path).
    @inline(__always)
    private static func isPlainText(_ byte: UInt8, in openQuote: UInt8?) -> Bool {
        guard byte >= 0x20, byte < 0x7F else { return false }
        switch openQuote {
        case nil: return byte != 0x20 && byte != .doubleQuote && byte != .singleQuote && byte != .backslash
        case .singleQuote?: return byte != .singleQuote
        default: return byte != .doubleQuote && byte != .backslash
        }
    }

    private static func append(_ run: Slice<UnsafeBufferPointer<UInt8>>, to word: inout String) {
        let text = String(decoding: UnsafeBufferPointer(rebasing: run), as: UTF8.self)
        if word.isEmpty { word = text } else { word += text }
    }

    private static func isWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, length: Int) -> Bool {
        let byte = bytes[offset]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) }
        var iterator = bytes[offset..<min(bytes.count, offset + length)].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return scalar.properties.isWhitespace
    }

    /// The length of the UTF-8 sequence a lead byte begins.
    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }

    /// Splits text like `accept; switch 1` into separate command lines at `;` outside quotes.
    public static func splitCommands(_ text: String) -> [String] {
        var commands: [String] = []
        var current = ""
        var quote: Character?
        var escaping = false
        for character in text {
            if escaping {
                escaping = false
            } else if quote == nil, character == ";" {
                commands.append(current)
                current = ""
                continue
            } else if character == "\\", quote != "'" {
                escaping = true
            } else if quote == nil, character == "\"" || character == "'" {
                quote = character
            } else if character == quote {
                quote = nil
            }
            current.append(character)
        }
        commands.append(current)
        return commands
    }
}

extension UInt8 {
    fileprivate static let doubleQuote = UInt8(ascii: "\"")
    fileprivate static let singleQuote = UInt8(ascii: "'")
    fileprivate static let backslash = UInt8(ascii: "\\")
}
