extension CommandTable {
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
