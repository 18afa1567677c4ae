extension CommandTable {
    static let kb = CommandSpec(
        "kb", usage: ["kb search \"<words>\"", "kb open <id>", "kb send <id>"],
        summary: "Search the knowledge base, open an article in KB Search, or send its link to the customer",
        details: "kb search lists the articles that have every word (or a word starting with it), best first: "
            + "a title's words count most, then keywords, then the body. kb open shows the article in the "
            + "focused conversation session's KB Search tab; kb send sends the customer a message with its "
            + "link, 'Article <id>: <title> <kb://<id>>'.",
        arguments: [
            .keyword([
                Keyword("search", "list the articles matching words", then: [.value(.text)]),
                Keyword("open", "show an article in the KB Search tab", then: [.value(.articleID)]),
                Keyword("send", "send an article's link to the customer", then: [.value(.articleID)]),
            ])
        ]
    ) { arguments throws(CommandError) in
        switch try arguments.keyword() {
        case "search": return .kbSearch(try arguments.rest())
        case "open": return .kbOpen(try articleID(&arguments))
        case "send": return .kbSend(try articleID(&arguments))
        default: throw arguments.usageError()
        }
    }

    static let quickreply = CommandSpec(
        "quickreply",
        usage: ["quickreply [<words>|#<tag>]", "quickreply send <n>", "quickreply add \"#<tag> <text>\""],
        summary: "List quick replies (by words or #tag), send one of the list, or save your own",
        details: "The list shows your own quick replies (marked *) first, then the world's, numbered; "
            + "quickreply send <n> sends the n-th of the last list to the customer of the focused session with "
            + "{customer} and {agent} filled in. A quick reply's #tags are the #words it starts with; "
            + "Tab completes a #tag from the world's quick replies and your own.",
        arguments: [
            .keyword(
                [
                    Keyword("send", "send the n-th quick reply of the last list", then: [.value(.quickReplyNumber)]),
                    Keyword("add", "save a quick reply of your own", then: [.value(.text)]),
                ], orValue: .quickReplyFilter)
        ]
    ) { arguments throws(CommandError) in
        guard let first = arguments.peek else { return .quickReplies("") }
        switch first.quoted ? "" : first.text.lowercased() {
        case "send":
            _ = arguments.next()
            let number = try arguments.number(try arguments.required(), "quick reply number")
            try arguments.finish()
            return .quickReplySend(number)
        case "add":
            _ = arguments.next()
            return .quickReplyAdd(try arguments.rest())
        default: return .quickReplies(try arguments.rest())
        }
    }

    /// An article id, the last word.
    private static func articleID(_ arguments: inout Arguments) throws(CommandError) -> Int {
        let id = try arguments.number(try arguments.required(), "article id")
        try arguments.finish()
        return id
    }
}
