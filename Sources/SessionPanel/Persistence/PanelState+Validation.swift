extension PanelState {
    /// The largest clock reading, counter or id a loaded state may hold, so later arithmetic cannot overflow.
    static let largestCounter = 1_000_000_000_000_000

    /// The rules a state loaded from a file must keep for the manager to work on it, each broken one
    /// as a line; empty when the state is sound. A state the manager produced always passes.
    public var problems: [String] {
        var problems = world.world?.problems ?? []
        for key in SettingKey.all where key.write(settings, key.read(settings)) == nil {
            problems.append("setting \(key.name) has a value out of range")
        }
        let counters = [("clock", now), ("visitorCount", visitorCount), ("nextSessionID", nextSessionID),
                        ("nextWorkItem", nextConversationID)]
        for (name, value) in counters where !(0...Self.largestCounter).contains(value) {
            problems.append("\(name) is out of range")
        }
        problems += sessionProblems
        for notification in notifications {
            if conversations[notification.conversationID] == nil {
                problems.append("a notification offers W\(notification.conversationID), which does not exist")
            }
            if notification.arrivedAt < 0 || notification.arrivedAt > now { problems.append("a notification arrives after the clock") }
        }
        for conversation in conversations.values where conversation.id < 1 || conversation.id >= nextConversationID {
            problems.append("work item W\(conversation.id) is out of range")
        }
        for conversation in conversations.values where (conversation.waitingUntil ?? 0) > Self.largestCounter {
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
        if !sessions.contains(where: { $0.id == focusedSessionID }) { problems.append("the focused session is not open") }
        for session in sessions {
            let name = "session \"\(session.title)\""
            if session.id < 0 || session.id >= nextSessionID { problems.append("\(name) has an id out of range") }
            if session.tabs.first?.isAnchor != true || session.tabs.dropFirst().contains(where: { $0.isAnchor }) {
                problems.append("\(name) must have exactly one anchor tab, first")
            }
            if session.tabs.count > settings.maxTabs { problems.append("\(name) has more tabs than max-tabs allows") }
            if !session.tabs.indices.contains(session.focusedTab) { problems.append("\(name) focuses a tab it does not have") }
            if session.unreadCount < 0 { problems.append("\(name) has a negative unread count") }
            if let id = session.conversationID, conversations[id] == nil {
                problems.append("\(name) shows W\(id), which does not exist")
            }
        }
        return problems
    }
}
