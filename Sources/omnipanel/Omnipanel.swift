import CommandLineInterface
import SessionPanel
import SystemIO

/// `omnipanel`: the session panel of Omnichannel for Customer Service, in the terminal.
@main
enum Omnipanel {
    /// Parses the command line (see ``CommandLineParser``), runs it and exits with its status.
    static func main() {
        guard StandardDescriptors.openClosedOnes() else { exit(1) }
        let status: Int32
        do {
            status = try run(CommandLineParser.parse(Array(CommandLine.arguments.dropFirst())))
        } catch let error as UsageError {
            error.lines.forEach(Output.error)
            status = 2
        } catch let error as ExitStatus {
            status = error.code
        } catch {
            Output.error("omnipanel: \(error)")
            status = 1
        }
        Output.flush()
        exit(status)
    }

    /// Does what the command line asks; returns the exit status.
    static func run(_ invocation: Invocation) throws -> Int32 {
        switch invocation {
        case .shell(let options, let input): return try runShell(options, input)
        case .run(let options, let script): return try run(script, options)
        case .exportState(let path): return StateTransfer.export(path)
        case .importState(let path, let json): return StateTransfer.import(json, into: path)
        case .help(let command): Output.print(HelpPage.lines(for: command))
        case .version: Output.print([CommandLineTable.version])
        case .printManual: Output.print(ManualPage.lines)
        case .printCompletionScript(let shell): Output.print([CompletionScript.text(for: shell)])
        case .complete(let shell, let words): Output.print(ShellCompletion.reply(to: words, for: shell))
        }
        return 0
    }

    /// One command given as words, `-c`, a script on standard input, or the prompt on a terminal.
    private static func runShell(_ options: ShellOptions, _ input: ShellInput) throws -> Int32 {
        let interactive = input == .standardInput && Terminal.isInteractive
        if interactive, options.format != .text { throw UsageError("--format json needs a command, -c or a script") }
        if !interactive, options.live.isGiven {
            throw UsageError(
                "--traffic, --seed, --scenario and --speed need a terminal for the prompt; a script writes `traffic …` and `at …` lines, or runs with `omnipanel run FILE`"
            )
        }
        let shell = try ShellContext(options: options, interactive: interactive)
        switch input {
        case .words(let words):
            return shell.runScript(named: "<command>", lines: [InputLine(words: words)])
        case .commands(let commands):
            return shell.runScript(
                named: "-c", lines: TokenizedLine.splitCommands(commands).map { InputLine(Array($0.utf8)) })
        case .standardInput:
            if interactive { return InteractiveShell(context: shell).run() }
            return shell.runScript(named: "<stdin>", lines: LineReader(descriptor: .standardInput))
        }
    }

    /// `omnipanel run`: a script file or standard input, played, checked or recorded.
    private static func run(_ script: RunScript, _ options: ShellOptions) throws -> Int32 {
        let shell = try ShellContext(options: options)
        let pace: Double?
        switch script.mode {
        case .check: return TranscriptRun(path: script.path, state: shell.initialState, strict: options.strict).check()
        case .record(let pace):
            return TranscriptRun(path: script.path, state: shell.initialState, strict: options.strict)
                .record(cast: script.cast, pace: pace)
        case .play(let seconds): pace = seconds
        }
        if script.path == "-" {
            return shell.runScript(
                named: "<stdin>", lines: LineReader(descriptor: .standardInput), pace: pace, cast: script.cast,
                report: script.report)
        }
        let descriptor: FileDescriptor
        do throws(SystemError) {
            descriptor = try InputFile.open(script.path)
        } catch {
            Output.error("omnipanel: cannot read \(VisibleText.escaped(script.path)): \(error)")
            return 2
        }
        defer { try? descriptor.close() }
        return shell.runScript(
            named: script.path, lines: LineReader(descriptor: descriptor), pace: pace, cast: script.cast,
            report: script.report)
    }
}

/// Ends a run early with an exit status, its message already printed.
struct ExitStatus: Error {
    let code: Int32
    init(_ code: Int32) { self.code = code }
}
