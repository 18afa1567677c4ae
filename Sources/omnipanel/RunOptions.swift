import ArgumentParser
import SessionPanel

/// The options of every way of running commands (the prompt, `-c`, `do`, `run`), declared once and
/// parsed once: the root command and `prompt` and `run` share them through `@OptionGroup`, so they
/// may come before the subcommand or after it (`omnipanel --world w.json run demo.omni --strict`).
struct RunOptions: ParsableArguments {
    /// `--world FILE`, any number of times: the world to start in instead of the built-in demo
    /// (JSON files, or CSV files of one table each).
    @Option(
        name: .customLong("world"),
        help: ArgumentHelp(
            "Load the world from a JSON file, or from CSV files of one table each (repeat the option).",
            valueName: "file"),
        completion: .file(extensions: ["json", "csv"]))
    var worlds: [String] = []

    /// `--color`: colour and box drawing.
    @Option(
        help: ArgumentHelp(
            "Colour and box drawing; auto uses them when standard output is a terminal and NO_COLOR is unset.",
            valueName: "when"))
    var color: RenderStyle.ColorChoice = .auto

    /// `--width`: columns to draw in.
    @Option(help: ArgumentHelp("Columns to draw in (default: the terminal's width, or 80).", valueName: "columns"))
    var width: Int?

    /// `--strict`: stop a script at the first failed command.
    @Flag(help: "In scripts, stop at the first command that fails.")
    var strict = false

    /// `--echo`: print each script command before its output.
    @Flag(help: "In scripts, print each command before its output, as the prompt would show it.")
    var echo = false

    /// `--state FILE`, each time it is given: one is the state file (``state``); twice is refused
    /// rather than one silently winning.
    @Option(
        name: .customLong("state"),
        help: ArgumentHelp(
            "Keep the whole panel in this SQLite file: load it when it exists, save each change (README: saved state).",
            valueName: "file"),
        completion: .file(extensions: ["db"]))
    var stateFiles: [String] = []

    /// `--format`: text or JSON output.
    @Option(
        help: ArgumentHelp(
            "Output: text, or json: one JSON object a line, of the schema docs/output.schema.json.",
            valueName: "format"))
    var format: OutputFormat = .text

    /// `--quiet`: only errors and what was asked for.
    @Flag(
        help:
            "Print only errors and what was asked for (show, hover, history, dashboard, help, …), not the panel after every change."
    )
    var quiet = false

    init() {}

    /// `--state FILE`: load the panel from it, save it after every command.
    var state: String? { stateFiles.first }

    func validate() throws {
        if worlds.contains("") { throw ValidationError("--world needs a file name, not ''") }
        if stateFiles.count > 1 {
            throw ValidationError(
                "--state is given \(stateFiles.count) times (\(stateFiles.joined(separator: ", "))); give one state file"
            )
        }
        if state == "" { throw ValidationError("--state needs a file name, not ''") }
        if let width, width < RenderStyle.narrowest {
            throw ValidationError("--width takes at least \(RenderStyle.narrowest) columns, not \(width)")
        }
    }

    /// The first option given that only the ways of running commands take, for the subcommands that
    /// refuse them (`export` takes `--state` alone).
    var firstGivenBesidesState: String? {
        if !worlds.isEmpty { return "--world" }
        if color != .auto { return "--color" }
        if width != nil { return "--width" }
        if strict { return "--strict" }
        if echo { return "--echo" }
        if format != .text { return "--format" }
        return quiet ? "--quiet" : nil
    }
}

/// The options that start the prompt with a live shift: `--traffic`, `--seed`, `--scenario`,
/// `--speed`. Only `prompt` (the default subcommand) takes them.
struct LiveShiftOptions: ParsableArguments {
    /// `--traffic`: the generated traffic's profile.
    @Option(
        help: ArgumentHelp(
            "Start the prompt with generated customer traffic, as typing 'traffic <profile>' first would.",
            valueName: "profile"))
    var traffic: TrafficProfile?

    /// `--seed`: the generated traffic's seed.
    @Option(
        help: ArgumentHelp(
            "The traffic's seed: the same seed gives the same customers at the same times.", valueName: "number"))
    var seed: UInt64?

    /// `--scenario FILE`: the scenario whose timeline is scheduled, its other lines run first.
    @Option(
        help: ArgumentHelp(
            "Start the prompt with a scenario: its 'at' lines are the shift's timeline, its other lines run first.",
            valueName: "file"),
        completion: .file(extensions: ["omni"]))
    var scenario: String?

    /// `--speed`: simulated seconds per wall-clock second; 0 stops the clock. Unconditional, so
    /// `--speed -1` is a speed out of range rather than a missing value and an option `-1`.
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "How fast the shift's clock runs at the prompt: 1 follows the wall clock, 10 ten times as fast, 0 stops it.",
            valueName: "factor"))
    var speed: Double = 1

    /// The fastest `--speed`: a two-minute notification times out in an eighth of a second.
    static let maximumSpeed = LiveClock.maximumSpeed

    init() {}

    func validate() throws {
        if seed != nil, traffic == nil {
            throw ValidationError("--seed goes with --traffic: --traffic <profile> --seed <number>")
        }
        if scenario == "" { throw ValidationError("--scenario needs a file name, not ''") }
        if !(0...Self.maximumSpeed).contains(speed) {
            throw ValidationError(
                "--speed takes a factor from 0 (the clock stands still) to \(Int(Self.maximumSpeed)), not \(speed)")
        }
    }

    /// The first of these options given, or nil when the prompt starts as usual.
    var firstGiven: String? {
        if traffic != nil { return "--traffic" }
        if seed != nil { return "--seed" }
        if scenario != nil { return "--scenario" }
        return speed != 1 ? "--speed" : nil
    }
}

extension RenderStyle.ColorChoice: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension TrafficProfile: ExpressibleByArgument {}

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
