import SessionPanel
import Testing

/// Completion over a large world: the catalog lists the first `limit` matches in order and says how
/// many there are in all.
@Suite struct CompletionAtScaleTests {
    /// 250 contacts starting with "Zo" (in scrambled order) and one that does not.
    static let state: PanelState = {
        let names = (0..<250).map { String(format3($0 * 7 % 250)) }.map { "Zo \($0)" } + ["Ann Lee"]
        return PanelState(world: World(contacts: names.map { World.Contact(name: $0) }))
    }()

    static func format3(_ number: Int) -> String {
        String(repeating: "0", count: 3 - String(number).count) + String(number)
    }

    @Test func aLimitListsTheFirstMatchesInOrderAndCountsAll() {
        let completion = CompletionEngine.complete("open contact zo", in: Self.state, limit: 100)
        #expect(completion.candidates.count == 100)
        #expect(completion.total == 250)
        #expect(completion.candidates.map(\.text) == (0..<100).map { "\"Zo \(Self.format3($0))\"" })
        #expect(completion.replacing == 2)
    }

    @Test func withoutALimitEveryMatchIsListed() {
        let completion = CompletionEngine.complete("open contact zo", in: Self.state)
        #expect(completion.candidates.count == 250)
        #expect(completion.total == 250)
    }

    @Test func underTheLimitTheTotalIsTheList() {
        let completion = CompletionEngine.complete("open contact \"Zo 01", in: Self.state, limit: 100)
        #expect(completion.candidates.map(\.text) == (10..<20).map { "\"Zo 0\($0)\"" })
        #expect(completion.total == 10)
        #expect(CompletionEngine.complete("open contact A", in: Self.state, limit: 100).total == 1)
    }
}
