import LineEditor
import SessionPanel
import SystemIO

/// The interactive prompt: libedit for editing, history and completion; the interpreter for everything else.
final class Prompt {
    private let context: RunContext
    private var interpreter: Interpreter
    /// The shift's clock, following the wall clock while the prompt waits.
    private var live: LiveShift
    /// The role-play socket trainers connect to, while the prompt runs with a state file.
    private var rolePlay: RolePlayServer?

    init(context: RunContext) {
        self.context = context
        self.interpreter = Interpreter(
            state: context.initialState, files: ExportFile(protected: context.protectedFiles))
        self.live = LiveShift(speed: context.live.speed, state: context.initialState)
    }

    /// Where history is kept: `$XDG_STATE_HOME/omnipanel/history`, by default `~/.local/state/omnipanel/history`.
    static var historyPath: String? {
        if let state = getenv("XDG_STATE_HOME").map({ String(cString: $0) }), state.hasPrefix("/") {
            return state + "/omnipanel/history"
        }
        guard let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty else { return nil }
        return home + "/.local/state/omnipanel/history"
    }

    /// Home, erase the screen, erase the scrollback: what `clear` writes (as clear(1) does).
    static let clearScreen = "\u{1B}[H\u{1B}[2J\u{1B}[3J"

    /// How the prompt ended.
    private enum Ending {
        /// `quit` or Ctrl-D, with the exit status.
        case status(Int32)
        /// SIGTERM or SIGHUP.
        case signal(Int32)
    }

    /// Runs until `quit` or Ctrl-D and returns the exit status; history is saved either way. SIGTERM
    /// and SIGHUP also save history (and leave the terminal as it was), then end the process by the signal.
    func run() -> Int32 {
        if let path = context.live.scenario {
            switch context.runScenario(path, from: interpreter.state) {
            case .success(let ran): interpreter = ran
            case .failure(let status): return status.code
            }
        }
        guard let editor = LineEditor(programName: Diagnostics.programName, historyFile: Self.historyPath) else {
            return context.runScript(named: "<stdin>", lines: LineReader(descriptor: .standardInput))
        }
        editor.completer = { [unowned self] line, limit in
            TabCompletion(interpreter.completions(for: line, limit: limit))
        }
        editor.onPauseKey = { [unowned self] in
            guard interpreter.pendingConfirmation == nil else { return nil }
            let command = live.isPaused ? "clock resume" : "clock pause"
            var update = wake()
            update.lines += [PromptText.prompt + command] + runAside(command)
            update.status = ShiftStatus(interpreter.state).text
            return update
        }
        editor.onMetaDigit = { [unowned self] digit in
            guard interpreter.pendingConfirmation == nil, digit == 0 || digit < interpreter.state.sessions.count else {
                return nil
            }
            let command = digit == 0 ? "switch home" : "switch \(digit)"
            var update = wake()  // the events due by now first, as at Enter
            update.lines += [PromptText.prompt + command] + runAside(command)
            live.follow(interpreter.state)
            update.status = status
            return update
        }
        for warning in editor.warnings { Diagnostics.emit(Diagnostic(escaping: warning)) }
        say(PromptText.welcome(editing: editor.isEditing))
        if let failure = startShift() { return failure }
        Output.print(PanelRenderer(style: context.renderer.style).render(interpreter.state))
        Output.flush()
        live = LiveShift(speed: context.live.speed, state: interpreter.state)
        if context.store == nil { interpreter.askBeforeQuittingUnsavedWork() }
        rolePlay = startRolePlay()
        let ending = prompt(editor)
        rolePlay?.close()
        if let problem = editor.saveHistory() { Diagnostics.emit(Diagnostic(escaping: problem)) }
        switch ending {
        case .status(let status): return status
        case .signal(let signal):
            Output.flush()
            LineEditor.end(by: signal)
        }
    }

    /// Reads and runs commands until the prompt ends.
    private func prompt(_ editor: LineEditor) -> Ending {
        var question: String?
        while true {
            let prompt = question.map { VisibleText.escaped($0) + " " } ?? PromptText.prompt
            let step: Interpreter.Step
            let read = editor.readLine(
                prompt: prompt, status: status,
                wakeUpAfter: { [unowned self] in live.wakeUpAfter(interpreter) },
                descriptors: { [unowned self] in rolePlay?.descriptors ?? [] }, onWake: { [unowned self] in wake() })
            switch read {
            case .line(let line):
                if question == nil { editor.addHistory(line) }
                catchUp()
                step = interpreter.handle(InputLine(line))
            case .interrupted:
                step = question == nil ? .nothing : interpreter.handle(InputLine([]))  // no answer: no
            case .endOfInput:
                if question == nil, case .asks(let text) = interpreter.handle(InputLine(Array("quit".utf8))) {
                    question = text  // unsaved work: Ctrl-D again leaves, as `y` does
                    continue
                }
                if interpreter.pendingConfirmation?.command == .quit(confirmed: true) { return .status(0) }
                if case .ran(let outcome) = interpreter.endOfInput() { show(outcome) }
                return .status(0)
            case .terminated(let signal):
                return .signal(signal)
            }
            question = nil
            live.follow(interpreter.state)
            switch step {
            case .nothing: continue
            case .ran(let outcome):
                outcome.liveClock.map { live.apply($0) }
                show(outcome)
                if let failure = context.commit(interpreter.state) { interpreter.changesSaved() } {
                    return .status(failure)
                }
                rolePlay?.publish(interpreter.state)
                if outcome.quits { return .status(0) }
            case .failed(let error): Output.error(context.renderer.render(error))
            case .asks(let text): question = text
            }
        }
    }

    /// Says how the shift starts — the scenario run (before the editor started), the traffic started
    /// here for `--traffic`, the clock's speed — and saves the state. Returns the exit status on failure.
    private func startShift() -> Int32? {
        let options = context.live
        if let path = options.scenario {
            let first =
                interpreter.nextEventDue.map { " The first event is due at \(SimulatedDuration.stamp($0))." } ?? ""
            say("Scenario \(VisibleText.escaped(path)) is set up.\(first)")
        }
        if let profile = options.traffic {
            say(PromptText.prompt + "traffic \(profile.rawValue)" + (options.seed.map { " --seed \($0)" } ?? ""))
            switch interpreter.handle(.traffic(profile, seed: options.seed)) {
            case .ran(let outcome): show(outcome)
            case .failed(let error):
                Output.error(context.renderer.render(error))
                return 1
            case .nothing, .asks: break
            }
        }
        if options.speed == 0 {
            say("The shift's clock stands still (--speed 0): 'clock advance' moves it.")
        } else if options.speed != 1 {
            let factor = LiveClockChange.factor(options.speed)
            say("The shift's clock runs \(factor) times as fast as the wall clock (--speed \(factor)).")
        }
        return context.commit(interpreter.state) { interpreter.changesSaved() }
    }

    /// The shift's clock has moved on while a line is being edited: what the events that fell due
    /// show above it, the new status, the bell for a new request.
    private func wake() -> PromptUpdate {
        var events = live.catchUp(&interpreter)
        var notices: [String] = []
        if let rolePlay {
            notices = rolePlay.service { request in
                let carried = carryOut(request)
                events += carried.events
                return carried.done
            }
        }
        // a failure is reported; the next command's commit ends the prompt
        if !events.isEmpty { _ = context.commit(interpreter.state) { interpreter.changesSaved() } }
        rolePlay?.publish(interpreter.state)
        return PromptUpdate(
            lines: events.flatMap { context.renderer.render($0, in: interpreter.state) }
                + notices.flatMap { context.renderer.style.fitted([VisibleText.escaped($0)]) },
            status: status, ringsBell: events.contains { $0.ringsBell })
    }

    /// Listens for trainers beside the state file; without a state file, or when the socket cannot be
    /// made, the prompt runs without (a one-line warning says why).
    private func startRolePlay() -> RolePlayServer? {
        guard let state = context.options.state else { return nil }
        let path = RolePlayServer.socketPath(forState: state)
        do {
            return try RolePlayServer(path: path, state: interpreter.state)
        } catch {
            let reason = "role-play is off: cannot listen on '\(VisibleText.escaped(path))': \(error)"
            _ = Diagnostics.emit(Diagnostic(reason, severity: .warning))
            return nil
        }
    }

    /// Carries out a trainer's request as a scenario's `at` line due now: the core's customer-side
    /// command, scheduled and fired at once, so the trainee sees it as any customer's event.
    private func carryOut(_ request: RolePlayMessage.Request) -> (done: RolePlayServer.Carried, events: [Outcome]) {
        let line: String?
        switch CustomerLine.coreLine(for: request) {
        case .failure(let error): return (.init(reply: .init(refused: error.message), conversations: []), [])
        case .success(let core): line = core
        }
        guard let line else {
            return (.init(reply: .init(done: RolePlayStatus.lines(interpreter.state)), conversations: []), [])
        }
        var events = live.catchUp(&interpreter)
        do throws(CommandError) {
            try interpreter.schedule(line, at: interpreter.state.now)
        } catch {
            return (.init(reply: .init(refused: error.message), conversations: []), events)
        }
        let carried = live.catchUp(&interpreter)
        events += carried
        let lines = carried.flatMap(\.items).compactMap { report -> EventLine? in
            if case .event(let line) = report { line } else { nil }
        }
        let conversations = lines.compactMap(\.conversation)
        // A line that could not be carried out when it fell due (the customer has no conversation to
        // leave) is the trainee's problem line, and the trainer's refusal.
        if let problem = lines.first(where: { $0.kind == .problem }) {
            return (.init(reply: .init(refused: problem.text + problem.detail), conversations: conversations), events)
        }
        return (.init(reply: .init(done: lines.map { $0.text + $0.detail }), conversations: conversations), events)
    }

    /// Before a submitted line runs: the events that fell due since the last wake-up, printed first.
    private func catchUp() {
        let events = live.catchUp(&interpreter)
        if events.contains(where: \.ringsBell) { Output.ask("\u{07}") }
        for event in events { Output.print(context.renderer.render(event, in: interpreter.state)) }
    }

    /// Runs `command` while a line is being edited (Alt-<digit>) and returns what it shows, for the
    /// editor to print above the line. Not history: a key, like the shortcuts of the product.
    private func runAside(_ command: String) -> [String] {
        switch interpreter.handle(InputLine(Array(command.utf8))) {
        case .ran(let outcome):
            outcome.liveClock.map { live.apply($0) }
            // A failure is reported; the next command's commit ends the prompt.
            _ = context.commit(interpreter.state) { interpreter.changesSaved() }
            return outcome.isShown(quiet: context.options.quiet)
                ? context.renderer.render(outcome, in: interpreter.state) : []
        case .failed(let error): return [context.renderer.render(error)]
        case .nothing, .asks: return []
        }
    }

    /// Prints a sentence of our own (or a command it runs), wrapped to the terminal's width.
    private func say(_ sentence: String) { Output.print(context.renderer.style.fitted([sentence])) }

    /// The status beside the prompt, in the form that fits beside it on an empty line (libedit shows
    /// it only with a column to spare after the text).
    private var status: String {
        let style = context.renderer.style
        return ShiftStatus(interpreter.state).text(
            within: style.width - VisibleText.width(PromptText.prompt) - 2, unicode: style.unicode)
    }

    private func show(_ outcome: Outcome) {
        if outcome.clearsScreen, Terminal.outputIsTerminal { Output.ask(Self.clearScreen) }
        guard outcome.isShown(quiet: context.options.quiet) else { return }
        Output.print(context.renderer.render(outcome, in: interpreter.state))
        Output.flush()
    }
}
