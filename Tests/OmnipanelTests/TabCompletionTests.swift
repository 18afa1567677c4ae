import LineEditor
import SessionPanel
import Testing

@testable import omnipanel

/// The prompt hands the line editor the panel's completions as its own ``TabCompletion``.
@Suite struct TabCompletionTests {
    @Test func aCutListKeepsItsTotalAndItsDescriptions() {
        let panel = Interpreter(state: PanelState()).completions(for: "", limit: 2)
        let tab = TabCompletion(panel)
        #expect(panel.total > 2)
        #expect(tab.total == panel.total)
        #expect(tab.replacing == panel.replacing)
        #expect(tab.candidates.map(\.text) == panel.candidates.map(\.text))
        #expect(tab.candidates.map(\.description) == panel.candidates.map(\.description))
        #expect(tab.candidates.contains { !$0.description.isEmpty })
    }

    @Test func theReplacedPartialWordIsKept() {
        let panel = Interpreter(state: PanelState()).completions(for: "sw", limit: .max)
        let tab = TabCompletion(panel)
        #expect(tab.replacing == 2)
        #expect(tab.candidates.map(\.text) == ["switch"])
    }
}
