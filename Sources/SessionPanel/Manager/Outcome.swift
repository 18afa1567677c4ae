/// Something a command asks to be shown; the renderers decide how.
public enum Report: Sendable, Equatable {
    /// A sentence about what happened.
    case message(String)
    /// Something that happened on its own (a timeout, an expiry), worth the agent's attention.
    case notice(String)
    /// Pages of the agent dashboard's streams.
    case dashboard([DashboardPage])
    /// The pending notifications.
    case notifications
    /// The conversation transcript of a session, by session id.
    case history(sessionID: Int)
    /// The notes of a conversation session, by session id.
    case notes(sessionID: Int)
    /// The Customer summary of a conversation.
    case summary(CustomerSummary)
    /// The app tabs of the focused session.
    case tabs
    /// The unsaved form of the focused session.
    case form
    /// Tooltip lines, exactly as the product shows them.
    case tooltips([String])
    /// The settings.
    case config
    /// The command list, or one command's help, or `keys`.
    case help(String?)
    /// The current presence.
    case presence
    /// The simulated clock.
    case clock
    /// The shift's figures (`report`), as a table or as one JSON object; what they read from the conversations.
    case shiftReport(ReportFormat, ConversationFigures)
    /// Something that fell due on the simulated clock, as one line.
    case event(EventLine)
    /// Articles found (`kb search`): id and title, best first.
    case articles([World.Article])
    /// An article opened in a KB Search tab: title and body.
    case article(World.Article)
    /// A numbered quick-reply list; how many of them are the agent's own (listed first).
    case quickReplies([World.QuickReply], personal: Int)
}

/// One event of a live shift, as the line printed above the prompt or after `clock advance`.
public struct EventLine: Sendable, Equatable {
    /// What kind of event, for its colour and symbol.
    public enum Kind: Sendable, Equatable {
        /// A new notification.
        case arrival
        /// A customer wrote.
        case message
        /// A customer's sentiment changed.
        case sentiment
        /// Something the agent missed or lost: a timeout, an abandoned request, an expired wait.
        case warning
        /// A scheduled line could not be carried out.
        case problem
    }

    /// When it happened, in simulated seconds.
    public let time: Int
    /// What kind of event.
    public let kind: Kind
    /// Who and what, unescaped, the customer first (`Visitor 2: request timed out`): what a line cut
    /// to the terminal's width keeps.
    public let text: String
    /// The rest of the sentence, unescaped (`, routed to another agent.`), shown as far as there is room.
    public let detail: String
    /// The customer it is about (a conversation's title), when it is about one.
    public let customer: String?
    /// The conversation it is about (its work item is `W` and this number), when there is one.
    public let conversation: Int?
    /// The position of the session working that conversation when it happened, when one does.
    public let session: Int?

    /// Creates a line: `text`, then `detail`.
    public init(
        time: Int, kind: Kind, text: String, detail: String = "", customer: String? = nil, conversation: Int? = nil,
        session: Int? = nil
    ) {
        self.time = time
        self.kind = kind
        self.text = text
        self.detail = detail
        self.customer = customer
        self.conversation = conversation
        self.session = session
    }

    /// The whole sentence.
    public var sentence: String { text + detail }
}

/// A question to answer before a command runs, such as closing a session.
public struct Confirmation: Sendable, Equatable {
    /// The question, e.g. `Close session "Kenny Smith"? [y/N]`.
    public let prompt: String
    /// The command to apply when the answer is yes.
    public let command: Command
    /// What to say when the answer is no.
    public var declined = "Kept the session open."
    /// Whether `r` answers it too: the shift's report, then the command (quitting with unsaved work).
    public var offersReport = false
}

/// What applying a command produced, besides the new state.
public struct Outcome: Sendable, Equatable {
    /// What to show, in order.
    public var reports: [Report] = []
    /// Whether the panel changed and should be printed again.
    public var showsPanel = false
    /// A question to ask before anything changes.
    public var confirmation: Confirmation?
    /// Whether omnipanel should stop reading lines (`quit`).
    public var quits = false
    /// Whether the terminal's screen should be cleared (`clear`) before anything else is shown.
    public var clearsScreen = false
    /// Whether this answers a question the agent asked (`show`, `dashboard`, `history`, `hover`, `help`, …)
    /// rather than reporting a change; `--quiet` prints only answers and errors.
    public var isAnswer = false
    /// A file the executable should write privately (`report --svg FILE`), then say so, or why it could not.
    public var export: Export?
    /// What the live prompt's clock should do (`clock pause`, `clock resume`, `clock speed`); scripts,
    /// whose clock moves only by `clock advance`, have nothing to do.
    public var liveClock: LiveClockChange?
    /// Whether a live prompt should ring the terminal bell: a request arrived on its own and `bell` is on.
    public var ringsBell = false

    /// An outcome that shows the given reports.
    public init(_ reports: [Report] = [], showsPanel: Bool = false) {
        self.reports = reports
        self.showsPanel = showsPanel
    }

    /// The texts of the ``EventLine/Kind/problem`` events among the reports: what fell due on the clock
    /// and could not be carried out (an `at` line whose customer has no conversation).
    public var problems: [String] {
        reports.compactMap { report in
            guard case .event(let line) = report, line.kind == .problem else { return nil }
            return line.text
        }
    }

    /// Whether to print this outcome: always, or with `--quiet` only when it is an answer.
    public func isShown(quiet: Bool) -> Bool { !quiet || isAnswer }

    /// The answer to a question: the given reports, and the panel when `showsPanel`.
    public static func answer(_ reports: [Report], showsPanel: Bool = false) -> Outcome {
        var outcome = Outcome(reports, showsPanel: showsPanel)
        outcome.isAnswer = true
        return outcome
    }
}

/// How `report` prints the shift's figures.
public enum ReportFormat: String, Sendable, Equatable, CaseIterable {
    /// A table for people.
    case text
    /// One JSON object of type `report` (the schema is `docs/output.schema.json`).
    case json
}

/// A file a command produced for the executable to write (the core does no I/O).
public struct Export: Sendable, Equatable {
    /// Where, as the agent typed it.
    public let path: String
    /// What: the file's text.
    public let contents: String
    /// What it is, for the line saying it was written (`the shift's timeline`).
    public let description: String
}
