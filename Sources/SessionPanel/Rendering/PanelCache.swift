/// The panel's pieces as last drawn — the frame, each session row, the focused session's details — so
/// that drawing the panel after every command (as a script does) draws again only what looks different.
///
/// Each piece is kept with a key holding everything it shows (for a row: the session's title, kind,
/// unread count and read-only flag, its position and the panel's layout, whether it is focused or alerting, its conversation's channel and
/// state); equal keys draw equal text. Keep one cache per output: it remembers the style it was drawn
/// in, and starts over when that changes.
public struct PanelCache: Sendable {
    /// What a session row shows (its position is the row's place in the cache).
    struct RowKey: Equatable, Sendable {
        var title: String
        var kind: SessionKind
        var unreadCount: Int
        var readOnly: Bool
        var positionWidth: Int
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

    /// What the focused session's details show.
    struct DetailsKey: Equatable, Sendable {
        var session: Session
        var conversationState: ConversationState?
        var channel: Channel?
        var presence: Presence
    }

    private var style: RenderStyle?
    /// The session rows by position.
    var rows: [Piece<RowKey, String>] = []
    /// The top and bottom borders.
    var frame = Piece<FrameKey, [String]>()
    /// The details lines.
    var details = Piece<DetailsKey, [String]>()

    /// An empty cache.
    public init() {}

    /// Starts over when `style` is not the style the pieces were drawn in; keeps a row for each of `count` sessions.
    mutating func prepare(for style: RenderStyle, sessions count: Int) {
        if style != self.style { self = PanelCache(style: style) }
        if rows.count > count { rows.removeLast(rows.count - count) }
        while rows.count < count { rows.append(Piece()) }
    }

    private init(style: RenderStyle) { self.style = style }
}

/// One drawn piece of the panel and the key it was drawn for.
struct Piece<Key: Equatable & Sendable, Drawing: Sendable>: Sendable {
    private var key: Key?
    private var drawing: Drawing?

    /// The drawing, when it was made for `key`.
    func drawing(for key: Key) -> Drawing? { self.key == key ? drawing : nil }

    /// Keeps `drawing`, made for `key`.
    mutating func keep(_ drawing: Drawing, for key: Key) {
        self.key = key
        self.drawing = drawing
    }
}
