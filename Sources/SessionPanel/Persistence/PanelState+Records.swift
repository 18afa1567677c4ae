extension PanelState {
    /// This state without its sessions, conversations and world records: the parts that are left are
    /// small (settings, clock, counters, notifications, presence, …), so a store can encode them whole
    /// on every save and keep the records apart, each compared and written on its own.
    public var withoutRecords: PanelState {
        var copy = self
        copy.world = AnyWorldCatalog(World())
        copy.sessions = []
        copy.conversations = [:]
        return copy
    }
}
