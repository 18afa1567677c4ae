extension PanelState {
    /// The message shown when no more sessions fit in the panel.
    public static let maximumSessionsMessage = "Maximum sessions reached. Close a session before opening another."

    /// The position a reference names, or a clear error.
    func position(of reference: SessionReference) throws(CommandError) -> Int {
        switch reference {
        case .home:
            return 0
        case .position(let position):
            guard sessions.indices.contains(position) else {
                throw CommandError(
                    sessions.count == 1
                        ? "no session at position \(position); only Home (0) is open"
                        : "no session at position \(position); positions are 0 (Home) to \(sessions.count - 1)")
            }
            return position
        case .titlePrefix(let prefix):
            let wanted = prefix.lowercased()
            let matches = sessions.indices.filter { sessions[$0].title.lowercased().hasPrefix(wanted) }
            guard let first = matches.first else { throw CommandError("no session title starts with \"\(prefix)\"") }
            if matches.count > 1, !matches.contains(where: { sessions[$0].title.lowercased() == wanted }) {
                let names = matches.prefix(5).map { "\($0) \(sessions[$0].title)" }.joined(separator: ", ")
                throw CommandError("\"\(prefix)\" matches several sessions (\(names)); use a position")
            }
            return matches.first { sessions[$0].title.lowercased() == wanted } ?? first
        }
    }

    /// The position named, or the focused one when no reference is given.
    func positionOrFocused(_ reference: SessionReference?) throws(CommandError) -> Int {
        try reference.map { reference throws(CommandError) in try position(of: reference) } ?? focusedPosition
    }

    /// The focused session's position, unless it is Home.
    func focusedCustomerSession(_ homeError: String) throws(CommandError) -> Int {
        guard focusedPosition != 0 else { throw CommandError(homeError) }
        return focusedPosition
    }

    /// The named (or focused) session, which must show a conversation.
    func conversationSession(_ reference: SessionReference?) throws(CommandError) -> Session {
        let session = sessions[try positionOrFocused(reference)]
        guard session.conversationID != nil else {
            throw CommandError(
                session.isHome
                    ? "Home has no conversation" : "\"\(session.title)\" is a record session, not a conversation")
        }
        return session
    }

    /// Focuses the session at `position` and clears its unread count.
    mutating func focus(_ position: Int) {
        focusedSessionID = sessions[position].id
        shift.log.unreadCleared(sessions[position].conversationID, count: sessions[position].unreadCount, at: now)
        sessions[position].unreadCount = 0
    }

    /// Opens and focuses a new session, or switches to the one already showing `kind`.
    /// Returns the message to show.
    mutating func startSession(_ kind: SessionKind, title: String, readOnly: Bool = false) throws(CommandError)
        -> String
    {
        if let existing = sessions.firstIndex(where: { $0.kind == kind }) {
            focus(existing)
            return "\"\(title)\" is already open at position \(existing); switched to it."
        }
        try checkRoom(for: kind)
        let tabs = openingTabs(for: kind, title: title)
        let title = distinctTitle(title, for: kind)
        var session = Session(id: nextSessionID, kind: kind, title: title, readOnly: readOnly)
        session.tabs = tabs
        sessions.append(session)
        nextSessionID += 1
        focus(sessions.count - 1)
        refreshPresence()
        if case .conversation(let id) = kind, !readOnly {
            shift.log.startedHandling(id, at: now, sessionsOpen: sessions.count - 1)
            if let level = conversations[id]?.waitingSentiment {
                conversations[id]?.waitingSentiment = nil
                changeSentiment(at: sessions.count - 1, to: level)
            }
        } else {
            shift.log.sessionOpened(sessionsOpen: sessions.count - 1)
        }
        return "Started session \(sessions.count - 1): \(title)\(readOnly ? " (read-only)" : "")."
    }

    /// `title`, or, when an open session already has it (ignoring case), `title` followed by what tells the
    /// new session apart — `Kenny Smith (W1002)`, `Kenny Smith (contact)`, `Refund (case 17)` — so two rows
    /// never look the same and `switch` can name each.
    func distinctTitle(_ title: String, for kind: SessionKind) -> String {
        let wanted = title.lowercased()
        guard sessions.contains(where: { $0.kind != kind && $0.title.lowercased() == wanted }) else { return title }
        let label =
            switch kind {
            case .home: "Home"
            case .conversation(let id): "W\(id)"
            case .caseRecord(let number): "case \(number)"
            case .contact: "contact"
            case .account: "account"
            }
        return "\(title) (\(label))"
    }

    /// Fails with the maximum-sessions message unless `kind` is already open or one more session fits;
    /// rules that change other things before starting a session call it first.
    func checkRoom(for kind: SessionKind) throws(CommandError) {
        guard !sessions.contains(where: { $0.kind == kind }) else { return }
        guard sessions.count < settings.maxSessions else { throw CommandError(Self.maximumSessionsMessage) }
        guard nextSessionID < Limits.largestCounter else { throw Limits.exhausted("session ids") }
    }

    mutating func switchTo(_ reference: SessionReference) throws(CommandError) -> Outcome {
        focus(try position(of: reference))
        return Outcome(showsPanel: true)
    }

    mutating func close(_ reference: SessionReference?, confirmed: Bool, disposition: String? = nil)
        throws(CommandError) -> Outcome
    {
        let position = try positionOrFocused(reference)
        let session = sessions[position]
        guard !session.isHome else { throw CommandError("Home is anchored and cannot be closed") }
        let code = try dispositionCode(disposition, closing: session)
        let fields = session.draft.map(\.field).joined(separator: ", ")
        guard confirmed else {
            var outcome = Outcome()
            let loses = fields.isEmpty ? "" : " Its unsaved form (\(fields)) will be lost."
            outcome.confirmation = Confirmation(
                prompt: "Close session \"\(session.title)\"?\(loses) [y/N]",
                command: .close(.position(position), confirmed: true, disposition: code))
            return outcome
        }
        if let code, let id = session.conversationID { conversations[id]?.disposition = code }
        return Outcome(closeSession(at: position), showsPanel: true)
    }

    /// Closes the customer session at `position` (confirmed): what it does to its conversation, as the
    /// product does it, in the lines it returns.
    mutating func closeSession(at position: Int) -> [Report] {
        let session = sessions[position]
        let fields = session.draft.map(\.field).joined(separator: ", ")
        let discarded = fields.isEmpty ? "" : " Its unsaved form (\(fields)) was discarded."
        var reports: [Report] = [.message("Closed session \"\(session.title)\".\(discarded)")]
        shift.log.unreadCleared(session.conversationID, count: session.unreadCount, at: now)
        if let id = session.conversationID, var conversation = conversations[id], !session.readOnly {
            switch conversation.state {
            case .active where conversation.channel.isLive(chatMode: settings.chatMode):
                conversation.state = .open
                conversation.assignedToAgent = false
                reports.append(
                    .message(
                        "The \(conversation.channel.displayName.lowercased()) conversation went back to the queue (Open)."
                    ))
            case .active:
                conversation.state = .waiting
                conversation.waitingUntil = min(now + settings.waitingWindow, Limits.largestCounter)
                reports.append(
                    .message(
                        "The conversation is Waiting for \(SimulatedDuration.format(settings.waitingWindow)); the customer can resume it."
                    ))
            case .wrapUp:
                conversation.state = .closed
                conversation.closedAt = now
                reports.append(.message("The conversation is Closed."))
            case .open, .waiting, .closed:
                break
            }
            conversations[id] = conversation
            shift.log.sessionClosed(
                id, at: now, parked: conversation.state == .waiting, closed: conversation.state == .closed)
            if conversation.state == .waiting { parked(conversation) }
        }
        let wasFocused = session.id == focusedSessionID
        sessions.remove(at: position)
        if wasFocused { focus(position - 1) }
        refreshPresence()
        return reports
    }

    /// Sets presence from the workload when auto-presence is on: Available with nothing assigned,
    /// Busy with capacity partly used, Do not disturb at capacity or with every session slot used.
    /// The agent's Active and Wrap-up conversations use capacity, with a session open or not (My work
    /// items). A presence the agent chose by hand (Do not disturb, Away, Offline) and Inactive stay.
    mutating func refreshPresence() {
        guard settings.autoPresence, !presenceSetByAgent, presence != .inactive else { return }
        let working = conversations.usingCapacity
        presence =
            if sessions.count >= settings.maxSessions || working >= settings.capacity {
                .doNotDisturb
            } else if working > 0 { .busy } else { .available }
    }
}
