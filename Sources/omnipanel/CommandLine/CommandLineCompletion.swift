import ArgumentParser
import SessionPanel
import Storage
import SystemIO

/// The candidates shell completion (``ShellCompletion``) gets from the panel's own completion
/// (``CompletionEngine``): the commands of `-c` and the words of `do`'s command, on the state the
/// options on the line describe (`--world`, `--state`), after the earlier commands ran.
///
/// `typed` is the word under the cursor as the shell wrote it (quotes included); `options` are the
/// other words of the line, without the program's name.
enum CommandLineCompletion {
    /// `-c`'s value: the commands separated by `;`, the last one completed after the others ran.
    static func commandList(_ typed: String, options: [String], shell: CompletionShell) -> [String] {
        guard let state = startingState(for: options.last == "-c" ? options.dropLast() : options[...]) else {
            return []
        }
        let candidates = CompletionEngine.completeCommandList(
            unquoted(typed), in: state, backslashesOnly: shell == .bash)
        if shell == .bash { return BashQuoting.replacements(candidates, typed: typed) }
        return candidates.map { formatted(CompletionCandidate($0), for: shell) }
    }

    /// A word of `do`'s command (`omnipanel --state s.db do switch Ke<Tab>`), after its `earlier` words.
    static func commandWord(_ typed: String, after earlier: [String], options: [String], shell: CompletionShell)
        -> [String]
    {
        guard let state = startingState(for: options[...]) else { return [] }
        let words = earlier.first == "--" ? Array(earlier.dropFirst()) : earlier
        let candidates = completeCommandWord(unquoted(typed), after: words, in: state)
        if shell == .bash { return BashQuoting.replacements(candidates.map(\.text), typed: typed) }
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
    static func formatted(_ candidate: CompletionCandidate, for shell: CompletionShell) -> String {
        switch shell {
        case .zsh:
            let text = candidate.text.replacing("\\", with: #"\\"#).replacing(":", with: #"\:"#)
            return candidate.description.isEmpty ? text : text + ":" + candidate.description
        case .fish:
            return candidate.description.isEmpty ? candidate.text : candidate.text + "\t" + candidate.description
        default:
            return candidate.text
        }
    }

    /// The state the options among `arguments` start from, quietly: a fresh one when they do not
    /// parse, `nil` (nothing to offer) when the state file cannot be read.
    private static func startingState(for arguments: ArraySlice<String>) -> PanelState? {
        switch try? Omnipanel.parseAsRoot(Array(arguments)) {
        case let prompt as PromptCommand: startingState(prompt.options)
        case let run as RunCommand: startingState(run.options)
        default: PanelState()
        }
    }

    /// The state `options` start from, or `nil` when the state file cannot be read (candidates from a
    /// fresh shift would not be the ones the command sees); a world that cannot be used gives the demo's.
    private static func startingState(_ options: RunOptions) -> PanelState? {
        var options = options
        options.worlds = options.worlds.map(expandingHome)
        options.stateFiles = options.stateFiles.map(expandingHome)
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
