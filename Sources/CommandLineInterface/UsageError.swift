import SessionPanel

/// A command line the program cannot run: one line naming the problem, and the command whose
/// `--help` explains it. The program prints both and ends with status 2.
public struct UsageError: Error, Equatable {
    /// What is wrong, e.g. `unknown option '--colr'; did you mean '--color'?`.
    public let message: String
    /// The command whose help the hint points to.
    public let command: String

    public init(_ message: String, in command: CommandLineCommand = CommandLineTable.root) {
        self.message = message
        self.command = command.fullName
    }

    /// The two lines for standard error; the option values quoted in the message are escaped as
    /// customer text is, so no control character from the command line reaches the terminal.
    public var lines: [String] {
        ["\(CommandLineTable.programName): \(VisibleText.escaped(message))", "Run '\(command) --help' for usage."]
    }
}
