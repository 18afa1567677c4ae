/// The command table: every command the shell knows, in the order `help` lists them.
public enum CommandTable {
    /// All commands.
    public static let all: [CommandSpec] = [
        incoming, notifications, accept, reject, open, pick, dashboard,
        switchCommand, close, end, link, hover, panel, show,
        message, reply, history, sentiment,
        type, form, tab, tabs,
        presence, config, clock,
        help, quit,
        echo, pause, expect, expectNot,
    ]

    /// The command a word runs (name or alias, ignoring case).
    public static func spec(for word: String) -> CommandSpec? {
        let word = word.lowercased()
        return all.first { $0.words.contains(word) }
    }

    /// Every command word, names and aliases.
    public static var words: [String] { all.flatMap(\.words) }
}
