/// The text of `--help` for a command, built from the ``CommandLineTable`` only when asked for.
public enum HelpPage {
    /// Where help texts start after an option's name, and how wide the page is.
    static let column = 24, width = 80

    /// The help page's lines.
    public static func lines(for command: CommandLineCommand) -> [String] {
        var lines = wrap("\(command.fullName) — \(command.summary)", width: width) + ["", "Usage:"]
        lines += command.usage.map { "  " + $0 }
        if !command.discussion.isEmpty { lines += [""] + command.discussion }
        if let argument = command.argument, let placeholder = argument.value.placeholder {
            let choices = argument.value.choices
            lines +=
                ["", "Arguments:"]
                + entry(
                    "<\(placeholder)>",
                    choices.isEmpty ? argument.help : argument.help + " (\(choices.joined(separator: ", ")))")
        }
        lines += ["", "Options:"]
        for option in command.options {
            let names = option.spellings.joined(separator: ", ") + (option.value.placeholder.map { " <\($0)>" } ?? "")
            let choices = option.value.choices
            lines += entry(names, choices.isEmpty ? option.help : option.help + " (\(choices.joined(separator: ", ")))")
        }
        if command == CommandLineTable.root {
            lines += ["", "Subcommands:"]
            for subcommand in CommandLineTable.subcommands { lines += entry(subcommand.name, subcommand.summary) }
            lines += ["", "See '\(command.name) <subcommand> --help' for a subcommand's options."]
        }
        return lines
    }

    /// `  name   text`, the text wrapped at the page's width in its column.
    private static func entry(_ name: String, _ text: String) -> [String] {
        let wrapped = wrap(text, width: width - column)
        let indent = String(repeating: " ", count: column)
        let first = "  " + name
        guard first.count < column - 1 else { return [first] + wrapped.map { indent + $0 } }
        return [first + String(repeating: " ", count: column - first.count) + (wrapped.first ?? "")]
            + wrapped.dropFirst().map { indent + $0 }
    }

    /// `text` in lines of at most `width` characters, broken at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        return line.isEmpty ? lines : lines + [line]
    }
}
