/// The conversations in play that have a customer and are not Closed, by customer and channel, and
/// every conversation in play by title: the indexes that let `incoming` find a returning customer and
/// `at … message "Kenny Smith"` its customer without looking through everything in play.
///
/// ``ConversationsInPlay`` keeps it up to date as conversations change; the conversations the catalog
/// holds are found by its own queries.
struct CustomerConversations: Sendable, Equatable {
    /// What the index files a conversation under.
    struct Entry: Equatable {
        let id: Int
        let customer: String?
        let channel: Channel
        let isClosed: Bool
        let title: String

        init(_ conversation: Conversation) {
            id = conversation.id
            customer = conversation.customerKey
            channel = conversation.channel
            isClosed = conversation.state == .closed
            title = conversation.titleKey
        }
    }

    private struct Key: Hashable, Sendable {
        let customer: String
        let channel: Channel
    }

    private var unclosed: [Key: Set<Int>] = [:]
    private var titled: [String: Set<Int>] = [:]

    /// An empty index.
    init() {}

    /// Files `entry`.
    mutating func add(_ entry: Entry) {
        titled[entry.title, default: []].insert(entry.id)
        guard let customer = entry.customer, !entry.isClosed else { return }
        unclosed[Key(customer: customer, channel: entry.channel), default: []].insert(entry.id)
    }

    /// Takes `entry` out (the conversation changed or left play).
    mutating func remove(_ entry: Entry) {
        titled[entry.title]?.remove(entry.id)
        if titled[entry.title]?.isEmpty == true { titled[entry.title] = nil }
        guard let customer = entry.customer else { return }
        let key = Key(customer: customer, channel: entry.channel)
        unclosed[key]?.remove(entry.id)
        if unclosed[key]?.isEmpty == true { unclosed[key] = nil }
    }

    /// The numbers of the conversations the customer keyed `customer` has on `channel` that are not Closed.
    func ids(of customer: String, on channel: Channel) -> Set<Int> {
        unclosed[Key(customer: customer, channel: channel)] ?? []
    }

    /// The numbers of the conversations whose title key is `title`.
    func ids(titled title: String) -> Set<Int> { titled[title] ?? [] }
}
