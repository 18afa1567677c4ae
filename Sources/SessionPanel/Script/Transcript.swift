/// The transcript of a script run: what a terminal shows for `omnipanel run --echo` in plain style,
/// standard output and standard error together, each command after the prompt. Failed expectations,
/// unexpected command failures and pauses are not part of it (the commands' error lines are).
public struct Transcript: Sendable, Equatable {
    /// The complete lines so far.
    public private(set) var lines: [String] = []
    /// A question still waiting for its answer on the same line.
    private var partial: String?

    /// An empty transcript.
    public init() {}

    /// Adds what an event shows.
    public mutating func append(_ event: ScriptRunner.Event) {
        switch event {
        case .output(let output):
            guard let first = output.first else { return }
            if let question = partial {
                partial = nil
                lines.append(question + first)
                lines += output.dropFirst()
            } else {
                lines += output
            }
        case .question(let text):
            closePartial()
            partial = text
        case .error(let line):
            closePartial()
            lines.append(line)
        case .command(let command):
            closePartial()
            lines.append(PromptText.prompt + command)
        case .pause, .expectationFailed, .commandFailed:
            break
        }
    }

    private mutating func closePartial() {
        if let question = partial { lines.append(question) }
        partial = nil
    }

    /// The transcript as file contents: every line ends in a newline.
    public var text: String {
        (lines + (partial.map { [$0] } ?? [])).map { $0 + "\n" }.joined()
    }

    /// The lines of a transcript file (a missing final newline is tolerated; `\r\n` is not rewritten).
    public static func lines(of text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
