import Testing

@testable import SessionPanel

extension PanelState {
    /// Every conversation, by number: the states these tests make hold their catalog in memory
    /// (a test of a state whose catalog is not fails here, with nothing to look at).
    var everyConversation: [Int: Conversation] {
        guard let all = inMemoryConversations else {
            Issue.record("the state's conversations are not in memory")
            return [:]
        }
        return all
    }

    /// Every work item the dashboard lists in `stream`, by number.
    func listed(_ stream: WorkStream) throws -> [Conversation] {
        try workItems(in: stream, limit: Limits.largestCounter).items
    }
}
