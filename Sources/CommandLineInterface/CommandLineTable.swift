import SessionPanel

/// THE table of the program's options and subcommands: the single source for parsing, `--help`,
/// `--version`, usage errors and the shells' completion.
public enum CommandLineTable {
    /// The program's name in help, messages and completion scripts.
    public static let programName = "omnipanel"

    /// What `--version` prints.
    public static let version = "0.1.0"

    /// The options of every way of running the shell: the root command and `run`.
    static let shellOptions: [OptionSpec] = [
        OptionSpec(
            .world, long: "world", value: .file(placeholder: "file", extension: "json"),
            help: "Load the world from a JSON file, or from CSV files of one table each (repeat the option)."),
        OptionSpec(
            .color, long: "color",
            value: .choice(placeholder: "when", RenderStyle.ColorChoice.allCases.map { $0.rawValue }),
            help:
                "Colour and box drawing; auto (the default) uses them when standard output is a terminal and NO_COLOR is unset."
        ),
        OptionSpec(
            .width, long: "width", value: .number(placeholder: "columns"),
            help: "Columns to draw in (default: the terminal's width, or 80)."),
        OptionSpec(.strict, long: "strict", help: "In scripts, stop at the first command that fails."),
        OptionSpec(
            .echo, long: "echo", help: "In scripts, print each command before its output, as the prompt would show it."),
        stateOption,
        OptionSpec(
            .format, long: "format", value: .choice(placeholder: "format", OutputFormat.allCases.map { $0.rawValue }),
            help: "Output: text (the default), or json, one JSON object per command (README: --format json)."),
        OptionSpec(
            .quiet, long: "quiet",
            help:
                "Print only errors and what was asked for (show, hover, history, dashboard, help, …), not the panel after every change."
        ),
    ]

    /// The options of the live shift at the interactive prompt (README: Practising a shift).
    static let liveOptions: [OptionSpec] = [
        OptionSpec(
            .traffic, long: "traffic", value: .choice(placeholder: "profile", ShellOptions.trafficProfiles),
            help: "Start the prompt with generated customer traffic, as typing `traffic <profile>` first would."),
        OptionSpec(
            .seed, long: "seed", value: .number(placeholder: "number"),
            help: "The traffic's seed: the same seed gives the same customers at the same times."),
        OptionSpec(
            .scenario, long: "scenario", value: .file(placeholder: "file", extension: "omni"),
            help:
                "Start the prompt with a scenario: its `at` lines are the shift's timeline, its other lines run first."),
        OptionSpec(
            .speed, long: "speed", value: .number(placeholder: "factor"),
            help:
                "How fast the shift's clock runs at the prompt: 1 follows the wall clock (the default), 10 ten times as fast, 0 stops it."
        ),
    ]

    static let stateOption = OptionSpec(
        .state, long: "state", value: .file(placeholder: "file", extension: "db"),
        help:
            "Keep the whole panel in this SQLite file: load it when it exists, save each change (README: saved state).")

    static let helpOption = OptionSpec(.help, long: "help", short: "h", help: "Show this help.")
    static let versionOption = OptionSpec(.version, long: "version", help: "Show the version.")

    /// `omnipanel`: the shell, one command, `-c`, or a script on standard input.
    public static let root = CommandLineCommand(
        name: programName,
        summary: "The Omnichannel session panel in your terminal: accept, open, switch and close customer sessions.",
        usage: [
            "omnipanel [<options>]                   the prompt, or a script piped in",
            "omnipanel --traffic <profile> | --scenario <file> [--speed <factor>]",
            "                                        the prompt during a live shift",
            "omnipanel [<options>] <command> ...     one command, e.g. omnipanel accept",
            "omnipanel [<options>] -c <commands>     several, separated by ';'",
            "omnipanel run [<options>] <script>      a script file (see run --help)",
            "omnipanel completions <shell>           the script for bash, zsh or fish",
            "omnipanel --state <file> export         the saved state, as JSON",
            "omnipanel --state <file> import <json>  replace it with a JSON state",
        ],
        discussion: [
            "With no arguments and a terminal on standard input, starts the interactive",
            "shell; with standard input from a file or pipe, runs it as a script, one",
            "command per line. Type `help` in the shell for the commands.",
            "",
            "Words after the options are one command, e.g.",
            "`omnipanel --state class.json open case 42`; -c runs several, separated by ';'.",
            "",
            "Exit status: 0 all good; 1 a command or expectation failed; 2 usage error;",
            "3 the state file is unreadable or not a usable state; 4 it is from a newer",
            "omnipanel; 5 it is in use by another omnipanel; 6 it cannot be saved.",
        ],
        options: shellOptions + [
            OptionSpec(
                .commands, short: "c", value: .commands(placeholder: "commands"),
                help: "Run these commands, separated by ';', and exit.")
        ] + liveOptions + [
            versionOption, helpOption,
        ],
        argument: nil)

    /// `omnipanel run FILE`: a script file, played back, checked or recorded.
    public static let run = CommandLineCommand(
        name: "run",
        summary: "Run a script of shell commands, one per line.",
        usage: ["omnipanel run [<options>] [--check | --record | --pace <seconds>] <script>"],
        discussion: [],
        options: shellOptions + [
            OptionSpec(
                .check, long: "check",
                help:
                    "Check the script's expectations and compare with FILE.out when it exists; print 'N passed, M failed'."
            ),
            OptionSpec(.record, long: "record", help: "Write the script's transcript to FILE.out."),
            OptionSpec(
                .pace, long: "pace", value: .number(placeholder: "seconds"),
                help: "Play back live: type each command, then wait this long (0 to 60 seconds) after its output."),
            OptionSpec(
                .report, long: "report",
                help: "After the script, print the shift's report (as one JSON object with --format json)."),
            OptionSpec(
                .cast, long: "cast", value: .file(placeholder: "file", extension: "cast"),
                help:
                    "Write an asciinema recording of the playback (with --pace, as it plays; with --record, at once, timed by --pace or 1 second)."
            ),
            helpOption,
        ],
        argument: ArgumentSpec(
            value: .file(placeholder: "script", extension: "omni"),
            help: "The script to run ('-' for standard input)."))

    /// `omnipanel completions SHELL`: prints a completion script.
    public static let completions = CommandLineCommand(
        name: "completions",
        summary: "Print the completion script for bash, zsh or fish.",
        usage: ["omnipanel completions <shell>"],
        discussion: [
            "bash: save it as ~/.local/share/bash-completion/completions/omnipanel",
            "zsh:  save it as _omnipanel in a folder listed in fpath before compinit runs",
            "fish: save it as ~/.config/fish/completions/omnipanel.fish",
        ],
        options: [helpOption],
        argument: ArgumentSpec(
            value: .choice(placeholder: "shell", CompletionShell.allCases.map { $0.rawValue }),
            help: "The shell: bash, zsh or fish."))

    /// `omnipanel --state FILE export`: the saved state as JSON (format version 1) on standard output.
    public static let export = CommandLineCommand(
        name: "export",
        summary: "Write the state file's state as JSON (the version-1 format) to standard output.",
        usage: ["omnipanel --state <file> export"],
        discussion: ["For reading or diffing a saved state; import reads it back."],
        options: [stateOption, helpOption],
        argument: nil)

    /// `omnipanel --state FILE import JSON`: replaces the saved state with one read from JSON.
    public static let `import` = CommandLineCommand(
        name: "import",
        summary: "Replace the state file's state with one read from JSON (as export writes it).",
        usage: ["omnipanel --state <file> import <json>"],
        discussion: [
            "The state file is created when it does not exist; a JSON file that is not a",
            "usable state changes nothing.",
        ],
        options: [stateOption, helpOption],
        argument: ArgumentSpec(
            value: .file(placeholder: "json", extension: "json"),
            help: "The JSON state to read."))

    /// The subcommands, in the order help lists them.
    public static let subcommands = [run, completions, export, `import`]

    /// The hidden subcommand the completion scripts call: `omnipanel __complete SHELL WORDS…`.
    public static let completeCommand = "__complete"

    /// The hidden subcommand that prints the manual page: `omnipanel __manual > man/omnipanel.1`.
    public static let manualCommand = "__manual"
}
