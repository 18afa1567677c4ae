import ArgumentParser
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import SessionPanel

/// `omnipanel`: the session panel of Omnichannel for Customer Service, in the terminal.
@main
struct Omnipanel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "omnipanel",
        abstract: "The Omnichannel session panel in your terminal: accept, open, switch and close customer sessions.",
        discussion: """
            With no arguments and a terminal on standard input, starts the interactive shell.
            With standard input from a file or pipe, runs it as a script, one command per line.
            Type `help` in the shell for the commands.
            """,
        version: "0.1.0",
        subcommands: [Run.self, Completions.self]
    )

    @OptionGroup var options: ShellOptions

    @Option(name: .customShort("c"), help: ArgumentHelp("Run these commands, separated by ';', and exit.", valueName: "commands"),
            completion: .custom(CommandLineCompletion.commands))
    var commands: String?

    mutating func run() throws {
        let shell = try ShellContext(options: options)
        if let commands {
            let lines = TokenizedLine.splitCommands(commands)
            throw ExitCode(shell.runScript(named: "-c", lines: lines.lazy.map { Array($0.utf8) }))
        }
        if Terminal.isInteractive {
            throw ExitCode(InteractiveShell(context: shell).run())
        }
        throw ExitCode(shell.runScript(named: "<stdin>", lines: LineReader(descriptor: STDIN_FILENO)))
    }
}

/// `omnipanel run FILE`: run a script file.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run a script of shell commands, one per line.")

    @OptionGroup var options: ShellOptions

    @Argument(help: ArgumentHelp("The script to run ('-' for standard input).", valueName: "script"),
              completion: .file(extensions: ["omni"]))
    var script: String

    mutating func run() throws {
        let shell = try ShellContext(options: options)
        if script == "-" { throw ExitCode(shell.runScript(named: "<stdin>", lines: LineReader(descriptor: STDIN_FILENO))) }
        let descriptor = open(script, O_RDONLY)
        guard descriptor >= 0 else {
            Output.error("omnipanel: cannot read \(script): \(String(cString: strerror(errno)))")
            throw ExitCode(2)
        }
        defer { close(descriptor) }
        throw ExitCode(shell.runScript(named: script, lines: LineReader(descriptor: descriptor)))
    }
}
