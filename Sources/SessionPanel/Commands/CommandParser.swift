/// Turns a line of text into a ``Command`` using the ``CommandTable``.
public enum CommandParser {
    /// Parses one line. Returns `nil` for a blank line or a `#` comment.
    public static func parse(_ line: String) throws(CommandError) -> Command? {
        var line = line
        return try line.withUTF8 { bytes in Result { () throws(CommandError) in try parse(utf8: bytes) } }.get()
    }

    /// Parses one line of raw input (without its newline), refusing what ``InputLine/validate(_:)``
    /// refuses. Returns `nil` for a blank line or a `#` comment.
    public static func parse(bytes: [UInt8]) throws(CommandError) -> Command? {
        try bytes.withUnsafeBufferPointer { bytes throws(CommandError) in try parse(utf8: try InputLine.validate(bytes)) }
    }

    /// Parses one line given as valid UTF-8 (``InputLine/validate(_:)`` checks raw input). Returns `nil`
    /// for a blank line or a `#` comment. Scripts come this way, without a String of the whole line.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) throws(CommandError) -> Command? {
        let tokenized = TokenizedLine(utf8: bytes)
        guard let first = tokenized.tokens.first else {
            if let quote = tokenized.openQuote { throw CommandError("unbalanced \(quote) quote") }
            return nil
        }
        if bytes[first.start] == UInt8(ascii: "#") { return nil }  // a comment, quotes in it or not
        if let quote = tokenized.openQuote { throw CommandError("unbalanced \(quote) quote") }
        guard let spec = CommandTable.spec(for: first.text) else {
            throw CommandError(unknownCommandMessage(first.text))
        }
        var arguments = try Arguments(tokenized.tokens.dropFirst(), for: spec)
        return try spec.build(&arguments)
    }

    /// "unknown command …", with the closest command word when one is near enough.
    static func unknownCommandMessage(_ word: String) -> String {
        let shown = word.count > 40 ? String(word.prefix(40)) + "…" : word
        if let suggestion = closestCommand(to: word) {
            return "unknown command \"\(shown)\"; did you mean `\(suggestion)`?"
        }
        return "unknown command \"\(shown)\"; type `help` for the list"
    }

    /// The command word nearest to `word` by edit distance, if it is within a third of the word's length.
    static func closestCommand(to word: String) -> String? {
        let word = word.lowercased()
        guard word.count <= 40 else { return nil }
        if let prefixed = CommandTable.words.first(where: { $0.hasPrefix(word) && word.count >= 2 }) {
            return CommandTable.spec(for: prefixed)?.name
        }
        let scored = CommandTable.words.map { ($0, editDistance(Array(word), Array($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, word.count / 3) else { return nil }
        return CommandTable.spec(for: best.0)?.name
    }

    /// Levenshtein distance: the fewest insertions, deletions and substitutions that turn `a` into `b`.
    public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
