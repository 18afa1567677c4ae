/// The session manager: the rules that change a ``PanelState``, one command at a time.
///
/// ``apply(_:)`` dispatches a command to its rule; the rules are `PanelState` extensions beside this
/// file, one per area (sessions, conversations, work items, the workspace).
extension PanelState {
    /// Applies `command` to the state in place and says what to show. On error the state is exactly
    /// as it was: every rule checks everything that can fail — reading the conversation catalog too —
    /// before it changes anything, so no copy of the state is made to undo a failure, and a command
    /// costs the same with 10 or 10,000 sessions. (A conversation read into play before a failure is
    /// not a change: the state is equal to what it was.)
    public mutating func apply(_ command: Command) throws(CommandError) -> Outcome {
        switch command {
        case .incoming(let channel, let customer, let patience):
            guard takesNewWork else {
                throw CommandError(
                    "you are \(presence.displayName): no new work is offered; set a presence such as available first")
            }
            return try receive(channel, from: customer, patience: patience).outcome
        case .notifications: return .answer([.notifications])
        case .accept(let number): return try accept(number)
        case .reject(let number): return try reject(number)
        case .openCase(let number): return try openCase(number)
        case .openContact(let name): return try openContact(name)
        case .openAccount(let name): return try openAccount(name)
        case .openWorkItem(let id): return try openWorkItem(id)
        case .pick(let id): return try pick(id)
        case .dashboard(let stream, let page): return try dashboard(stream, page: page)
        case .switchTo(let reference): return try switchTo(reference)
        case .close(let reference, let confirmed, let disposition):
            return try close(reference, confirmed: confirmed, disposition: disposition)
        case .end(let reference): return try end(reference)
        case .transfer(let target): return try transfer(to: target)
        case .link(let reference, let target): return try link(reference, target)
        case .unlink(let reference, let kind): return try unlink(reference, kind)
        case .note(let text): return try addNote(text)
        case .notes(let reference): return .answer([.notes(sessionID: try conversationSession(reference).id)])
        case .summary(let reference):
            return .answer([.summary(try customerSummary(at: try positionOrFocused(reference)))])
        case .clockShow: return .answer([.clock])
        case .clockAdvance(let seconds): return try advanceClock(by: seconds)
        case .clockLive(let change):
            var outcome = Outcome([.message(change.summary)])
            outcome.liveClock = change
            return outcome
        case .traffic(let profile, let seed): return startTraffic(profile, seed: seed)
        case .report(let format, let svg): return try report(format, svg: svg)
        case .message(let reference, let text): return try receiveMessage(text, in: reference)
        case .reply(let text): return try reply(text)
        case .internalReply(let text): return try internalReply(text)
        case .consult(let name): return try consult(name)
        case .consultEnd: return try endConsult()
        case .composeInternally(let on, let text): return try composeInternally(on, text: text)
        case .kbSearch(let query): return try searchArticles(query)
        case .kbOpen(let id): return try openArticle(id)
        case .kbSend(let id): return try sendArticle(id)
        case .quickReplies(let filter): return try listQuickReplies(filter)
        case .quickReplySend(let number): return try sendQuickReply(number)
        case .quickReplyAdd(let text): return try addQuickReply(text)
        case .history(let reference): return .answer([.history(sessionID: try conversationSession(reference).id)])
        case .sentiment(let reference, let level): return try setSentiment(level, of: reference)
        case .leave(let reference): return try leave(reference)
        case .hover(let reference): return .answer([.tooltips(tooltips(for: sessions[try position(of: reference)]))])
        case .panel(let action): return changePanel(action)
        case .type(let field, let text): return try type(text, into: field)
        case .form:
            _ = try focusedCustomerSession("Home has no form")
            return .answer([.form])
        case .tabOpen(let target): return try openTab(target)
        case .tabClose(let number): return try closeTab(number)
        case .tabFocus(let number): return try focusTab(number)
        case .tabs: return .answer([.tabs])
        case .presence(let status): return setPresence(status)
        case .configList: return .answer([.config])
        case .configSet(let key, let value): return try configure(key, value)
        case .show: return .answer([], showsPanel: true)
        case .help(let topic): return try help(topic)
        case .clear:
            var outcome = Outcome.answer([])
            outcome.clearsScreen = true
            return outcome
        case .quit:
            var outcome = Outcome()
            outcome.quits = true
            return outcome
        }
    }

    private func help(_ topic: String?) throws(CommandError) -> Outcome {
        if let topic, topic != "keys", CommandTable.spec(for: topic) == nil {
            throw CommandError(CommandParser.unknownCommandMessage(topic))
        }
        return .answer([.help(topic)])
    }

    private mutating func changePanel(_ action: PanelAction) -> Outcome {
        switch action {
        case .expand: panelMode = .expanded
        case .collapse: panelMode = .collapsed
        case .toggle: panelMode = panelMode == .expanded ? .collapsed : .expanded
        }
        return Outcome(showsPanel: true)
    }

    private mutating func setPresence(_ status: Presence?) -> Outcome {
        guard let status else { return .answer([.presence]) }
        presence = status
        presenceSetByAgent = [.doNotDisturb, .away, .offline].contains(status)
        return Outcome([.message("Presence set to \(status.displayName).")] + offerHeldRequests(), showsPanel: true)
    }

    private mutating func configure(_ name: String, _ value: String) throws(CommandError) -> Outcome {
        guard let key = SettingKey.named(name) else {
            throw CommandError(
                "unknown setting \"\(name)\"; settings: \(SettingKey.all.map { $0.name }.joined(separator: ", "))")
        }
        guard let updated = key.write(settings, value) else {
            throw CommandError("\(key.name) takes \(key.valueSyntax), not \"\(value)\"")
        }
        if updated.maxSessions < sessions.count {
            throw CommandError("\(sessions.count) sessions are open; close some before lowering max-sessions")
        }
        if let crowded = sessions.first(where: { $0.tabs.count > updated.maxTabs }) {
            throw CommandError(
                "\"\(crowded.title)\" has \(crowded.tabs.count) tabs; close some before lowering max-tabs")
        }
        let before = settings
        settings = updated
        refreshPresence()
        settingsChanged(from: before)
        return Outcome([.message("\(key.name) = \(key.read(settings))")], showsPanel: true)
    }
}
