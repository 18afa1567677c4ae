import ArgumentParser

/// `omnipanel --state FILE export`: the saved state as JSON (format version 1) on standard output.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the state file's state as JSON (the version-1 format) to standard output.",
        usage: "omnipanel --state <file> export",
        discussion: "For reading or diffing a saved state; import reads it back.")

    @ParentCommand var root: Omnipanel
    @OptionGroup var state: StateOption

    func validate() throws { _ = try state.path(given: root, to: "export") }

    func run() throws {
        let status = StateTransfer.export(try state.path(given: root, to: "export"))
        if status != 0 { throw ExitStatus(status) }
    }
}

/// `omnipanel --state FILE import JSON`: replaces the saved state with one read from JSON.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Replace the state file's state with one read from JSON (as export writes it).",
        usage: "omnipanel --state <file> import <json>",
        discussion: """
            The state file is created when it does not exist; a JSON file that is not a usable state \
            changes nothing.
            """)

    @ParentCommand var root: Omnipanel
    @OptionGroup var state: StateOption

    @Argument(help: ArgumentHelp("The JSON state to read.", valueName: "json"), completion: .file(extensions: ["json"]))
    var json: String

    func validate() throws {
        _ = try state.path(given: root, to: "import")
        if json.isEmpty { throw ValidationError("<json> needs a file name, not ''") }
    }

    func run() throws {
        let status = StateTransfer.import(json, into: try state.path(given: root, to: "import"))
        if status != 0 { throw ExitStatus(status) }
    }
}

/// `--state FILE` for `export` and `import`, which may also come before them.
struct StateOption: ParsableArguments {
    @Option(help: ArgumentHelp("The SQLite state file.", valueName: "file"), completion: .file(extensions: ["db"]))
    var state: [String] = []

    init() {}

    /// The state file, from this option or the root's; the root's other options do not go with `command`.
    func path(given root: Omnipanel, to command: String) throws -> String {
        if let stray = (root.panel.given + root.start.given).first(where: { $0 != "--state" }) {
            throw ValidationError("\(stray) does not go with \(command)")
        }
        guard let path = try onlyStateFile(root.panel.state + state) else {
            throw ValidationError("\(command) needs --state <file>")
        }
        if path.isEmpty { throw ValidationError("--state needs a file name, not ''") }
        return path
    }
}
