import SessionPanel

/// A trainer's `status`: what the trainee has open (sessions, the focused one marked, unread
/// counts) and which requests wait for them, a line each, unescaped.
enum RolePlayStatus {
    /// The lines of `status` for `state`.
    static func lines(_ state: PanelState) -> [String] {
        var lines: [String] = []
        // An index loop, not `enumerated()` with a `where` clause: Swift 6.3's optimizer (CopyPropagation)
        // crashed on that form of this function in release builds ("Found ownership error").
        for position in state.sessions.indices {
            let session = state.sessions[position]
            if session.isHome || session.readOnly { continue }
            var stage = ""
            if let id = session.conversationID, let conversation = state.conversations[id] {
                stage = ", \(conversation.state.displayName)"
            }
            let focus = session.id == state.focusedSessionID ? ", focused" : ""
            let unread = session.unreadCount > 0 ? ", \(session.unreadCount) unread" : ""
            lines.append("Session \(position): \(session.title)\(stage)\(focus)\(unread)")
        }
        for notification in state.notifications {
            guard let conversation = state.conversations[notification.conversationID] else { continue }
            lines.append("Waiting: \(conversation.title) (\(conversation.channel.rawValue))")
        }
        return lines.isEmpty ? ["The trainee has no session open and no request waiting."] : lines
    }
}
