/// One entry of the command table: the single source for parsing, `help`, completion in the prompt,
/// and the shell completion scripts.
public final class CommandSpec: Sendable {
    /// The command word, e.g. `switch`.
    public let name: String
    /// Other words that run the same command, e.g. `exit` for `quit`.
    public let aliases: [String]
    /// The usage lines, e.g. `switch <n|home|title>`.
    public let usage: [String]
    /// One line saying what the command does.
    public let summary: String
    /// Whose command it is: the agent's, the trainer's (the customer side and the shift), or a script's.
    public let group: CommandGroup
    /// More help, shown by `help <command>`.
    public var details: String { makeDetails() }
    /// Writes ``details`` when help asks: some list every setting or level, which is work the start
    /// of every run should not do.
    private let makeDetails: @Sendable () -> String
    /// The arguments, for completion.
    public let arguments: [ArgumentSlot]
    /// Options such as `--yes`.
    public let flags: [Flag]
    /// Builds the line from its arguments.
    let builder: Builder

    /// What a line starting with the entry's word becomes.
    enum Builder: Sendable {
        /// A command, for the interpreter to apply to the state.
        case command(@Sendable (inout Arguments) throws(CommandError) -> Command)
        /// A script directive, carried out by the script layer (``ScriptRunner``) and refused at the prompt.
        case directive(@Sendable (inout Arguments) throws(CommandError) -> ScriptDirective)
    }

    /// An option of a command.
    public struct Flag: Sendable, Equatable {
        /// The long spelling, e.g. `--yes`.
        public let name: String
        /// A short spelling, e.g. `-y`.
        public let shortName: String?
        /// What it does.
        public let summary: String
        /// The name of the value it takes (`--seed N`), or `nil` for a switch (`--yes`).
        public let valueName: String?
        /// The kind of value Tab offers for it, if any.
        public let valueKind: ValueKind?

        init(
            name: String, shortName: String? = nil, summary: String, valueName: String? = nil,
            valueKind: ValueKind? = nil
        ) {
            self.name = name
            self.shortName = shortName
            self.summary = summary
            self.valueName = valueName
            self.valueKind = valueKind
        }
    }

    /// A command's entry.
    convenience init(
        _ name: String, aliases: [String] = [], group: CommandGroup = .agent, usage: [String], summary: String,
        details: @autoclosure @escaping @Sendable () -> String = "",
        arguments: [ArgumentSlot] = [], flags: [Flag] = [],
        build: @escaping @Sendable (inout Arguments) throws(CommandError) -> Command
    ) {
        self.init(
            name, aliases: aliases, group: group, usage: usage, summary: summary, details: details,
            arguments: arguments, flags: flags, builder: .command(build))
    }

    /// A script directive's entry.
    convenience init(
        directive name: String, usage: [String], summary: String,
        details: @autoclosure @escaping @Sendable () -> String = "",
        arguments: [ArgumentSlot] = [],
        build: @escaping @Sendable (inout Arguments) throws(CommandError) -> ScriptDirective
    ) {
        self.init(
            name, group: .script, usage: usage, summary: summary, details: details, arguments: arguments,
            builder: .directive(build))
    }

    private init(
        _ name: String, aliases: [String] = [], group: CommandGroup, usage: [String], summary: String,
        details: @escaping @Sendable () -> String,
        arguments: [ArgumentSlot], flags: [Flag] = [], builder: Builder
    ) {
        self.name = name
        self.aliases = aliases
        self.group = group
        self.usage = usage
        self.summary = summary
        self.makeDetails = details
        self.arguments = arguments
        self.flags = flags
        self.builder = builder
    }

    /// Every word that runs this command.
    public var words: [String] { [name] + aliases }
}

/// Whose command an entry of the table is, for `help`, the manual page and the README's table.
public enum CommandGroup: String, Sendable, CaseIterable {
    /// What the agent does in the product: accept, open, switch, reply, close, …
    case agent
    /// What the trainer does: the customer side (a request arrives, the customer writes or turns
    /// angry), the shift's clock and traffic, the settings and the report.
    case trainer
    /// omnipanel itself: help, quit.
    case program
    /// Script directives, which only scripts carry out.
    case script

    /// The heading the group's commands are listed under.
    public var heading: String {
        switch self {
        case .agent: "Agent commands"
        case .trainer: "Trainer commands (the customer side and the shift)"
        case .program: "omnipanel"
        case .script: "Script directives (scripts only)"
        }
    }
}

/// One position in a command's arguments, as completion sees it.
public indirect enum ArgumentSlot: Sendable {
    /// A fixed word that may lead to further arguments, optionally or a value instead.
    case keyword([Keyword], orValue: ValueKind? = nil)
    /// A value of some kind.
    case value(ValueKind)
}

/// A fixed word in a command's arguments, such as `case` in `open case 42`.
public struct Keyword: Sendable {
    /// The word.
    public let word: String
    /// What choosing it means.
    public let summary: String
    /// The arguments that follow it.
    public let then: [ArgumentSlot]

    init(_ word: String, _ summary: String, then: [ArgumentSlot] = []) {
        self.word = word
        self.summary = summary
        self.then = then
    }
}

/// The kinds of values completion can offer.
public enum ValueKind: Sendable, Equatable {
    /// Any session, Home included.
    case session
    /// A customer session (not Home).
    case customerSession
    /// A session showing a conversation.
    case conversationSession
    case notification
    case caseNumber
    case contactName
    case accountName
    /// A knowledge article's id (the world's, completed over its index).
    case articleID
    /// A queue's name (the world's).
    case queueName
    /// A colleague agent's name (the world's).
    case agentName
    /// A disposition code (the world's).
    case dispositionCode
    /// A number of the last quick-reply list.
    case quickReplyNumber
    /// Words or a `#tag` to list quick replies by: a `#tag` completes with the tags of the world's
    /// quick replies and the agent's own.
    case quickReplyFilter
    case workItem([WorkStream])
    case channel
    case sentiment
    case presence
    case settingKey
    /// The value of the setting named by the previous word.
    case settingValue
    case duration
    case tabNumber
    /// A tab that can be closed: not the anchor.
    case closableTabNumber
    case field
    case commandName
    /// Free text (a message, a name, an id): nothing to offer.
    case text
}
