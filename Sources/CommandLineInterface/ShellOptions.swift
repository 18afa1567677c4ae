import SessionPanel

/// The options shared by the shell and `run`, as parsed from the command line.
public struct ShellOptions: Sendable, Equatable {
    /// `--world FILE`, any number of times: the world to start in instead of the built-in demo
    /// (JSON files, or CSV files of one table each).
    public var worlds: [String] = []
    /// `--color`: colour and box drawing.
    public var color: RenderStyle.ColorChoice = .auto
    /// `--width`: columns to draw in.
    public var width: Int?
    /// `--strict`: stop a script at the first failed command.
    public var strict = false
    /// `--echo`: print each script command before its output.
    public var echo = false
    /// `--state FILE`: load the panel from it, save it after every command.
    public var state: String?
    /// `--format`: text or JSON output.
    public var format: OutputFormat = .text
    /// `--quiet`: only errors and what was asked for.
    public var quiet = false
    /// The live shift the interactive prompt starts with (`--traffic`, `--seed`, `--scenario`, `--speed`).
    public var live = LiveShiftOptions()

    public init() {}
}

/// How the interactive prompt runs the shift's clock and what traffic it starts with.
public struct LiveShiftOptions: Sendable, Equatable {
    /// `--traffic`: the generated traffic's profile.
    public var traffic: String?
    /// `--seed`: the generated traffic's seed.
    public var seed: UInt64?
    /// `--scenario FILE`: the scenario whose timeline is scheduled, its other lines run first.
    public var scenario: String?
    /// `--speed`: simulated seconds per wall-clock second; 0 stops the clock.
    public var speed: Double = 1
    /// The fastest `--speed`: a two-minute notification times out in an eighth of a second.
    public static let maximumSpeed = 1000.0

    public init() {}

    /// Whether any live option was given.
    public var isGiven: Bool { self != LiveShiftOptions() }

    /// The command the prompt runs first for `--traffic` and `--seed`, e.g. `traffic steady --seed 7`.
    public var trafficCommand: String? {
        traffic.map { profile in "traffic \(profile)" + (seed.map { " --seed \($0)" } ?? "") }
    }
}

extension ShellOptions {
    /// The profiles `--traffic` takes.
    public static let trafficProfiles = TrafficProfile.allCases.map(\.rawValue)
}

/// What the command line asks the program to do.
public enum Invocation: Sendable, Equatable {
    /// The shell: the prompt, a script on standard input, one command, or `-c`.
    case shell(ShellOptions, ShellInput)
    /// `run`: a script file (or `-`).
    case run(ShellOptions, RunScript)
    /// `--state FILE export`: print the saved state as JSON.
    case exportState(path: String)
    /// `--state FILE import JSON`: replace the saved state with the one in `json`.
    case importState(path: String, json: String)
    /// `completions SHELL`: print the completion script.
    case printCompletionScript(CompletionShell)
    /// `__complete SHELL WORDS…`: the completion scripts asking for candidates.
    case complete(CompletionShell, words: [String])
    /// `--help`: print the help of this command.
    case help(CommandLineCommand)
    /// `--version`.
    case version
    /// `__manual`: print the manual page (``ManualPage``).
    case printManual
}

/// Where the shell's commands come from.
public enum ShellInput: Sendable, Equatable {
    /// The prompt on a terminal, otherwise a script on standard input.
    case standardInput
    /// One command given as words after the options.
    case words([String])
    /// `-c`: commands separated by `;`.
    case commands(String)
}

/// `run`'s script and what to do with it.
public struct RunScript: Sendable, Equatable {
    /// The script's path, or `-` for standard input.
    public var path: String
    /// How to run it.
    public var mode: Mode
    /// `--cast FILE`: where to write an asciinema recording of the playback.
    public var cast: String?
    /// `--report`: print the shift's report after the script.
    public var report: Bool

    public init(path: String, mode: Mode, cast: String? = nil, report: Bool = false) {
        self.path = path
        self.mode = mode
        self.cast = cast
        self.report = report
    }

    /// How `run` runs its script.
    public enum Mode: Sendable, Equatable {
        /// Run it, played back live when `pace` is given.
        case play(pace: Double?)
        /// `--check`: its expectations and its transcript.
        case check
        /// `--record`: write its transcript; a recording (``RunScript/cast``) is timed at `pace`.
        case record(pace: Double)
    }
}
