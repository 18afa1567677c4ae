extension CommandTable {
    static let incoming = CommandSpec(
        "incoming", group: .trainer,
        usage: ["incoming <chat|sms|voice|social> [\"<name>\"] [--patience <duration>]"],
        summary: "A conversation request arrives as a notification",
        details: "Without a name the customer is an unauthenticated visitor (Visitor 1, Visitor 2, …). "
            + "A customer returning to a waiting conversation resumes it with its history. "
            + "With --patience, the customer loses patience as generated ones do: each time that long passes "
            + "after their message without a reply, their sentiment drops a level; the next reply gives it back.",
        arguments: [.value(.channel), .value(.contactName)],
        flags: [
            .init(
                name: "--patience", summary: "Time without a reply before the customer's sentiment drops a level",
                valueName: "duration")
        ]
    ) { arguments throws(CommandError) in
        let patience = try arguments.flagValues["--patience"].map { token throws(CommandError) in
            guard let seconds = SimulatedDuration.parse(token.text), seconds > 0 else {
                throw CommandError("--patience takes a duration such as 90s, 2m or 1h30m, not \"\(token.text)\"")
            }
            return seconds
        }
        let word = try arguments.keyword()
        guard let channel = Channel(rawValue: word) else {
            throw CommandError("unknown channel \"\(word)\"; channels: chat, sms, voice, social")
        }
        return .incoming(channel, customer: arguments.isEmpty ? nil : try arguments.rest(), patience: patience)
    }

    static let notifications = CommandSpec(
        "notifications", usage: ["notifications"], summary: "List pending notifications, oldest first"
    ) { arguments throws(CommandError) in
        try arguments.finish()
        return .notifications
    }

    static let accept = CommandSpec(
        "accept", usage: ["accept [<n>|W<item>|<title>]"],
        summary: "Accept the oldest (or a named) notification and focus its session",
        details: notificationDetails, arguments: [.value(.notification)]
    ) { arguments throws(CommandError) in
        .accept(try notificationChoice(&arguments))
    }

    static let reject = CommandSpec(
        "reject", usage: ["reject [<n>|W<item>|<title>]"],
        summary: "Reject the oldest (or a named) notification", details: notificationDetails,
        arguments: [.value(.notification)]
    ) { arguments throws(CommandError) in
        .reject(try notificationChoice(&arguments))
    }

    private static let notificationDetails =
        "A notification is named by its number, its work item (W1013) or its customer (Visitor 7, Kenny Smith). "
        + "Numbers are those of the list as last shown (the panel or 'notifications'): a request that arrived "
        + "since takes the next number, and one that has gone since is refused, never replaced by another."

    private static func notificationChoice(_ arguments: inout Arguments) throws(CommandError) -> NotificationChoice? {
        guard let token = arguments.next() else { return nil }
        if !token.quoted, !token.text.isEmpty, arguments.isEmpty {
            if token.text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
                return .number(try arguments.number(token, "notification number"))
            }
            let rest = token.text.dropFirst()
            if token.text.first == "W" || token.text.first == "w", !rest.isEmpty,
                rest.utf8.allSatisfy({ (0x30...0x39).contains($0) })
            {
                return .workItem(try arguments.workItem(token))
            }
        }
        let more = arguments.isEmpty ? "" : " " + (try arguments.rest())
        return .title(token.text + more)
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
        "dashboard", aliases: ["dash"], usage: ["dashboard [my|open|closed] [--page <n>]"],
        summary: "Show the agent dashboard: My, Open and Closed work items, 20 of each stream",
        details: "Each stream shows its first 20 work items and how many more it has; name a stream "
            + "('dashboard open') to see only it, and --page 2 for its next 20.",
        arguments: [.keyword(WorkStream.allCases.map { Keyword($0.rawValue, "only \($0.displayName)") })],
        flags: [.init(name: "--page", summary: "Which 20 work items to show: 1 is the first page", valueName: "n")]
    ) { arguments throws(CommandError) in
        var stream: WorkStream?
        if let token = arguments.next() {
            guard let named = WorkStream(rawValue: token.text.lowercased()) else {
                throw arguments.usageError("a stream is my, open or closed, not \"\(token.text)\"")
            }
            stream = named
        }
        try arguments.finish()
        var page = 1
        if let token = arguments.flagValues["--page"] {
            page = try arguments.number(token, "--page")
            guard (1...Limits.largestCounter / PanelState.dashboardPageSize).contains(page) else {
                throw CommandError("--page takes a page number from 1, not \(token.text)")
            }
        }
        return .dashboard(stream, page: page)
    }
}
