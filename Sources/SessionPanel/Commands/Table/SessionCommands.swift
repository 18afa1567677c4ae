extension CommandTable {
    static let switchCommand = CommandSpec(
        "switch", aliases: ["focus"], usage: ["switch <n|home|title>"],
        summary: "Focus a session (Home is 0); its unread count clears",
        details:
            "A session can be named by position, 'home', or the start of its title. Alt-0 … Alt-9 do the same in the prompt.",
        arguments: [.value(.session)]
    ) { arguments throws(CommandError) in
        .switchTo(try singleSession(&arguments))
    }

    static let close = CommandSpec(
        "close", usage: ["close [<n|title>] [--yes] [--disposition <code>]"],
        summary: "Close the focused (or named) session after confirmation",
        details: "Closing without End re-queues live chat and voice (Open) and parks persistent chat, SMS and social "
            + "in Waiting. Closing after End closes the conversation. Home cannot be closed. When the world or "
            + "'config require-disposition on' requires it, a conversation session closes only with a "
            + "disposition code from the world's list (the demo world: Resolved, Escalated, No response).",
        arguments: [.value(.customerSession)],
        flags: [
            .init(name: "--yes", shortName: "-y", summary: "Close without asking"),
            .init(
                name: "--disposition", summary: "The conversation's disposition code", valueName: "code",
                valueKind: .dispositionCode),
        ]
    ) { arguments throws(CommandError) in
        let confirmed = arguments.flags.contains("--yes")
        let disposition = arguments.flagValues["--disposition"]?.text
        return .close(try optionalSession(&arguments), confirmed: confirmed, disposition: disposition)
    }

    static let end = CommandSpec(
        "end", usage: ["end [<n|title>]"], summary: "End the conversation: it moves to Wrap-up",
        arguments: [.value(.conversationSession)]
    ) { arguments throws(CommandError) in
        .end(try optionalSession(&arguments))
    }

    static let hover = CommandSpec(
        "hover", usage: ["hover <n|title>"], summary: "Show the tooltip(s) of a session's icon",
        arguments: [.value(.session)]
    ) { arguments throws(CommandError) in
        .hover(try singleSession(&arguments))
    }

    static let panel = CommandSpec(
        "panel", aliases: ["burger"], usage: ["panel expand|collapse|toggle"],
        summary: "Expand the panel (titles) or collapse it (icons and badges)",
        arguments: [
            .keyword([
                Keyword("expand", "show titles"),
                Keyword("collapse", "show only icons and badges"),
                Keyword("toggle", "switch between the two"),
            ])
        ]
    ) { arguments throws(CommandError) in
        guard let action = PanelAction(rawValue: try arguments.keyword()) else { throw arguments.usageError() }
        try arguments.finish()
        return .panel(action)
    }

    static let show = CommandSpec(
        "show", aliases: ["ls"], usage: ["show"], summary: "Print the session panel"
    ) { arguments throws(CommandError) in
        try arguments.finish()
        return .show
    }

    /// One session: a position, `home`, or a title (several words are one title, as in `switch Kenny Smith`).
    static func singleSession(_ arguments: inout Arguments) throws(CommandError) -> SessionReference {
        let reference = try arguments.sessionReference(try arguments.required())
        guard case .titlePrefix(let first) = reference, !arguments.isEmpty else {
            try arguments.finish()
            return reference
        }
        return .titlePrefix(first + " " + (try arguments.rest()))
    }

    static func optionalSession(_ arguments: inout Arguments) throws(CommandError) -> SessionReference? {
        arguments.isEmpty ? nil : try singleSession(&arguments)
    }
}
