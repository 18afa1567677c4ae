/// `transfer queue|agent <name>`: the focused conversation goes back to Open, in a queue of the world
/// or offered to a colleague, and its session closes.
extension PanelState {
    /// How many choices an error about an unknown queue or colleague names at most.
    static let choicesNamed = 10

    /// Transfers the focused session's Active conversation to `target`; its session closes.
    mutating func transfer(to target: TransferTarget) throws(CommandError) -> Outcome {
        let position = try focusedCustomerSession("Home has no conversation to transfer")
        let session = sessions[position]
        guard let id = session.conversationID, var conversation = conversations[id], !session.readOnly else {
            throw CommandError("\"\(session.title)\" is a record session, not a conversation")
        }
        guard conversation.state == .active else {
            throw CommandError(
                "the conversation with \"\(conversation.title)\" (W\(id)) is \(conversation.state.displayName); "
                    + "only an Active conversation can be transferred")
        }
        let (kind, name) = Self.transferParts(target)
        guard let known = try world.name(of: kind, name) else {
            throw CommandError("no \(kind.rawValue) \"\(name)\"; \(try choices(of: kind))")
        }
        conversation.state = .open
        conversation.assignedToAgent = false
        conversation.transfers += 1
        switch target {
        case .queue:
            conversation.queue = known
            conversation.offeredTo = nil
        case .agent: conversation.offeredTo = known
        }
        conversations[id] = conversation
        let place = kind == .queue ? "the \(known) queue" : known
        let items = closeSession(at: position)
        return Outcome(
            items + [.message("Transferred \(conversation.title) (W\(id)) to \(place); the conversation is Open.")],
            showsPanel: true)
    }

    /// `queues: Billing, Returns, Technical support`: the world's names of `kind`, at most ``choicesNamed``.
    func choices(of kind: WorldRecordKind) throws(CommandError) -> String {
        let names = try world.names(of: kind, startingWith: "", limit: Self.choicesNamed + 1)
        guard !names.isEmpty else { return "the world has no \(kind.rawValue)s" }
        let listed = names.prefix(Self.choicesNamed).joined(separator: ", ")
        return "\(kind.rawValue)s: \(listed)\(names.count > Self.choicesNamed ? ", …" : "")"
    }

    private static func transferParts(_ target: TransferTarget) -> (WorldRecordKind, String) {
        switch target {
        case .queue(let name): (.queue, name)
        case .agent(let name): (.agent, name)
        }
    }
}
