/// A line of a script that directs the run rather than the panel: narration, pauses and assertions.
///
/// The script layer parses them (``parse(_:)``, with their entries in ``CommandTable/directives``, so
/// `help` and completion know them) and ``ScriptRunner`` carries them out: the interpreter and the
/// rules never see them, and the prompt refuses them.
public enum ScriptDirective: Sendable, Equatable {
    /// `echo "<text>"`: print the text.
    case echo(String)
    /// `pause [seconds]`: during live playback, wait this long, or for Enter when `nil`.
    case pause(seconds: Double?)
    /// `expect "<text>"` (`present`) or `expect-not "<text>"`: check the previous command's output.
    case expect(String, present: Bool)
    /// `expect-error "<text>"`: the previous command failed, with an error containing the text.
    case expectError(String)
    /// `at <time> <command>`: schedule a customer-side command at `seconds` since the shift began
    /// (a scenario's timeline; see ``PanelState/schedule(_:at:)``).
    case at(seconds: Int, line: String)

    /// The longest pause accepted, in seconds.
    public static let longestPause = 600.0

    /// Seconds written `2` or `1.5`, within 0…``longestPause``; `nil` for anything else.
    static func pauseSeconds(_ text: String) -> Double? {
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let seconds = Double(text),
            (0...longestPause).contains(seconds)
        else { return nil }
        return seconds
    }

    /// The directive on `line`, or `nil` when the line is something else for the interpreter: a command,
    /// a blank line, a comment, or input it refuses.
    static func parse(_ line: InputLine) throws(CommandError) -> ScriptDirective? {
        // Most lines are commands: a line whose first letter starts no directive's word is left alone
        // without being split (the interpreter splits it, once).
        guard let first = line.firstByte, mayStartDirective(first) else { return nil }
        // Input the interpreter refuses (a bad byte, an open quote) is left for it to report.
        guard let tokens = try? line.tokens(), let word = tokens.first, let spec = CommandTable.spec(for: word.text),
            case .directive(let build) = spec.builder
        else { return nil }
        var arguments = try Arguments(tokens.dropFirst(), for: spec)
        return try build(&arguments)
    }

    /// Whether a line starting with `byte` may hold a directive: not when it is an ASCII letter that
    /// starts no directive's word.
    private static func mayStartDirective(_ byte: UInt8) -> Bool {
        let lowercased = byte | 0x20
        guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lowercased) else { return true }
        return initials.contains(lowercased)
    }

    /// The first letters of the directives' words.
    private static let initials = Set(CommandTable.directives.compactMap { $0.name.utf8.first })
}
