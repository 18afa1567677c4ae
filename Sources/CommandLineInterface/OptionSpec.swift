/// One option of the command line, as the table defines it: how it is spelled, what it takes, its
/// help, and how its value completes. Parsing, help, usage errors and shell completion all read it.
public struct OptionSpec: Sendable, Equatable {
    /// Which option this is, for the parser to store its value.
    public let key: OptionKey
    /// The long spelling without dashes (`world` for `--world`), if any.
    public let long: String?
    /// The short spelling without its dash (`c` for `-c`), if any.
    public let short: Character?
    /// What follows the option: nothing for a flag, otherwise a value and how it completes.
    public let value: OptionValue
    /// One sentence for `--help` and the shells' completion listings.
    public let help: String

    init(_ key: OptionKey, long: String? = nil, short: Character? = nil, value: OptionValue = .none, help: String) {
        self.key = key
        self.long = long
        self.short = short
        self.value = value
        self.help = help
    }

    /// Every way to write the option: `-h`, `--help`.
    public var spellings: [String] {
        (short.map { ["-\($0)"] } ?? []) + (long.map { ["--\($0)"] } ?? [])
    }

    /// How messages name the option: its long spelling when it has one.
    public var name: String { long.map { "--\($0)" } ?? short.map { "-\($0)" } ?? "" }

    /// Whether the option takes a value.
    public var takesValue: Bool { value.placeholder != nil }
}

/// Which option an ``OptionSpec`` is.
public enum OptionKey: Sendable, Equatable {
    case world, color, width, strict, echo, state, format, quiet, commands
    case check, record, pace, cast, report
    case speed, traffic, seed, scenario
    case help, version
}

/// What an option or argument takes, and how the shells complete it.
public enum OptionValue: Sendable, Equatable {
    /// Nothing: the option is a flag.
    case none
    /// A file name, completed with files ending in `.extension` and folders.
    case file(placeholder: String, extension: String)
    /// One of fixed words.
    case choice(placeholder: String, [String])
    /// A number (not completed).
    case number(placeholder: String)
    /// Shell commands separated by `;`, completed by the binary from the state the options describe.
    case commands(placeholder: String)

    /// The value's name in help and messages (`file` for `--world <file>`); `nil` for a flag.
    public var placeholder: String? {
        switch self {
        case .none: nil
        case .file(let placeholder, _), .choice(let placeholder, _), .number(let placeholder),
            .commands(let placeholder):
            placeholder
        }
    }
}

extension OptionValue {
    /// The words a choice takes; none for other values.
    public var choices: [String] {
        if case .choice(_, let words) = self { words } else { [] }
    }
}
