import Testing

@testable import SessionPanel

/// States for the completion tests, built by running commands the way an agent types them.
enum CompletionFixture {
    /// The state of `world` after `commands`, each of which must succeed.
    static func state(_ commands: String..., world: World = .demo) -> PanelState {
        var agent = ScriptedAgent(world: world)
        for command in commands { agent.run(command) }
        return agent.state
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
