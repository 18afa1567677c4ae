/// The Communication panel below a focused conversation session (chat, SMS, social): its latest
/// messages, customer's and agent's, with their simulated times, newest last, each fitted to the
/// panel's width. `config communication-panel off` or `panel collapse` hides it; `history` shows all.
struct CommunicationPanel {
    /// How to draw.
    let style: RenderStyle

    /// The panel's lines, or none when the focused session shows no text conversation or it is turned
    /// off; drawn again only when what it shows differs from what `cache` holds (which then holds it).
    func render(_ state: PanelState, reusing cache: inout Pieces<PanelCache.CommunicationKey>) -> [String] {
        let shown = state.settings.communicationLines
        guard shown > 0, case .conversation(let id) = state.focusedSession.kind,
            let conversation = state.conversations[id], conversation.channel != .voice
        else {
            return []
        }
        let messages = conversation.messages
        let latest = messages.suffix(shown)
        let drawn = cache.drawing(of: id) { key in
            key.count == messages.count && key.title == conversation.title && key.latest.elementsEqual(latest)
        }
        if let drawn { return drawn }
        let key = PanelCache.CommunicationKey(title: conversation.title, count: messages.count, latest: Array(latest))
        let lines = render(conversation, latest: key.latest)
        cache.keep(lines, of: id, for: key)
        return lines
    }

    /// The panel for `conversation`, showing its `latest` messages.
    private func render(_ conversation: Conversation, latest: [Message]) -> [String] {
        let messages = conversation.messages
        let width = style.width
        let ellipsis = style.symbol("…", "~")
        func line(_ pieces: [(String, RenderStyle.Tone?)]) -> String {
            var line = TerminalLine(style: style)
            for (text, tone) in pieces { line.append(text, upTo: width, ellipsis: ellipsis, tone) }
            return line.text
        }
        guard !messages.isEmpty else { return [line([("    ", nil), ("Communication: no messages yet", .dim)])] }
        let heading =
            latest.count == messages.count
            ? "Communication:"
            : "Communication: latest \(latest.count) of \(messages.count) ('history' shows all)"
        let title = VisibleText.escaped(conversation.title)
        return [line([("    ", nil), (heading, .dim)])]
            + latest.map { message in
                let (who, tone): (String, RenderStyle.Tone) =
                    message.sender == .agent ? ("You", .green) : (title, .cyan)
                return line([
                    ("      ", nil), (SimulatedDuration.stamp(message.time) + " ", .dim), (who, tone), (": ", nil),
                    (VisibleText.escaped(message.text), nil),
                ])
            }
    }
}
