/// The call-back of argument-parser's completion scripts, `omnipanel ---completion [<subcommand>] --
/// <argument> <index> <cursor> <words>…`, checked before argument-parser reads it: it stops the
/// program (SIGILL) on a negative cursor.
enum CompletionCallback {
    /// What is wrong with `arguments` as a call-back, or nil when they are fine or not a call-back.
    static func problem(in arguments: [String]) -> String? {
        guard arguments.first == "---completion" else { return nil }
        let usage = "[<subcommand>] -- <argument> <index> <cursor> <words>..."
        guard let separator = arguments.firstIndex(of: "--"), arguments.count >= separator + 4 else {
            return "---completion: expected \(usage)"
        }
        for number in arguments[(separator + 2)...(separator + 3)] where Int(number).map({ $0 < 0 }) ?? true {
            return "---completion: the index and the cursor are whole numbers from 0, not '\(number)'"
        }
        return nil
    }
}
