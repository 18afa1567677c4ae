extension CommandTable {
    static let incoming = CommandSpec(
        "incoming", group: .trainer, usage: ["incoming <chat|sms|voice|social> [\"<name>\"]"],
        summary: "A conversation request arrives as a notification",
        details: "Without a name the customer is an unauthenticated visitor (Visitor 1, Visitor 2, …). "
            + "A customer returning to a waiting conversation resumes it with its history.",
        arguments: [.value(.channel), .value(.contactName)]
    ) { arguments throws(CommandError) in
        let word = try arguments.keyword()
        guard let channel = Channel(rawValue: word) else {
            throw CommandError("unknown channel \"\(word)\"; channels: chat, sms, voice, social")
        }
        return .incoming(channel, customer: arguments.isEmpty ? nil : try arguments.rest())
    }

    static let notifications = CommandSpec(
        "notifications", usage: ["notifications"], summary: "List pending notifications, oldest first"
    ) { arguments throws(CommandError) in
        try arguments.finish()
        return .notifications
    }

    static let accept = CommandSpec(
        "accept", usage: ["accept [<n>]"], summary: "Accept the oldest (or nth) notification and focus its session",
        arguments: [.value(.notification)]
    ) { arguments throws(CommandError) in
        .accept(try notificationNumber(&arguments))
    }

    static let reject = CommandSpec(
        "reject", usage: ["reject [<n>]"], summary: "Reject the oldest (or nth) notification",
        arguments: [.value(.notification)]
    ) { arguments throws(CommandError) in
        .reject(try notificationNumber(&arguments))
    }

    private static func notificationNumber(_ arguments: inout Arguments) throws(CommandError) -> Int? {
        guard let token = arguments.next() else { return nil }
        try arguments.finish()
        return try arguments.number(token, "notification number")
    }

    static let open = CommandSpec(
        "open",
        usage: ["open case <number>", "open contact \"<name>\"", "open account \"<name>\"", "open <item>"],
        summary: "Start a case, contact or account session, or open a work item from My or Closed work items",
        details: "Items come from 'dashboard'. A closed work item opens read-only and is not reactivated. "
            + "Opening something already open switches to its session.",
        arguments: [
            .keyword(
                [
                    Keyword("case", "a case by number", then: [.value(.caseNumber)]),
                    Keyword("contact", "a contact by name", then: [.value(.contactName)]),
                    Keyword("account", "an account by name", then: [.value(.accountName)]),
                ], orValue: .workItem([.mine, .closed]))
        ]
    ) { arguments throws(CommandError) in
        let first = try arguments.required()
        switch first.quoted ? "" : first.text.lowercased() {
        case "case":
            let number = try arguments.number(try arguments.required(), "case number")
            try arguments.finish()
            return .openCase(number)
        case "contact": return .openContact(try arguments.rest())
        case "account": return .openAccount(try arguments.rest())
        default:
            try arguments.finish()
            return .openWorkItem(try arguments.workItem(first))
        }
    }

    static let pick = CommandSpec(
        "pick", usage: ["pick <item>"],
        summary: "Pick an item from Open work items: assign it to you and start its session",
        arguments: [.value(.workItem([.open]))]
    ) { arguments throws(CommandError) in
        let item = try arguments.workItem(try arguments.required())
        try arguments.finish()
        return .pick(item)
    }

    static let dashboard = CommandSpec(
        "dashboard", aliases: ["dash"], usage: ["dashboard"],
        summary: "Show the agent dashboard: My, Open and Closed work items"
    ) { arguments throws(CommandError) in
        try arguments.finish()
        return .dashboard
    }
}
