/// Conversations that end without the agent: the customer leaves (`leave`, an `at … leave` line, or a
/// generated live chat or voice customer), a conversation's Wrap-up time runs out, or an unanswered SMS
/// or social request has stayed Open for its channel's time (``AutoCloseTimes``).
extension PanelState {
    /// Closes conversation `id` for good, now: the one way a conversation becomes Closed. Its state and
    /// closing time, no Waiting window, the shift log's closing time and none of its events still to come
    /// (the customer index follows the change).
    mutating func markClosed(_ id: Int) {
        conversations[id]?.state = .closed
        conversations[id]?.closedAt = now
        conversations[id]?.waitingUntil = nil
        shift.log.conversationClosed(id, at: now)
        // Closed is final: what was still to come for it (its Wrap-up or Waiting time, a generated
        // customer's next move) is moot, and would keep it in play, read whole at every load.
        shift.agenda.removeAll { $0.kind.conversation == id }
    }

    /// Moves conversation `id` to Wrap-up; it closes by itself after its channel's Wrap-up time.
    mutating func enterWrapUp(_ id: Int) {
        guard let channel = conversations[id]?.channel else { return }
        conversations[id]?.state = .wrapUp
        schedule(.wrapUpExpiry(conversation: id), after: settings.autoClose.wrapUp(channel))
    }

    /// `wrap-up-chat 15m`: the Wrap-up time of `channel` as its setting reads.
    private func wrapUpSetting(_ channel: Channel) -> String {
        "wrap-up-\(channel.rawValue) \(SimulatedDuration.format(settings.autoClose.wrapUp(channel)))"
    }

    /// `leave <n|title>`: the customer ends the chat or hangs up.
    mutating func leave(_ reference: SessionReference) throws(CommandError) -> Outcome {
        let id = try leavingConversation(reference)
        guard let conversation = conversations[id],
            conversation.state == .active || (conversation.state == .open && !conversation.assignedToAgent)
        else {
            let state = conversations[id]?.state.displayName ?? ""
            throw CommandError(
                "the conversation with \"\(conversations[id]?.title ?? "")\" (W\(id)) is \(state); "
                    + "a customer leaves an Open or Active conversation")
        }
        guard let left = customerLeaves(id) else { return Outcome() }
        return Outcome(left.items.compactMap(\.eventText).map(OutcomeItem.message), showsPanel: true)
    }

    /// The conversation `reference` names: a customer by title (with a session or waiting in the queue),
    /// or a session by position or title.
    private mutating func leavingConversation(_ reference: SessionReference) throws(CommandError) -> Int {
        if case .titlePrefix(let name) = reference, let id = try customerConversation(titled: name) { return id }
        let session = sessions[try position(of: reference)]
        guard let id = session.conversationID else {
            throw CommandError(
                session.isHome
                    ? "Home has no customer" : "\"\(session.title)\" is a record session, not a conversation")
        }
        return id
    }

    /// The customer of conversation `id` leaves: an Active conversation moves to Wrap-up (its session
    /// says so), an Open one closes (abandoned). `nil` when it is neither.
    mutating func customerLeaves(_ id: Int) -> Outcome? {
        guard let conversation = conversations[id] else { return nil }
        switch conversation.state {
        case .active:
            enterWrapUp(id)
            refreshPresence()
            let position = sessions.firstIndex { $0.conversationID == id && !$0.readOnly }
            let place = position.map { " in session \($0)" } ?? ""
            return eventOutcome(
                .warning, "\(conversation.title): ended the conversation\(place)",
                "; it is in Wrap-up and closes by itself (\(wrapUpSetting(conversation.channel))).", about: id)
        case .open where !conversation.assignedToAgent:
            heldRequests.removeAll { $0 == id }
            return abandon(id)
        default:
            return nil
        }
    }

    /// A generated live chat or voice customer with nothing more to say ends the chat or hangs up a while later.
    mutating func scheduleLeaving(_ id: Int) {
        guard let channel = conversations[id]?.channel, settings.autoClose.open(channel) == nil,
            var customer = shift.customers[id], customer.isScripted != true
        else { return }
        let draw = customer.nextDraw()
        shift.customers[id] = customer
        let mean = Double(settings.traffic.messageInterval * (channel == .voice ? 4 : 2))
        schedule(
            .customerLeaves(conversation: id), after: shift.random.exponentialSeconds(mean: mean, customer.stream, draw)
        )
    }

    /// Conversation `id` has stayed in Wrap-up for its channel's time: it closes, and its session with it.
    mutating func expireWrapUp(_ id: Int) -> Outcome {
        guard let conversation = conversations[id] else { return Outcome() }
        let text = "\(conversation.title): conversation closed at the end of Wrap-up"
        let detail = " (W\(id), \(wrapUpSetting(conversation.channel)))"
        if let position = sessions.firstIndex(where: { $0.conversationID == id && !$0.readOnly }) {
            _ = closeSession(at: position)
            return eventOutcome(.warning, text, detail + "; session \(position) closed.", about: id)
        }
        markClosed(id)
        refreshPresence()
        return eventOutcome(.warning, text, detail + ".", about: id)
    }

    /// An unanswered SMS or social request has stayed Open for its channel's time: it closes.
    mutating func expireOpen(_ id: Int) -> Outcome {
        if notifications.contains(where: { $0.conversationID == id }) {
            notifications.removeAll { $0.conversationID == id }
            shift.log.answered(id, .missed, at: now)
        }
        heldRequests.removeAll { $0 == id }
        markClosed(id)
        let conversation = conversations[id]
        let channel = conversation?.channel ?? .sms
        let open = SimulatedDuration.format(settings.autoClose.open(channel) ?? 0)
        return eventOutcome(
            .warning, "\(conversation?.title ?? ""): \(channel.displayName) request closed unanswered",
            " (W\(id) stayed Open for open-\(channel.rawValue) \(open)).", about: id)
    }
}

extension OutcomeItem {
    /// The text of an event line, for a command that says the same thing as the event would.
    var eventText: String? {
        if case .event(let line) = self { return line.sentence }
        return nil
    }
}
