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

    static let clear = CommandSpec(
        "clear", group: .program, usage: ["clear"], summary: "Clear the screen (Ctrl-L does too)"
    ) { arguments throws(CommandError) in
        try arguments.finish()
        return .clear
    }

    static let quit = CommandSpec(
        "quit", aliases: ["exit"], group: .program, usage: ["quit [--yes]"],
        summary: "Leave omnipanel (Ctrl-D does too)",
        details: "At the prompt without --state, a shift that changed is lost on leaving: quit asks first, "
            + "and offers the report (r). --yes, or Ctrl-D twice, leaves without asking.",
        flags: [.init(name: "--yes", shortName: "-y", summary: "Leave without asking about unsaved work")]
    ) { arguments throws(CommandError) in
        try arguments.finish()
        return .quit(confirmed: arguments.flags.contains("--yes"))
    }
}
