/// Completion for the prompt and the shell scripts, driven by the ``CommandTable`` and the live state.
public enum CompletionEngine {
    /// How many Characters of `line` begin at or after the UTF-8 offset `offset`: what completion replaces.
    static func characters(of line: String, fromUTF8Offset offset: Int) -> Int {
        var count = 0
        var index = line.endIndex
        while index > line.startIndex {
            let previous = line.index(before: index)
            guard line.utf8.distance(from: line.startIndex, to: previous) >= offset else { break }
            count += 1
            index = previous
        }
        return count
    }

    /// The first `limit` candidates for the word before the cursor in `lineBeforeCursor`, and how many
    /// there are in all. The world's names come from the catalog's range queries, so a large world
    /// costs the `limit`, not its size.
    public static func complete(_ lineBeforeCursor: String, in state: PanelState, limit: Int = .max) -> Completion {
        let line = TokenizedLine(lineBeforeCursor)
        let typing = line.endsWithSpace && line.openQuote == nil ? nil : line.tokens.last
        let partial = PartialWord(text: typing?.text ?? "", quoted: typing?.quoted ?? false)
        let replacing = typing.map { characters(of: lineBeforeCursor, fromUTF8Offset: $0.utf8Offset) } ?? 0
        let words = Array(line.tokens.dropLast(typing == nil ? 0 : 1))
        let candidates: [CompletionCandidate]
        var unlisted = 0
        if let command = words.first {
            guard !command.text.hasPrefix("#"), let spec = CommandTable.spec(for: command.text) else {
                return Completion(replacing: replacing, candidates: [])
            }
            candidates = argumentCandidates(
                spec, Array(words.dropFirst()), partial, state, limit: limit, unlisted: &unlisted)
        } else if partial.text.hasPrefix("#") {
            candidates = []
        } else {
            // Each command once: its name, or the alias being typed when only an alias fits (`ex` → `exit`, `?`).
            let typed = partial.text.lowercased()
            candidates = CommandTable.all.map { spec in
                CompletionCandidate(spec.words.first { $0.lowercased().hasPrefix(typed) } ?? spec.name, spec.summary)
            }
        }
        var seen = Set<String>()
        let matching = candidates.filter { candidate in
            !candidate.text.isEmpty && unquoted(candidate.text).lowercased().hasPrefix(partial.text.lowercased())
                && seen.insert(candidate.text).inserted
        }
        return Completion(
            replacing: replacing, candidates: Array(matching.prefix(limit)), total: matching.count + unlisted)
    }

    /// The word being completed.
    struct PartialWord {
        /// Its text so far, quotes and escapes resolved.
        let text: String
        /// Whether it began with (or holds) a quote, so it cannot be a keyword or a flag.
        let quoted: Bool
    }

    /// Where the words typed so far leave a command's arguments.
    private enum Position {
        /// The next word fills this slot; `previous` is the word before it.
        case slot(ArgumentSlot, previous: String?)
        /// The words so far are free text that runs to the end of the line.
        case freeText
        /// Every slot is filled.
        case end
    }

    /// The candidates for the next argument; a world query lists at most `limit` and adds the rest to `unlisted`.
    private static func argumentCandidates(
        _ spec: CommandSpec, _ words: [Token], _ partial: PartialWord, _ state: PanelState, limit: Int,
        unlisted: inout Int
    ) -> [CompletionCandidate] {
        let used = Set(words.compactMap { flag(named: $0, in: spec)?.name })
        let flags = spec.flags.filter { !used.contains($0.name) }.map { CompletionCandidate($0.name, $0.summary) }
        let position = walk(spec.arguments, over: positionalWords(words, spec))
        if let last = words.last, let flag = flag(named: last, in: spec), flag.valueName != nil,
            !last.text.contains("=")
        {
            guard let kind = flag.valueKind else { return [] }
            return worldValues(kind, partial: partial.text, state, limit: limit, unlisted: &unlisted)
                ?? values(kind, partial: partial.text, previous: last.text, state)
        }
        if partial.text.hasPrefix("-"), !partial.quoted { return flags }
        switch position {
        case .slot(.keyword(let keywords, let alternative), let previous):
            let words = partial.quoted ? [] : keywords.map { CompletionCandidate($0.word, $0.summary) }
            guard let alternative else { return words }
            return words
                + (worldValues(alternative, partial: partial.text, state, limit: limit, unlisted: &unlisted)
                    ?? values(alternative, partial: partial.text, previous: previous, state))
        case .slot(.value(let kind), let previous):
            return worldValues(kind, partial: partial.text, state, limit: limit, unlisted: &unlisted)
                ?? values(kind, partial: partial.text, previous: previous, state)
        case .freeText:
            return []
        case .end:
            return flags
        }
    }

    /// Follows the command's argument grammar over the words typed so far.
    private static func walk(_ arguments: [ArgumentSlot], over words: [Token]) -> Position {
        var slots = arguments[...]
        var previous: String?
        for word in words {
            guard let slot = slots.first else { return .end }
            switch slot {
            case .keyword(let keywords, _):
                let chosen = word.quoted ? nil : keywords.first { $0.word == word.text.lowercased() }
                slots = (chosen?.then ?? [])[...] + slots.dropFirst()
            case .value(.text):
                return .freeText
            case .value:
                slots = slots.dropFirst()
            }
            previous = word.text
        }
        return slots.first.map { .slot($0, previous: previous) } ?? .end
    }

    /// The words that fill argument slots: not flags, nor the values of flags that take one.
    private static func positionalWords(_ words: [Token], _ spec: CommandSpec) -> [Token] {
        var positional: [Token] = []
        var skipsValue = false
        for word in words {
            if skipsValue {
                skipsValue = false
            } else if word.looksLikeFlag {
                skipsValue = flag(named: word, in: spec)?.valueName != nil && !word.text.contains("=")
            } else {
                positional.append(word)
            }
        }
        return positional
    }

    /// The command's flag that `word` spells, if any.
    private static func flag(named word: Token, in spec: CommandSpec) -> CommandSpec.Flag? {
        guard word.looksLikeFlag else { return nil }
        return spec.flags.first { $0.name == word.text || $0.shortName == word.text }
    }

    /// A candidate's text with its quotes and backslashes resolved.
    static func unquoted(_ text: String) -> String {
        guard text.first == "\"" else { return text }
        return TokenizedLine(text).tokens.first?.text ?? text
    }
}
