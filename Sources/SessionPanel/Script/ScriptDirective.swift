/// A line of a script that directs the run rather than the panel: narration, pauses and assertions.
///
/// Directives are parsed from the same ``CommandTable`` as commands (so `help` and completion know them),
/// and carried out by ``ScriptRunner``. At the prompt only `echo` does something.
public enum ScriptDirective: Sendable, Equatable {
    /// `echo "<text>"`: print the text.
    case echo(String)
    /// `pause [seconds]`: during live playback, wait this long, or for Enter when `nil`.
    case pause(seconds: Double?)
    /// `expect "<text>"` (`present`) or `expect-not "<text>"`: check the previous command's output.
    case expect(String, present: Bool)

    /// The longest pause accepted, in seconds.
    public static let longestPause = 600.0

    /// Seconds written `2` or `1.5`, within 0…``longestPause``; `nil` for anything else.
    static func pauseSeconds(_ text: String) -> Double? {
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let seconds = Double(text),
            (0...longestPause).contains(seconds)
        else { return nil }
        return seconds
    }

    /// The directive's word, as typed.
    var word: String {
        switch self {
        case .echo: "echo"
        case .pause: "pause"
        case .expect(_, let present): present ? "expect" : "expect-not"
        }
    }

    /// What the directive does at the prompt, where there is no script to direct.
    func applyAtPrompt() throws(CommandError) -> Outcome {
        guard case .echo(let text) = self else {
            throw CommandError("`\(word)` works in scripts only: put it in a .omni file and use `omnipanel run FILE`")
        }
        return Outcome([.message(text)])
    }
}
