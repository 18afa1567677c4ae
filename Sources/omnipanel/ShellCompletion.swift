import CommandLineInterface
import SessionPanel
import SystemIO

/// `omnipanel __complete SHELL WORDS…`, which the completion scripts run when Tab is pressed: the
/// pure ``CommandLineCompleter``, with the starting state loaded from the files the line names.
enum ShellCompletion {
    /// The lines to print for the shell's script.
    static func reply(to words: [String], for shell: CompletionShell) -> [String] {
        CommandLineCompleter.complete(words, for: shell, startingState: startingState).lines(for: shell)
    }

    /// The state `options` start from, quietly: a fresh one when the files cannot be used.
    private static func startingState(_ options: ShellOptions) -> PanelState {
        var options = options
        options.worlds = options.worlds.map(expandingHome)
        options.state = options.state.map(expandingHome)
        return (try? ShellContext.startingState(for: options)) ?? PanelState()
    }

    /// A leading `~/` expanded, as the shell would before running the program.
    private static func expandingHome(_ path: String) -> String {
        guard path.hasPrefix("~/"), let home = getenv("HOME") else { return path }
        return String(cString: home) + path.dropFirst()
    }
}
