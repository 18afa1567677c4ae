import SessionPanel

/// A trainer's `status`: what the trainee has open (sessions, the focused one marked, unread
/// counts) and which requests wait for them, a line each, unescaped.
enum RolePlayStatus {
    /// The lines of `status` for `state`.
    static func lines(_ state: PanelState) -> [String] {
        var lines: [String] = []
        for (position, session) in state.sessions.enumerated() where !session.isHome && !session.readOnly {
            let conversation = session.conversationID.flatMap { state.conversations[$0] }
            let focus = session.id == state.focusedSessionID ? ", focused" : ""
            let unread = session.unreadCount > 0 ? ", \(session.unreadCount) unread" : ""
            let stage = conversation.map { ", \($0.state.displayName)" } ?? ""
            lines.append("Session \(position): \(session.title)\(stage)\(focus)\(unread)")
        }
        for notification in state.notifications {
            guard let conversation = state.conversations[notification.conversationID] else { continue }
            lines.append("Waiting: \(conversation.title) (\(conversation.channel.rawValue))")
        }
        return lines.isEmpty ? ["The trainee has no session open and no request waiting."] : lines
    }
}
