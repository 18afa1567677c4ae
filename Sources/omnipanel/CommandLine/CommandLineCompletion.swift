import ArgumentParser
import SessionPanel
import Storage
import SystemIO

/// The completions argument-parser's scripts ask the binary for (`omnipanel ---completion …`):
/// the commands of `-c` and the words of a one-shot command, from ``CompletionEngine`` on the state
/// the options on the line describe (`--world`, `--state`), after the earlier commands ran.
///
/// Each closure gets the words of the line (the program's name first, as the shell wrote them,
/// quotes included), the index of the word under the cursor, and its text before the cursor.
enum CommandLineCompletion {
    /// `-c`'s value: the commands separated by `;`, the last one completed after the others ran.
    @Sendable static func commandList(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let shell = CompletionShell.requesting
        let candidates = commandListCandidates(words, index, shell: shell)
        // bash's script passes these through `compgen -W`, which expands each (quotes, `$`, `{a,b}`…).
        if shell == .bash { return candidates.map(escapedForExpansion) }
        return candidates.map { formatted(CompletionCandidate($0), for: shell) }
    }

    /// The command lists that complete `-c`'s value `words[index]`, on the state the other words describe.
    private static func commandListCandidates(_ words: [String], _ index: Int, shell: CompletionShell?) -> [String] {
        guard words.indices.contains(index) else { return [] }
        var others = words.map(unquoted)
        let typed = others[index]
        others.removeSubrange((index > 1 && others[index - 1] == "-c" ? index - 1 : index)...index)
        guard let state = startingState(for: others.dropFirst()) else { return [] }
        return CompletionEngine.completeCommandList(typed, in: state, backslashesOnly: shell == .bash)
    }

    /// `text` with a backslash before each space and ASCII punctuation, so that the shell's expansion
    /// gives back exactly `text` (a title holding `$(…)` is never run).
    private static func escapedForExpansion(_ text: String) -> String {
        CompletionEngine.escaped(text) { $0 == " " || $0.isASCII && ($0.isPunctuation || $0.isSymbol) }
    }

    /// A word of a one-shot command (`omnipanel --state s.db switch Ke<Tab>`), or, for the first word,
    /// a subcommand too. Nothing when the word under the cursor is not a command word (the option
    /// values, `run`'s script…), nor for an empty first word: the script offers the subcommands then.
    ///
    /// bash's script asks here for `-c`'s value too: its generated path hands the candidates to readline,
    /// whose quoting leaves `$` and `` ` `` bare (``BashQuoting``).
    @Sendable static func commandWord(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard index >= 1, words.indices.contains(index) else { return [] }
        let shell = CompletionShell.requesting
        if shell == .bash, words[index - 1] == "-c" {
            return BashQuoting.replacements(commandListCandidates(words, index, shell: shell), typed: words[index])
        }
        let sentinel = "\u{1}"
        let before = words[1..<index].map(unquoted) + [sentinel]
        guard let prompt = try? Omnipanel.parseAsRoot(before) as? PromptCommand, prompt.words.last == sentinel
        else { return [] }
        let earlier = Array(prompt.words.dropLast())
        let typed = unquoted(words[index])
        if earlier.isEmpty, typed.isEmpty || typed.hasPrefix("-") { return [] }
        guard let state = startingState(prompt.root.panel.merged()) else { return [] }
        var candidates = completeCommandWord(typed, after: earlier, in: state)
        if earlier.isEmpty {
            let subcommands = Omnipanel.configuration.subcommands.filter { $0.configuration.shouldDisplay }
            candidates =
                subcommands.compactMap { subcommand in
                    guard let name = subcommand.configuration.commandName, name.hasPrefix(typed) else { return nil }
                    return CompletionCandidate(name, subcommand.configuration.abstract)
                } + candidates
        }
        if shell == .bash { return BashQuoting.replacements(candidates.map(\.text), typed: words[index]) }
        return candidates.map { formatted($0, for: shell) }
    }

    /// The candidates for the word `typed` of a one-shot panel command. Each is the word as the
    /// program should receive it (the shell escapes it), starting exactly as typed: a shell keeps only
    /// candidates that begin with what was typed, and titles match in any case.
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
    static let candidateLimit = 100

    /// A candidate as the shell's script passes it on: zsh's `_describe` reads `text:description`, with
    /// `\` and `:` escaped; fish's takes `text<TAB>description`; any other the bare text (bash's words
    /// are quoted by ``BashQuoting``).
    private static func formatted(_ candidate: CompletionCandidate, for shell: CompletionShell?) -> String {
        switch shell {
        case .zsh?:
            let text = candidate.text.replacing("\\", with: #"\\"#).replacing(":", with: #"\:"#)
            return candidate.description.isEmpty ? text : text + ":" + candidate.description
        case .fish?:
            return candidate.description.isEmpty ? candidate.text : candidate.text + "\t" + candidate.description
        default:
            return candidate.text
        }
    }

    /// The state the options among `arguments` start from, quietly: a fresh one when they do not
    /// parse, `nil` (nothing to offer) when the state file cannot be read.
    private static func startingState(for arguments: ArraySlice<String>) -> PanelState? {
        switch try? Omnipanel.parseAsRoot(Array(arguments)) {
        case let prompt as PromptCommand: startingState(prompt.root.panel.merged())
        case let run as RunCommand: startingState(run.root.panel.merged(with: run.panel))
        default: PanelState()
        }
    }

    /// The state `options` start from, or `nil` when the state file cannot be read (candidates from a
    /// fresh shift would not be the ones the command sees); a world that cannot be used gives the demo's.
    private static func startingState(_ options: RunOptions) -> PanelState? {
        var options = options
        options.worlds = options.worlds.map(expandingHome)
        options.state = options.state.map(expandingHome)
        do {
            return try RunContext.startingState(for: options)
        } catch is StateFileError {
            return nil
        } catch {
            return PanelState()
        }
    }

    /// A leading `~/` expanded, as the shell would before running the program.
    private static func expandingHome(_ path: String) -> String {
        guard path.hasPrefix("~/"), let home = getenv("HOME") else { return path }
        return String(cString: home) + path.dropFirst()
    }

    /// A word as the program will receive it, with the shell's quotes and backslashes resolved (an
    /// open quote included: `'open case 4` → `open case 4`). A word without any is taken as it is:
    /// fish 3 hands the words over unquoted already (`open case ` keeps its last space).
    static func unquoted(_ word: String) -> String {
        guard word.contains(where: { $0 == "'" || $0 == "\"" || $0 == "\\" }) else { return word }
        return TokenizedLine(word).tokens.map { $0.text }.joined(separator: " ")
    }
}
