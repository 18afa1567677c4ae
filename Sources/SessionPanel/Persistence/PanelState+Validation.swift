extension PanelState {
    /// The rules a state loaded from a file must keep for the manager to work on it, each broken one
    /// as a line; empty when the state is sound. A state the manager produced always passes. It looks
    /// at the workspace and the conversations in play (those it points to); a store's catalog keeps its
    /// own rows sound.
    public var problems: [String] {
        var problems = world.world?.problems ?? []
        for key in SettingKey.all where key.write(settings, key.read(settings)) == nil {
            problems.append("setting \(key.name) has a value out of range")
        }
        let counters = [
            ("clock", now), ("visitorCount", visitorCount), ("nextSessionID", nextSessionID),
            ("nextWorkItem", nextWorkItem),
        ]
        for (name, value) in counters where !(0...Limits.largestCounter).contains(value) {
            problems.append("\(name) is out of range")
        }
        problems += sessionProblems
        var offered = Set<Int>()
        for notification in notifications {
            let id = notification.conversationID
            if let state = conversations[id]?.state, state != .open && state != .waiting {
                problems.append("a notification offers W\(id), which is \(state.displayName)")
            } else if conversations[id] == nil {
                problems.append("a notification offers W\(id), which does not exist")
            }
            if !offered.insert(id).inserted { problems.append("two notifications offer W\(id)") }
            if notification.arrivedAt < 0 || notification.arrivedAt > now {
                problems.append("a notification arrives after the clock")
            }
        }
        // The conversations in play; all of them when the catalog is in memory (a state read whole from JSON).
        let checked = inMemoryConversations.map { Array($0.values) } ?? Array(conversations.inPlay)
        for conversation in checked where conversation.id < 1 || conversation.id >= nextWorkItem {
            problems.append("work item W\(conversation.id) is out of range")
        }
        for conversation in checked where (conversation.waitingUntil ?? 0) > Limits.largestCounter {
            problems.append("work item W\(conversation.id) waits too long")
        }
        return problems
    }

    private var sessionProblems: [String] {
        guard let home = sessions.first, home.isHome else { return ["the first session must be Home"] }
        var problems: [String] = []
        if sessions.dropFirst().contains(where: { $0.isHome }) { problems.append("only the first session can be Home") }
        if sessions.count > settings.maxSessions { problems.append("more sessions are open than max-sessions allows") }
        if Set(sessions.map { $0.id }).count != sessions.count { problems.append("two sessions share an id") }
        var shown = Set<SessionKind>()
        for session in sessions where !shown.insert(session.kind).inserted {
            problems.append(
                "two sessions show the same \(session.isHome ? "Home" : "record or work item") (\"\(session.title)\")")
        }
        if !sessions.contains(where: { $0.id == focusedSessionID }) {
            problems.append("the focused session is not open")
        }
        for session in sessions {
            let name = "session \"\(session.title)\""
            if session.id < 0 || session.id >= nextSessionID { problems.append("\(name) has an id out of range") }
            if session.tabs.first?.isAnchor != true || session.tabs.dropFirst().contains(where: { $0.isAnchor }) {
                problems.append("\(name) must have exactly one anchor tab, first")
            }
            if session.tabs.count > settings.maxTabs { problems.append("\(name) has more tabs than max-tabs allows") }
            if !session.tabs.indices.contains(session.focusedTab) {
                problems.append("\(name) focuses a tab it does not have")
            }
            if !(0...Limits.largestCounter).contains(session.unreadCount) {
                problems.append("\(name) has an unread count out of range")
            }
            if let id = session.conversationID {
                switch conversations[id]?.state {
                case nil: problems.append("\(name) shows W\(id), which does not exist")
                case .closed? where !session.readOnly, .open?, .waiting?:
                    problems.append("\(name) shows W\(id), which is \(conversations[id]?.state.displayName ?? "")")
                case .active? where session.readOnly, .wrapUp? where session.readOnly:
                    problems.append("\(name) is read-only but W\(id) is not Closed")
                default: break
                }
            } else if session.readOnly {
                problems.append("\(name) is read-only but shows no work item")
            }
        }
        return problems
    }
}
