import ArgumentParser

/// When to colour the output.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// Options shared by the shell and `run`.
struct ShellOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Load the world (contacts, accounts, cases, work items) from a JSON file.", valueName: "file"),
            completion: .file(extensions: ["json"]))
    var world: String?

    @Option(help: "Colour and box drawing: auto (when standard output is a terminal and NO_COLOR is unset), always, never.")
    var color: ColorChoice = .auto

    @Option(help: ArgumentHelp("Columns to draw in (default: the terminal's width, or 80).", valueName: "columns"))
    var width: Int?

    @Flag(help: "In scripts, stop at the first command that fails.")
    var strict = false

    @Flag(help: "In scripts, print each command before its output, as the prompt would show it.")
    var echo = false

    @Flag(help: "Print only errors and what was asked for (show, hover, history, dashboard, help, …), not the panel after every change.")
    var quiet = false
}
