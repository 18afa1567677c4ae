/// Runs a script — a file, standard input or `-c` — line by line without a prompt.
///
/// Pure: it reports what to print through a sink, so the executable streams it and tests collect it.
/// One command per line; `#` comments and blank lines are skipped; a confirmation question is answered
/// by the next line (an empty line or the end of input means no). Errors are reported as
/// `name:line: message` and the run goes on, unless ``Options/strict`` is set.
///
/// Script directives (``ScriptDirective``) narrate (`echo`), pause live playback (`pause`) and check
/// the previous command's plain-text output (`expect`, `expect-not`). Lines can be fed one at a time
/// (``feed(_:emit:)`` then ``finish(emit:)``), so a caller can act between them, e.g. save the state.
/// Directives are parsed and carried out here; every other line goes to ``Interpreter/handle(_:)``.
///
/// With ``Options/quiet`` only errors and what was asked for (``Outcome/isShown(quiet:)``) are printed.
public struct ScriptRunner {
    /// How to run.
    public struct Options: Sendable {
        /// Stop at the first failing command or expectation.
        public var strict = false
        /// Report each command as typed (``Event/command(_:)``) before its output.
        public var echo = false
        /// How to render text output.
        public var style = RenderStyle.plain
        /// Text for people, or one JSON object per line for programs.
        public var format = OutputFormat.text
        /// Print only errors and what was asked for (`show`, `hover`, `history`, …): no panel after every
        /// change, no confirmation questions, no messages about what changed.
        public var quiet = false

        /// Creates options.
        public init(
            strict: Bool = false, echo: Bool = false, style: RenderStyle = .plain, format: OutputFormat = .text,
            quiet: Bool = false
        ) {
            self.strict = strict
            self.echo = echo
            self.style = style
            self.format = format
            self.quiet = quiet
        }

    }

    /// Something to print or do.
    public enum Event: Sendable, Equatable {
        /// Lines for standard output.
        case output([String])
        /// Text for standard output with no newline: a question whose answer follows.
        case question(String)
        /// One line for standard error.
        case error(String)
        /// A command as typed, to show after the prompt (``ScriptRunner/prompt``) when echoing.
        case command(String)
        /// `pause`: during live playback, wait this many seconds, or for Enter when `nil`.
        case pause(Double?)
        /// An `expect` or `expect-not` that failed: a `name:line:` headline, then diff-like lines.
        case expectationFailed([String])
        /// A file to write privately (`report --svg FILE`), then to say it was written or why not.
        case export(Export)
    }

    /// The prompt shown before echoed commands.
    public static let prompt = "omnipanel> "

    /// The script's name in error messages (`demo.omni`, `-c`, `<stdin>`).
    public let name: String
    /// How to run.
    public let options: Options
    /// The interpreter, with the state so far.
    public private(set) var interpreter: Interpreter
    /// How many commands and expectations failed.
    public private(set) var failures = 0
    /// How many `expect` and `expect-not` lines held.
    public private(set) var expectationsPassed = 0
    /// How many `expect` and `expect-not` lines failed.
    public private(set) var expectationsFailed = 0
    /// Whether the run is over (`quit`, a failure under ``Options/strict``, or ``finish(emit:)``).
    public private(set) var isFinished = false

    private var lineNumber = 0
    /// The question the next line answers.
    private var question: String?
    /// The plain output of the latest command, for `expect`.
    private var previous: CommandOutput?
    /// The latest outcome not yet rendered into ``previous``: rendering waits until an `expect`
    /// asks for it, so a long script without expectations never draws a panel it does not print.
    /// It is drawn from the interpreter's current state: only directives, which change nothing, can
    /// come between a command and its expectation. (Keeping a copy of the state instead would make
    /// every command copy the sessions and the transcript it changes.)
    private var unrendered: Outcome?
    /// The panel as last drawn, for drawing it again after the next command.
    private var panelCache = PanelCache()

    /// Prepares a run starting from `state`.
    public init(name: String, state: PanelState, options: Options = Options()) {
        self.name = name
        self.options = options
        self.interpreter = Interpreter(state: state)
    }

    /// The exit status so far: 0 when every command and expectation succeeded, 1 otherwise.
    public var exitStatus: Int32 { failures > 0 ? 1 : 0 }

    /// Runs every line, then the end of input; stops early on `quit` or, when strict, a failure.
    /// Returns the exit status.
    public mutating func run(_ lines: some Sequence<InputLine>, emit: (Event) -> Void) -> Int32 {
        for line in lines {
            feed(line, emit: emit)
            if isFinished { break }
        }
        return finish(emit: emit)
    }

    /// Handles the next line: a directive is carried out here, anything else goes to the interpreter
    /// (an answer to a question is never taken for a directive). Does nothing once the run is over.
    public mutating func feed(_ line: InputLine, emit: (Event) -> Void) {
        guard !isFinished else { return }
        lineNumber += 1
        let answering = question
        question = nil
        if interpreter.pendingConfirmation == nil {
            do throws(CommandError) {
                if let directive = try ScriptDirective.parse(line) { return carryOut(directive, typed: line, emit: emit) }
            } catch {
                return report(.failed(error), typed: line, answering: nil, emit: emit)
            }
        }
        report(interpreter.handle(line), typed: line, answering: answering, emit: emit)
    }

    /// Ends the input (a pending question is answered no) and returns the exit status.
    public mutating func finish(emit: (Event) -> Void) -> Int32 {
        guard !isFinished else { return exitStatus }
        isFinished = true
        if case .ran(let outcome) = interpreter.endOfInput() {
            lineNumber += 1
            report(.ran(outcome), typed: InputLine([]), answering: question, emit: emit)
        }
        return exitStatus
    }

    /// Reports what a line did: keeps its output for `expect`, counts it, and prints it as text or JSON.
    private mutating func report(_ step: Interpreter.Step, typed: InputLine, answering: String?, emit: (Event) -> Void) {
        if case .nothing = step { return }
        let answer = record(typed, answering: answering)
        let printed = account(for: step)
        if let printed { previous?.lines.append(printed) }
        switch options.format {
        case .json:
            emit(.output([JSONResultRenderer.render(
                line: lineNumber, input: typed.text, answering: answering, result: jsonResult(of: step),
                state: interpreter.state)]))
        case .text:
            printText(of: step, typed: typed, answer: answer, printed: printed, emit: emit)
        }
        if case .ran(let outcome) = step, let export = outcome.export { emit(.export(export)) }
    }

    /// Starts the record `expect` checks with a new command, or adds an answer after the question the
    /// record ends with. Returns the answer as shown after its question.
    private mutating func record(_ typed: InputLine, answering: String?) -> String? {
        guard answering != nil else {
            unrendered = nil
            previous = CommandOutput(line: lineNumber, typed: typed)
            return nil
        }
        renderPrevious()
        let answer = VisibleText.escaped(typed.text)
        if var output = previous, let asked = output.lines.popLast() {
            output.lines.append(asked + " " + answer)
            previous = output
        }
        return answer
    }

    /// Counts a step and keeps what follows from it (an outcome to render, the end of the run, a
    /// question). Returns the line the step prints itself: its error or its question.
    private mutating func account(for step: Interpreter.Step) -> String? {
        switch step {
        case .nothing:
            return nil
        case .ran(let outcome):
            unrendered = outcome
            if outcome.quits { isFinished = true }
            return nil
        case .failed(let error):
            failures += 1
            if options.strict { isFinished = true }
            return "\(name):\(lineNumber): \(VisibleText.escaped(error.message))"
        case .asks(let text):
            question = text
            return VisibleText.escaped(text)
        }
    }

    /// Prints a step for people: the answer or the echoed command, then the outcome, error or question.
    private mutating func printText(
        of step: Interpreter.Step, typed: InputLine, answer: String?, printed: String?, emit: (Event) -> Void
    ) {
        if let answer {
            if !options.quiet { emit(.output([answer])) }
        } else if options.echo {
            emit(.command(VisibleText.escaped(typed.text)))
        }
        switch step {
        case .ran(let outcome):
            guard outcome.isShown(quiet: options.quiet) else { return }
            if options.style == .plain {
                emit(.output(renderPrevious()))
            } else {
                emit(.output(OutcomeRenderer(style: options.style).render(outcome, in: interpreter.state, reusing: &panelCache)))
            }
        case .failed: emit(.error(printed ?? ""))
        case .asks: if !options.quiet { emit(.question((printed ?? "") + " ")) }
        case .nothing: break
        }
    }

    /// What a step produced, for its JSON object.
    private func jsonResult(of step: Interpreter.Step) -> JSONResultRenderer.Result {
        switch step {
        case .ran(let outcome): .ran(outcome.reports.flatMap { ReportRenderer(style: .plain).render($0, in: interpreter.state) })
        case .failed(let error): .failed(error.message)
        case .asks(let text): .asks(text)
        case .nothing: .ran([])
        }
    }

    /// Renders the latest outcome into ``previous`` as plain text, if it has not been yet; returns the lines added.
    @discardableResult
    private mutating func renderPrevious() -> [String] {
        guard let outcome = unrendered else { return [] }
        unrendered = nil
        let lines = OutcomeRenderer(style: .plain).render(outcome, in: interpreter.state, reusing: &panelCache)
        if previous?.lines.isEmpty == true {
            previous?.lines = lines  // shares the array rather than copying its lines one by one
        } else {
            previous?.lines += lines
        }
        return lines
    }

    /// Carries out a script directive. (A new directive gets its case here; see ``CommandTable/directives``.)
    private mutating func carryOut(_ directive: ScriptDirective, typed: InputLine, emit: (Event) -> Void) {
        var result = JSONResultRenderer.Result.ran([])
        switch directive {
        case .echo(let text):
            result = .ran([text])
            if options.format == .text { emit(.output([VisibleText.escaped(text)])) }
        case .pause(let seconds):
            emit(.pause(seconds))
        case .at(let seconds, let line):
            do throws(CommandError) {
                try interpreter.schedule(line, at: seconds)
            } catch {
                return report(.failed(error), typed: typed, answering: nil, emit: emit)
            }
        case .expect(let text, let present):
            renderPrevious()
            if let failure = Expectation.failure(text, present: present, in: previous, at: "\(name):\(lineNumber)") {
                expectationsFailed += 1
                failures += 1
                result = .failed(failure[0])
                if options.format == .text { emit(.expectationFailed(failure)) }
                if options.strict { isFinished = true }
            } else {
                expectationsPassed += 1
            }
        }
        if options.format == .json {
            emit(.output([JSONResultRenderer.render(
                line: lineNumber, input: typed.text, answering: nil, result: result, state: interpreter.state)]))
        }
    }
}
