/// One line of input, as it arrived: the bytes of a line (typed at the prompt, read from a script,
/// split out of `-c`), or the words a shell already split (`omnipanel incoming chat "Kenny Smith"`).
///
/// Every way in hands its lines to ``Interpreter/handle(_:)`` as an `InputLine`; the bytes are
/// checked (size, NUL, UTF-8) and split into words there, and words are taken as they are, so no
/// line is decoded, quoted or split twice.
public struct InputLine: Sendable, Equatable {
    /// What arrived.
    enum Content: Sendable, Equatable {
        /// Raw bytes without the newline, not yet checked.
        case bytes([UInt8])
        /// Words, each taken literally (never a comment, never re-split at spaces or quotes).
        case words([String])
    }

    let content: Content

    /// A line of raw bytes, without its newline.
    public init(_ bytes: [UInt8]) { content = .bytes(bytes) }

    /// Words already split by a shell.
    public init(words: [String]) { content = .words(words) }

    /// The line as typed, for showing (echo, JSON, expectation failures): decoded with invalid UTF-8
    /// repaired and trimmed, or the words joined so that they would split back the same way.
    public var text: String {
        switch content {
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
        case .words(let words): TokenizedLine.joining(words)
        }
    }

    /// The line's words, checked: `nil` for a blank line or a `#` comment. Raw bytes are refused when
    /// ``validate(_:)`` refuses them or a quote is left open.
    func tokens() throws(CommandError) -> [Token]? {
        switch content {
        case .bytes(let bytes):
            return try bytes.withUnsafeBufferPointer { bytes throws(CommandError) in
                let utf8 = try Self.validate(bytes)
                let tokenized = TokenizedLine(utf8: utf8)
                guard let first = tokenized.tokens.first else {
                    if let quote = tokenized.openQuote { throw CommandError("unbalanced \(quote) quote") }
                    return nil
                }
                if utf8[first.utf8Offset] == UInt8(ascii: "#") { return nil }  // a comment, quotes in it or not
                if let quote = tokenized.openQuote { throw CommandError("unbalanced \(quote) quote") }
                return tokenized.tokens
            }
        case .words(let words):
            guard words.reduce(0, { $0 + $1.utf8.count + 1 }) <= Self.maximumBytes else { throw Self.tooLong }
            return words.isEmpty ? nil : words.map { Token(text: $0, quoted: false) }
        }
    }

    /// The line as text, checked: the answer to a question.
    func decoded() throws(CommandError) -> String {
        switch content {
        case .bytes(let bytes): try Self.decode(bytes)
        case .words(let words): words.joined(separator: " ")
        }
    }

    /// The first byte that is not a space or a tab, or of the first word; `nil` on a blank line.
    /// (The script layer looks at it to leave most command lines alone without splitting them.)
    var firstByte: UInt8? {
        switch content {
        case .bytes(let bytes): bytes.first { $0 != 0x20 && $0 != 0x09 }
        case .words(let words): words.first?.utf8.first
        }
    }

    private static var tooLong: CommandError { CommandError("line is too long (more than \(maximumBytes) bytes)") }

    /// The longest line accepted, in bytes.
    public static let maximumBytes = 64 * 1024

    /// Decodes one line of input (without its newline), or explains in one line why it is refused.
    static func decode(_ bytes: some Collection<UInt8>) throws(CommandError) -> String {
        let line = Array(bytes)
        return try line.withUnsafeBufferPointer { line throws(CommandError) in
            String(decoding: try validate(line), as: UTF8.self)
        }
    }

    /// Checks one line of input (without its newline) and returns it without a trailing carriage
    /// return, or explains in one line why it is refused: too long, a NUL byte, or not UTF-8.
    static func validate(_ bytes: UnsafeBufferPointer<UInt8>) throws(CommandError) -> UnsafeBufferPointer<UInt8> {
        guard bytes.count <= maximumBytes else { throw tooLong }
        let body = bytes.last == 0x0D ? UnsafeBufferPointer(rebasing: bytes.dropLast()) : bytes
        switch scanForASCII(body) {
        case .ascii: return body
        case .nul: throw CommandError("line contains a NUL byte")
        case .other:
            // ASCII is always valid UTF-8; only other text needs the (slower) validating decoder.
            guard String(validating: body, as: UTF8.self) != nil else { throw CommandError("line is not valid UTF-8") }
            return body
        }
    }

    private enum Scan { case ascii, nul, other }

    /// Whether the bytes are all ASCII without NUL, eight at a time: a word with no high bit set and
    /// no zero byte is eight good bytes, which is almost every word of a script.
    private static func scanForASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Scan {
        let raw = UnsafeRawBufferPointer(bytes)
        var offset = 0
        while offset + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let high: UInt64 = 0x8080_8080_8080_8080
            let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & high
            if word & high != 0 || hasZero != 0 { return slowScan(bytes, from: offset) }
            offset += 8
        }
        return slowScan(bytes, from: offset)
    }

    private static func slowScan(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Scan {
        var sawOther = false
        for byte in bytes[offset...] {
            if byte == 0 { return .nul }
            if byte >= 0x80 { sawOther = true }
        }
        return sawOther ? .other : .ascii
    }
}
