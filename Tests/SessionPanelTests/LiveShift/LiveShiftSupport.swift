import Foundation
import Testing

@testable import SessionPanel

/// The one-line texts of what `advanceClock(to:)` returned, one per event (plain style).
func eventLines(_ outcomes: [Outcome], in state: PanelState) -> [String] {
    outcomes.flatMap { outcome in
        #expect(!outcome.showsPanel, "an event must not print the panel again")
        return OutcomeRenderer(style: .plain).render(outcome, in: state)
    }
}

/// An interpreter after `lines` (all must succeed; a close question is answered yes).
func interpreter(after lines: [String], world: World = .demo) -> Interpreter {
    var agent = ScriptedAgent(world: world)
    for line in lines { agent.run(line) }
    return agent.interpreter
}

/// Everything a run prints, as plain text: each line's output, as `run --echo` shows it.
func transcript(_ lines: [String], from state: PanelState = PanelState()) -> String {
    var runner = ScriptRunner(name: "test", state: state, options: .init(echo: true))
    var output: [String] = []
    _ = runner.run(lines.map { InputLine($0) }) { event in
        switch event {
        case .output(let lines): output += lines
        case .command(let command): output.append("> " + command)
        case .error(let line): output.append(line)
        case .question(let text): output.append(text)
        case .pause, .expectationFailed, .commandFailed: break
        }
    }
    return output.joined(separator: "\n")
}

/// The state after a JSON round trip, as a state file would carry it.
func savedAndLoaded(_ state: PanelState) throws -> PanelState {
    try JSONDecoder().decode(SavedState.self, from: JSONEncoder().encode(SavedState(state))).state
}
