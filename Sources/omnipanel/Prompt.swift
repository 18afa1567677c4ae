import LineEditor
import SessionPanel
import SystemIO

/// The interactive prompt: libedit for editing, history and completion; the interpreter for everything else.
final class Prompt {
    private let context: RunContext
    private var interpreter: Interpreter
    /// The shift's clock, following the wall clock while the prompt waits.
    private var live: LiveShift

    init(context: RunContext) {
        self.context = context
        self.interpreter = Interpreter(
            state: context.initialState, files: ExportFile(protected: context.protectedFiles))
        self.live = LiveShift(speed: context.options.live.speed, state: context.initialState)
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
        if let path = context.options.live.scenario {
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
        for warning in editor.warnings { Diagnostics.report(Diagnostic(escaping: warning)) }
        say(PromptText.welcome(editing: editor.isEditing))
        if let failure = startShift() { return failure }
        Output.print(PanelRenderer(style: context.renderer.style).render(interpreter.state))
        Output.flush()
        live = LiveShift(speed: context.options.live.speed, state: interpreter.state)
        if context.store == nil { interpreter.askBeforeQuittingUnsavedWork() }
        let ending = prompt(editor)
        if let problem = editor.saveHistory() { Diagnostics.report(Diagnostic(escaping: problem)) }
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
                wakeUpAfter: { [unowned self] in live.wakeUpAfter(interpreter) }, onWake: { [unowned self] in wake() })
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
                if let failure = context.commit(interpreter.state) { return .status(failure) }
                if outcome.quits { return .status(0) }
            case .failed(let error): Output.error(context.renderer.render(error))
            case .asks(let text): question = text
            }
        }
    }

    /// Says how the shift starts — the scenario run (before the editor started), the traffic started
    /// here for `--traffic`, the clock's speed — and saves the state. Returns the exit status on failure.
    private func startShift() -> Int32? {
        let options = context.options.live
        if let path = options.scenario {
            let first =
                interpreter.nextEventDue.map { " The first event is due at \(SimulatedDuration.stamp($0))." } ?? ""
            say("Scenario \(VisibleText.escaped(path)) is set up.\(first)")
        }
        if let command = options.trafficCommand {
            say(PromptText.prompt + command)
            switch interpreter.handle(InputLine(Array(command.utf8))) {
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
        return context.commit(interpreter.state)
    }

    /// The shift's clock has moved on while a line is being edited: what the events that fell due
    /// show above it, the new status, the bell for a new request.
    private func wake() -> PromptUpdate {
        let events = live.catchUp(&interpreter)
        // a failure is reported; the next command's commit ends the prompt
        if !events.isEmpty { _ = context.commit(interpreter.state) }
        return PromptUpdate(
            lines: events.flatMap { context.renderer.render($0, in: interpreter.state) },
            status: status, ringsBell: events.contains { $0.ringsBell })
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
            _ = context.commit(interpreter.state)  // a failure is reported; the next command's commit ends the prompt
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
