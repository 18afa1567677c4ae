import SessionPanel

/// Completion of the program's own command line, for `omnipanel __complete SHELL WORDS…`: the
/// options and subcommands of the ``CommandLineTable``, their fixed values and file kinds, and the
/// shell commands of `-c`, completed by ``CompletionEngine`` after the earlier ones have run.
public enum CommandLineCompleter {
    /// The completions of the last of `words` (the arguments after the program's name, as the shell
    /// wrote them, quotes included; the last one is the word under the cursor, possibly empty).
    /// `startingState` gives the state the options on the line describe (`--world`, `--state`).
    public static func complete(
        _ words: [String], for shell: CompletionShell, startingState: (ShellOptions) -> PanelState
    ) -> CompletionReply {
        var command = CommandLineTable.root
        var isRoot = true
        var pending: OptionSpec?
        var optionWords: [String] = []
        var positionals = 0
        var commandWords: [String] = []  // `omnipanel [options] <command words>…`: one shell command
        var words = words
        if words.last == "=" { words[words.count - 1] = "" }  // bash splits `--color=` into `--color` `=`
        for word in words.dropLast().map(unquoted) {
            if !commandWords.isEmpty {
                commandWords.append(word)
            } else if pending != nil, word == "=" {
                continue  // bash splits `--color=al` into `--color` `=` `al`: the value comes next
            } else if let option = pending {
                optionWords += [option.spellings[0], word]
                pending = nil
            } else if word.hasPrefix("-"), word != "-" {
                if let option = command.option(spelled: word), option.takesValue {
                    pending = option
                } else {
                    optionWords.append(word)
                }
            } else if isRoot, let subcommand = CommandLineTable.subcommands.first(where: { $0.name == word }) {
                command = subcommand
                isRoot = false
            } else if isRoot {
                commandWords.append(word)
            } else {
                positionals += 1
            }
        }
        let current = words.last ?? ""
        let typed = unquoted(current)
        func state() -> PanelState {  // the state the options on the line describe
            guard case .shell(let options, _)? = try? CommandLineParser.parse(optionWords) else { return PanelState() }
            return startingState(options)
        }
        if !commandWords.isEmpty {
            return .candidates(completeCommandWord(typed, after: commandWords, in: state()))
        }
        if let option = pending {
            return complete(option.value, typed: typed, for: shell, state: state)
        }
        if typed.hasPrefix("--"), let equals = typed.firstIndex(of: "="),
            let option = command.option(spelled: String(typed[..<equals])), option.takesValue
        {  // zsh and fish pass `--color=al` whole: complete the value, keeping `--color=`
            let head = String(typed[...equals])
            let reply = complete(option.value, typed: String(typed[typed.index(after: equals)...]), for: shell) {
                PanelState()
            }
            // files after `=`: left to the user
            guard case .candidates(let values) = reply else { return .candidates([]) }
            return .candidates(values.map { CompletionCandidate(head + $0.text, $0.description) })
        }
        if typed.hasPrefix("-") {
            return .candidates(
                command.options.flatMap { option in
                    option.spellings.filter { $0.hasPrefix(typed) }.map { CompletionCandidate($0, option.help) }
                })
        }
        if isRoot {
            // Only the subcommands that take every option already given (`--state f c` is not `completions`).
            let given = optionWords.compactMap { word in
                word.hasPrefix("-") ? command.option(spelled: String(word.prefix { $0 != "=" })) : nil
            }
            let subcommands = CommandLineTable.subcommands.filter { subcommand in
                subcommand.name.hasPrefix(typed)
                    && given.allSatisfy { subcommand.option(spelled: $0.spellings[0]) != nil }
            }.map { CompletionCandidate($0.name, $0.summary) }
            // An empty word lists the subcommands only; a letter also completes the shell's commands.
            return .candidates(
                typed.isEmpty ? subcommands : subcommands + completeCommandWord(typed, after: [], in: state()))
        }
        guard let argument = command.argument, positionals == 0 else { return .candidates([]) }
        return complete(argument.value, typed: typed, for: shell) { PanelState() }
    }

    /// The completions of a value.
    private static func complete(
        _ value: OptionValue, typed: String, for shell: CompletionShell, state: () -> PanelState
    ) -> CompletionReply {
        switch value {
        case .none, .number:
            return .candidates([])
        case .file(_, let fileExtension):
            return .files(extension: fileExtension)
        case .choice(_, let words):
            return .candidates(words.filter { $0.hasPrefix(typed) }.map { CompletionCandidate($0) })
        case .commands:
            // bash removes quotes from what was typed before it compares (`switch "Ke` → `switch Ke`).
            let candidates = CompletionEngine.completeCommandList(typed, in: state(), backslashesOnly: shell == .bash)
            return .candidates(candidates.map { CompletionCandidate($0) })
        }
    }

    /// The candidates for the word `typed` of a one-shot shell command (`omnipanel --state s.json
    /// switch Ke<Tab>`), from ``CompletionEngine`` on the state the options describe. Each is the
    /// word as the program should receive it (the shell escapes it), starting exactly as typed: a
    /// shell keeps only candidates that begin with what was typed, and titles match in any case.
    ///
    /// A large world is cut at ``candidateLimit``, with a last line saying how many more there are
    /// (starting as typed, so the shell keeps it): `Zo… and 19900 more`.
    private static func completeCommandWord(_ typed: String, after commandWords: [String], in state: PanelState)
        -> [CompletionCandidate]
    {
        let line = TokenizedLine.joining(commandWords) + " " + (typed.isEmpty ? "" : TokenizedLine.joining([typed]))
        let completion = CompletionEngine.complete(line, in: state, limit: candidateLimit)
        let candidates = completion.candidates.map { candidate in
            CompletionCandidate(
                CompletionEngine.startingAsTyped(unquoted(candidate.text), typed: typed), candidate.description)
        }
        let more = completion.total - completion.candidates.count
        guard more > 0 else { return candidates }
        return candidates + [CompletionCandidate("\(typed)… and \(more) more", "type more to narrow them down")]
    }

    /// The most candidates shell completion lists for a word of a one-shot command.
    public static let candidateLimit = 100

    /// A word as the program will receive it, with the shell's quotes and backslashes resolved (an
    /// open quote included: `'open case 4` → `open case 4`).
    static func unquoted(_ word: String) -> String {
        TokenizedLine(word).tokens.map { $0.text }.joined(separator: " ")
    }
}
