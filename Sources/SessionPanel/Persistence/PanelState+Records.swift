extension PanelState {
    /// This state without its sessions, conversations, world records and the shift log's records: the
    /// parts that are left are small (settings, clock, counters, notifications, presence, …), so a store
    /// can encode them whole on a save that changed them and keep the records apart, each compared and
    /// written on its own. The log's records are the part of the shift that grows with the run.
    public var withoutRecords: PanelState {
        var copy = self
        copy.world = AnyWorldCatalog(World())
        copy.sessions = []
        copy.conversations = ConversationsInPlay(InMemoryConversations([]))
        copy.shift.log.records = [:]
        return copy
    }
}
