extension PanelState {
    /// The number of the conversation a session shows, for a change that needs it Active.
    /// (Callers change the conversation in place through its number: a copy would copy its transcript.)
    func activeConversationID(in session: Session) throws(CommandError) -> Int {
        guard let id = session.conversationID, let conversation = conversations[id] else {
            throw CommandError(
                session.isHome
                    ? "Home has no conversation" : "\"\(session.title)\" is a record session, not a conversation")
        }
        guard !session.readOnly else {
            throw CommandError("\"\(session.title)\" is a closed work item, open read-only")
        }
        guard conversation.state == .active else {
            throw CommandError(
                "the conversation with \"\(session.title)\" is \(conversation.state.displayName), not Active")
        }
        return id
    }

    mutating func receiveMessage(_ text: String, in reference: SessionReference) throws(CommandError) -> Outcome {
        let position = try position(of: reference)
        deliver(text, toSessionAt: position, conversation: try activeConversationID(in: sessions[position]))
        return Outcome(showsPanel: true)
    }

    /// A customer message arrives in Active conversation `id`, worked by the session at `position`.
    /// A customer who loses patience (generated, or given `--patience`) starts counting when nothing
    /// they wrote was waiting for a reply.
    mutating func deliver(_ text: String, toSessionAt position: Int, conversation id: Int) {
        let startsPatience = shift.customers[id] != nil && firstUnansweredMessageTime(in: id) == nil
        conversations[id]?.messages.append(Message(sender: .customer, text: text, time: now))
        if startsPatience { schedule(.impatience(conversation: id, since: now), after: patience(of: id)) }
        guard sessions[position].id != focusedSessionID else { return }
        // the badge shows 9+ long before
        sessions[position].unreadCount = min(sessions[position].unreadCount + 1, Limits.largestCounter)
        shift.log.unreadMessage(id, at: now, unread: sessions[position].unreadCount)
    }

    mutating func reply(_ text: String) throws(CommandError) -> Outcome {
        let id = try activeConversationID(in: focusedSession)
        if conversations[id]?.composesInternally == true { return try internalReply(text) }
        conversations[id]?.messages.append(Message(sender: .agent, text: text, time: now))
        shift.log.alert(id, standing: false, at: now)
        var items: [OutcomeItem] = [.message("You → \(conversations[id]?.title ?? ""): \(text)")]
        if let recovered = recoverPatience(in: id, at: focusedPosition) { items.append(.message(recovered)) }
        return Outcome(items)
    }

    mutating func end(_ reference: SessionReference?) throws(CommandError) -> Outcome {
        let session = sessions[try positionOrFocused(reference)]
        let id = try activeConversationID(in: session)
        enterWrapUp(id)
        if let channel = conversations[id]?.channel, !channel.isLive(chatMode: settings.chatMode) {
            shift.log.update(id, at: now) { $0.persistentEnds += 1 }
        }
        return Outcome(
            [
                .message(
                    "Ended the conversation with \(session.title); it is in Wrap-up. Closing the session closes it.")
            ],
            showsPanel: true)
    }

    mutating func setSentiment(_ level: Sentiment, of reference: SessionReference) throws(CommandError) -> Outcome {
        let position = try position(of: reference)
        guard !sessions[position].isHome else { throw CommandError("Home has no sentiment") }
        // as for `message`: only an Active conversation has a customer's mood
        _ = try activeConversationID(in: sessions[position])
        changeSentiment(at: position, to: level)
        return Outcome(showsPanel: true)
    }

    /// Sets the sentiment of the (customer) session at `position`, logging when its alert appears.
    mutating func changeSentiment(at position: Int, to level: Sentiment) {
        sessions[position].sentiment = level
        noteAlert(at: position)
    }

    /// Logs whether the session at `position` shows the sentiment alert now.
    mutating func noteAlert(at position: Int) {
        guard let id = sessions[position].conversationID else { return }
        let standing = settings.threshold.alerts(at: sessions[position].sentiment)  // a conversation is never Home
        let time = now  // read before the log is changed in place: reading it inside made a copy of the whole state
        shift.log.alert(id, standing: standing, at: time)
    }
}
