import ArgumentParser
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import SessionPanel

/// Live candidates for the shells' completion scripts, computed by the binary when Tab is pressed
/// (argument-parser's custom completion): nothing here is written into the scripts themselves.
enum CommandLineCompletion {
    /// The value of `-c`: the shell's own commands, the last one completed by ``CompletionEngine``
    /// against the state the other words on the command line describe (`--world`), after the
    /// commands before it in the value have run.
    @Sendable static func commands(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let options = optionsBefore(words, index)
        let state = options.flatMap { try? ShellContext.startingState(for: $0) } ?? PanelState()
        // zsh's script (argument-parser 1.8) miscounts the cursor in a word with an open quote,
        // so there the whole word is taken: the cursor is at its end when Tab completes a value.
        let typed = CompletionShell.requesting == .zsh && words.indices.contains(index) ? words[index] : prefix
        // bash removes quotes from what was typed before it compares (`switch "Ke` → `switch Ke`).
        let bash = CompletionShell.requesting == .bash
        let candidates = CompletionEngine.completeCommandList(shellWord(typed), in: state, backslashesOnly: bash)
        return escapedForRequestingShell(candidates)
    }

    /// The generated scripts do not pass candidates through literally: bash's hands them to
    /// `compgen -W`, which expands them (dropping quotes and backslashes, expanding `$`), so each is
    /// single-quoted; zsh's hands them to `_describe`, which reads `\` as an escape and `:` as the
    /// start of a description, so both are escaped. Fish takes them as they are.
    private static func escapedForRequestingShell(_ candidates: [String]) -> [String] {
        switch CompletionShell.requesting {
        case .bash?: candidates.map { "'" + $0.replacing("'", with: #"'\''"#) + "'" }
        case .zsh?: candidates.map { $0.replacing("\\", with: #"\\"#).replacing(":", with: #"\:"#) }
        default: candidates
        }
    }

    /// The shell options given by the words before the one at `index` (the program's name first).
    private static func optionsBefore(_ words: [String], _ index: Int) -> ShellOptions? {
        let before = words.prefix(max(1, min(index, words.count))).dropFirst().map(shellWord)
        // The word being completed is a value; give its option an empty one so the rest parses.
        let arguments = before.last?.hasPrefix("-") == true ? before + [""] : before
        return (try? Omnipanel.parseAsRoot(arguments) as? Omnipanel)?.options
    }

    /// A word as the shell passes it to custom completion, with its quotes and backslashes resolved
    /// and a leading `~/` expanded, as the shell would before running the program. Fish 3 passes
    /// words already unquoted.
    static func shellWord(_ word: String) -> String {
        let fish3 = CompletionShell.requesting == .fish && (CompletionShell.requestingVersion?.first ?? "4") < "4"
        var text = fish3 ? word : TokenizedLine(word).tokens.map(\.text).joined(separator: " ")
        if text.hasPrefix("~/"), let home = getenv("HOME") {
            text = String(cString: home) + text.dropFirst()
        }
        return text
    }
}
