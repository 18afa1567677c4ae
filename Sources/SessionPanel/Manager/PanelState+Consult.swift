/// Consult: a colleague joins the focused conversation read-only, internal messages reach them and
/// never the customer, and they answer with their canned lines on the simulated clock.
extension PanelState {
    /// Seconds a consulted colleague takes to answer an internal message.
    public static let colleagueDelay = 30

    /// `consult "<agent>"`: the colleague joins the focused Active conversation read-only.
    mutating func consult(_ name: String) throws(CommandError) -> Outcome {
        let id = try activeConversationID(in: focusedSession)
        guard let colleague = try world.agent(named: name) else {
            throw CommandError("no agent \"\(name)\"; \(try choices(of: .agent))")
        }
        if let current = conversations[id]?.consultant {
            throw CommandError("\(current) is already consulted; end that consult first with consult end")
        }
        conversations[id]?.consultant = colleague.name
        return Outcome([
            .message(
                "\(colleague.name) joined the conversation read-only. reply --internal reaches them, never the customer."
            )
        ])
    }

    /// `consult end`: the colleague leaves the focused conversation.
    mutating func endConsult() throws(CommandError) -> Outcome {
        let id = try activeConversationID(in: focusedSession)
        guard let colleague = conversations[id]?.consultant else {
            throw CommandError("no colleague is consulted on this conversation")
        }
        conversations[id]?.consultant = nil
        conversations[id]?.composesInternally = false
        return Outcome([.message("\(colleague) left the conversation.")])
    }

    /// `/i [text]` and `/p`: the focused conversation's replies go to the colleague only, or to the
    /// customer again; `text` is then sent.
    mutating func composeInternally(_ on: Bool, text: String?) throws(CommandError) -> Outcome {
        let id = try activeConversationID(in: focusedSession)
        if on, conversations[id]?.consultant == nil {
            throw CommandError("internal mode needs a consulted colleague; consult one first with consult \"<agent>\"")
        }
        conversations[id]?.composesInternally = on
        let mode = OutcomeItem.message(
            on
                ? "Internal mode: replies reach the consulted colleague only; /p returns to public."
                : "Public mode: replies reach the customer.")
        guard let text else { return Outcome([mode]) }
        let sent = try on ? internalReply(text) : reply(text)
        return Outcome([mode] + sent.items)
    }

    /// `reply --internal "<text>"`: a message to the consulted colleague only; they answer later.
    mutating func internalReply(_ text: String) throws(CommandError) -> Outcome {
        let id = try activeConversationID(in: focusedSession)
        guard let colleague = conversations[id]?.consultant else {
            throw CommandError(
                "an internal message needs a consulted colleague; consult one first with consult \"<agent>\"")
        }
        conversations[id]?.internalMessages.append(
            InternalMessage(colleague: nil, text: text, time: now, to: colleague))
        schedule(.colleagueAnswers(conversation: id, colleague: colleague), after: Self.colleagueDelay)
        return Outcome([.message("You → \(colleague) (internal): \(text)")])
    }

    /// The consulted colleague answers with their next canned line (in turn, starting over after the last).
    mutating func colleagueAnswers(in id: Int, _ name: String) -> Outcome {
        let lines: [String]
        do {
            lines = try world.agent(named: name)?.lines ?? []
        } catch {
            return eventOutcome(.problem, "\(name) could not answer", ": \(error.message)", about: id)
        }
        guard !lines.isEmpty, let conversation = conversations[id] else { return Outcome() }
        let answered = conversation.internalMessages.count { $0.colleague != nil }
        let text = lines[answered % lines.count]
        conversations[id]?.internalMessages.append(InternalMessage(colleague: name, text: text, time: now))
        return eventOutcome(.message, "\(name) (internal): \(text)", about: id)
    }
}
