/// How a command names a session: by position, as Home, or by the start of its title.
public enum SessionReference: Sendable, Equatable {
    /// Position in the panel; Home is 0.
    case position(Int)
    /// The anchored Home session.
    case home
    /// A case-insensitive prefix of the title.
    case titlePrefix(String)
}

/// What `tab open` opens.
public enum TabTarget: Sendable, Equatable {
    /// KB Search.
    case knowledgeSearch
    /// A record by id.
    case record(String)
    /// A line-of-business app by name.
    case app(String)
}

/// What `panel` does to the panel mode.
public enum PanelAction: String, Sendable, Equatable, CaseIterable {
    case expand, collapse, toggle
}

/// The kinds of record `link` and `unlink` attach to a conversation.
public enum LinkedRecordKind: String, Sendable, Equatable, CaseIterable {
    case contact, account
    case caseRecord = "case"
}

/// The record `link` attaches to a conversation.
public enum LinkTarget: Sendable, Equatable {
    /// A contact, by name: the conversation's customer, and the session's title.
    case contact(String)
    /// An account, by name: the title when no contact is linked.
    case account(String)
    /// A case, by number.
    case caseRecord(Int)
}

/// A parsed command: what the agent asked for, before it is applied.
public enum Command: Sendable, Equatable {
    case incoming(Channel, customer: String?)
    case notifications
    case accept(Int?)
    case reject(Int?)
    case openCase(Int)
    case openContact(String)
    case openAccount(String)
    case openWorkItem(Int)
    case pick(Int)
    case dashboard
    case switchTo(SessionReference)
    case close(SessionReference?, confirmed: Bool)
    case end(SessionReference?)
    /// `link`: attach a record to the named (or focused) conversation.
    case link(SessionReference?, LinkTarget)
    /// `unlink`: detach the record of a kind from the named (or focused) conversation.
    case unlink(SessionReference?, LinkedRecordKind)
    /// `note`: save a note to the focused conversation's timeline.
    case note(String)
    /// `notes`: list the notes of the focused (or named) conversation.
    case notes(SessionReference?)
    /// `summary`: the Customer summary of the focused (or named) conversation.
    case summary(SessionReference?)
    case clockShow
    case clockAdvance(seconds: Int)
    /// `traffic`: show the generated traffic (`nil`), or start a profile, optionally with a seed.
    case traffic(TrafficProfile?, seed: UInt64?)
    /// `report`: the shift's figures in a format, and the timeline picture written to a file when given.
    case report(ReportFormat, svg: String?)
    case message(SessionReference, text: String)
    case reply(String)
    case history(SessionReference?)
    case sentiment(SessionReference, Sentiment)
    case hover(SessionReference)
    case panel(PanelAction)
    case type(field: String, text: String)
    case form
    case tabOpen(TabTarget)
    case tabClose(Int?)
    case tabFocus(Int)
    case tabs
    case presence(Presence?)
    case configList
    case configSet(key: String, value: String)
    case show
    case help(String?)
    case quit
}
