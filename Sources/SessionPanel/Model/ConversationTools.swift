/// What the agent's knowledge and quick-reply tools remember during a shift: their personal quick
/// replies, the last quick-reply list (what `quickreply send <n>` numbers), and the article each
/// session's KB Search tab shows.
public struct ConversationTools: Sendable, Codable, Equatable {
    /// Quick replies the agent saved (`quickreply add`), in the order saved.
    public var personalQuickReplies: [World.QuickReply] = []
    /// The quick replies of the last `quickreply` list, in its order: personal ones first, then the world's.
    public var lastQuickReplies: [World.QuickReply] = []
    /// The article shown in each session's KB Search tab, by session id.
    public var openArticles: [Int: Int] = [:]

    /// The most quick replies a list shows, and the most a `quickreply add` may save.
    public static let listLimit = 20
    public static let mostPersonal = 200

    /// The name `{agent}` fills in: the simulated agent's.
    public static let agentName = "Alex Morgan"

    /// Creates empty tools.
    public init() {}
}
