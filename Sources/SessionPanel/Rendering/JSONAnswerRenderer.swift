internal import JSONCoding

/// Under `--format json`, what a command answers with that has fields of its own — the articles of
/// `kb search`, the article of `kb open`, the quick-reply list, the notes, the Customer summary — as
/// members of its `command` object with named fields, not as text in its `messages`
/// (`docs/output.schema.json` documents them).
enum JSONAnswerRenderer {
    /// Whether `item` is one of those: its text is then left out of the command's `messages`.
    static func isTyped(_ item: OutcomeItem) -> Bool {
        switch item {
        case .articles, .article, .quickReplies, .notes, .summary: true
        default: false
        }
    }

    /// The members `items` add to their command's object, given the state after the command.
    static func members(of items: [OutcomeItem], in state: PanelState) -> [(String, JSONValue)] {
        items.compactMap { item in
            switch item {
            case .articles(let found): ("articles", .array(found.map(articleEntry)))
            case .article(let article):
                (
                    "article",
                    .object(
                        [("id", .number(article.id)), ("title", .string(article.title))] + [
                            ("keywords", .string(article.keywords)), ("body", .string(article.body)),
                            ("link", .string(article.link)),
                        ])
                )
            case .quickReplies(let replies, let personal):
                (
                    "quickReplies",
                    .array(replies.enumerated().map { quickReply($1, number: $0 + 1, personal: $0 < personal) })
                )
            case .notes(let sessionID): notes(state, sessionID).map { ("notes", $0) }
            case .summary(let summary): ("summary", self.summary(summary))
            default: nil
            }
        }
    }

    private static func articleEntry(_ article: World.Article) -> JSONValue {
        .object([("id", .number(article.id)), ("title", .string(article.title)), ("link", .string(article.link))])
    }

    private static func quickReply(_ reply: World.QuickReply, number: Int, personal: Bool) -> JSONValue {
        .object([
            ("number", .number(number)), ("tags", .array(reply.tags.map { .string($0) })),
            ("message", .string(reply.message)), ("personal", .bool(personal)),
        ])
    }

    /// `{"time": 300, "clock": "00:05:00", "text": …}`: something dated on the simulated clock.
    private static func dated(_ time: Int?, _ text: String) -> JSONValue {
        .object([
            ("time", time.map { .number($0) } ?? .null), ("clock", .string(time.map(SimulatedDuration.stamp))),
            ("text", .string(text)),
        ])
    }

    private static func notes(_ state: PanelState, _ sessionID: Int) -> JSONValue? {
        guard let session = state.sessions.first(where: { $0.id == sessionID }),
            let conversation = state.conversation(of: session)
        else { return nil }
        return .object([
            ("workItem", .string(conversation.itemLabel)), ("title", .string(conversation.title)),
            ("notes", .array(conversation.notes.map { dated($0.time, $0.text) })),
        ])
    }

    private static func caseEntry(_ record: World.CaseRecord) -> JSONValue {
        .object([("number", .number(record.number)), ("title", .string(record.title))])
    }

    private static func summary(_ summary: CustomerSummary) -> JSONValue {
        .object([
            ("title", .string(summary.title)), ("workItem", .string("W\(summary.conversation)")),
            (
                "customer",
                .object([
                    ("contact", .string(summary.contact?.name)), ("account", .string(summary.account)),
                    ("unknownCustomer", .string(summary.unknownCustomer)),
                ])
            ),
            (
                "conversation",
                .object([
                    ("channel", .string(summary.channel.rawValue)), ("queue", .string(summary.queue)),
                    ("waitSeconds", summary.waitTime.map { .number($0) } ?? .null),
                    ("engagementSeconds", .number(summary.engagement)), ("sentiment", .string(summary.sentiment.name)),
                    ("transfers", .number(summary.transfers)),
                ])
            ),
            ("linkedCase", summary.linkedCase.map(caseEntry) ?? .null),
            ("recentCases", .array(summary.recentCases.map(caseEntry))),
            ("timeline", .array(summary.timeline.map { dated($0.time, $0.text) })),
            ("timelineCount", .number(summary.timelineCount)),
        ])
    }
}
