import ArgumentParser
import SessionPanel

/// What the completion scripts (``CompletionScript``) get when Tab is pressed: the binary, called
/// back as `omnipanel __complete <shell> <index> <words>…`, reads the line as argument-parser
/// describes the command line (``ToolInfo``: subcommands, options, their values and files) and,
/// after `do` and `-c`, as the panel's command table does (``CommandLineCompletion``).
///
/// The reply's first line is what the shell completes: `words` (the candidates follow, one a line,
/// as the shell takes them: quoted for bash, `text:description` for zsh, `text<TAB>description` for
/// fish), or `files` and the extensions the files must have (none: any file), which the shell lists.
struct ShellCompletion {
    let shell: CompletionShell
    /// The program's command line.
    let tool: ToolInfo.Command

    /// The reply for the word at `index` of `words` (the program's name first, as the shell wrote them).
    func reply(to words: [String], at index: Int) -> [String] {
        var line = Array(words.prefix(index + 1))
        var typed = line.removeLast()
        if shell == .bash { (line, typed) = Self.joiningEquals(line, typed) }
        let reading = Reading(tool, line.map(CommandLineCompletion.unquoted))
        if let command = reading.panelCommand {
            return ["words"]
                + CommandLineCompletion.commandWord(typed, after: command.words, options: command.options, shell: shell)
        }
        if typed.hasPrefix("--"), let equals = typed.firstIndex(of: "="),
            let option = reading.option(String(typed[..<equals]))
        {
            // zsh and fish replace the whole word, `--color=` with the value; readline what follows the `=`.
            let prefix = shell == .bash ? "" : String(typed[...equals])
            return value(of: option, typed: String(typed[typed.index(after: equals)...]), prefix: prefix, reading)
        }
        if let option = reading.pendingOption { return value(of: option, typed: typed, prefix: "", reading) }
        let bare = CommandLineCompletion.unquoted(typed)
        if bare.hasPrefix("-"), !reading.terminated { return ["words"] + listed(reading.options, typed: bare) }
        let subcommands = (tool.subcommands ?? []).filter(\.shouldDisplay).map {
            CompletionCandidate($0.commandName, $0.abstract ?? "")
        }
        if reading.positionals == 0, reading.command.commandName == tool.commandName, !reading.terminated {
            return ["words"] + listed(subcommands + (bare.isEmpty ? reading.options : []), typed: bare)
        }
        if reading.command.commandName == "help" { return ["words"] + listed(subcommands, typed: bare) }
        guard let positional = reading.command.positionals.dropFirst(reading.positionals).first else {
            return ["words"]
        }
        return value(of: positional, typed: typed, prefix: "", reading)
    }

    /// `line` and the word `typed` at its end as bash gives them, joined again where bash split a word
    /// at a `=` (`--color`, `=`, `al`): `--color=al`, the word the value is completed in.
    private static func joiningEquals(_ line: [String], _ typed: String) -> ([String], String) {
        var line = line
        var value = typed
        if typed == "=" {
            value = ""
        } else if line.last == "=" {
            line.removeLast()
        } else {
            return (line, typed)
        }
        guard let option = line.last, option.hasPrefix("--") else { return (line, value) }
        return (line.dropLast(), option + "=" + value)
    }

    /// The values `argument` takes (`-c`'s are the panel's commands), for `typed` after `prefix` (`--color=`, which zsh and fish replace too).
    private func value(of argument: ToolInfo.Argument, typed: String, prefix: String, _ reading: Reading) -> [String] {
        if argument.spellings == ["-c"] {
            return ["words"] + CommandLineCompletion.commandList(typed, options: reading.arguments, shell: shell)
        }
        if let extensions = argument.fileExtensions { return [(["files"] + extensions).joined(separator: " ")] }
        let values = (argument.allValues ?? []).map { CompletionCandidate(prefix + $0) }
        return ["words"] + listed(values, typed: prefix + CommandLineCompletion.unquoted(typed))
    }

    /// The candidates that start with `typed`, as the shell takes them (plain words for bash: these
    /// are names and values, which need no quoting).
    private func listed(_ candidates: [CompletionCandidate], typed: String) -> [String] {
        candidates.filter { $0.text.hasPrefix(typed) }.map { CommandLineCompletion.formatted($0, for: shell) }
    }
}

/// The words before the cursor, read as argument-parser will parse them: the subcommand they are in,
/// the options that apply there, an option waiting for its value, the positionals given, and the
/// panel command after `do`.
private struct Reading {
    /// The words, without the program's name.
    let arguments: [String]
    /// The (sub)command the words are in.
    private(set) var command: ToolInfo.Command
    /// The options and flags that apply: the root's and the subcommand's (before one, the default
    /// subcommand's), `--help` among them.
    private(set) var scope: [ToolInfo.Argument]
    /// The option given last, still waiting for its value.
    private(set) var pendingOption: ToolInfo.Argument?
    /// How many positional values the command has.
    private(set) var positionals = 0
    /// Whether `--` ended the options.
    private(set) var terminated = false
    /// After `do`: the panel command's words, and the words before `do` (the options).
    private(set) var panelCommand: (words: [String], options: [String])?

    init(_ tool: ToolInfo.Command, _ words: [String]) {
        arguments = Array(words.dropFirst())
        command = tool
        scope = (tool.arguments ?? []) + (tool.defaultSubcommand.flatMap(tool.subcommand)?.arguments ?? [])
        for (index, word) in arguments.enumerated() {
            if pendingOption != nil {
                pendingOption = nil
            } else if !terminated, word == "--" {
                terminated = true
            } else if !terminated, word.hasPrefix("-"), word != "-" {
                if let option = option(String(word.prefix { $0 != "=" })), option.takesValue, !word.contains("=") {
                    pendingOption = option
                }
            } else if positionals == 0, !terminated, command.commandName == tool.commandName,
                let subcommand = tool.subcommand(word)
            {
                command = subcommand
                scope = (tool.arguments ?? []) + (subcommand.arguments ?? [])
                if subcommand.positionals.contains(where: \.takesTheRest) {
                    panelCommand = (Array(arguments[(index + 1)...]), Array(arguments[..<index]))
                    return
                }
            } else {
                positionals += 1
            }
        }
    }

    /// The option or flag spelt `name` (`--world`) that applies here.
    func option(_ name: String) -> ToolInfo.Argument? {
        scope.first { $0.kind != "positional" && $0.spellings.contains(name) }
    }

    /// The options and flags shown in help that apply here, each spelling once.
    var options: [CompletionCandidate] {
        var seen = Set<String>()
        return scope.filter { $0.kind != "positional" && $0.shouldDisplay }.flatMap { argument in
            argument.spellings.filter { seen.insert($0).inserted }.map {
                CompletionCandidate($0, argument.abstract ?? "")
            }
        }
    }
}
