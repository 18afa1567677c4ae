extension CompletionEngine {
    /// The values of `kind` that fit the live state. `partial` picks positions or titles for sessions
    /// and numbers or `W` labels for work items; `previous` is the word before (a setting's name).
    static func values(_ kind: ValueKind, partial: String, previous: String?, _ state: PanelState)
        -> [CompletionCandidate]
    {
        let typingNumber = partial.first?.isNumber ?? false
        switch kind {
        case .session: return sessions(state, partial: partial) { _ in true }
        case .customerSession: return sessions(state, partial: partial) { !$0.isHome }
        case .conversationSession: return sessions(state, partial: partial) { $0.conversationID != nil }
        case .notification:
            let lines = ReportRenderer.notificationLines(state)
            guard let first = partial.first, !first.isNumber else {
                return lines.enumerated().map { CompletionCandidate(String($0 + 1), $1) }
            }
            return zip(state.notifications, lines).flatMap { notification, line in
                let id = notification.conversationID
                return [CompletionCandidate("W\(id)", line), name(state.conversations[id]?.title ?? "", line)]
            }
        case .quickReplyNumber:
            return state.tools.lastQuickReplies.enumerated().map {
                CompletionCandidate(String($0 + 1), VisibleText.escaped($1.text))
            }
        case .caseNumber, .contactName, .accountName, .articleID, .queueName, .agentName, .dispositionCode:
            var unlisted = 0
            return worldValues(kind, partial: partial, state, limit: .max, unlisted: &unlisted) ?? []
        case .workItem(let streams):
            let digits = partial.first.map { "Ww".contains($0) } == true ? String(partial.dropFirst()) : partial
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return [] }
            // A catalog that cannot be read completes nothing, as a world catalog's does.
            return streams.flatMap { stream in
                let items = try? state.conversations.workItems(
                    in: stream, onDay: state.now / PanelState.day, numberStartingWith: digits,
                    limit: Self.workItemsListed)
                return (items ?? []).map { item in
                    let description = VisibleText.escaped(item.title) + ", " + stream.displayName
                    return CompletionCandidate(typingNumber ? String(item.id) : item.itemLabel, description)
                }
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
        case .tabNumber, .closableTabNumber:
            let session = state.focusedSession
            return session.tabs.indices.filter { kind == .tabNumber || !session.tabs[$0].isAnchor }.map {
                CompletionCandidate(String($0 + 1), VisibleText.escaped(session.tabs[$0].title))
            }
        case .field:
            return (state.focusedSession.draft.map { $0.field } + ["title", "description"]).map {
                CompletionCandidate($0)
            }
        case .commandName:
            return CommandTable.all.map { CompletionCandidate($0.name, $0.summary) } + [
                CompletionCandidate("keys", "key bindings")
            ]
        case .duration, .text:
            return []
        }
    }

    /// The world's records of `kind` that start with `partial`, sorted, at most `limit` of them, with
    /// how many more there are added to `unlisted`; `nil` when `kind` is not a kind of world record.
    /// A catalog that cannot be read offers nothing: Tab is no place to report it, the command will.
    /// How many work items of each stream whose number starts as typed Tab offers.
    static let workItemsListed = 100

    static func worldValues(
        _ kind: ValueKind, partial: String, _ state: PanelState, limit: Int, unlisted: inout Int
    ) -> [CompletionCandidate]? {
        let world = state.world
        let candidates: [CompletionCandidate]
        let recordKind: WorldRecordKind
        do {
            switch kind {
            case .caseNumber:
                recordKind = .caseRecord
                guard partial.allSatisfy({ $0.isASCII && $0.isNumber }) else { return [] }
                candidates = try world.cases(numberStartingWith: partial, limit: limit).map {
                    CompletionCandidate(String($0.number), VisibleText.escaped($0.title))
                }
            case .contactName:
                recordKind = .contact
                candidates = try world.contacts(startingWith: partial, limit: limit).map {
                    name($0.name, VisibleText.escaped($0.account ?? "contact"))
                }
            case .articleID:
                recordKind = .article
                guard partial.allSatisfy({ $0.isASCII && $0.isNumber }) else { return [] }
                candidates = try world.articles(idStartingWith: partial, limit: limit).map {
                    CompletionCandidate(String($0.id), VisibleText.escaped($0.title))
                }
            case .queueName, .agentName, .dispositionCode:
                recordKind = kind == .queueName ? .queue : kind == .agentName ? .agent : .disposition
                candidates = try world.names(of: recordKind, startingWith: partial, limit: limit).map {
                    name($0, recordKind.rawValue)
                }
            case .accountName:
                recordKind = .account
                candidates = try world.accounts(startingWith: partial, limit: limit).map { name($0.name, "account") }
            default:
                return nil
            }
            if candidates.count >= limit {
                unlisted += try world.count(recordKind, startingWith: partial) - candidates.count
            }
        } catch {
            return []
        }
        return candidates
    }

    /// The sessions that `fits` admits: by position while nothing or a digit is typed, by title otherwise;
    /// `home` too when Home fits.
    private static func sessions(
        _ state: PanelState, partial: String, fits: (Session) -> Bool
    ) -> [CompletionCandidate] {
        let positions = state.sessions.indices.filter { fits(state.sessions[$0]) }
        let home = fits(state.sessions[0]) ? [CompletionCandidate("home", "Home")] : []
        guard let first = partial.first, !first.isNumber else {
            return positions.map { CompletionCandidate(String($0), VisibleText.escaped(state.sessions[$0].title)) }
                + home
        }
        return positions.filter { $0 > 0 }.map { name(state.sessions[$0].title, "session \($0)") } + home
    }

    /// A name to insert: quoted when needed, and cut before any character that cannot be typed
    /// (a control or bidirectional character in customer text), which leaves a prefix the parser still matches.
    private static func name(_ text: String, _ description: String) -> CompletionCandidate {
        let typable = String(
            String.UnicodeScalarView(text.unicodeScalars.prefix { $0 == "\\" || !VisibleText.needsEscape($0) }))
        let trimmed =
            typable.count < text.count
            ? String(typable.reversed().drop(while: { $0.isWhitespace }).reversed()) : typable
        return CompletionCandidate(trimmed.isEmpty ? "" : quoted(trimmed), description)
    }

    /// `text`, in double quotes when it holds white space, quotes, backslashes, `#` or `;`.
    public static func quoted(_ text: String) -> String {
        guard text.contains(where: needsQuoting) else { return text }
        return "\"" + escaped(text, where: { $0 == "\"" || $0 == "\\" }) + "\""
    }

    /// Whether a word holding `character` must be quoted to reach the parser as one word.
    static func needsQuoting(_ character: Character) -> Bool {
        character.isWhitespace || "\"'\\#;".contains(character)
    }

    /// `text` with a backslash before each character `special` picks.
    public static func escaped(_ text: String, where special: (Character) -> Bool) -> String {
        var result = ""
        for character in text {
            if special(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
