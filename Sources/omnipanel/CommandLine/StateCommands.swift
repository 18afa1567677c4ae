import ArgumentParser

/// `omnipanel --state FILE export`: the saved state as JSON (format version 1) on standard output.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the state file's state as JSON (the version-1 format) to standard output.",
        usage: "omnipanel --state <file> export",
        discussion: "For reading or diffing a saved state; import reads it back.")

    /// `--state`, before `export` or after it.
    @ParentCommand var root: Omnipanel

    func validate() throws { _ = try root.options.onlyStateFile(for: "export") }

    func run() throws {
        let status = StateTransfer.export(try root.options.onlyStateFile(for: "export"))
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

    /// `--state`, before `import` or after it.
    @ParentCommand var root: Omnipanel

    @Argument(help: ArgumentHelp("The JSON state to read.", valueName: "json"), completion: .file(extensions: ["json"]))
    var json: String

    func validate() throws {
        _ = try root.options.onlyStateFile(for: "import")
        if json.isEmpty { throw ValidationError("<json> needs a file name, not ''") }
    }

    func run() throws {
        let status = StateTransfer.import(json, into: try root.options.onlyStateFile(for: "import"))
        if status != 0 { throw ExitStatus(status) }
    }
}

extension RunOptions {
    /// The state file, for `command`, which takes no other of these options.
    func onlyStateFile(for command: String) throws -> String {
        if let stray = firstGivenBesidesState { throw ValidationError("\(stray) does not go with \(command)") }
        guard let state else { throw ValidationError("\(command) needs --state <file>") }
        return state
    }
}
