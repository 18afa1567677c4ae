/// The Communication panel below a focused conversation session (chat, SMS, social): its latest
/// messages, customer's and agent's, with their simulated times, newest last, each fitted to the
/// panel's width. `config communication-panel off` or `panel collapse` hides it; `history` shows all.
struct CommunicationPanel {
    /// How to draw.
    let style: RenderStyle

    /// The panel's lines, or none when the focused session shows no text conversation or it is turned off.
    func render(_ state: PanelState) -> [String] {
        let shown = state.settings.communicationLines
        let session = state.focusedSession
        guard shown > 0, let conversation = state.conversation(of: session), conversation.channel != .voice else {
            return []
        }
        let messages = conversation.messages
        guard !messages.isEmpty else { return ["    " + style.paint("Communication: no messages yet", .dim)] }
        let latest = messages.suffix(shown)
        let heading =
            latest.count == messages.count
            ? "Communication:"
            : "Communication: latest \(latest.count) of \(messages.count) (`history` shows all)"
        let width = min(style.width, 78)
        let title = VisibleText.escaped(conversation.title)
        return ["    " + style.paint(heading, .dim)]
            + latest.map { message in
                let stamp = SimulatedDuration.stamp(message.time) + " "
                let (who, tone): (String, RenderStyle.Tone) =
                    message.sender == .agent ? ("You", .green) : (title, .cyan)
                let prefix = "      " + stamp + who + ": "
                let room = max(1, width - VisibleText.width(prefix))
                let text = VisibleText.truncated(
                    VisibleText.escaped(message.text), to: room, ellipsis: style.symbol("…", "~"))
                return "      " + style.paint(stamp, .dim) + style.paint(who, tone) + ": " + text
            }
    }
}
