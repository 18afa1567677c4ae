/// The command table: every panel command, in the order `help` lists them.
public enum CommandTable {
    /// All commands, then the script directives.
    public static let all: [CommandSpec] = commands + slashCommands + directives

    /// The commands the interpreter applies.
    public static let commands: [CommandSpec] = [
        incoming, notifications, accept, reject, open, pick, dashboard,
        switchCommand, close, end, transfer, consult, link, unlink, hover, panel, show,
        message, reply, history, note, notes, summary, sentiment, leave, kb, quickreply,
        type, form, tab, tabs,
        presence, config, clock, traffic, report,
        help, clear, quit,
    ]

    /// Every entry by group (``CommandGroup``, in its order), each in the table's order: how `help`,
    /// the manual page and the README list them.
    public static var grouped: [(group: CommandGroup, specs: [CommandSpec])] {
        CommandGroup.allCases.map { group in (group, all.filter { $0.group == group }) }.filter { !$0.specs.isEmpty }
    }

    /// The command a word runs (name or alias, ignoring case).
    public static func spec(for word: String) -> CommandSpec? {
        byWord[word] ?? byWord[word.lowercased()]
    }

    /// Every command word, mapped to its command.
    private static let byWord: [String: CommandSpec] = {
        var byWord: [String: CommandSpec] = [:]
        byWord.reserveCapacity(64)
        for spec in all {
            for word in spec.words where byWord[word] == nil { byWord[word] = spec }
        }
        return byWord
    }()

    /// Every command word, names and aliases.
    public static var words: [String] { all.flatMap { $0.words } }
}
