import SessionPanel

/// What a customer sees of their conversation, for the trainer who plays them: the agent accepted,
/// the agent's replies (quick replies and KB links are replies), transfers, the end. Never notes,
/// consult messages or replies composed internally: those are not in the customer's transcript.
enum CustomerView {
    /// The lines a customer of conversations `played` would see between `old` and `new`, unescaped.
    static func changes(from old: PanelState, to new: PanelState, in played: Set<Int>) -> [String] {
        played.sorted().flatMap { id -> [String] in
            guard let after = new.conversations[id] else { return [] }
            let before = old.conversations[id]
            let title = after.title
            var lines: [String] = []
            if after.state == .active, let previous = before?.state, previous != .active {
                lines.append("\(title): an agent accepted the \(after.channel.rawValue)")
            }
            let known = min(before?.messages.count ?? 0, after.messages.count)
            for message in after.messages[known...] where message.sender == .agent {
                lines.append("Agent → \(title): \(message.text)")
            }
            if after.transfers > before?.transfers ?? 0 {
                let target =
                    after.offeredTo.map { "agent \($0)" } ?? after.queue.map { "queue \($0)" } ?? "another agent"
                lines.append("\(title): transferred to \(target)")
            }
            if after.state != before?.state {
                switch after.state {
                case .wrapUp, .closed: lines.append("\(title): the conversation ended")
                case .waiting: lines.append("\(title): the agent left the conversation; it waits for them")
                case .open, .active: break
                }
            }
            return lines
        }
    }
}
