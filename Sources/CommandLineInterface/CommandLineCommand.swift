/// The program or one of its subcommands, as the table defines it.
public struct CommandLineCommand: Sendable, Equatable {
    /// `omnipanel`, `run`, `completions`.
    public let name: String
    /// One line for the subcommand list and the top of `--help`.
    public let summary: String
    /// The usage lines, without the leading `omnipanel`-free indentation.
    public let usage: [String]
    /// Further lines shown by `--help`, as written (not re-wrapped).
    public let discussion: [String]
    /// The options it takes, in the order help lists them.
    public let options: [OptionSpec]
    /// Its one positional argument, if it takes one.
    public let argument: ArgumentSpec?

    /// The option spelled `spelling` (`--world`, `-c`), if this command takes it.
    public func option(spelled spelling: String) -> OptionSpec? {
        options.first { $0.spellings.contains(spelling) }
    }

    /// How help and error hints name it: `omnipanel`, `omnipanel run`.
    public var fullName: String {
        name == CommandLineTable.programName ? name : "\(CommandLineTable.programName) \(name)"
    }
}

/// A subcommand's positional argument.
public struct ArgumentSpec: Sendable, Equatable {
    /// What it takes, and how it completes.
    public let value: OptionValue
    /// One sentence for `--help`.
    public let help: String
}
