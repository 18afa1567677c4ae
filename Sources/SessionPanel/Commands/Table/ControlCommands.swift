extension CommandTable {
    static let consult = CommandSpec(
        "consult", usage: ["consult \"<agent>\"", "consult end"],
        summary: "Consult a colleague on the focused conversation, or end the consult",
        details: "The colleague joins read-only: 'reply --internal \"<text>\"' reaches them and never the "
            + "customer, and they answer with their next line a simulated "
            + "\(PanelState.colleagueDelay) seconds later.",
        arguments: [.keyword([Keyword("end", "the colleague leaves")], orValue: .agentName)]
    ) { arguments throws(CommandError) in
        if let first = arguments.peek, !first.quoted, first.text.lowercased() == "end", arguments.count == 1 {
            return .consultEnd
        }
        return .consult(try arguments.rest())
    }

    static let transfer = CommandSpec(
        "transfer", usage: ["transfer queue \"<queue>\"", "transfer agent \"<agent>\""],
        summary: "Transfer the focused conversation to a queue or a colleague; its session closes",
        details: "The conversation goes back to Open, waiting in the queue or offered to the colleague, and "
            + "its session closes. The world names the queues and colleagues (the demo world: Billing, "
            + "Technical support, Returns; Ravi Patel, Mei Chen). The report counts transfers.",
        arguments: [
            .keyword([
                Keyword("queue", "wait in a queue, Open", then: [.value(.queueName)]),
                Keyword("agent", "offered to a colleague", then: [.value(.agentName)]),
            ])
        ]
    ) { arguments throws(CommandError) in
        switch try arguments.keyword() {
        case "queue": return .transfer(.queue(try arguments.rest()))
        case "agent": return .transfer(.agent(try arguments.rest()))
        default: throw arguments.usageError()
        }
    }
}
