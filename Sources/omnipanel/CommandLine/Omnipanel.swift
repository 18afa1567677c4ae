import ArgumentParser
import SessionPanel
import SystemIO

/// `omnipanel`: the session panel of Omnichannel for Customer Service, in the terminal.
///
/// The command line is swift-argument-parser's, as its documentation shapes one (`Examples/math`):
/// the root holds the options every way of running commands takes (``RunOptions``, shared with
/// `prompt` and `run` through `@OptionGroup`, so they go before or after the subcommand), and its
/// subcommands are `prompt` (the default: the prompt, `-c`, a script on standard input), `do` (one
/// panel command given as words), `run`, `completions`, `export` and `import`.
@main
struct Omnipanel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "omnipanel",
        abstract: "The Omnichannel session panel in your terminal: accept, open, switch and close customer sessions.",
        usage: """
            omnipanel [<options>]                   the prompt, or a script piped in
            omnipanel --traffic <profile> | --scenario <file> [--speed <factor>]
                                                    the prompt during a live shift
            omnipanel [<options>] -c <commands>     commands separated by ';'
            omnipanel [<options>] do <command> ...  one command, e.g. omnipanel do accept
            omnipanel run [<options>] <script>      a script file (see run --help)
            omnipanel completions <shell>           the script for bash, zsh or fish
            omnipanel --state <file> export         the saved state, as JSON
            omnipanel --state <file> import <json>  replace it with a JSON state
            omnipanel --state <file> customer       play the customers of a trainee's prompt
            """,
        discussion: """
            With no arguments and a terminal on standard input, starts the interactive prompt; with \
            standard input from a file or pipe, runs it as a script, one command per line. Type 'help' \
            at the prompt, or run 'omnipanel do help', for the panel's commands; 'omnipanel help \
            prompt' for -c and the options that start a live shift (--traffic, --seed, --scenario, \
            --speed).

            'do' runs one command given as words, e.g. 'omnipanel --state class.db do open case 42'; \
            everything after 'do' is the command's, its own options too ('do close 1 --yes'). -c runs \
            several, separated by ';'.

            Exit status: 0 all good; 1 a command or expectation failed; 2 usage error; 3 the state \
            file is unreadable or not a usable state; 4 it is from a newer omnipanel; 5 it is in use \
            by another omnipanel; 6 it cannot be saved.
            """,
        version: "0.1.0",
        subcommands: [
            PromptCommand.self, DoCommand.self, RunCommand.self, CustomerCommand.self, CompletionsCommand.self,
            ExportCommand.self, ImportCommand.self, CompleteCommand.self, ManualCommand.self,
        ],
        defaultSubcommand: PromptCommand.self)

    @OptionGroup var options: RunOptions

    /// Parses the command line, runs it and exits with its status: usage errors with 2, as before
    /// the move to argument-parser (which uses 64), other failures with their own (see the discussion).
    static func main() {
        guard StandardDescriptors.openClosedOnes() else { terminate(1) }
        // A write past `ulimit -f` then fails with EFBIG, reported as every failed write is, instead of
        // killing the program mid-save with the temporary file left behind.
        signal(SIGXFSZ, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        let status: Int32
        do {
            if arguments.isEmpty {
                // Nothing to parse: the prompt (or a script on standard input) with the defaults, as
                // `parseAsRoot([])` gives them (a test checks), without argument-parser's reflection
                // over every command, which costs start-up (README: Performance).
                status = try PromptCommand.run(.parse([]), .parse([]), .standardInput)
            } else {
                var command = try parseAsRoot(arguments)
                try command.run()
                status = 0
            }
        } catch let error as ExitStatus {
            status = error.code
        } catch let error as UsageError {
            status = error.emit()
        } catch {
            status = answer(error, to: arguments)
        }
        Output.flush()
        terminate(status)
    }

    /// What argument-parser stopped with: help, the version or its completion script (status 0, on
    /// standard output), or a usage error (status 2, one line and a hint on standard error).
    private static func answer(_ error: Error, to arguments: [String]) -> Int32 {
        if exitCode(for: error) == .success {
            let text = fullMessage(for: error)
            if !text.isEmpty { Output.print([text]) }
            return 0
        }
        return UsageError(message(for: error), command: helpCommand(in: arguments)).emit()
    }

    /// The command whose `--help` explains a usage error in `arguments`: the subcommand named first
    /// (`omnipanel run`), or `omnipanel`.
    private static func helpCommand(in arguments: [String]) -> String {
        let program = configuration.commandName ?? "omnipanel"
        let names = configuration.subcommands.filter { $0.configuration.shouldDisplay }.compactMap {
            $0.configuration.commandName
        }
        return arguments.first(where: names.contains).map { "\(program) \($0)" } ?? program
    }
}

/// A command line the program cannot run, found after argument-parser parsed it: one line naming
/// the problem, and the command whose `--help` explains it. The program ends with status 2.
struct UsageError: Error {
    let message: String
    let command: String

    init(_ message: String, command: String = "omnipanel") {
        self.message = message
        self.command = command
    }

    /// Prints the two lines on standard error, the message escaped as customer text is (option
    /// values quoted in it never reach the terminal raw); returns the status, 2.
    func emit() -> Int32 {
        Diagnostics.emit(Diagnostic(escaping: message, status: 2, notes: ["Run '\(command) --help' for usage."]))
    }
}

/// Ends a run early with an exit status, its message already printed.
struct ExitStatus: Error {
    let code: Int32
    init(_ code: Int32) { self.code = code }
}

/// Ends the process (the global `exit`, which `ParsableCommand`'s own `exit(withError:)` hides).
private func terminate(_ status: Int32) -> Never { exit(status) }
