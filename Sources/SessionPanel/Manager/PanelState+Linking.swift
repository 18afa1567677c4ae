extension PanelState {
    /// The number of the conversation the session at `position` shows, for a change to its records or
    /// timeline: a conversation session that is not a closed work item opened read-only.
    func editableConversationID(at position: Int) throws(CommandError) -> Int {
        let session = sessions[position]
        guard let id = session.conversationID, conversations[id] != nil else {
            throw CommandError(
                session.isHome
                    ? "Home has no conversation" : "\"\(session.title)\" is a record session, not a conversation")
        }
        guard !session.readOnly else {
            throw CommandError("\"\(session.title)\" is a closed work item, open read-only")
        }
        return id
    }

    mutating func link(_ reference: SessionReference?, _ target: LinkTarget) throws(CommandError) -> Outcome {
        let position = try positionOrFocused(reference)
        let id = try editableConversationID(at: position)
        guard var conversation = conversations[id] else { return Outcome() }
        let linked: String
        switch target {
        case .contact(let name):
            guard let contact = try contact(named: name) else { throw CommandError("no contact named \"\(name)\"") }
            if let current = conversation.customer, try world.contact(named: current) != nil {
                throw CommandError(
                    "\(conversation.itemLabel) is already linked to the contact \(current); 'unlink contact' first")
            }
            conversation.customer = contact.name
            linked = contact.name
        case .account(let name):
            guard let account = try account(named: name) else { throw CommandError("no account named \"\(name)\"") }
            conversation.account = account.name
            linked = "the account \(account.name)"
        case .caseRecord(let number):
            guard let record = try world.caseRecord(number) else {
                throw CommandError("no case \(number); 'link case' with Tab lists them")
            }
            conversation.caseNumber = number
            linked = "case \(number) (\(record.title))"
        }
        conversations[id] = conversation
        let before = sessions[position].title
        return Outcome([.message("Linked \(linked) to \(before)" + retitle(position))], showsPanel: true)
    }

    mutating func unlink(_ reference: SessionReference?, _ kind: LinkedRecordKind) throws(CommandError) -> Outcome {
        let position = try positionOrFocused(reference)
        let id = try editableConversationID(at: position)
        guard var conversation = conversations[id] else { return Outcome() }
        let unlinked: String
        switch kind {
        case .contact:
            guard let contact = conversation.customer else { throw CommandError("W\(id) has no contact linked") }
            conversation.customer = nil
            unlinked = "the contact \(contact)"
        case .account:
            guard let account = conversation.account else { throw CommandError("W\(id) has no account linked") }
            conversation.account = nil
            unlinked = "the account \(account)"
        case .caseRecord:
            guard let number = conversation.caseNumber else { throw CommandError("W\(id) has no case linked") }
            conversation.caseNumber = nil
            unlinked = "case \(number)"
        }
        if conversation.customer == nil, conversation.account == nil, conversation.visitorNumber == nil {
            // a named customer unlinked becomes a visitor: the next number
            guard visitorCount < Limits.largestCounter else { throw Limits.exhausted("visitor numbers") }
            visitorCount += 1
            conversation.visitorNumber = visitorCount
        }
        conversations[id] = conversation
        let before = sessions[position].title
        return Outcome([.message("Unlinked \(unlinked) from \(before)" + retitle(position))], showsPanel: true)
    }

    /// Gives the session at `position` its conversation's title (the linked customer's name); the end of
    /// the sentence saying so (`; the session title is now Kenny Smith.`), or `.` when it did not change.
    private mutating func retitle(_ position: Int) -> String {
        guard let conversation = conversation(of: sessions[position]) else { return "." }
        let title = distinctTitle(conversation.title, for: sessions[position].kind)
        guard title != sessions[position].title else { return "." }
        sessions[position].title = title
        return "; the session title is now \(title)."
    }

    /// What the search for the customer's record finds when conversation `id` is accepted, as the product
    /// says it: nothing for a known contact, else `No records found` or `One or more records found` with
    /// the contacts whose names start as the customer's first name does.
    func recordSearch(for id: Int) throws(CommandError) -> String? {
        guard let conversation = conversations[id], !(conversation.account != nil && conversation.customer == nil)
        else { return nil }
        let link = "'link contact \"<name>\"' (or account, case) links one."
        guard let name = conversation.customer else { return "No records found for \(conversation.title). \(link)" }
        if try world.contact(named: name) != nil { return nil }
        let firstName = String(name.split(separator: " ").first ?? Substring(name))
        let candidates = try world.contacts(startingWith: firstName, limit: Self.recordCandidates)
        guard !candidates.isEmpty else { return "No records found for \(name). \(link)" }
        return "One or more records found for \(name): \(candidates.map(\.name).joined(separator: ", ")). \(link)"
    }

    /// How many candidates the record search lists.
    static let recordCandidates = 5
}
