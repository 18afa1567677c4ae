extension CommandTable {
    static let message = CommandSpec(
        "message", aliases: ["msg"], group: .trainer, usage: ["message <n|title> \"<text>\""],
        summary: "The customer in a session sends a message (unread while the session is not focused)",
        arguments: [.value(.conversationSession), .value(.text)]
    ) { arguments throws(CommandError) in
        let session = try arguments.sessionReference(try arguments.required())
        return .message(session, text: try arguments.rest())
    }

    static let reply = CommandSpec(
        "reply", usage: ["reply [--internal] \"<text>\""], summary: "Answer the customer in the focused session",
        details: "With --internal the message goes to the colleague of a consult only, never to the customer.",
        arguments: [.value(.text)],
        flags: [.init(name: "--internal", shortName: "-i", summary: "To the consulted colleague only")]
    ) { arguments throws(CommandError) in
        let text = try arguments.rest()
        if arguments.flags.contains("--internal") { return .internalReply(text) }
        return text.hasPrefix("/") ? try CommandParser.parseSlash(text) : .reply(text)
    }

    static let history = CommandSpec(
        "history", usage: ["history [<n|title>]"], summary: "Show the conversation of the focused (or named) session",
        arguments: [.value(.conversationSession)]
    ) { arguments throws(CommandError) in
        .history(try optionalSession(&arguments))
    }

    static let sentiment = CommandSpec(
        "sentiment", group: .trainer, usage: ["sentiment <n|title> <level>"],
        summary: "Set a session's sentiment (very-negative … very-positive)",
        details: "Levels: " + Sentiment.allCases.map { $0.name }.joined(separator: ", ")
            + ". The '!' alert shows at or below the threshold ('config threshold').",
        arguments: [.value(.customerSession), .value(.sentiment)]
    ) { arguments throws(CommandError) in
        let session = try arguments.sessionReference(try arguments.required())
        let word = try arguments.keyword()
        try arguments.finish()
        guard let level = Sentiment(name: word) else {
            throw CommandError(
                "unknown sentiment \"\(word)\"; levels: \(Sentiment.allCases.map { $0.name }.joined(separator: ", "))")
        }
        return .sentiment(session, level)
    }

    static let leave = CommandSpec(
        "leave", group: .trainer, usage: ["leave <n|title>"],
        summary: "The customer ends the chat or hangs up: Active goes to Wrap-up, Open closes (abandoned)",
        details: "Name the customer by title (\"Kenny Smith\", also while the request waits in the queue) or the "
            + "session by position. In scripts: 'at 5m leave \"Kenny Smith\"'.",
        arguments: [.value(.conversationSession)]
    ) { arguments throws(CommandError) in
        .leave(try singleSession(&arguments))
    }
}
