/// What the interactive prompt says of its own accord, before the first command.
public enum PromptText {
    /// The prompt before a command, at the interactive prompt and before a command a script echoes.
    public static let prompt = "omnipanel> "

    /// The first line: what this is and how to get help, and the keys when the line can be edited.
    public static func welcome(editing: Bool) -> String {
        let keys = editing ? "Tab to complete, Ctrl-D to leave" : "Ctrl-D to leave"
        return "omnipanel — the session panel. Type 'help' for commands, \(keys)."
    }
}
