/// How a script plays back live (`run --pace`): each command is typed out after the prompt a
/// character at a time, `pace` seconds pass between one command's output and the next command, and
/// `pause` waits its seconds, or for Enter. The timeline is pure: the terminal player sleeps through
/// its waits, an asciinema recording (``CastRecording``) only counts them.
public struct Playback: Sendable {
    /// One thing to do, in order.
    public enum Step: Sendable, Equatable {
        /// Text for standard output, exactly (newlines included).
        case output(String)
        /// Lines for standard error, each ending in a newline.
        case error(String)
        /// Let this many seconds pass.
        case wait(Double)
        /// Wait until Enter is pressed (`pause` without seconds).
        case waitForEnter
    }

    /// Seconds between one command's output and the next command.
    public let pace: Double
    private var typedOne = false

    /// How long typing one character takes, at most.
    public static let keystrokeSeconds = 0.04

    /// A playback `pace` seconds apart.
    public init(pace: Double) { self.pace = pace }

    /// What showing `event` takes.
    public mutating func steps(for event: ScriptRunner.Event) -> [Step] {
        switch event {
        case .command(let command):
            var steps: [Step] = typedOne ? [.wait(pace)] : []
            typedOne = true
            steps.append(.output(PromptText.prompt))
            let keystroke = min(Self.keystrokeSeconds, pace / Double(max(1, command.count)))
            for character in command { steps += [.wait(keystroke), .output(String(character))] }
            return steps + [.output("\n")]
        case .pause(let seconds):
            return [seconds.map(Step.wait) ?? .waitForEnter]
        case .output(let lines):
            return [.output(lines.map { $0 + "\n" }.joined())]
        case .question(let text):
            return [.output(text)]
        case .error(let line):
            return [.error(line + "\n")]
        case .expectationFailed(let lines):
            return [.error(lines.map { $0 + "\n" }.joined())]
        case .commandFailed:
            return []  // its error line showed when it failed
        }
    }
}
