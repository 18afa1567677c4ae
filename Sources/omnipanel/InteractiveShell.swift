#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import LineEditor
import SessionPanel

/// The interactive prompt: libedit for editing, history and completion; the interpreter for everything else.
final class InteractiveShell {
    private let context: ShellContext
    private var interpreter: Interpreter

    init(context: ShellContext) {
        self.context = context
        self.interpreter = Interpreter(state: context.initialState)
    }

    /// Where history is kept: `$XDG_STATE_HOME/omnipanel/history`, by default `~/.local/state/omnipanel/history`.
    static var historyPath: String? {
        if let state = getenv("XDG_STATE_HOME").map({ String(cString: $0) }), state.hasPrefix("/") {
            return state + "/omnipanel/history"
        }
        guard let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty else { return nil }
        return home + "/.local/state/omnipanel/history"
    }

    /// Runs until `quit` or Ctrl-D; returns the exit status.
    func run() -> Int32 {
        guard let editor = LineEditor(programName: "omnipanel", historyFile: Self.historyPath) else {
            return context.runScript(named: "<stdin>", lines: LineReader(descriptor: STDIN_FILENO))
        }
        editor.completer = { [unowned self] line in
            let completion = CompletionEngine.complete(line, in: interpreter.state)
            return CompletionResult(
                replacing: completion.replacing,
                candidates: completion.candidates.map { .init(text: $0.text, description: $0.description) })
        }
        editor.metaDigitCommand = { [unowned self] digit in
            digit == 0 ? "switch home" : digit < interpreter.state.sessions.count ? "switch \(digit)" : nil
        }
        if let warning = editor.historyWarning { Output.error("omnipanel: \(warning)") }
        Output.print(["omnipanel — the session panel. Type `help` for commands, Tab to complete, Ctrl-D to leave."])
        Output.print(PanelRenderer(style: context.renderer.style).render(interpreter.state))
        Output.flush()
        defer {
            if let problem = editor.saveHistory() { Output.error("omnipanel: \(problem)") }
        }
        var question: String?
        while true {
            let prompt = question.map { VisibleText.escaped($0) + " " } ?? "omnipanel> "
            let step: Interpreter.Step
            switch editor.readLine(prompt: prompt) {
            case .line(let line):
                if question == nil { editor.addHistory(line) }
                step = interpreter.handle(bytes: Array(line.utf8))
            case .interrupted:
                step = question == nil ? .nothing : interpreter.handle("")
            case .endOfInput:
                if case .ran(let outcome) = interpreter.endOfInput() { show(outcome) }
                return 0
            }
            question = nil
            switch step {
            case .nothing: continue
            case .ran(let outcome):
                show(outcome)
                if let failure = context.commit(interpreter.state) { return failure }
                if outcome.quits { return 0 }
            case .failed(let error): Output.error(context.renderer.render(error))
            case .asks(let text): question = text
            }
        }
    }

    private func show(_ outcome: Outcome) {
        Output.print(context.renderer.render(outcome, in: interpreter.state))
        Output.flush()
    }
}
