/// One pending notification as a line, `1) Chat from Visitor 2 - 1m 40s left`. Made to fit fewer
/// columns it keeps what the agent acts on — the number to accept, the customer, the time left — and
/// gives up the rest first: the channel, `(returning)`, the dash, `left`, then the end of the name.
struct NotificationLine {
    /// `1) `: the number `accept` takes.
    let number: String
    let channel: String
    /// The customer's title, escaped unless the line is for plain output.
    let title: String
    let returning: Bool
    /// `1m 40s`.
    let left: String

    /// The notification at `index` of `state`'s list; `exact` keeps the title unescaped.
    init(_ state: PanelState, at index: Int, exact: Bool) {
        let notification = state.notifications[index]
        let conversation = state.conversations[notification.conversationID]
        number = "\(index + 1)) "
        channel = conversation?.channel.displayName ?? "?"
        title = exact ? conversation?.title ?? "" : VisibleText.escaped(conversation?.title ?? "")
        returning = notification.isReturning
        left = SimulatedDuration.format(state.secondsLeft(notification))
    }

    /// The whole line.
    var text: String { number + channel + " from " + title + (returning ? " (returning)" : "") + " - \(left) left" }

    /// The line in at most `width` columns: the longest of its forms that fits, the name cut (with
    /// `ellipsis`) only when none fits whole.
    func text(within width: Int, ellipsis: String) -> String {
        let tails = [" - \(left) left", " \(left) left", " \(left)"]
        let whole =
            [text, number + title + (returning ? " (returning)" : "") + tails[0]]
            + tails.map { number + title + $0 }
        if let form = whole.first(where: { VisibleText.width($0) <= width }) { return form }
        for tail in tails.dropFirst() {
            let room = width - VisibleText.width(number + tail)
            if room >= 4 { return number + cut(title, to: room, ellipsis: ellipsis) + tail }
        }
        return VisibleText.truncated(number + title + tails[2], to: width, ellipsis: ellipsis)
    }

    /// `title` in `room` columns, a cut at a space ending in the ellipsis without the space
    /// (`Alexandra…`, not `Alexandra …`).
    private func cut(_ title: String, to room: Int, ellipsis: String) -> String {
        var kept = VisibleText.truncated(title, to: room, ellipsis: "")
        guard kept != title else { return title }
        while kept.last == " " { kept.removeLast() }
        return kept + ellipsis
    }
}
