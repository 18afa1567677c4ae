/// What a store needs to save a shift row by row and load it again: the conversations changed since
/// the last save (``ConversationsInPlay/changes``), the call that says they were saved, and the
/// conversations the workspace points to, brought into play on load.
extension PanelState {
    /// The conversations changed since the last save, by number, each with the lengths its catalog row
    /// had (the messages, notes and internal messages after them are new).
    public var changedConversations: [ConversationsInPlay.Change] { conversations.changes }

    /// The records of the shift's log added or changed since the last save, by conversation number
    /// (the rest of the log — its peaks — is small: save it with the workspace).
    public var changedLogRecords: [ConversationRecord] {
        shift.log.changedRecords.sorted().compactMap { shift.log.records[$0] }
    }

    /// The saver wrote ``changedConversations`` and ``changedLogRecords`` to the store the conversation
    /// catalog reads: nothing is changed any more, and the Closed conversations the workspace no longer
    /// points to leave memory. Call it only after the save committed (a state whose catalog does not read
    /// the store would lose them).
    public mutating func changesSaved() {
        conversations.saved(keeping: referencedConversations)
        shift.log.recordsSaved()
    }

    /// Puts `catalog` under the workspace (a loaded state's conversations, read from the store): nothing
    /// is in play or changed, then the conversations the workspace points to are read into play.
    /// Fails only when the catalog cannot be read.
    public mutating func attach(_ catalog: any ConversationCatalog) throws(CommandError) {
        conversations = try ConversationsInPlay(catalog)
        try bringReferencedIntoPlay()
    }

    /// Reads into play every conversation the workspace points to that exists: the rules read those
    /// without asking the catalog.
    mutating func bringReferencedIntoPlay() throws(CommandError) {
        for id in referencedConversations.sorted() { _ = try conversations.take(id) }
    }

    /// The conversations sessions show, notifications offer, held requests wait for and events are about.
    var referencedConversations: Set<Int> {
        var ids = Set(sessions.compactMap(\.conversationID))
        ids.formUnion(notifications.map(\.conversationID))
        ids.formUnion(heldRequests)
        for event in shift.agenda.events { if let id = event.kind.conversation { ids.insert(id) } }
        return ids
    }
}

extension ShiftEvent.Kind {
    /// The conversation the event is about, if any.
    var conversation: Int? {
        switch self {
        case .scheduled, .arrival: nil
        case .customerMessage(let id), .impatience(let id, _), .abandonment(let id), .customerReturn(let id, _),
            .waitingExpiry(let id, _), .openExpiry(let id), .wrapUpExpiry(let id), .customerLeaves(let id),
            .colleagueAnswers(let id, _):
            id
        }
    }
}
