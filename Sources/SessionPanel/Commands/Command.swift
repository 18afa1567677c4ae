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

/// Which pending notification `accept` or `reject` means.
public enum NotificationChoice: Sendable, Equatable, ExpressibleByIntegerLiteral {
    /// The nth, numbered as the list was last shown.
    case number(Int)
    /// The request for a work item (`W1013`).
    case workItem(Int)
    /// The request from the customer with this title (`Visitor 7`, `Kenny Smith`), ignoring case.
    case title(String)

    /// The nth notification.
    public init(integerLiteral value: Int) { self = .number(value) }
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

/// Where `transfer` sends a conversation.
public enum TransferTarget: Sendable, Equatable {
    /// A queue of the world, by name.
    case queue(String)
    /// A colleague agent of the world, by name.
    case agent(String)
}

/// A parsed command: what the agent asked for, before it is applied.
public enum Command: Sendable, Equatable {
    /// A request from a customer (a visitor when `nil`), who loses patience after `patience` seconds without a reply when given.
    case incoming(Channel, customer: String?, patience: Int? = nil)
    case notifications
    case accept(NotificationChoice?)
    case reject(NotificationChoice?)
    case openCase(Int)
    case openContact(String)
    case openAccount(String)
    case openWorkItem(Int)
    case pick(Int)
    /// `dashboard [my|open|closed] [--page N]`: a page of one stream, or of every stream.
    case dashboard(WorkStream?, page: Int)
    case switchTo(SessionReference)
    /// `close`: close the named (or focused) session, with a disposition code when given.
    case close(SessionReference?, confirmed: Bool, disposition: String? = nil)
    case end(SessionReference?)
    /// `link`: attach a record to the named (or focused) conversation.
    case link(SessionReference?, LinkTarget)
    /// `unlink`: detach the record of a kind from the named (or focused) conversation.
    case unlink(SessionReference?, LinkedRecordKind)
    /// `transfer queue|agent <name>`: send the focused conversation back to Open, in a queue or offered to a colleague.
    case transfer(TransferTarget)
    /// `note`: save a note to the focused conversation's timeline.
    case note(String)
    /// `notes`: list the notes of the focused (or named) conversation.
    case notes(SessionReference?)
    /// `summary`: the Customer summary of the focused (or named) conversation.
    case summary(SessionReference?)
    case clockShow
    case clockAdvance(seconds: Int)
    /// `clock pause`, `clock resume`, `clock speed <factor>`: the live prompt's clock.
    case clockLive(LiveClockChange)
    /// `traffic`: show the generated traffic (`nil`), or start a profile, optionally with a seed.
    case traffic(TrafficProfile?, seed: UInt64?)
    /// `report`: the shift's figures in a format, and the timeline picture written to a file when given.
    case report(ReportFormat, svg: String?)
    case message(SessionReference, text: String)
    case reply(String)
    /// `reply --internal`: a message to the consulted colleague, never shown to the customer.
    case internalReply(String)
    /// `/i [text]` (`true`) or `/p` (`false`): replies in the focused conversation reach the consulted
    /// colleague only, or the customer again; `text`, when given, is sent in the new mode.
    case composeInternally(Bool, text: String?)
    /// `consult "<agent>"`: a colleague joins the focused conversation read-only.
    case consult(String)
    /// `consult end`: the colleague leaves.
    case consultEnd
    /// `kb search <words>`: the articles matching, best first.
    case kbSearch(String)
    /// `kb open <id>`: the article in the focused session's KB Search tab.
    case kbOpen(Int)
    /// `kb send <id>`: the article's link sent to the customer.
    case kbSend(Int)
    /// `quickreply [<words>|#tag]`: the quick replies matching, numbered.
    case quickReplies(String)
    /// `quickreply send <n>`: the n-th of the last list sent, its slugs filled in.
    case quickReplySend(Int)
    /// `quickreply add "#tag text"`: a personal quick reply saved.
    case quickReplyAdd(String)
    case history(SessionReference?)
    case sentiment(SessionReference, Sentiment)
    /// `leave`: the customer ends the chat or hangs up.
    case leave(SessionReference)
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
    /// `clear`: clear the terminal's screen.
    case clear
    /// `quit`; `confirmed` (`--yes`) leaves without asking about unsaved work.
    case quit(confirmed: Bool)
}
