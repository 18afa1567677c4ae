internal import JSONCoding

/// The ``RowShape`` of each shift table (``ShiftSchema``): which member of the saved JSON each column holds.
enum ShiftShapes {
    /// A conversation's row; what the lookups match it by is bound first, computed from it:
    /// `customer_key` (the customer lowercased), `title_key` (the title lowercased), `first_response`
    /// (seconds from the customer's first message to the agent's first reply after it).
    static let conversation = RowShape(
        table: "conversations", owners: ["customer_key", "title_key", "first_response"],
        columns: [
            .init("id", "id", .integer), .init("channel", "channel", .text), .init("customer", "customer", .text),
            .init("visitor_number", "visitorNumber", .integer), .init("state", "state", .text),
            .init("assigned", "assignedToAgent", .flag), .init("waiting_until", "waitingUntil", .integer),
            .init("closed_at", "closedAt", .integer), .init("waiting_sentiment", "waitingSentiment", .text),
            .init("account", "account", .text), .init("case_number", "caseNumber", .integer),
            .init("queue", "queue", .text), .init("offered_to", "offeredTo", .text),
            .init("consultant", "consultant", .text),
            .init("composes_internally", "composesInternally", .flag, absent: .bool(false)),
            .init("transfers", "transfers", .integer, absent: .number(0)),
            .init("disposition", "disposition", .text),
        ])

    /// A conversation's list members and the tables that hold them, a row per item by position.
    static let conversationLists: [(key: String, shape: RowShape)] = [
        ("messages", listShape("messages", [.init("sender", "sender", .text)])),
        ("notes", listShape("notes", [])),
        (
            "internalMessages",
            listShape("internal_messages", [.init("colleague", "colleague", .text), .init("recipient", "to", .text)])
        ),
    ]

    /// A list item's shape: `leading` columns, then its text and time.
    private static func listShape(_ table: String, _ leading: [RowShape.Column]) -> RowShape {
        RowShape(
            table: table, owners: ["conversation", "seq"],
            columns: leading + [.init("text", "text", .text), .init("time", "time", .integer)])
    }

    /// A record of the shift's log (its lists in ``offers`` and ``spans``).
    static let logRecord = RowShape(
        table: "shift_log", owners: [],
        columns: [
            .init("conversation", "conversation", .integer), .init("first_seen", "firstSeen", .integer),
            .init("persistent_ends", "persistentEnds", .integer), .init("parks", "parks", .integer),
            .init("abandoned_at", "abandonedAt", .integer), .init("closed_at", "closedAt", .integer),
        ])

    /// A notification of a record, by position.
    static let offers = RowShape(
        table: "log_offers", owners: ["conversation", "seq"],
        columns: [
            .init("time", "time", .integer), .init("result", "result", .text),
            .init("result_time", "resultTime", .integer),
        ])

    /// A record's lists of time spans, each a `kind` of `log_spans`.
    static let spanKinds = ["handled", "alerts", "unread"]
    static let spans = RowShape(
        table: "log_spans", owners: ["conversation", "kind", "seq"],
        columns: [.init("start", "start", .integer), .init("\"end\"", "end", .integer)])

    /// A pending notification, by position.
    static let notification = RowShape(
        table: "notifications", owners: ["position"],
        columns: [
            .init("conversation", "conversationID", .integer), .init("arrived_at", "arrivedAt", .integer),
            .init("is_returning", "isReturning", .flag),
        ])

    /// A session; what it shows (`kind` and its subject) and its tabs and draft (JSON) are bound first.
    static let session = RowShape(
        table: "sessions", owners: ["position", "kind", "conversation", "case_number", "record", "tabs", "draft"],
        columns: [
            .init("id", "id", .integer), .init("title", "title", .text), .init("unread", "unreadCount", .integer),
            .init("sentiment", "sentiment", .text), .init("focused_tab", "focusedTab", .integer),
            .init("read_only", "readOnly", .flag),
        ])

    /// The workspace's one row; its nested values (JSON) are bound first.
    static let workspace = RowShape(
        table: "workspace",
        owners: [
            "id", "held_requests", "settings", "tools", "traffic", "peak_unread", "unread_now", "peak_sessions_open",
        ],
        columns: [
            .init("clock", "clock", .integer), .init("visitor_count", "visitorCount", .integer),
            .init("next_session", "nextSessionID", .integer), .init("next_work_item", "nextWorkItem", .integer),
            .init("focused_session", "focusedSessionID", .integer), .init("presence", "presence", .text),
            .init("presence_set_by_agent", "presenceSetByAgent", .flag), .init("panel_mode", "panelMode", .text),
        ])

    /// The workspace's members held as JSON text, by column.
    static let workspaceJSON = [
        ("held_requests", "heldRequests"), ("settings", "settings"), ("tools", "tools"), ("traffic", "shift"),
    ]
    /// The shift log's figures in the workspace row, by column.
    static let logFigures = [
        ("peak_unread", "peakUnread"), ("unread_now", "unreadNow"), ("peak_sessions_open", "peakSessionsOpen"),
    ]
}

extension JSONValue {
    /// The member `key` of an object, or `nil`.
    subscript(member key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The items of an array (none for anything else).
    var items: [JSONValue] {
        guard case .array(let items) = self else { return [] }
        return items
    }
}
