/// Where each key's first member is in an object's members, kept once the object has
/// ``threshold`` members: a small object is searched, a large one (a dictionary of thousands of
/// records) is looked up, so encoding or decoding it costs its size, not the square of it.
struct JSONMemberIndex: Sendable {
    /// How many members an object has before its keys are indexed.
    static let threshold = 16

    private var positions: [String: Int]?

    /// No index (an object still small, or empty).
    init() {}

    /// The index of `members`, when there are enough of them.
    init<Value>(_ members: [(String, Value)]) {
        guard members.count >= Self.threshold else { return }
        var positions = [String: Int](minimumCapacity: members.count)
        for (position, member) in members.enumerated() where positions[member.0] == nil {
            positions[member.0] = position
        }
        self.positions = positions
    }

    /// The position of the first member named `key` in `members` (the members this index is of).
    func position<Value>(of key: String, in members: [(String, Value)]) -> Int? {
        guard let positions else { return members.firstIndex { $0.0 == key } }
        return positions[key]
    }

    /// Notes the member just appended to `members`: the index starts once there are enough.
    mutating func appended<Value>(to members: [(String, Value)]) {
        if positions == nil {
            if members.count >= Self.threshold { self = JSONMemberIndex(members) }
        } else if let last = members.last, positions?[last.0] == nil {
            positions?[last.0] = members.count - 1
        }
    }
}
