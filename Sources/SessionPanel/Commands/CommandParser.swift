/// Turns a line of input into a ``Command`` using the ``CommandTable``.
public enum CommandParser {
    /// Parses one line into a command; `nil` for a blank line or a `#` comment. A script directive
    /// is refused here: only the script layer (``ScriptRunner``) carries directives out.
    public static func parse(_ line: InputLine) throws(CommandError) -> Command? {
        guard let tokens = try line.tokens() else { return nil }
        let spec = try spec(named: tokens[0])
        guard case .command(let build) = spec.builder else {
            throw CommandError(
                "'\(spec.name)' works in scripts only: put it in a .omni file and use 'omnipanel run FILE'")
        }
        var arguments = try Arguments(tokens.dropFirst(), for: spec)
        return try build(&arguments)
    }

    /// A reply that starts with `/` (`reply "/q refund"`): the slash command it spells, never text
    /// for the customer.
    static func parseSlash(_ text: String) throws(CommandError) -> Command {
        guard let command = try parse(InputLine(Array(text.utf8))) else {
            throw CommandError(CommandTable.unknownSlashMessage(text))
        }
        return command
    }

    /// The table entry the first word names, or the "unknown command" error.
    static func spec(named word: Token) throws(CommandError) -> CommandSpec {
        guard let spec = CommandTable.spec(for: word.text) else {
            let slash = !word.quoted && word.text.hasPrefix("/")
            throw CommandError(slash ? CommandTable.unknownSlashMessage(word.text) : unknownCommandMessage(word.text))
        }
        return spec
    }

    /// "unknown command …", with the closest command word when one is near enough.
    static func unknownCommandMessage(_ word: String) -> String {
        let shown = word.count > 40 ? String(word.prefix(40)) + "…" : word
        if let suggestion = closestCommand(to: word) {
            return "unknown command \"\(shown)\"; did you mean '\(suggestion)'?"
        }
        return "unknown command \"\(shown)\"; type 'help' for the list"
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
