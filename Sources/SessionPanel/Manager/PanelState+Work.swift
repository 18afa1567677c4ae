extension PanelState {
    /// A request from `customer` (a visitor when `nil`) on `channel`. A named customer's request resumes
    /// their Waiting conversation on that channel; it is refused while one of their conversations on that
    /// channel is offered (a pending notification) or shown in a session, so one customer never has two
    /// sessions for one channel. Finding those conversations is one narrow question to the conversations
    /// (``ConversationsInPlay/unclosed(of:on:)``): a request from a new customer costs the same however
    /// many came before. A new SMS or social request
    /// closes by itself once it has stayed Open, unanswered, for its channel's time. Returns what the offer
    /// says and the conversation's number.
    mutating func receive(_ channel: Channel, from customer: String?, patience: Int? = nil) throws(CommandError)
        -> (outcome: Outcome, conversation: Int)
    {
        var returning: Conversation?
        let existing = try customer.map { name throws(CommandError) in
            try conversations.unclosed(of: name.lowercased(), on: channel)
        }
        for existing in existing ?? [] {
            let existingID = existing.id
            let refusal = "\(existing.title) already has a \(channel.displayName) conversation, \(existing.itemLabel)"
            if let position = sessions.firstIndex(where: { $0.kind == .conversation(existingID) }) {
                throw CommandError(
                    "\(refusal), open at position \(position); a second request on the same channel is refused")
            }
            if existing.state == .waiting {
                returning = existing
            } else if notifications.contains(where: { $0.conversationID == existingID }) {
                throw CommandError(
                    "\(refusal), waiting for Accept or Reject; a second request on the same channel is refused")
            }
        }
        let id: Int
        if let returning {
            id = returning.id
            conversations.bringIntoPlay(returning)
            notifications.removeAll { $0.conversationID == id }
        } else {
            guard nextWorkItem < Limits.largestCounter else { throw Limits.exhausted("work item numbers") }
            guard customer != nil || visitorCount < Limits.largestCounter else {
                throw Limits.exhausted("visitor numbers")
            }
            var visitorNumber: Int?
            if customer == nil {
                visitorCount += 1
                visitorNumber = visitorCount
            }
            id = nextWorkItem
            nextWorkItem += 1
            let conversation = Conversation(
                id: id, channel: channel, customer: customer, visitorNumber: visitorNumber,
                state: .open, assignedToAgent: false)
            conversations[id] = conversation
            if let open = settings.autoClose.open(channel) { schedule(.openExpiry(conversation: id), after: open) }
        }
        if let patience { givePatience(patience, toCustomerOf: id) }
        return (offer(id, returning: returning != nil), id)
    }

    /// A notification offers conversation `id` (a customer returning to a waiting one when `returning`).
    /// While the agent's presence takes no new work the request waits in the queue instead
    /// (``heldRequests``); with every session slot used, the product's alert comes with it.
    mutating func offer(_ id: Int, returning: Bool) -> Outcome {
        let title = conversations[id]?.title ?? ""
        let channel = conversations[id]?.channel ?? .chat
        guard takesNewWork else {
            // only a returning customer's conversation can be held already: a new request costs the same however many wait
            if !returning || !heldRequests.contains(id) { heldRequests.append(id) }
            return Outcome(
                [
                    .message(
                        "\(channel.displayName) request from \(title) waits in the queue: you are \(presence.displayName)."
                    )
                ],
                showsPanel: true)
        }
        // Only a conversation that existed before can be offered already: a new request costs the same
        // however many are pending.
        let alreadyOffered = returning && notifications.contains { $0.conversationID == id }
        if alreadyOffered { notifications.removeAll { $0.conversationID == id } }
        notifications.append(IncomingNotification(conversationID: id, arrivedAt: now, isReturning: returning))
        if !alreadyOffered { shift.log.offered(id, at: now) }  // a repeated request is still the one offer
        let resumes = returning ? " (returning: resumes W\(id) with its history)" : ""
        var outcome = Outcome(
            [
                .message(
                    "Incoming \(channel.displayName) from \(title)\(resumes). Accept or reject within "
                        + "\(SimulatedDuration.format(settings.notificationTimeout)).")
            ],
            showsPanel: true)
        if sessions.count >= settings.maxSessions { outcome.items.append(.notice(Self.maximumSessionsMessage)) }
        return outcome
    }

    /// The agent set a presence that takes work: the requests held meanwhile that still wait in the
    /// queue are offered, oldest first. Returns what each offer says.
    mutating func offerHeldRequests() -> [OutcomeItem] {
        guard takesNewWork else { return [] }
        let held = heldRequests
        heldRequests = []
        var items: [OutcomeItem] = []
        for id in held {
            guard let conversation = conversations[id],
                (conversation.state == .open && !conversation.assignedToAgent) || conversation.state == .waiting
            else { continue }
            items += offer(id, returning: conversation.state == .waiting).items
        }
        return items
    }

    /// The index of the oldest pending notification, or of the one `choice` names.
    private func notificationIndex(_ choice: NotificationChoice?) throws(CommandError) -> Int {
        guard !notifications.isEmpty else { throw CommandError("no pending notifications") }
        switch choice {
        case nil:
            return 0
        case .number(let number)?:
            guard (1...notifications.count).contains(number) else {
                throw CommandError(
                    notifications.count == 1
                        ? "no notification \(number); only 1 is pending"
                        : "no notification \(number); 1 to \(notifications.count) are pending")
            }
            return number - 1
        case .workItem(let id)?:
            guard let index = notifications.firstIndex(where: { $0.conversationID == id }) else {
                throw CommandError("no pending notification for W\(id); 'notifications' lists them")
            }
            return index
        case .title(let title)?:
            let wanted = title.lowercased()
            let titles = notifications.map { (conversations[$0.conversationID]?.title ?? "").lowercased() }
            if let exact = titles.firstIndex(of: wanted) { return exact }
            let matches = titles.indices.filter { titles[$0].hasPrefix(wanted) }
            guard let first = matches.first else {
                throw CommandError("no pending notification from \"\(title)\"; 'notifications' lists them")
            }
            guard matches.count == 1 else {
                throw CommandError("\"\(title)\" matches several notifications; use a number or a work item")
            }
            return first
        }
    }

    mutating func accept(_ choice: NotificationChoice?) throws(CommandError) -> Outcome {
        let index = try notificationIndex(choice)
        let id = notifications[index].conversationID
        guard var conversation = conversations[id] else { throw CommandError("that conversation no longer exists") }
        try checkRoom(for: .conversation(id))
        let search = try recordSearch(for: id)
        notifications.remove(at: index)
        shift.log.answered(id, .accepted, at: now)
        conversation.state = .active
        conversation.assignedToAgent = true
        conversation.waitingUntil = nil
        conversations[id] = conversation
        let started = try startSession(.conversation(id), title: conversation.title)
        customerAnswered(id)
        return Outcome(
            [.message("Accepted \(conversation.channel.displayName) from \(conversation.title). \(started)")]
                + (search.map { [.message($0)] } ?? []),
            showsPanel: true)
    }

    mutating func reject(_ choice: NotificationChoice?) throws(CommandError) -> Outcome {
        let index = try notificationIndex(choice)
        let id = notifications.remove(at: index).conversationID
        shift.log.answered(id, .rejected, at: now)
        let title = conversations[id]?.title ?? "W\(id)"
        return Outcome(
            [.message("Rejected the request from \(title); it is routed to another agent.")], showsPanel: true)
    }

    mutating func openCase(_ number: Int) throws(CommandError) -> Outcome {
        guard let record = try world.caseRecord(number) else {
            throw CommandError("no case \(number); 'open case' with Tab lists them")
        }
        return Outcome([.message(try startSession(.caseRecord(number), title: record.title))], showsPanel: true)
    }

    mutating func openContact(_ name: String) throws(CommandError) -> Outcome {
        guard let contact = try contact(named: name) else { throw CommandError("no contact named \"\(name)\"") }
        return Outcome([.message(try startSession(.contact(contact.name), title: contact.name))], showsPanel: true)
    }

    mutating func openAccount(_ name: String) throws(CommandError) -> Outcome {
        guard let account = try account(named: name) else { throw CommandError("no account named \"\(name)\"") }
        return Outcome([.message(try startSession(.account(account.name), title: account.name))], showsPanel: true)
    }

    /// The work item `id` on the dashboard (in play or read from the catalog).
    private func workItem(_ id: Int) throws(CommandError) -> Conversation {
        guard let conversation = try conversations.read(id), stream(of: conversation) != nil else {
            throw CommandError("no work item W\(id) on the dashboard")
        }
        return conversation
    }

    mutating func openWorkItem(_ id: Int) throws(CommandError) -> Outcome {
        var conversation = try workItem(id)
        switch stream(of: conversation) {
        case .open?:
            throw CommandError("W\(id) is in Open work items; 'pick W\(id)' assigns it to you")
        case .closed?:
            try checkRoom(for: .conversation(id))
            conversations.bringIntoPlay(conversation)
            let started = try startSession(.conversation(id), title: conversation.title, readOnly: true)
            return Outcome(
                [.message(started + " Closed work items open read-only; the conversation stays Closed.")],
                showsPanel: true)
        case .mine?, nil:
            let resumed = conversation.state == .waiting
            try checkRoom(for: .conversation(id))
            conversations.bringIntoPlay(conversation)
            let started = try startSession(.conversation(id), title: conversation.title)
            if resumed {
                conversation.state = .active
                conversation.waitingUntil = nil
                conversations[id] = conversation
                refreshPresence()
                customerAnswered(id)
            }
            return Outcome(
                [.message(started + (resumed ? " The waiting conversation is Active again." : ""))], showsPanel: true)
        }
    }

    mutating func pick(_ id: Int) throws(CommandError) -> Outcome {
        var conversation = try workItem(id)
        guard conversation.stream == .open else {
            throw CommandError(
                "W\(id) is in \(stream(of: conversation)?.displayName ?? "no stream"); only Open work items can be picked"
            )
        }
        try checkRoom(for: .conversation(id))
        conversations.bringIntoPlay(conversation)
        conversation.state = .active
        conversation.assignedToAgent = true
        conversations[id] = conversation
        if notifications.contains(where: { $0.conversationID == id }) { shift.log.answered(id, .accepted, at: now) }
        notifications.removeAll { $0.conversationID == id }
        let started = try startSession(.conversation(id), title: conversation.title)
        customerAnswered(id)
        return Outcome([.message("Picked W\(id); it is now in My work items. \(started)")], showsPanel: true)
    }

    /// The contact `name` names: exactly (ignoring case), or the one contact whose name it is cut before a
    /// character that cannot be typed (what Tab inserts for `Eve` + ESC + `[2J`), so every completed name
    /// still names its contact.
    func contact(named name: String) throws(CommandError) -> World.Contact? {
        if let exact = try world.contact(named: name) { return exact }
        return try world.contacts(startingWith: name, limit: Self.cutNameCandidates)
            .filter { Self.isCut($0.name, before: name) }.onlyOne
    }

    /// The account `name` names, by the rule of ``contact(named:)``.
    func account(named name: String) throws(CommandError) -> World.Account? {
        if let exact = try world.account(named: name) { return exact }
        return try world.accounts(startingWith: name, limit: Self.cutNameCandidates)
            .filter { Self.isCut($0.name, before: name) }.onlyOne
    }

    /// How many names starting with a cut name are looked at for the one it was cut from.
    private static let cutNameCandidates = 50

    /// Whether `prefix` is `full` cut before a character that cannot be typed (spaces before it dropped).
    static func isCut(_ full: String, before prefix: String) -> Bool {
        guard !prefix.isEmpty else { return false }
        let rest = full.unicodeScalars.dropFirst(prefix.unicodeScalars.count)
        guard let next = rest.first(where: { !$0.properties.isWhitespace }) else { return false }
        return next != "\\" && VisibleText.needsEscape(next)
    }
}

extension Array {
    /// The only element, or `nil` when there are none or several.
    var onlyOne: Element? { count == 1 ? first : nil }
}
