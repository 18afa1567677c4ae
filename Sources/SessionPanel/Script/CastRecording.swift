internal import JSONCoding

/// A playback as an asciinema v2 recording (asciicast v2: a JSON header line, then one
/// `[seconds, "o", text]` line per write), timed by the ``Playback`` steps' waits rather than the
/// clock, so recording a script never waits and the same script always records the same file.
public struct CastRecording: Sendable {
    /// The time so far, in seconds.
    public private(set) var seconds = 0.0
    /// How long a `pause` that waits for Enter takes in the recording.
    public let enterSeconds: Double
    private var lines: [String]

    /// An empty recording of a terminal `width` columns by `height` rows.
    public init(width: Int, height: Int, title: String, enterSeconds: Double) {
        self.enterSeconds = enterSeconds
        let header = JSONValue.object([
            ("version", .number(2)), ("width", .number(width)), ("height", .number(height)), ("title", .string(title)),
            ("env", .object([("TERM", .string("xterm-256color")), ("SHELL", .string("omnipanel"))])),
        ])
        lines = [header.serialized]
    }

    /// Adds what a playback step shows, at the time it shows it; standard error shows on the same screen.
    public mutating func append(_ step: Playback.Step) {
        switch step {
        case .output(let text), .error(let text):
            lines.append("[\(Self.time(seconds)), \"o\", \(JSONValue.string(Self.terminalText(text)).serialized)]")
        case .wait(let duration):
            seconds += duration
        case .waitForEnter:
            seconds += enterSeconds
        }
    }

    /// The recording as file contents: one JSON value per line.
    public var text: String { lines.map { $0 + "\n" }.joined() }

    /// Text as a terminal receives it: each newline after a carriage return.
    static func terminalText(_ text: String) -> String {
        text.contains("\n")
            ? text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n") : text
    }

    /// Seconds with six decimals (`1.250000`), as asciinema writes them.
    static func time(_ seconds: Double) -> String {
        let micros = Int((seconds * 1_000_000).rounded())
        let fraction = String(micros % 1_000_000)
        return "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}
