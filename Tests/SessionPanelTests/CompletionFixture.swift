import Testing
@testable import SessionPanel

/// States for the completion tests, built by running commands the way the shell does.
enum CompletionFixture {
    /// The demo world after `commands`, each of which must succeed.
    static func state(_ commands: String..., world: World = .demo) -> PanelState {
        var interpreter = Interpreter(state: PanelState(world: world))
        for command in commands {
            let step = interpreter.handle(command)
            if case .failed(let error) = step { Issue.record("fixture command `\(command)` failed: \(error.message)") }
        }
        return interpreter.state
    }

    /// Kenny Smith's contact session (1), case 42 (2) and a chat visitor (3, focused).
    static var threeSessions: PanelState {
        state("open contact \"Kenny Smith\"", "open case 42", "incoming chat", "accept")
    }

    /// The candidates' texts for `line`.
    static func texts(_ line: String, in state: PanelState = PanelState()) -> [String] {
        CompletionEngine.complete(line, in: state).candidates.map(\.text)
    }
}
