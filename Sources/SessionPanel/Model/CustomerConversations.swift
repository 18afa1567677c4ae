/// The conversations each named customer has that are not Closed, by channel: the index that lets
/// `incoming` find a returning customer's conversation without looking through every past request.
///
/// It is derived from ``PanelState/conversations`` (rebuilt on load, never saved); the rules keep it up to
/// date where a conversation gains a customer, starts, or closes, and ``PanelState/problems`` checks it.
struct CustomerConversations: Sendable, Equatable {
    private struct Key: Hashable, Sendable {
        let customer: String
        let channel: Channel
    }

    private var ids: [Key: Set<Int>] = [:]

    /// An empty index.
    init() {}

    /// The index of `conversations`.
    init(_ conversations: some Sequence<Conversation>) {
        for conversation in conversations { add(conversation) }
    }

    /// Adds `conversation` when it has a customer and is not Closed.
    mutating func add(_ conversation: Conversation) {
        guard let customer = conversation.customer, conversation.state != .closed else { return }
        ids[Key(customer: customer.lowercased(), channel: conversation.channel), default: []].insert(conversation.id)
    }

    /// Removes `conversation` (it closed).
    mutating func remove(_ conversation: Conversation) {
        guard let customer = conversation.customer else { return }
        let key = Key(customer: customer.lowercased(), channel: conversation.channel)
        ids[key]?.remove(conversation.id)
        if ids[key]?.isEmpty == true { ids[key] = nil }
    }

    /// The numbers of every conversation in the index, in no order.
    var all: some Sequence<Int> { ids.values.joined() }

    /// The numbers of the conversations `customer` has on `channel` that are not Closed, lowest first.
    func ids(of customer: String, on channel: Channel) -> [Int] {
        ids[Key(customer: customer.lowercased(), channel: channel)]?.sorted() ?? []
    }
}
