/// One word of a command line, after quotes and backslashes are resolved.
public struct Token: Sendable, Equatable {
    /// The word's text.
    public var text: String
    /// Whether any part of it was quoted (a quoted word is never a keyword or a flag).
    public var quoted: Bool
    /// Where the word begins in the line, in Characters (for completion, which replaces it).
    public var start: Int = 0

    /// Creates a word.
    public init(text: String, quoted: Bool, start: Int = 0) {
        self.text = text
        self.quoted = quoted
        self.start = start
    }
}

/// A command line split into words the way a shell would: spaces separate words, `"…"` and `'…'`
/// group them, and a backslash escapes the next character (inside double quotes only `"` and `\`).
public struct TokenizedLine: Sendable, Equatable {
    /// The words.
    public var tokens: [Token]
    /// The quote still open at the end of the line, if any.
    public var openQuote: Character?
    /// Whether the line ends in white space (so the next word has not begun).
    public var endsWithSpace: Bool

    /// Splits `line` into words.
    public init(_ line: String) {
        tokens = []
        openQuote = nil
        endsWithSpace = true
        var current = ""
        var inWord = false
        var quoted = false
        var escaping = false
        var start = 0
        for (offset, character) in line.enumerated() {
            if !inWord, !(openQuote == nil && character.isWhitespace) { start = offset }
            if escaping {
                if openQuote == "\"", character != "\"", character != "\\" { current.append("\\") }
                current.append(character)
                escaping = false
                continue
            }
            switch (openQuote, character) {
            case (nil, _) where character.isWhitespace:
                if inWord { tokens.append(Token(text: current, quoted: quoted, start: start)) }
                current = ""
                inWord = false
                quoted = false
                endsWithSpace = true
                continue
            case (nil, "\""), (nil, "'"):
                openQuote = character
                quoted = true
            case ("'", "'"), ("\"", "\""):
                openQuote = nil
            case ("'", _):
                current.append(character)
            case (_, "\\"):
                escaping = true
            default:
                current.append(character)
            }
            inWord = true
            endsWithSpace = false
        }
        if escaping { current.append("\\") }
        if inWord { tokens.append(Token(text: current, quoted: quoted, start: start)) }
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
