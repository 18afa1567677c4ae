import ArgumentParser
import SessionPanel

import SessionPanel

extension RenderStyle.ColorChoice: ExpressibleByArgument {}

/// Options shared by the shell and `run`.
struct ShellOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Load the world (contacts, accounts, cases, work items) from a JSON file.", valueName: "file"),
            completion: .file(extensions: ["json"]))
    var world: String?

    @Option(help: "Colour and box drawing: auto (when standard output is a terminal and NO_COLOR is unset), always, never.")
    var color: RenderStyle.ColorChoice = .auto

    @Option(help: ArgumentHelp("Columns to draw in (default: the terminal's width, or 80).", valueName: "columns"))
    var width: Int?

    @Flag(help: "In scripts, stop at the first command that fails.")
    var strict = false

    @Flag(help: "In scripts, print each command before its output, as the prompt would show it.")
    var echo = false

    @Option(help: ArgumentHelp("Load the whole panel from this file when it exists, and save it after every command.", valueName: "file"),
            completion: .file(extensions: ["json"]))
    var state: String?

    @Option(help: "Output: text, or json (one JSON object per command; see docs/trainer.md).")
    var format: OutputFormat = .text

    @Flag(help: "Print only errors and what was asked for (show, hover, history, dashboard, help, …), not the panel after every change.")
    var quiet = false
}

extension OutputFormat: ExpressibleByArgument {}
