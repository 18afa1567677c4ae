import Testing

@testable import SessionPanel

/// Issue 16: each dashboard stream shows its first 20 work items and says how to see the rest.
@Suite struct DashboardPagingTests {
    /// The demo world with 25 visitors' chats waiting: Open work items lists 27 (W201, W202, W1000…W1024).
    private static func crowded() -> ScriptedAgent {
        var agent = ScriptedAgent()
        for _ in 0..<25 { agent.run("incoming chat") }
        return agent
    }

    private static func rows(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("  W") }
    }

    @Test("a stream shows its first 20 work items, then how many more and the command that shows them")
    func firstPage() {
        var agent = Self.crowded()
        let output = agent.output("dashboard")
        #expect(output.contains("Open work items (27)\n  W201 "))
        #expect(output.contains("  … and 7 more (dashboard open --page 2)"))
        #expect(Self.rows(output).filter { $0.contains(" Open") }.count == 20)
        #expect(output.contains("My work items (2)") && !output.contains("dashboard my --page"))
    }

    @Test("the next page of one stream shows the rest, and nothing after the last")
    func nextPage() {
        var agent = Self.crowded()
        let second = agent.output("dashboard open --page 2")
        #expect(!second.contains("My work items") && !second.contains("Closed work items"))
        #expect(Self.rows(second).map { String($0.dropFirst(2).prefix(5)) } == (1018...1024).map { "W\($0)" })
        #expect(!second.contains("more (dashboard"))
        let beyond = agent.output("dashboard open --page 9")
        #expect(beyond.contains("Open work items (27)\n  (no page 9)"))
    }

    @Test("the pages hold every work item once, in number order, as the conversations change")
    func pagesCoverTheStream() throws {
        var agent = Self.crowded()
        agent.run("pick W1003", "pick W201", "dashboard")
        let state = agent.state
        let size = PanelState.dashboardPageSize
        var seen: [Int] = []
        for page in 0..<3 {
            seen += try state.workItems(in: .open, offset: page * size, limit: size).items.map(\.id)
        }
        #expect(seen == [202] + (1000...1024).filter { $0 != 1003 })
        #expect(try state.workItems(in: .open, limit: 1).total == 25)
    }

    @Test("Tab after 'dashboard' offers the streams and --page")
    func completion() {
        #expect(Set(CompletionFixture.texts("dashboard ")).isSuperset(of: ["my", "open", "closed"]))
        #expect(CompletionFixture.texts("dashboard open --p") == ["--page"])
    }
}
