extension CommandTable {
    /// `contact "<name>"`, `account "<name>"`, `case <number>`: what `link` and `unlink` take, for completion.
    private static func recordKeywords(withValues: Bool) -> [Keyword] {
        [
            Keyword(
                "contact", "a contact: the customer, and the session's title",
                then: withValues ? [.value(.contactName)] : []),
            Keyword(
                "account", "an account: the title while no contact is linked",
                then: withValues ? [.value(.accountName)] : []),
            Keyword("case", "a case: the conversation's case", then: withValues ? [.value(.caseNumber)] : []),
        ]
    }

    static let link = CommandSpec(
        "link", usage: ["link [<n|title>] contact|account|case <name|number>", "link <n|title> \"<contact>\""],
        summary: "Link a contact, account or case to a conversation; the title follows the linked customer",
        details: "At accept an unknown customer gets \"No records found\" or \"One or more records found\" with "
            + "candidates; 'link contact \"<name>\"' picks one. A visitor's title becomes the contact's (or "
            + "account's) name. Without a session the focused one is meant; 'link 2 \"Kenny Smith\"' links a contact.",
        arguments: [
            .keyword(recordKeywords(withValues: true), orValue: .conversationSession),
            .keyword(recordKeywords(withValues: true), orValue: .contactName),
        ]
    ) { arguments throws(CommandError) in
        var session: SessionReference?
        if let first = arguments.peek, LinkedRecordKind(word: first) == nil {
            session = try arguments.sessionReference(try arguments.required())
            guard let second = arguments.peek, LinkedRecordKind(word: second) != nil, arguments.count > 1 else {
                return .link(session, .contact(try arguments.rest()))  // 'link 2 "Kenny Smith"'
            }
        }
        switch try linkedKind(&arguments) {
        case .contact: return .link(session, .contact(try arguments.rest()))
        case .account: return .link(session, .account(try arguments.rest()))
        case .caseRecord:
            let token = try arguments.required()
            try arguments.finish()
            return .link(session, .caseRecord(try arguments.number(token, "case number")))
        }
    }

    static let unlink = CommandSpec(
        "unlink", usage: ["unlink [<n|title>] contact|account|case"],
        summary: "Remove a linked contact, account or case from a conversation",
        details: "Unlinking the contact of a conversation with no account makes the customer a visitor again "
            + "('Visitor N').",
        arguments: [
            .keyword(recordKeywords(withValues: false), orValue: .conversationSession),
            .keyword(recordKeywords(withValues: false)),
        ]
    ) { arguments throws(CommandError) in
        var session: SessionReference?
        if let first = arguments.peek, LinkedRecordKind(word: first) == nil {
            session = try arguments.sessionReference(try arguments.required())
        }
        let kind = try linkedKind(&arguments)
        try arguments.finish()
        return .unlink(session, kind)
    }

    static let note = CommandSpec(
        "note", usage: ["note \"<text>\""],
        summary: "Save a note to the focused conversation's timeline, at the simulated time",
        details: "A visitor's conversation must be linked to a contact or account first ('link contact'). "
            + "'notes' lists them; 'history', 'summary' and 'report --svg' show them.",
        arguments: [.value(.text)]
    ) { arguments throws(CommandError) in
        let text = try arguments.rest()
        guard text.contains(where: { !$0.isWhitespace }) else { throw arguments.usageError("the note is empty") }
        return .note(text)
    }

    static let notes = CommandSpec(
        "notes", usage: ["notes [<n|title>]"], summary: "List the notes of the focused (or named) conversation",
        arguments: [.value(.conversationSession)]
    ) { arguments throws(CommandError) in
        .notes(try optionalSession(&arguments))
    }

    static let summary = CommandSpec(
        "summary", usage: ["summary [<n|title>]"],
        summary: "Show the Customer summary of the focused (or named) conversation",
        details: "Sections: Customer, Conversation summary, Case, Recent cases (the latest five) and Timeline "
            + "(notes, closed conversations, cases).",
        arguments: [.value(.conversationSession)]
    ) { arguments throws(CommandError) in
        .summary(try optionalSession(&arguments))
    }

    /// `contact`, `account` or `case`, or a usage error naming them.
    private static func linkedKind(_ arguments: inout Arguments) throws(CommandError) -> LinkedRecordKind {
        let word = try arguments.keyword()
        guard let kind = LinkedRecordKind(rawValue: word) else {
            throw arguments.usageError("\"\(word)\" is not contact, account or case")
        }
        return kind
    }
}

extension LinkedRecordKind {
    /// The kind an unquoted word names (`contact`, `account`, `case`, any case), if any.
    init?(word token: Token) {
        guard !token.quoted else { return nil }
        self.init(rawValue: token.text.lowercased())
    }
}
