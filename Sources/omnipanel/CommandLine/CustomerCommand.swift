import ArgumentParser
import LineEditor
import SessionPanel
import SystemIO

/// `omnipanel customer --state FILE`: the trainer plays the customers of the trainee's prompt running
/// on that state file, from a second terminal (README: Role-play).
struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer",
        abstract: "Play the customers of a trainee's prompt running on the state file (role-play).",
        usage: "omnipanel --state <file> customer [-c <commands>]",
        discussion: """
            Connects to the socket the trainee's prompt listens on while it runs (the state file's \
            name and '.sock'). At the prompt, or in -c's commands separated by ';': arrive [chat|sms|\
            voice|social] "<name>", say "<name>" "<text>", mood "<name>" <level>, leave "<name>", \
            status, help, quit. What the customers would see (accepted, the agent's replies, \
            transfers, the end) shows as it happens.
            """)

    /// `--state`, before `customer` or after it.
    @ParentCommand var root: Omnipanel

    @Option(
        name: .customShort("c"),
        help: ArgumentHelp(
            "Send these customer lines, separated by ';', each waiting for its answer, and exit.",
            valueName: "commands"))
    var commands: String?

    func validate() throws { _ = try root.options.onlyStateFile(for: "customer") }

    func run() throws {
        let state = try root.options.onlyStateFile(for: "customer")
        let path = RolePlayServer.socketPath(forState: state)
        let connection: FileDescriptor
        do {
            connection = try UnixSocket.connect(to: path)
        } catch {
            throw Diagnostics.exit(
                Diagnostic("cannot reach the trainee's prompt at '\(VisibleText.escaped(path))': \(error)"))
        }
        let session = TrainerSession(connection: connection)
        let status: Int32
        if let commands {
            status = session.run(TokenizedLine.splitCommands(commands))
        } else if Terminal.isInteractive,
            let editor = LineEditor(programName: Diagnostics.programName, historyFile: TrainerSession.historyPath)
        {
            for warning in editor.warnings { _ = Diagnostics.report(Diagnostic(escaping: warning, severity: .warning)) }
            status = session.prompt(editor)
            if let problem = editor.saveHistory() { _ = Diagnostics.report(Diagnostic(escaping: problem)) }
        } else {
            var lines: [String] = []
            let reader = LineReader(descriptor: .standardInput)
            while let line = reader.next() { lines.append(line.text) }
            status = session.run(lines)
        }
        if status != 0 { throw ExitStatus(status) }
    }
}
