/// The product's slash commands, typed at the prompt or as a reply (`reply "/q refund"`): each is a
/// command, never text sent to the customer.
extension CommandTable {
    /// The slash commands, in the order `help` lists them.
    static let slashCommands: [CommandSpec] = [slashQ, slashT, slashTQ, slashC, slashKB, slashI, slashP]

    /// "unknown slash command …", naming them all.
    static func unknownSlashMessage(_ word: String) -> String {
        let shown = word.count > 40 ? String(word.prefix(40)) + "…" : word
        return "unknown slash command \"\(shown)\"; slash commands: "
            + slashCommands.map(\.name).joined(separator: ", ")
    }

    static let slashQ = CommandSpec(
        "/q", usage: ["/q [<words>|#<tag>]", "/q <n>"],
        summary: "Slash command: list quick replies (quickreply), or send the n-th of the list",
        arguments: [.value(.quickReplyFilter)]
    ) { arguments throws(CommandError) in
        if let number = try soleNumber(&arguments) { return .quickReplySend(number) }
        return .quickReplies(arguments.isEmpty ? "" : try arguments.rest())
    }

    static let slashT = CommandSpec(
        "/t", usage: ["/t \"<agent>\""], summary: "Slash command: transfer agent", arguments: [.value(.agentName)]
    ) { arguments throws(CommandError) in .transfer(.agent(try arguments.rest())) }

    static let slashTQ = CommandSpec(
        "/tq", usage: ["/tq \"<queue>\""], summary: "Slash command: transfer queue", arguments: [.value(.queueName)]
    ) { arguments throws(CommandError) in .transfer(.queue(try arguments.rest())) }

    static let slashC = CommandSpec(
        "/c", usage: ["/c \"<agent>\""], summary: "Slash command: consult", arguments: [.value(.agentName)]
    ) { arguments throws(CommandError) in .consult(try arguments.rest()) }

    static let slashKB = CommandSpec(
        "/kb", usage: ["/kb <words>", "/kb <id>"],
        summary: "Slash command: kb search, or kb send an article by id", arguments: [.value(.text)]
    ) { arguments throws(CommandError) in
        if let id = try soleNumber(&arguments) { return .kbSend(id) }
        return .kbSearch(try arguments.rest())
    }

    static let slashI = CommandSpec(
        "/i", usage: ["/i [<text>]"],
        summary: "Slash command: internal mode (replies reach the consulted colleague only), sending text when given",
        arguments: [.value(.text)]
    ) { arguments throws(CommandError) in
        .composeInternally(true, text: arguments.isEmpty ? nil : try arguments.rest())
    }

    static let slashP = CommandSpec(
        "/p", usage: ["/p"], summary: "Slash command: public mode (replies reach the customer again)"
    ) { arguments throws(CommandError) in
        try arguments.finish()
        return .composeInternally(false, text: nil)
    }

    /// The number when it is the only word left (`/q 3`), taken; `nil` otherwise.
    private static func soleNumber(_ arguments: inout Arguments) throws(CommandError) -> Int? {
        guard arguments.count == 1, let word = arguments.peek, !word.quoted,
            word.text.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        _ = arguments.next()
        return try arguments.number(word, "number")
    }
}
