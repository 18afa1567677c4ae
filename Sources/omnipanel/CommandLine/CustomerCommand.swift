import ArgumentParser
import LineEditor
import SessionPanel
import SystemIO

/// `omnipanel customer --state FILE` (or `--class DIR`): the trainer plays the customers of the
/// trainee's prompt running on that state file — or of every trainee's prompt whose socket is in
/// the folder — from another terminal (README: Role-play).
struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer",
        abstract: "Play the customers of a trainee's prompt running on the state file (role-play).",
        usage: "omnipanel --state <file> customer [-c <commands>]\nomnipanel customer --class <folder> [-c <commands>]",
        discussion: """
            Connects to the socket the trainee's prompt listens on while it runs (the state file's \
            name and '.sock'); with --class, to every one in the folder, each trainee's lines then \
            starting with their name. At the prompt, or in -c's commands separated by ';': arrive \
            [chat|sms|voice|social] "<name>", say "<name>" "<text>", mood "<name>" <level>, leave \
            "<name>", status, help, quit. What the customers would see (accepted, the agent's \
            replies, transfers, the end) shows as it happens.
            """)

    /// `--state`, before `customer` or after it.
    @ParentCommand var root: Omnipanel

    @Option(
        name: .customShort("c"),
        help: ArgumentHelp(
            "Send these customer lines, separated by ';', each waiting for its answer, and exit.",
            valueName: "commands"))
    var commands: String?

    /// `--class DIR`: every trainee's prompt with its socket in the folder.
    @Option(
        name: .customLong("class"),
        help: ArgumentHelp(
            "Play for every trainee's prompt running on a state file in this folder, all at once.",
            valueName: "folder"),
        completion: .directory)
    var classFolder: String?

    func validate() throws {
        if let stray = root.options.firstGivenBesidesState {
            throw ValidationError("\(stray) does not go with customer")
        }
        switch (root.options.state, classFolder) {
        case (nil, nil): throw ValidationError("customer needs --state <file>, or --class <folder>")
        case (.some, .some):
            throw ValidationError("--state and --class do not go together: one trainee, or every one in a folder")
        default: if classFolder == "" { throw ValidationError("--class needs a folder, not ''") }
        }
    }

    func run() throws {
        let session = TrainerSession(connections: try connections())
        let status: Int32
        if let commands {
            status = session.run(TokenizedLine.splitCommands(commands))
        } else if Terminal.isInteractive,
            let editor = LineEditor(programName: Diagnostics.programName, historyFile: TrainerSession.historyPath)
        {
            for warning in editor.warnings { _ = Diagnostics.emit(Diagnostic(escaping: warning, severity: .warning)) }
            status = session.prompt(editor)
            if let problem = editor.saveHistory() { _ = Diagnostics.emit(Diagnostic(escaping: problem)) }
        } else {
            var lines: [String] = []
            let reader = LineReader(descriptor: .standardInput)
            while let line = reader.next() { lines.append(line.text) }
            status = session.run(lines)
        }
        if status != 0 { throw ExitStatus(status) }
    }

    /// The trainees' prompts to play for, connected: the state file's, or each one running in the class folder.
    private func connections() throws -> [(name: String, descriptor: FileDescriptor)] {
        if let state = root.options.state {
            let path = RolePlayServer.socketPath(forState: state)
            do {
                return [(TrainerSession.traineeName(ofState: state), try UnixSocket.connect(to: path))]
            } catch {
                throw Diagnostics.exit(
                    Diagnostic("cannot reach the trainee's prompt at '\(VisibleText.escaped(path))': \(error)"))
            }
        }
        let folder = classFolder ?? "."
        let names: [String]
        do {
            names = try FolderListing.names(in: folder).filter { $0.hasSuffix(".sock") }.sorted()
        } catch {
            throw Diagnostics.exit(
                Diagnostic("cannot list the class folder '\(VisibleText.escaped(folder))': \(error)"))
        }
        var connections: [(name: String, descriptor: FileDescriptor)] = []
        for name in names {
            let state = String(name.dropLast(".sock".count))
            do {
                connections.append(
                    (TrainerSession.traineeName(ofState: state), try UnixSocket.connect(to: folder + "/" + name)))
            } catch {
                _ = Diagnostics.emit(
                    Diagnostic("skipped '\(VisibleText.escaped(name))': \(error)", severity: .warning))
            }
        }
        guard !connections.isEmpty else {
            throw Diagnostics.exit(Diagnostic("no trainee's prompt runs in '\(VisibleText.escaped(folder))'"))
        }
        return connections
    }
}
