import SessionPanel

/// The shift's tables in a state file (format version 3): real columns, and the rules the manager
/// relies on held by SQLite itself (`CHECK`, `UNIQUE`, foreign keys), so a file edited by hand
/// cannot hold a shift the manager would trip over.
///
/// - `workspace`: one row, the bounded part of the shift (clock, counters, presence, focus); its
///   nested values (settings, the agent's tools, the traffic's agenda and customers) are their
///   ``SavedState`` JSON, each small and bounded;
/// - `sessions`, `notifications`: the panel, in order;
/// - `conversations`: a row per work item the shift touched or points to; a world work item the shift
///   never touched has none and is read from the world's `work_items` through a join;
/// - `messages`, `notes`, `internal_messages`: each conversation's streams, by position;
/// - `shift_log`, `log_offers`, `log_spans`: the shift's history per conversation, for `report`.
///
/// Foreign keys are deferred: a save writes its rows in any order and SQLite checks them at commit.
enum ShiftSchema {
    /// `PRAGMA application_id` of a state file: "Omni".
    static let applicationID: Int32 = 0x4F6D_6E69
    /// The format version this program writes and reads (`PRAGMA user_version`): 2 was the shift as
    /// rows of JSON fragments (``LegacyShiftRows``), 3 these tables.
    static let formatVersion = 3

    /// The largest counter or time a row may hold (``Limits/largestCounter``).
    private static let largest = Limits.largestCounter
    /// The largest work item number (``Limits/largestRecordNumber``).
    private static let largestID = Limits.largestRecordNumber

    /// A deferred reference to a conversation's row.
    private static let conversation = "REFERENCES conversations (id) DEFERRABLE INITIALLY DEFERRED"

    /// The tables and indexes, created in an empty file or by the migration from version 2.
    static let tables = """
        CREATE TABLE workspace (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            clock INTEGER NOT NULL CHECK (clock BETWEEN 0 AND \(largest)),
            visitor_count INTEGER NOT NULL CHECK (visitor_count BETWEEN 0 AND \(largest)),
            next_session INTEGER NOT NULL CHECK (next_session BETWEEN 0 AND \(largest)),
            next_work_item INTEGER NOT NULL CHECK (next_work_item BETWEEN 0 AND \(largest)),
            focused_session INTEGER NOT NULL REFERENCES sessions (id) DEFERRABLE INITIALLY DEFERRED,
            presence TEXT NOT NULL CHECK (presence IN (\(quoted(Presence.allCases.map(\.rawValue))))),
            presence_set_by_agent INTEGER NOT NULL CHECK (presence_set_by_agent IN (0, 1)),
            panel_mode TEXT NOT NULL CHECK (panel_mode IN (\(quoted(PanelMode.allCases.map(\.rawValue))))),
            peak_unread INTEGER NOT NULL CHECK (peak_unread >= 0),
            unread_now INTEGER NOT NULL CHECK (unread_now >= 0),
            peak_sessions_open INTEGER NOT NULL CHECK (peak_sessions_open >= 0),
            held_requests TEXT NOT NULL CHECK (json_valid(held_requests)),
            settings TEXT NOT NULL CHECK (json_valid(settings)),
            tools TEXT NOT NULL CHECK (json_valid(tools)),
            traffic TEXT NOT NULL CHECK (json_valid(traffic)));
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY CHECK (id >= 0),
            position INTEGER NOT NULL UNIQUE CHECK (position >= 0),
            kind TEXT NOT NULL CHECK (kind IN ('home', 'conversation', 'case', 'contact', 'account')),
            conversation INTEGER \(conversation),
            case_number INTEGER,
            record TEXT,
            title TEXT NOT NULL,
            unread INTEGER NOT NULL CHECK (unread BETWEEN 0 AND \(largest)),
            sentiment TEXT NOT NULL CHECK (sentiment IN (\(quoted(Sentiment.allCases.map(\.name))))),
            focused_tab INTEGER NOT NULL CHECK (focused_tab >= 0),
            read_only INTEGER NOT NULL CHECK (read_only IN (0, 1)),
            tabs TEXT NOT NULL CHECK (json_valid(tabs)),
            draft TEXT NOT NULL CHECK (json_valid(draft)),
            CHECK ((kind = 'home') = (position = 0)),
            CHECK ((kind = 'conversation') = (conversation IS NOT NULL)),
            CHECK ((kind = 'case') = (case_number IS NOT NULL)),
            CHECK ((kind IN ('contact', 'account')) = (record IS NOT NULL)),
            CHECK (read_only = 0 OR kind = 'conversation'));
        CREATE UNIQUE INDEX sessions_by_subject ON sessions (kind, coalesce(conversation, case_number, record));
        CREATE TABLE notifications (
            position INTEGER PRIMARY KEY CHECK (position >= 0),
            conversation INTEGER NOT NULL UNIQUE \(conversation),
            arrived_at INTEGER NOT NULL CHECK (arrived_at >= 0),
            is_returning INTEGER NOT NULL CHECK (is_returning IN (0, 1)));
        CREATE TABLE conversations (
            id INTEGER PRIMARY KEY CHECK (id BETWEEN 1 AND \(largestID)),
            channel TEXT NOT NULL CHECK (channel IN (\(quoted(Channel.allCases.map(\.rawValue))))),
            customer TEXT,
            customer_key TEXT,
            visitor_number INTEGER CHECK (visitor_number >= 0),
            state TEXT NOT NULL CHECK (state IN (\(quoted(ConversationState.allCases.map(\.rawValue))))),
            assigned INTEGER NOT NULL CHECK (assigned IN (0, 1)),
            waiting_until INTEGER CHECK (waiting_until BETWEEN 0 AND \(largest)),
            closed_at INTEGER CHECK (closed_at >= 0),
            waiting_sentiment TEXT CHECK (waiting_sentiment IN (\(quoted(Sentiment.allCases.map(\.name))))),
            account TEXT,
            case_number INTEGER,
            queue TEXT,
            offered_to TEXT,
            consultant TEXT,
            composes_internally INTEGER NOT NULL CHECK (composes_internally IN (0, 1)),
            transfers INTEGER NOT NULL CHECK (transfers >= 0),
            disposition TEXT,
            title_key TEXT NOT NULL,
            first_response INTEGER CHECK (first_response >= 0),
            world_stream TEXT,
            stream TEXT GENERATED ALWAYS AS (
                CASE WHEN state = 'open' THEN CASE WHEN assigned THEN 'my' ELSE 'open' END
                    WHEN assigned = 0 THEN NULL WHEN state = 'closed' THEN 'closed' ELSE 'my' END) VIRTUAL,
            CHECK ((customer IS NULL) = (customer_key IS NULL)));
        CREATE INDEX open_conversations_by_customer ON conversations (customer_key, channel, id)
            WHERE state <> 'closed' AND customer_key IS NOT NULL;
        CREATE INDEX conversations_by_title ON conversations (title_key, id);
        CREATE INDEX closed_conversations_by_customer ON conversations (customer, closed_at, id)
            WHERE state = 'closed';
        CREATE INDEX conversations_over_world ON conversations (world_stream) WHERE world_stream IS NOT NULL;
        CREATE INDEX conversations_by_stream ON conversations (stream, id) WHERE stream IS NOT NULL;
        CREATE INDEX waiting_conversations ON conversations (waiting_until) WHERE state = 'waiting';
        CREATE TABLE messages (
            conversation INTEGER NOT NULL \(conversation),
            seq INTEGER NOT NULL CHECK (seq >= 0),
            sender TEXT NOT NULL CHECK (sender IN ('customer', 'agent')),
            text TEXT NOT NULL,
            time INTEGER NOT NULL CHECK (time >= 0),
            PRIMARY KEY (conversation, seq)) WITHOUT ROWID;
        CREATE TABLE notes (
            conversation INTEGER NOT NULL \(conversation),
            seq INTEGER NOT NULL CHECK (seq >= 0),
            text TEXT NOT NULL,
            time INTEGER NOT NULL CHECK (time >= 0),
            PRIMARY KEY (conversation, seq)) WITHOUT ROWID;
        CREATE TABLE internal_messages (
            conversation INTEGER NOT NULL \(conversation),
            seq INTEGER NOT NULL CHECK (seq >= 0),
            colleague TEXT,
            recipient TEXT,
            text TEXT NOT NULL,
            time INTEGER NOT NULL CHECK (time >= 0),
            PRIMARY KEY (conversation, seq)) WITHOUT ROWID;
        CREATE TABLE shift_log (
            conversation INTEGER PRIMARY KEY \(conversation),
            first_seen INTEGER NOT NULL CHECK (first_seen >= 0),
            persistent_ends INTEGER NOT NULL CHECK (persistent_ends >= 0),
            parks INTEGER NOT NULL CHECK (parks >= 0),
            abandoned_at INTEGER CHECK (abandoned_at >= 0),
            closed_at INTEGER CHECK (closed_at >= 0));
        CREATE TABLE log_offers (
            conversation INTEGER NOT NULL REFERENCES shift_log (conversation) DEFERRABLE INITIALLY DEFERRED,
            seq INTEGER NOT NULL CHECK (seq >= 0),
            time INTEGER NOT NULL CHECK (time >= 0),
            result TEXT CHECK (result IN ('accepted', 'rejected', 'missed', 'abandoned')),
            result_time INTEGER CHECK (result_time >= 0),
            PRIMARY KEY (conversation, seq)) WITHOUT ROWID;
        CREATE TABLE log_spans (
            conversation INTEGER NOT NULL REFERENCES shift_log (conversation) DEFERRABLE INITIALLY DEFERRED,
            kind TEXT NOT NULL CHECK (kind IN ('handled', 'alerts', 'unread')),
            seq INTEGER NOT NULL CHECK (seq >= 0),
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER CHECK ("end" >= start),
            PRIMARY KEY (conversation, kind, seq)) WITHOUT ROWID;
        """

    /// A new file's tables and marks.
    static let newFile =
        tables + """

            PRAGMA application_id = \(applicationID);
            PRAGMA user_version = \(formatVersion);
            """

    /// `'a', 'b'`: the SQL list of `values` (names from this program's enums, never with a quote).
    private static func quoted(_ values: [String]) -> String {
        values.map { "'\($0)'" }.joined(separator: ", ")
    }
}
