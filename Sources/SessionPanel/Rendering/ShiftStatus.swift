/// The live prompt's compact status: pending notifications with the most urgent time left, the
/// unread total and the sentiment alerts, e.g. `2 waiting (0:45) · 5 unread · 1 alert`.
///
/// Parts with nothing to say are left out; with nothing at all the text is empty. Where that does not
/// fit, a shorter form does: `2⏳0:45 5✉ 1!`, then without the countdown, then without the unread.
public struct ShiftStatus: Sendable, Equatable {
    /// Pending notifications.
    public let waiting: Int
    /// Seconds left on the notification that times out first, if any is pending.
    public let mostUrgentSecondsLeft: Int?
    /// Unread customer messages across the sessions.
    public let unread: Int
    /// Sessions showing the sentiment alert.
    public let alerts: Int

    /// The status of `state`.
    public init(_ state: PanelState) {
        waiting = state.notifications.count
        mostUrgentSecondsLeft = state.notifications.map(state.secondsLeft).min()
        var unread = 0
        var alerts = 0
        for session in state.sessions {
            unread += session.unreadCount
            if state.hasSentimentAlert(session) { alerts += 1 }
        }
        self.unread = unread
        self.alerts = alerts
    }

    /// The parts, each as text: `2 waiting (0:45)`, `5 unread`, `1 alert`.
    public var parts: [String] {
        var parts: [String] = []
        if waiting > 0 {
            parts.append(
                "\(waiting) waiting" + (mostUrgentSecondsLeft.map { " (\(SimulatedDuration.countdown($0)))" } ?? ""))
        }
        if unread > 0 { parts.append("\(unread) unread") }
        if alerts > 0 { parts.append(alerts == 1 ? "1 alert" : "\(alerts) alerts") }
        return parts
    }

    /// The parts joined with ` · `; empty when there is nothing to say.
    public var text: String { parts.joined(separator: " · ") }

    /// The longest form that fits in `columns`, with symbols (`2⏳ 1!`) or their ASCII stand-ins
    /// (`2w 1!`); empty when not even the waiting count fits, or there is nothing to say.
    public func text(within columns: Int, unicode: Bool) -> String {
        let (clock, mail) = unicode ? ("⏳", "✉") : ("w", "u")
        let waiting = self.waiting > 0 ? "\(self.waiting)\(clock)" : nil
        let countdown = mostUrgentSecondsLeft.map(SimulatedDuration.countdown) ?? ""
        let unread = self.unread > 0 ? "\(self.unread)\(mail)" : nil
        let alerts = self.alerts > 0 ? "\(self.alerts)!" : nil
        let forms = [
            text,
            [waiting.map { $0 + countdown }, unread, alerts].compactMap { $0 }.joined(separator: " "),
            [waiting, unread, alerts].compactMap { $0 }.joined(separator: " "),
            [waiting, alerts].compactMap { $0 }.joined(separator: " "),
            waiting ?? alerts ?? "",
        ]
        return forms.first { VisibleText.width($0) <= columns } ?? ""
    }
}
