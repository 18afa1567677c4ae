internal import JSONCoding

/// Renders what a script does as JSON objects, for `--format json`: one object a line, each with its
/// `type` — `command` (what one script line did), `event` (something that fell due on the simulated
/// clock), `report` (``ShiftReport/json(line:)``) and `file` (a file a command wrote); a command's
/// articles, quick replies, notes or summary are members of its object (``JSONAnswerRenderer``). The schema is
/// `docs/output.schema.json`; a test checks real output against it.
public enum JSONResultRenderer {
    /// How the line ended.
    public enum Result: Sendable, Equatable {
        /// It ran; these are the plain-text lines it printed, the panel excepted.
        case ran([String])
        /// It was refused with this message; nothing changed.
        case failed(String)
        /// It asks this question; the next line answers it.
        case asks(String)
    }

    /// The object for script line `number`, typed as `input`, with the panel as it is afterwards.
    /// `answering` is the question the line answered, if it was an answer; `items` what it showed,
    /// whose articles, quick replies, notes and summary become members with fields (``JSONAnswerRenderer``).
    public static func render(
        line number: Int, input: String, answering: String?, result: Result, items: [OutcomeItem] = [],
        state: PanelState
    ) -> String {
        var members: [(String, JSONValue)] = [
            ("type", .string("command")), ("line", .number(number)), ("input", .string(input)),
        ]
        if let answering { members.append(("answering", .string(answering))) }
        switch result {
        case .ran(let messages):
            members += [("ok", .bool(true)), ("messages", .array(messages.map { .string($0) }))]
            members += JSONAnswerRenderer.members(of: items, in: state)
        case .failed(let message):
            members += [("ok", .bool(false)), ("messages", .array([])), ("error", .string(message))]
        case .asks(let question):
            members += [("ok", .bool(true)), ("messages", .array([])), ("question", .string(question))]
        }
        members += [
            ("panel", panel(state)),
            ("notifications", .array(notifications(state))),
            ("presence", .string(state.presence.rawValue)),
        ]
        return JSONValue.object(members).serialized
    }

    /// The object of an event that fell due while script line `number` ran (`clock advance`): its
    /// fields, not a line of text to pick apart.
    public static func event(_ event: EventLine, line number: Int) -> String {
        JSONValue.object([
            ("type", .string("event")),
            ("line", .number(number)),
            ("time", .number(event.time)),
            ("clock", .string(SimulatedDuration.stamp(event.time))),
            ("kind", .string(kind(event.kind))),
            ("customer", .string(event.customer)),
            ("workItem", .string(event.conversation.map { "W\($0)" })),
            ("session", event.session.map { .number($0) } ?? .null),
            ("text", .string(event.sentence)),
        ]).serialized
    }

    private static func kind(_ kind: EventLine.Kind) -> String {
        switch kind {
        case .arrival: "arrival"
        case .message: "message"
        case .sentiment: "sentiment"
        case .warning: "warning"
        case .problem: "problem"
        }
    }

    static func panel(_ state: PanelState) -> JSONValue {
        .object([
            ("mode", .string(state.panelMode.rawValue)),
            ("focused", .number(state.focusedPosition)),
            ("sessions", .array(state.sessions.indices.map { session(state, at: $0) })),
        ])
    }

    private static func session(_ state: PanelState, at position: Int) -> JSONValue {
        let session = state.sessions[position]
        let conversation = state.conversation(of: session)
        return .object([
            ("position", .number(position)),
            ("title", .string(session.title)),
            ("initials", .string(session.initials)),
            ("kind", .string(kind(session.kind))),
            ("unread", .number(session.unreadCount)),
            ("badge", .string(session.unreadBadge)),
            ("sentiment", .string(session.isHome ? nil : session.sentiment.name)),
            ("alert", .bool(state.hasSentimentAlert(session))),
            ("focused", .bool(session.id == state.focusedSessionID)),
            ("state", .string(conversation?.state.rawValue)),
            ("channel", .string(conversation?.channel.rawValue)),
            ("workItem", .string(conversation?.itemLabel)),
            ("readOnly", .bool(session.readOnly)),
        ])
    }

    private static func kind(_ kind: SessionKind) -> String {
        switch kind {
        case .home: "home"
        case .conversation: "conversation"
        case .caseRecord: "case"
        case .contact: "contact"
        case .account: "account"
        }
    }

    private static func notifications(_ state: PanelState) -> [JSONValue] {
        state.notifications.enumerated().map { index, notification in
            let conversation = state.conversations[notification.conversationID]
            return .object([
                ("number", .number(index + 1)),
                ("workItem", .string("W\(notification.conversationID)")),
                ("title", .string(conversation?.title)),
                ("channel", .string(conversation?.channel.rawValue)),
                ("returning", .bool(notification.isReturning)),
                ("secondsLeft", .number(state.secondsLeft(notification))),
            ])
        }
    }
}
