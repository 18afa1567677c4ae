import SessionPanel
import Testing

@testable import Storage

/// A save over the file the state's conversations are read from lets the state forget what it saved:
/// the change set starts empty again and Closed conversations leave memory, so what a save writes and
/// what a state holds grow with the next command, not with the shift.
@Suite struct ChangeSetSaveTests {
    /// Closes `count` chat conversations, one after another, then lets their Wrap-up timers pass
    /// (an event still to come keeps its conversation in play).
    private static func closing(_ count: Int) -> [String] {
        (0..<count).flatMap { _ in ["incoming chat", "accept", "end", "close --yes"] } + ["clock advance 1h"]
    }

    @Test func aSaveOverItsOwnFileClearsTheChangeSetAndKeepsEveryConversation() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let store = try StateFile(path: scratch.path("class.db")) { PanelState() }
        var current = state(after: Self.closing(30), from: store.state)
        #expect(current.changedConversations.count >= 30)
        #expect(try store.save(current), "the state's conversations are read from this file")
        current.changesSaved()
        #expect(current.changedConversations.isEmpty && current.changedLogEntries.isEmpty)
        #expect(current.conversations.ids.count < 5, "the Closed conversations left memory")
        #expect(try current.workItems(in: .closed, limit: 100).total == 31, "and are read from the file (with W301)")

        current = state(after: ["incoming chat", "accept"], from: current)
        #expect(current.changedConversations.map(\.conversation.id).count == 1)
        try store.save(current)
        #expect(store.rowsWritten < 20, "the next save writes one command's rows: \(store.rowsWritten)")
        let read = try #require(try StateFile.read(scratch.path("class.db")))
        #expect(try read.workItems(in: .closed, limit: 100).total == 31)
    }

    @Test func aStateOverAnotherCatalogIsNotToldToForget() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let store = try StateFile(path: scratch.path("class.db")) { PanelState() }
        let elsewhere = state(after: ["incoming chat", "accept"])  // over the demo world's catalog, in memory
        #expect(try store.save(elsewhere) == false)
    }
}
