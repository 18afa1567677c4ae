/// Runs a script — a file, standard input or `-c` — line by line without a prompt.
///
/// Pure: it reports what to print through a sink, so the executable streams it and tests collect it.
/// One command per line; `#` comments and blank lines are skipped; a confirmation question is answered
/// by the next line (an empty line or the end of input means no). Errors are reported as
/// `name:line: message` and the run goes on, unless ``Options/strict`` is set. With ``Options/quiet``
/// only errors and the answers to questions (``Outcome/isAnswer``) are printed.
public struct ScriptRunner {
    /// How to run.
    public struct Options: Sendable {
        /// Stop at the first failing command.
        public var strict = false
        /// Print each command before its output, as `omnipanel> command`.
        public var echo = false
        /// How to render output.
        public var style = RenderStyle.plain
        /// Print only errors and what was asked for (`show`, `hover`, `history`, …): no panel after every
        /// change, no confirmation questions, no messages about what changed.
        public var quiet = false

        /// Creates options.
        public init(strict: Bool = false, echo: Bool = false, style: RenderStyle = .plain, quiet: Bool = false) {
            self.strict = strict
            self.echo = echo
            self.style = style
            self.quiet = quiet
        }

    }

    /// Something to print.
    public enum Event: Sendable, Equatable {
        /// Lines for standard output.
        case output([String])
        /// Text for standard output with no newline: a question whose answer follows.
        case question(String)
        /// One line for standard error.
        case error(String)
    }

    /// The script's name in error messages (`demo.omni`, `-c`, `<stdin>`).
    public let name: String
    /// How to run.
    public let options: Options
    /// The interpreter, with the state so far.
    public private(set) var interpreter: Interpreter
    /// How many commands failed.
    public private(set) var failures = 0

    /// Prepares a run starting from `state`.
    public init(name: String, state: PanelState, options: Options = Options()) {
        self.name = name
        self.options = options
        self.interpreter = Interpreter(state: state)
    }

    /// The exit status so far: 0 when every command succeeded, 1 otherwise.
    public var exitStatus: Int32 { failures > 0 ? 1 : 0 }

    /// Runs every line, then the end of input; stops early on `quit` or, when strict, a failure.
    /// Returns the exit status.
    public mutating func run(_ lines: some Sequence<[UInt8]>, emit: (Event) -> Void) -> Int32 {
        let renderer = OutcomeRenderer(style: options.style)
        var asking = false
        for (index, bytes) in lines.enumerated() {
            if asking || options.echo {
                let text = String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
                if asking {
                    emit(.output([VisibleText.escaped(text)]))
                } else if let first = text.first, first != "#" {
                    emit(.output(["omnipanel> " + VisibleText.escaped(text)]))
                }
            }
            asking = false
            switch interpreter.handle(bytes: bytes) {
            case .nothing:
                continue
            case .ran(let outcome):
                if outcome.isShown(quiet: options.quiet) { emit(.output(renderer.render(outcome, in: interpreter.state))) }
                if outcome.quits { return exitStatus }
            case .failed(let error):
                failures += 1
                emit(.error("\(name):\(index + 1): \(VisibleText.escaped(error.message))"))
                if options.strict { return exitStatus }
            case .asks(let question):
                guard !options.quiet else { continue }
                emit(.question(VisibleText.escaped(question) + " "))
                asking = true
            }
        }
        if case .ran(let outcome) = interpreter.endOfInput(), outcome.isShown(quiet: options.quiet) {
            emit(.output([""] + renderer.render(outcome, in: interpreter.state)))
        }
        return exitStatus
    }
}
