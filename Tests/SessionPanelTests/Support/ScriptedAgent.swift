import Testing

@testable import SessionPanel

/// An agent at the prompt, as a test drives it: feeds the interpreter one line at a time and
/// checks what each line did.
struct ScriptedAgent {
    private(set) var interpreter: Interpreter

    init(world: World = .demo, settings: Settings = Settings()) {
        interpreter = Interpreter(state: PanelState(world: world, settings: settings))
    }

    /// An agent who starts from `state`, as from a state file.
    init(state: PanelState) { interpreter = Interpreter(state: state) }

    var state: PanelState { interpreter.state }

    /// Runs lines that must all succeed (a `close` without `--yes` is answered yes); returns the last outcome.
    @discardableResult
    mutating func run(_ lines: String..., sourceLocation: SourceLocation = #_sourceLocation) -> Outcome {
        var last = Outcome()
        for line in lines {
            switch interpreter.handle(InputLine(line)) {
            case .ran(let outcome): last = outcome
            case .nothing: break
            case .failed(let error): Issue.record("`\(line)` failed: \(error.message)", sourceLocation: sourceLocation)
            case .asks:
                if case .ran(let outcome) = interpreter.handle("y") { last = outcome }
            }
        }
        return last
    }

    /// Runs a line that must fail, checks that it changed nothing, and returns its message.
    @discardableResult
    mutating func error(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let before = state
        guard case .failed(let error) = interpreter.handle(InputLine(line)) else {
            Issue.record("`\(line)` did not fail", sourceLocation: sourceLocation)
            return ""
        }
        #expect(state == before, "a failed command changed the state", sourceLocation: sourceLocation)
        return error.message
    }

    /// The plain text a line prints (reports and panel).
    mutating func output(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let outcome = run(line, sourceLocation: sourceLocation)
        return OutcomeRenderer(style: .plain).render(outcome, in: state).joined(separator: "\n")
    }

    /// Titles in panel order, Home first.
    var titles: [String] { state.sessions.map(\.title) }

    /// The focused session's title.
    var focusedTitle: String { state.focusedSession.title }

    /// The session with this title.
    func session(_ title: String) -> Session? { state.sessions.first { $0.title == title } }

    /// The conversation shown by the session with this title.
    func conversation(_ title: String) -> Conversation? { session(title).flatMap(state.conversation(of:)) }
}
