import SessionPanel

/// The options every way of running commands takes (the prompt, `-c`, one-shot words, `run`), as
/// the command line gave them.
struct RunOptions: Sendable, Equatable {
    /// `--world FILE`, any number of times: the world to start in instead of the built-in demo
    /// (JSON files, or CSV files of one table each).
    var worlds: [String] = []
    /// `--color`: colour and box drawing.
    var color: RenderStyle.ColorChoice = .auto
    /// `--width`: columns to draw in.
    var width: Int?
    /// `--strict`: stop a script at the first failed command.
    var strict = false
    /// `--echo`: print each script command before its output.
    var echo = false
    /// `--state FILE`: load the panel from it, save it after every command.
    var state: String?
    /// `--format`: text or JSON output.
    var format: OutputFormat = .text
    /// `--quiet`: only errors and what was asked for.
    var quiet = false
    /// The live shift the interactive prompt starts with (`--traffic`, `--seed`, `--scenario`, `--speed`).
    var live = LiveShiftOptions()

    init() {}
}

/// How the interactive prompt runs the shift's clock and what traffic it starts with.
struct LiveShiftOptions: Sendable, Equatable {
    /// `--traffic`: the generated traffic's profile.
    var traffic: String?
    /// `--seed`: the generated traffic's seed.
    var seed: UInt64?
    /// `--scenario FILE`: the scenario whose timeline is scheduled, its other lines run first.
    var scenario: String?
    /// `--speed`: simulated seconds per wall-clock second; 0 stops the clock.
    var speed: Double = 1
    /// The fastest `--speed`: a two-minute notification times out in an eighth of a second.
    static let maximumSpeed = LiveClock.maximumSpeed

    init() {}

    /// Whether any live option was given.
    var isGiven: Bool { self != LiveShiftOptions() }

    /// The command the prompt runs first for `--traffic` and `--seed`, e.g. `traffic steady --seed 7`.
    var trafficCommand: String? {
        traffic.map { profile in "traffic \(profile)" + (seed.map { " --seed \($0)" } ?? "") }
    }
}

/// Where the commands come from.
enum CommandSource: Sendable, Equatable {
    /// The prompt on a terminal, otherwise a script on standard input.
    case standardInput
    /// One command given as words after the options.
    case words([String])
    /// `-c`: commands separated by `;`.
    case commands(String)
}

/// `run`'s script and what to do with it.
struct RunScript: Sendable, Equatable {
    /// The script's path, or `-` for standard input.
    var path: String
    /// How to run it.
    var mode: Mode
    /// `--cast FILE`: where to write an asciinema recording of the playback.
    var cast: String?
    /// `--report`: print the shift's report after the script.
    var report: Bool

    init(path: String, mode: Mode, cast: String? = nil, report: Bool = false) {
        self.path = path
        self.mode = mode
        self.cast = cast
        self.report = report
    }

    /// How `run` runs its script.
    enum Mode: Sendable, Equatable {
        /// Run it, played back live when `pace` is given.
        case play(pace: Double?)
        /// `--check`: its expectations and its transcript.
        case check
        /// `--record` (`transcript`: write the transcript), `--cast` without `--pace` or both: the
        /// recording (``RunScript/cast``) is made at once, timed at `pace`.
        case record(pace: Double, transcript: Bool)
    }
}
