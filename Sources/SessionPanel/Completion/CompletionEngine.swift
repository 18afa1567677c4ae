/// One thing Tab could insert, with a short description to list beside it.
public struct CompletionCandidate: Sendable, Equatable {
    /// The text to insert, already quoted when it holds spaces or quotes.
    public var text: String
    /// A few words about it (a session's title, a command's summary); may be empty.
    public var description: String

    /// Creates a candidate.
    public init(_ text: String, _ description: String = "") {
        self.text = text
        self.description = description
    }
}

/// What Tab would do at the end of a partial line.
public struct Completion: Sendable, Equatable {
    /// How many Characters before the cursor (the partial word, with any opening quote) the candidates replace.
    public var replacing: Int
    /// The candidates, in a sensible order (positions ascending, commands as in `help`).
    public var candidates: [CompletionCandidate]
}

/// Completion for the prompt and the shell scripts, driven by the ``CommandTable`` and the live state.
public enum CompletionEngine {
    /// The candidates for the word before the cursor in `lineBeforeCursor`.
    public static func complete(_ lineBeforeCursor: String, in state: PanelState) -> Completion {
        let line = TokenizedLine(lineBeforeCursor)
        let typing = line.endsWithSpace && line.openQuote == nil ? nil : line.tokens.last
        let partial = typing?.text ?? ""
        let replacing = typing.map { lineBeforeCursor.count - $0.start } ?? 0
        let words = Array(line.tokens.dropLast(typing == nil ? 0 : 1))
        let candidates: [CompletionCandidate]
        if let command = words.first {
            guard let spec = CommandTable.spec(for: command.text) else { return Completion(replacing: replacing, candidates: []) }
            candidates = argumentCandidates(spec, Array(words.dropFirst()), partial, state)
        } else {
            candidates = CommandTable.all.flatMap { spec in spec.words.map { CompletionCandidate($0, spec.summary) } }
        }
        var seen = Set<String>()
        let matching = candidates.filter { candidate in
            unquoted(candidate.text).lowercased().hasPrefix(partial.lowercased()) && seen.insert(candidate.text).inserted
        }
        return Completion(replacing: replacing, candidates: matching)
    }

    private static func argumentCandidates(
        _ spec: CommandSpec, _ words: [Token], _ partial: String, _ state: PanelState
    ) -> [CompletionCandidate] {
        if partial.hasPrefix("-") { return spec.flags.map { CompletionCandidate($0.name, $0.summary) } }
        var slots = spec.arguments[...]
        var previous: String?
        for word in words where !(word.text.hasPrefix("--") && !word.quoted) {
            guard let slot = slots.first else { return [] }
            switch slot {
            case .keyword(let keywords, _):
                if let chosen = keywords.first(where: { $0.word == word.text.lowercased() }) {
                    slots = chosen.then[...] + slots.dropFirst()
                } else {
                    slots = slots.dropFirst()
                }
            case .value(.text):
                return []
            case .value:
                slots = slots.dropFirst()
            }
            previous = word.text
        }
        switch slots.first {
        case .keyword(let keywords, let alternative)?:
            return keywords.map { CompletionCandidate($0.word, $0.summary) }
                + (alternative.map { values($0, partial: partial, previous: previous, state) } ?? [])
        case .value(let kind)?:
            return values(kind, partial: partial, previous: previous, state)
        case nil:
            return []
        }
    }

    private static func values(_ kind: ValueKind, partial: String, previous: String?, _ state: PanelState) -> [CompletionCandidate] {
        switch kind {
        case .session:
            let positions = state.sessions.indices.map { CompletionCandidate(String($0), state.sessions[$0].title) }
            guard let first = partial.first, !first.isNumber else { return positions + [CompletionCandidate("home", "Home")] }
            return state.sessions.indices.dropFirst().map { CompletionCandidate(quoted(state.sessions[$0].title), "session \($0)") }
                + [CompletionCandidate("home", "Home")]
        case .notification:
            return ReportRenderer.notificationLines(state).enumerated().map { CompletionCandidate(String($0 + 1), $1) }
        case .caseNumber:
            return state.world.cases.map { CompletionCandidate(String($0.number), $0.title) }
        case .contactName:
            return state.world.contacts.map { CompletionCandidate(quoted($0.name), $0.account ?? "contact") }
        case .accountName:
            return state.world.accounts.map { CompletionCandidate(quoted($0.name), "account") }
        case .workItem(let streams):
            return streams.flatMap { stream in
                state.workItems(in: stream).map { CompletionCandidate($0.itemLabel, "\($0.title), \(stream.displayName)") }
            }
        case .channel:
            return Channel.allCases.map { CompletionCandidate($0.rawValue, $0.displayName) }
        case .sentiment:
            return Sentiment.allCases.map { CompletionCandidate($0.name) }
        case .presence:
            return Presence.selectable.map { CompletionCandidate($0.rawValue, $0.displayName) }
        case .settingKey:
            return SettingKey.all.map { CompletionCandidate($0.name, $0.summary) }
        case .settingValue:
            return (previous.flatMap(SettingKey.named)?.choices ?? []).map { CompletionCandidate($0) }
        case .tabNumber:
            let session = state.focusedSession
            return session.tabs.indices.map { CompletionCandidate(String($0 + 1), session.tabs[$0].title) }
        case .field:
            return (state.focusedSession.draft.map(\.field) + ["title", "description"]).map { CompletionCandidate($0) }
        case .commandName:
            return CommandTable.all.map { CompletionCandidate($0.name, $0.summary) } + [CompletionCandidate("keys", "key bindings")]
        case .duration, .text:
            return []
        }
    }

    /// `text`, in double quotes when it holds white space, quotes or backslashes.
    public static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "'" || $0 == "\\" || $0 == "#" || $0 == ";" })
        else { return text }
        var escaped = ""
        for character in text {
            if character == "\"" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "\"" + escaped + "\""
    }

    private static func unquoted(_ text: String) -> String {
        guard text.first == "\"" else { return text }
        return TokenizedLine(text).tokens.first?.text ?? text
    }
}
