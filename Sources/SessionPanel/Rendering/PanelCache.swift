/// The panel's pieces as last drawn — the frame, each session row, the focused session's details, the
/// Communication panel — so
/// that drawing the panel after every command (as a script does) draws again only what looks different.
///
/// Each piece is kept with a key holding everything it shows (for a row: the session's title, kind,
/// unread count and read-only flag, its position and the panel's layout, whether it is focused or
/// alerting, its conversation's channel and state); equal keys draw equal text. Keep one cache per
/// output: it remembers the style it was drawn in, and starts over when that changes.
public struct PanelCache: Sendable {
    /// What a session row shows (its position is the row's place in the cache).
    struct RowKey: Equatable, Sendable {
        var title: String
        var kind: SessionKind
        var unreadCount: Int
        var readOnly: Bool
        var positionWidth: Int
        var iconWidth: Int
        var inner: Int
        var expanded: Bool
        var focused: Bool
        var alert: Bool
        var conversationState: ConversationState? = nil
        var channel: Channel? = nil
    }

    /// What the top and bottom borders show.
    struct FrameKey: Equatable, Sendable {
        var presence: Presence
        var inner: Int
        var expanded: Bool
    }

    /// What the focused session's details show (not its unread count or sentiment, which change often
    /// and show in its row).
    struct DetailsKey: Equatable, Sendable {
        var title: String
        var kind: SessionKind
        var readOnly: Bool
        var tabs: [AppTab]
        var focusedTab: Int
        var draft: [DraftField]
        var conversationState: ConversationState?
        var channel: Channel?
        var presence: Presence

        init(_ session: Session, conversationState: ConversationState?, channel: Channel?, presence: Presence) {
            (title, kind, readOnly) = (session.title, session.kind, session.readOnly)
            (tabs, focusedTab, draft) = (session.tabs, session.focusedTab, session.draft)
            (self.conversationState, self.channel, self.presence) = (conversationState, channel, presence)
        }
    }

    /// What the Communication panel shows: the conversation's title, how many messages it has and the
    /// latest of them, as many as are shown (a copy: keeping the transcript's own array would make the
    /// next message copy it whole).
    struct CommunicationKey: Equatable, Sendable {
        var title: String
        var count: Int
        var latest: [Message]
    }

    /// A session row as drawn.
    private struct Row: Sendable {
        var key: RowKey
        var text: String
    }

    private var style: RenderStyle?
    /// The session rows by position (as many as were drawn, up to the number of sessions).
    private var rows: [Row] = []
    /// The top and bottom borders.
    var frame = Piece<FrameKey, [String]>()
    /// The details lines, by session id.
    var details = Pieces<DetailsKey>()
    /// The Communication panel's lines, by work item number.
    var communication = Pieces<CommunicationKey>()

    /// An empty cache.
    public init() {}

    /// Starts over when `style` is not the style the pieces were drawn in; forgets rows beyond `count` sessions.
    mutating func prepare(for style: RenderStyle, sessions count: Int) {
        if style != self.style { self = PanelCache(style: style) }
        if rows.count > count { rows.removeLast(rows.count - count) }
    }

    /// The row drawn before at `position`, if it was drawn for `key`. (Keys are compared where they
    /// are stored: copying them out took a fifth of a script run that prints the panel.)
    func row(at position: Int, for key: RowKey) -> String? {
        position < rows.count && rows[position].key == key ? rows[position].text : nil
    }

    /// Keeps `text` as the row at `position`, drawn for `key`; rows are kept from the top down.
    mutating func keepRow(_ text: String, at position: Int, for key: RowKey) {
        if position < rows.count {
            rows[position] = Row(key: key, text: text)
        } else if position == rows.count {
            rows.append(Row(key: key, text: text))
        }
    }

    private init(style: RenderStyle) { self.style = style }
}

/// One drawn piece of the panel and the key it was drawn for.
struct Piece<Key: Equatable & Sendable, Drawing: Sendable>: Sendable {
    private var key: Key?
    private var drawing: Drawing?

    /// The drawing, when it was made for `key`.
    func drawing(for key: Key) -> Drawing? { self.key == key ? drawing : nil }

    /// The drawing, when it was made for a key that `matches`.
    func drawing(where matches: (Key) -> Bool) -> Drawing? {
        guard let key, matches(key) else { return nil }
        return drawing
    }

    /// Keeps `drawing`, made for `key`.
    mutating func keep(_ drawing: Drawing, for key: Key) {
        self.key = key
        self.drawing = drawing
    }
}

/// Drawn pieces of one kind by an id — each session's details, each conversation's Communication panel —
/// so that switching back to a session finds its pieces drawn. At most ``limit`` are kept.
struct Pieces<Key: Equatable & Sendable>: Sendable {
    private var byID: [Int: Piece<Key, [String]>] = [:]

    /// How many ids are kept; past that, the pieces are forgotten and drawn again as needed.
    static var limit: Int { 64 }

    /// The lines drawn for `id`, when drawn for `key`.
    func drawing(of id: Int, for key: Key) -> [String]? { byID[id]?.drawing(for: key) }

    /// The lines drawn for `id`, when drawn for a key that `matches` (to compare a key where it is kept,
    /// without building one to compare).
    func drawing(of id: Int, where matches: (Key) -> Bool) -> [String]? { byID[id]?.drawing(where: matches) }

    /// Keeps `lines`, drawn for `id` and `key`.
    mutating func keep(_ lines: [String], of id: Int, for key: Key) {
        if byID[id] == nil, byID.count >= Self.limit { byID.removeAll(keepingCapacity: true) }
        byID[id, default: Piece()].keep(lines, for: key)
    }
}
