/// Runs a script — a file, standard input or `-c` — line by line without a prompt.
///
/// Pure: it reports what to print through a sink, so the executable streams it and tests collect it.
/// One command per line; `#` comments and blank lines are skipped; a confirmation question is answered
/// by the next line (`y`/`yes`, or `n`/`no`/an empty line; anything else, or the end of the input, is
/// an error). Errors are reported as compilers do, `name:line: error: message` (``FilePosition``), and
/// the run goes on, unless ``Options/strict`` is set. A failing command is a failure unless the next
/// line is an `expect-error` its error matches; so is a command whose clock moved past an `at` line that could not be carried out (``Outcome/problems``),
/// which `--quiet` still prints, on standard error.
///
/// Script directives (``ScriptDirective``) narrate (`echo`), pause live playback (`pause`) and check
/// the previous command's plain-text output (`expect`, `expect-not`) or its error (`expect-error`). Lines can be fed one at a time
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
        /// A command as typed, to show after the prompt (``PromptText/prompt``) when echoing.
        case command(String)
        /// `pause`: during live playback, wait this many seconds, or for Enter when `nil`.
        case pause(Double?)
        /// An `expect`, `expect-not` or `expect-error` that failed: a `name:line:` headline, then diff-like lines.
        case expectationFailed([String])
        /// A command failed and the next line did not expect it: a `name:line:` headline and a hint.
        /// Its error line was reported already (``error(_:)``), so a plain run prints nothing more;
        /// `run --check` and `--record` list it with their failures.
        case commandFailed([String])
    }

    /// The script's name in error messages (`demo.omni`, `-c`, `<stdin>`).
    public let name: String
    /// How to run.
    public let options: Options
    /// The interpreter, with the state so far.
    public private(set) var interpreter: Interpreter
    /// How many commands and expectations failed.
    public private(set) var failures = 0
    /// How many `expect`, `expect-not` and `expect-error` lines held.
    public private(set) var expectationsPassed = 0
    /// How many `expect`, `expect-not` and `expect-error` lines failed.
    public private(set) var expectationsFailed = 0
    /// How many commands failed without an `expect-error` after them.
    public private(set) var commandsFailed = 0
    /// Whether the run is over (`quit`, a failure under ``Options/strict``, or ``finish(emit:)``).
    public private(set) var isFinished = false

    /// The interpreter's state was saved to the store its conversations are read from
    /// (``Interpreter/changesSaved()``).
    public mutating func changesSaved() { interpreter.changesSaved() }

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
    /// The error of the previous line, which the next line may expect (`expect-error`); a failure otherwise.
    private var pendingError: PendingError?

    /// A command's error waiting for the next line.
    private struct PendingError {
        let line: Int
        let typed: InputLine
        let message: String
    }

    /// Prepares a run starting from `state`; commands' files (`report --svg FILE`) go to `files`
    /// (see ``Interpreter/init(state:files:)``).
    public init(name: String, state: PanelState, options: Options = Options(), files: (any FileOutput)? = nil) {
        self.name = name
        self.options = options
        self.interpreter = Interpreter(state: state, files: files)
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
        var directive: ScriptDirective?
        if interpreter.pendingConfirmation == nil {
            do throws(CommandError) {
                directive = try ScriptDirective.parse(line)
            } catch {
                settlePendingError(emit: emit)
                guard !isFinished else { return }
                return show(.failed(error), typed: line, answering: nil, emit: emit)
            }
        }
        // An `expect-error` judges the previous line's error; any other line settles it first.
        let judgesError = if case .expectError = directive { true } else { false }
        if !judgesError {
            settlePendingError(emit: emit)
            guard !isFinished else { return }  // strict, and the previous command failed
        }
        if let directive { return carryOut(directive, typed: line, emit: emit) }
        show(interpreter.handle(line), typed: line, answering: answering, emit: emit)
    }

    /// Ends the input and returns the exit status. A question still waiting is not answered: it is an
    /// error (the session stays open), as the last command's error is a failure.
    public mutating func finish(emit: (Event) -> Void) -> Int32 {
        guard !isFinished else { return exitStatus }
        settlePendingError(emit: emit)
        isFinished = true
        if let confirmation = interpreter.pendingConfirmation {
            _ = interpreter.endOfInput()  // the error names the line that asked
            let error = Interpreter.notAnswered(confirmation, by: "the end of the input")
            show(.failed(error), typed: InputLine([]), answering: question, emit: emit)
            settlePendingError(emit: emit)
        }
        return exitStatus
    }

    /// Counts the previous line's error as a failure, now that the line after it is not an
    /// `expect-error`; under ``Options/strict`` the run stops here.
    private mutating func settlePendingError(emit: (Event) -> Void) {
        guard let error = pendingError else { return }
        pendingError = nil
        failures += 1
        commandsFailed += 1
        let headline = error.typed.text.isEmpty ? "" : VisibleText.escaped(error.typed.text) + " failed: "
        emit(
            .commandFailed([
                position(error.line).error(headline + VisibleText.escaped(error.message)),
                "  (when the error is intended, put expect-error \"<text>\" on the next line)",
            ]))
        if options.strict { isFinished = true }
    }

    /// Line `line` of the script, where its messages point.
    private func position(_ line: Int) -> FilePosition { FilePosition(name, line: line) }

    /// `expect-error "<text>"`: the previous line failed with an error containing `text`.
    private mutating func checkError(_ text: String, typed: InputLine, emit: (Event) -> Void) {
        let here = position(lineNumber)
        let shown = "\"" + VisibleText.escaped(text) + "\""
        var failure: [String]?
        if let error = pendingError {
            if !error.message.contains(text) {
                failure = [
                    here.error(
                        "expect-error failed: the error of line \(error.line) (\(VisibleText.escaped(error.typed.text))) "
                            + "does not contain \(shown)"),
                    "  - expected: " + VisibleText.escaped(text),
                    "  + error:    " + VisibleText.escaped(error.message),
                ]
            }
        } else if let output = previous {
            failure = [
                here.error(
                    "expect-error failed: line \(output.line) (\(VisibleText.escaped(output.input))) did not fail")
            ]
        } else {
            failure = [here.error("expect-error \(shown): no command ran before it")]
        }
        pendingError = nil
        count(failure, of: typed, emit: emit)
    }

    /// Shows what a line did: keeps its output for `expect`, counts it, and prints it as text or JSON.
    private mutating func show(_ step: Interpreter.Step, typed: InputLine, answering: String?, emit: (Event) -> Void) {
        if case .nothing = step { return }
        let answer = startOutput(of: typed, answering: answering)
        let printed = account(for: step, typed: typed)
        if let printed { previous?.lines.append(printed) }
        switch options.format {
        case .json:
            var items: [OutcomeItem] = []
            if case .ran(let outcome) = step {
                emitJSONObjects(of: outcome, emit: emit)
                items = outcome.items
            }
            emitJSON(jsonResult(of: step), typed: typed, answering: answering, items: items, emit: emit)
        case .text:
            printText(of: step, typed: typed, answer: answer, printed: printed, emit: emit)
        }
    }

    /// Starts the output `expect` checks with a new command, or adds an answer after the question the
    /// output ends with. Returns the answer as shown after its question.
    private mutating func startOutput(of typed: InputLine, answering: String?) -> String? {
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
    private mutating func account(for step: Interpreter.Step, typed: InputLine) -> String? {
        switch step {
        case .nothing:
            return nil
        case .ran(let outcome):
            unrendered = outcome
            if outcome.quits { isFinished = true }
            let problems = outcome.problems
            if !problems.isEmpty {  // an `at` line skipped on the way: a failure, unless the next line expects it
                pendingError = PendingError(line: lineNumber, typed: typed, message: problems.joined(separator: "; "))
            }
            return nil
        case .failed(let error):
            pendingError = PendingError(line: lineNumber, typed: typed, message: error.message)
            return position(lineNumber).error(VisibleText.escaped(error.message))
        case .asks(let text):
            question = text
            return VisibleText.escaped(text)
        }
    }

    /// Prints a step for people: the answer or the echoed command, then the outcome, error or question.
    private mutating func printText(
        of step: Interpreter.Step, typed: InputLine, answer: String?, printed: String?, emit: (Event) -> Void
    ) {
        let showsQuestions = !options.quiet || options.echo
        if let answer {
            if showsQuestions { emit(.output([answer])) }
        } else if options.echo {
            emit(.command(VisibleText.escaped(typed.text)))
        }
        switch step {
        case .ran(let outcome):
            guard outcome.isShown(quiet: options.quiet) else {
                for problem in outcome.problems {
                    emit(.error(position(lineNumber).error(VisibleText.escaped(problem))))
                }
                return
            }
            if options.style == .plain {
                emit(.output(renderPrevious()))
            } else {
                emit(
                    .output(
                        OutcomeRenderer(style: options.style).render(
                            outcome, in: interpreter.state, reusing: &panelCache)))
            }
        case .failed: emit(.error(printed ?? ""))
        case .asks: if showsQuestions { emit(.question((printed ?? "") + " ")) }
        case .nothing: break
        }
    }

    /// Under `--format json`, the objects of their own that a command's events and shift report are,
    /// printed before the command's object.
    private func emitJSONObjects(of outcome: Outcome, emit: (Event) -> Void) {
        let objects = outcome.items.compactMap { item -> String? in
            switch item {
            case .event(let event): JSONResultRenderer.event(event, line: lineNumber)
            case .shiftReport(_, let figures): ShiftReport(interpreter.state, figures).json(line: lineNumber)
            default: nil
            }
        }
        if !objects.isEmpty { emit(.output(objects)) }
    }

    /// What a step produced, for its JSON object: its messages, events and the shift report aside
    /// (``emitJSONObjects(of:emit:)``), and what has fields of its own (``JSONAnswerRenderer``).
    private func jsonResult(of step: Interpreter.Step) -> JSONResultRenderer.Result {
        switch step {
        case .ran(let outcome):
            .ran(
                outcome.items.flatMap { item -> [String] in
                    switch item {
                    case .event, .shiftReport: []
                    case _ where JSONAnswerRenderer.isTyped(item): []
                    default: OutcomeItemRenderer(style: .exact).render(item, in: interpreter.state)
                    }
                })
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
                return show(.failed(error), typed: typed, answering: nil, emit: emit)
            }
        case .expect(let text, let present):
            renderPrevious()
            return count(
                Expectation.failure(text, present: present, in: previous, at: position(lineNumber)), of: typed,
                emit: emit)
        case .expectError(let text):
            return checkError(text, typed: typed, emit: emit)
        }
        if options.format == .json { emitJSON(result, typed: typed, emit: emit) }
    }
}

extension ScriptRunner {
    /// Counts an expectation that held (`failure` is nil) or failed, and reports it.
    fileprivate mutating func count(_ failure: [String]?, of typed: InputLine, emit: (Event) -> Void) {
        var result = JSONResultRenderer.Result.ran([])
        if let failure {
            expectationsFailed += 1
            failures += 1
            result = .failed(failure[0])
            if options.format == .text { emit(.expectationFailed(failure)) }
            if options.strict { isFinished = true }
        } else {
            expectationsPassed += 1
        }
        if options.format == .json { emitJSON(result, typed: typed, emit: emit) }
    }

    /// Prints the JSON object for line `typed` (`--format json`): what it did, and the state after it.
    fileprivate func emitJSON(
        _ result: JSONResultRenderer.Result, typed: InputLine, answering: String? = nil, items: [OutcomeItem] = [],
        emit: (Event) -> Void
    ) {
        emit(
            .output([
                JSONResultRenderer.render(
                    line: lineNumber, input: typed.text, answering: answering, result: result, items: items,
                    state: interpreter.state)
            ]))
    }
}
