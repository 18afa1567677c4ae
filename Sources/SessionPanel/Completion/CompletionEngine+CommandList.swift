extension CompletionEngine {
    /// Completion of commands separated by `;`, as `omnipanel -c` takes them: the last command is
    /// completed after the earlier ones have run on `state` (so `open case 42; switch Pr` offers the
    /// case's session). Each candidate is the whole of `text` with its last word completed.
    ///
    /// A shell keeps only candidates that begin with what was typed, so each completed word starts
    /// exactly as typed (its letter case and opening quote kept) and is escaped in the same style:
    /// `switch ke` → `switch kenny\ Smith`, `switch "Ke` → `switch "Kenny Smith"` (the parser matches
    /// titles ignoring case). With `backslashesOnly`, an opening quote is replaced rather than kept
    /// (`switch "Ke` → `switch Kenny\ Smith`), for a shell that drops quotes before it compares.
    public static func completeCommandList(_ text: String, in state: PanelState, backslashesOnly: Bool = false)
        -> [String]
    {
        let commands = TokenizedLine.splitCommands(text)
        var interpreter = Interpreter(state: state)
        for command in commands.dropLast() { _ = interpreter.handle(InputLine(Array(command.utf8))) }
        let completion = complete(commands.last ?? "", in: interpreter.state)
        let typed = String(text.suffix(completion.replacing))
        let kept = String(text.dropLast(completion.replacing))
        return completion.candidates.map { candidate in
            kept + startingAsTyped(quoted(unquoted(candidate.text), like: backslashesOnly ? "" : typed), typed: typed)
        }
    }

    /// `word` beginning with `typed` exactly as it was typed when the two differ only in letter case
    /// (titles match in any case, but a shell keeps only candidates that begin with what was typed).
    public static func startingAsTyped(_ word: String, typed: String) -> String {
        word.prefix(typed.count).lowercased() == typed.lowercased() ? typed + word.dropFirst(typed.count) : word
    }

    /// `value` quoted in the style `typed` began with: in double or single quotes after an opening
    /// quote, otherwise with a backslash before each space, quote, backslash, `#` or `;`.
    private static func quoted(_ value: String, like typed: String) -> String {
        switch typed.first {
        case "\"": return "\"" + escaped(value, where: { $0 == "\"" || $0 == "\\" }) + "\""
        case "'" where !value.contains("'"): return "'" + value + "'"
        default: return escaped(value, where: needsQuoting)
        }
    }
}
