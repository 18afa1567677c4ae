/// The plain-text output of one script command, which `expect` and `expect-not` check.
struct CommandOutput: Sendable, Equatable {
    /// The script line of the command.
    let line: Int
    /// The line as read (decoded only when an expectation fails and quotes it).
    let typed: InputLine
    /// What it printed as plain text (ASCII, no colour, 80 columns), error lines and answers included.
    var lines: [String] = []

    /// The command as typed.
    var input: String { typed.text }
}

/// Checking `expect "<text>"` and `expect-not "<text>"` against the previous command's output.
enum Expectation {
    /// The most lines of output quoted when an `expect-not` fails.
    static let quotedLines = 5

    /// `nil` when the expectation holds; otherwise a `name:line: error: …` headline and diff-like lines:
    /// `- expected` and `+ closest` for `expect`, `+ line` for each offending line of `expect-not`.
    static func failure(_ text: String, present: Bool, in output: CommandOutput?, at position: FilePosition)
        -> [String]?
    {
        let word = present ? "expect" : "expect-not"
        let shown = "\"" + VisibleText.escaped(text) + "\""
        guard let output else { return [position.error("\(word) \(shown): no command ran before it")] }
        let found = output.lines.joined(separator: "\n").contains(text)
        guard found != present else { return nil }
        let command = "the output of line \(output.line) (\(VisibleText.escaped(output.input)))"
        if present {
            let closest = closestLine(to: text, in: output.lines).map { "  + closest:  " + VisibleText.escaped($0) }
            return [
                position.error("expect failed: \(command) does not contain \(shown)"),
                "  - expected: " + VisibleText.escaped(text),
                closest ?? "  + (the command printed nothing)",
            ]
        }
        let offending = output.lines.filter { $0.contains(text) }
        let quoted = (offending.isEmpty ? output.lines : offending).prefix(quotedLines)
        let more = offending.count > quotedLines ? ["  … and \(offending.count - quotedLines) more lines"] : []
        return [position.error("expect-not failed: \(command) contains \(shown)")]
            + quoted.map { "  + " + VisibleText.escaped($0) } + more
    }

    /// The line sharing the most characters, in order, with `text` (the longest common subsequence);
    /// of equals, the one closest in length.
    static func closestLine(to text: String, in lines: [String]) -> String? {
        let wanted = Array(text)
        let scored = lines.map { line in
            let characters = Array(line)
            return (line, LongestCommonSubsequence(wanted, characters).length, abs(characters.count - wanted.count))
        }
        return scored.max { ($0.1, -$0.2) < ($1.1, -$1.2) }?.0
    }
}
