extension CommandTable {
    static let help = CommandSpec(
        "help", aliases: ["?"], group: .program, usage: ["help [<command>]"], summary: "List commands, or explain one",
        details: "'help keys' lists the prompt's key bindings.",
        arguments: [.value(.commandName)]
    ) { arguments throws(CommandError) in
        guard let token = arguments.next() else { return .help(nil) }
        try arguments.finish()
        return .help(token.text.lowercased())
    }

    static let quit = CommandSpec(
        "quit", aliases: ["exit"], group: .program, usage: ["quit"], summary: "Leave omnipanel (Ctrl-D does too)"
    ) { arguments throws(CommandError) in
        try arguments.finish()
        return .quit
    }
}
