/// The words after a command name, consumed in order by the command's builder.
struct Arguments {
    private var tokens: ArraySlice<Token>
    private let spec: CommandSpec
    private(set) var flags: Set<String> = []
    /// The values of flags that take one (`--seed 7` or `--seed=7`), by the flag's name.
    private(set) var flagValues: [String: Token] = [:]

    /// Separates the command's flags from its positional words; an unknown flag is an error.
    init(_ tokens: ArraySlice<Token>, for spec: CommandSpec) throws(CommandError) {
        self.spec = spec
        guard tokens.contains(where: { !$0.quoted && $0.text.utf8.first == UInt8(ascii: "-") }) else {
            self.tokens = tokens  // no flags: nothing to separate
            return
        }
        var positional: [Token] = []
        var rest = tokens
        while let token = rest.popFirst() {
            guard token.looksLikeFlag else {
                positional.append(token)
                continue
            }
            let (word, attached) = Self.splitAtEquals(token.text)
            guard let flag = spec.flags.first(where: { $0.name == word || $0.shortName == word }) else {
                throw .usage(spec, after: "\(spec.name) has no option \(word)")
            }
            flags.insert(flag.name)
            guard flag.valueName != nil else {
                if attached != nil {
                    throw .usage(spec, after: "\(flag.name) takes no value")
                }
                continue
            }
            guard let value = attached.map({ Token(text: $0, quoted: token.quoted) }) ?? rest.popFirst() else {
                throw .usage(spec, after: "\(flag.name) needs a value")
            }
            flagValues[flag.name] = value
        }
        self.tokens = positional[...]
    }

    /// `--seed=7` as (`--seed`, `7`); a word without `=` as itself and `nil`.
    private static func splitAtEquals(_ text: String) -> (String, String?) {
        guard text.hasPrefix("--"), let equals = text.firstIndex(of: "=") else { return (text, nil) }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    var isEmpty: Bool { tokens.isEmpty }

    /// The error for words that do not fit the command's usage, after `reason` when given.
    func usageError(_ reason: String? = nil) -> CommandError { .usage(spec, after: reason) }

    /// The next word, left in place, if any.
    var peek: Token? { tokens.first }

    /// How many words are left.
    var count: Int { tokens.count }

    /// The next word, if any.
    mutating func next() -> Token? { tokens.popFirst() }

    /// The next word; a usage error when there is none.
    mutating func required() throws(CommandError) -> Token {
        guard let token = tokens.popFirst() else { throw .usage(spec) }
        return token
    }

    /// The next word as an unquoted keyword (lower-cased).
    mutating func keyword() throws(CommandError) -> String {
        let token = try required()
        guard !token.quoted else { throw .usage(spec) }
        return token.text.lowercased()
    }

    /// All remaining words joined by single spaces; a usage error when there are none.
    mutating func rest() throws(CommandError) -> String {
        guard let first = tokens.first else { throw .usage(spec) }
        defer { tokens.removeAll() }
        return tokens.count == 1 ? first.text : tokens.map { $0.text }.joined(separator: " ")
    }

    /// The remaining words, each as it was meant (quotes and escapes resolved), taking them all.
    mutating func remainingWords() -> [String] {
        defer { tokens.removeAll() }
        return tokens.map(\.text)
    }

    /// Fails with the usage line unless every word was used.
    func finish() throws(CommandError) {
        guard tokens.isEmpty else { throw .usage(spec) }
    }

    /// A whole number from a word, with a clear error when it is not one or does not fit.
    func number(_ token: Token, _ what: String) throws(CommandError) -> Int {
        if token.startsLikeNumber, let value = Int(token.text) { return value }
        let digits = token.text.hasPrefix("-") ? token.text.dropFirst() : Substring(token.text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .usage(spec, after: "\(what) must be a number, not \"\(token.text)\"")
        }
        guard let value = Int(token.text) else { throw CommandError("\(what) \(token.text) is out of range") }
        return value
    }

    /// A session reference: a position, `home`, or the start of a title.
    func sessionReference(_ token: Token) throws(CommandError) -> SessionReference {
        if !token.quoted, token.startsLikeNumber, let position = Int(token.text) { return .position(position) }
        if !token.quoted, token.text.utf8.count == 4, token.text.lowercased() == "home" { return .home }
        let looksNumeric = token.text.drop(while: { $0 == "-" }).allSatisfy { $0.isNumber } && !token.quoted
        if looksNumeric, !token.text.isEmpty { return .position(try number(token, "session position")) }
        guard !token.text.isEmpty else { throw .usage(spec) }
        return .titlePrefix(token.text)
    }

    /// A work item number written `W101` or `101`.
    func workItem(_ token: Token) throws(CommandError) -> Int {
        var text = Substring(token.text)
        if text.first == "W" || text.first == "w" { text = text.dropFirst() }
        return try number(Token(text: String(text), quoted: token.quoted), "work item")
    }
}

extension Token {
    /// Whether the word is taken for a flag (`-y`, `--yes`) rather than an argument (`-3`, `"--yes"`).
    var looksLikeFlag: Bool {
        !quoted && text.hasPrefix("-") && text.count > 1 && !text.dropFirst().allSatisfy { $0.isNumber }
    }

    /// Whether the word begins with a digit or `-`, so that `Int(text)`, which also takes a leading `+`,
    /// reads it exactly as the slower checks above would.
    fileprivate var startsLikeNumber: Bool {
        guard let first = text.utf8.first else { return false }
        return first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
    }
}
