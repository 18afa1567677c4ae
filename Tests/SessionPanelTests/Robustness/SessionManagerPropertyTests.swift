import Testing

@testable import SessionPanel

/// Random walks through the shell: thousands of lines, right and wrong, and after every one the
/// state keeps its invariants, a refused command changes nothing, and nothing printed carries an
/// escape character. (`scripts/fuzz` runs the same checks under libFuzzer for as long as you like.)
struct SessionManagerPropertyTests {
    @Test("every step keeps the invariants; a refused command changes nothing", arguments: 0..<8)
    func randomWalk(seed: UInt64) {
        var lines = RandomCommandLines(source: SeededGenerator(seed: seed))
        var interpreter = Interpreter(state: PanelState())
        for step in 1...1_500 {
            let line = lines.next()
            let problems = PanelInvariants.step(&interpreter, line: Array(line.utf8))
            #expect(problems.isEmpty, "\(problems) at seed \(seed), step \(step), line \(line.debugDescription)")
            if !problems.isEmpty { return }
        }
    }

    @Test("the walks reach the session limit, fail commands and ask questions")
    func walksAreNotTrivial() {
        var lines = RandomCommandLines(source: SeededGenerator(seed: 1))
        var interpreter = Interpreter(state: PanelState())
        var failures = 0
        var questions = 0
        var fullPanels = 0
        for _ in 1...1_500 {
            switch interpreter.handle(InputLine(lines.next())) {
            case .failed: failures += 1
            case .asks: questions += 1
            default: break
            }
            if interpreter.state.sessions.count == interpreter.state.settings.maxSessions { fullPanels += 1 }
        }
        #expect(failures > 100)
        #expect(questions > 10)
        #expect(fullPanels > 10)
    }

    @Test("a command that fails after its first check is refused whole: accept at the session limit")
    func acceptAtTheLimitChangesNothing() throws {
        var state = PanelState()
        _ = try state.apply(.configSet(key: "max-sessions", value: "2"))
        _ = try state.apply(.incoming(.chat, customer: nil))
        _ = try state.apply(.accept(nil))
        _ = try state.apply(.incoming(.sms, customer: "Kenny Smith"))
        let before = state
        #expect(throws: CommandError(PanelState.maximumSessionsMessage)) {
            try state.apply(.accept(nil))
        }
        let unchanged = state == before
        #expect(unchanged)
        #expect(state.notifications.count == 1)
    }

    @Test("pick at the session limit leaves the work item in Open work items")
    func pickAtTheLimitChangesNothing() throws {
        var state = PanelState()
        _ = try state.apply(.configSet(key: "max-sessions", value: "2"))
        _ = try state.apply(.openCase(42))
        let before = state
        #expect(throws: CommandError(PanelState.maximumSessionsMessage)) { try state.apply(.pick(201)) }
        let unchanged = state == before
        #expect(unchanged)
        #expect(try state.listed(.open).map(\.id).contains(201))
    }
}
