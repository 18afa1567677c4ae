import ArgumentParser
import SessionPanel

/// The options of every way of running commands: the prompt, `-c`, one-shot words and `run`.
///
/// `Command` is the command that declares them. argument-parser decodes an option group of one type
/// once, for the first command that has it, so `run` (which takes these options after its script too:
/// `omnipanel run demo.omni --strict`) needs a type of its own: `PanelOptions<RunCommand>`. The
/// options given before `run` are the root's `PanelOptions<Omnipanel>`; ``merged(with:)`` joins both.
struct PanelOptions<Command>: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Load the world from a JSON file, or from CSV files of one table each (repeat the option).",
            valueName: "file"),
        completion: .file(extensions: ["json", "csv"]))
    var world: [String] = []

    @Option(
        help: ArgumentHelp(
            "Colour and box drawing; auto (the default) uses them when standard output is a terminal and NO_COLOR is unset.",
            valueName: "when"))
    var color: RenderStyle.ColorChoice?

    @Option(help: ArgumentHelp("Columns to draw in (default: the terminal's width, or 80).", valueName: "columns"))
    var width: Int?

    @Flag(help: "In scripts, stop at the first command that fails.")
    var strict = false

    @Flag(help: "In scripts, print each command before its output, as the prompt would show it.")
    var echo = false

    @Option(
        help: ArgumentHelp(
            "Keep the whole panel in this SQLite file: load it when it exists, save each change (README: saved state).",
            valueName: "file"),
        completion: .file(extensions: ["db"]))
    var state: [String] = []

    @Option(
        help: ArgumentHelp(
            "Output: text (the default), or json: one JSON object a line, of the schema docs/output.schema.json.",
            valueName: "format"))
    var format: OutputFormat?

    @Flag(
        help:
            "Print only errors and what was asked for (show, hover, history, dashboard, help, …), not the panel after every change."
    )
    var quiet = false

    init() {}

    func validate() throws {
        if world.contains("") { throw ValidationError("--world needs a file name, not ''") }
        if try onlyStateFile(state) == "" { throw ValidationError("--state needs a file name, not ''") }
        if let width, width < RenderStyle.narrowest {
            throw ValidationError("--width takes at least \(RenderStyle.narrowest) columns, not \(width)")
        }
    }

    /// The options' names that were given, for refusing them where they do not belong.
    var given: [String] {
        [
            world.isEmpty ? nil : "--world", color.map { _ in "--color" }, width.map { _ in "--width" },
            strict ? "--strict" : nil, echo ? "--echo" : nil, state.isEmpty ? nil : "--state",
            format.map { _ in "--format" }, quiet ? "--quiet" : nil,
        ].compactMap { $0 }
    }

    /// These options, as the program runs with them.
    func merged() -> RunOptions { merged(with: nil as Self?) }

    /// These options, then `later` (given after a subcommand's name): worlds add up, a later value wins.
    func merged<Other>(with later: PanelOptions<Other>?) -> RunOptions {
        var options = RunOptions()
        options.worlds = world + (later?.world ?? [])
        options.color = later?.color ?? color ?? .auto
        options.width = later?.width ?? width
        options.strict = strict || later?.strict == true
        options.echo = echo || later?.echo == true
        options.state = (state + (later?.state ?? [])).last
        options.format = later?.format ?? format ?? .text
        options.quiet = quiet || later?.quiet == true
        return options
    }
}

/// The state file `--state` gives (`given`: each time it is given, before and after a subcommand's
/// name), or `nil`. Twice is refused rather than one silently winning.
func onlyStateFile(_ given: [String]) throws -> String? {
    guard given.count <= 1 else {
        throw ValidationError(
            "--state is given \(given.count) times (\(given.joined(separator: ", "))); give one state file")
    }
    return given.first
}

/// The options that start the prompt with a live shift, or run commands instead of it: `-c`,
/// `--traffic`, `--seed`, `--scenario`, `--speed`. Only the root command takes them.
struct StartOptions: ParsableArguments {
    @Option(
        name: .customShort("c"),
        help: ArgumentHelp("Run these commands, separated by ';', and exit.", valueName: "commands"),
        completion: .custom(CommandLineCompletion.commandList))
    var commands: String?

    @Option(
        help: ArgumentHelp(
            "Start the prompt with generated customer traffic, as typing 'traffic <profile>' first would.",
            valueName: "profile"))
    var traffic: TrafficProfile?

    @Option(
        help: ArgumentHelp(
            "The traffic's seed: the same seed gives the same customers at the same times.", valueName: "number"))
    var seed: UInt64?

    @Option(
        help: ArgumentHelp(
            "Start the prompt with a scenario: its 'at' lines are the shift's timeline, its other lines run first.",
            valueName: "file"),
        completion: .file(extensions: ["omni"]))
    var scenario: String?

    // Unconditional, so `--speed -1` is a speed out of range rather than a missing value and an option `-1`.
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "How fast the shift's clock runs at the prompt: 1 follows the wall clock (the default), 10 ten times as fast, 0 stops it.",
            valueName: "factor"))
    var speed: Double?

    init() {}

    func validate() throws {
        if seed != nil, traffic == nil {
            throw ValidationError("--seed goes with --traffic: --traffic <profile> --seed <number>")
        }
        if scenario == "" { throw ValidationError("--scenario needs a file name, not ''") }
        if let speed, !(0...LiveShiftOptions.maximumSpeed).contains(speed) {
            throw ValidationError(
                "--speed takes a factor from 0 (the clock stands still) to \(Int(LiveShiftOptions.maximumSpeed)), not \(speed)"
            )
        }
    }

    /// The live shift these options ask for.
    var live: LiveShiftOptions {
        var live = LiveShiftOptions()
        live.traffic = traffic?.rawValue
        live.seed = seed
        live.scenario = scenario
        live.speed = speed ?? 1
        return live
    }

    /// The options' names that were given.
    var given: [String] {
        [
            commands.map { _ in "-c" }, traffic.map { _ in "--traffic" }, seed.map { _ in "--seed" },
            scenario.map { _ in "--scenario" }, speed.map { _ in "--speed" },
        ].compactMap { $0 }
    }
}

extension RenderStyle.ColorChoice: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension TrafficProfile: ExpressibleByArgument {}
