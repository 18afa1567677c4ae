import LineEditor
import SessionPanel
import Storage
import SystemIO

/// What every way of running commands shares (the prompt, scripts, `-c`, one-shot words, `run`):
/// the starting state, the style, the options, the state file.
struct RunContext {
    let options: RunOptions
    /// The live shift the interactive prompt starts with (`--traffic`, `--seed`, `--scenario`, `--speed`).
    let live: LiveShiftOptions
    let initialState: PanelState
    /// The state file of `--state`, locked for the whole run.
    let store: StateFile?
    /// The files no file the run writes may replace.
    let protectedFiles: ProtectedFiles

    /// Loads the state file (`--state`) when it exists, otherwise the world (the built-in demo unless
    /// `--world` names a file). A bad world file ends the program with status 2, a state file problem
    /// with 3 or more, each reported on standard error as one line naming the file. The prompt
    /// (`interactive`) flushes every commit to the disk; scripts and commands flush about once a
    /// second and when they end (``StateFile/Durability``). `script` is the script file run, if any.
    init(options: RunOptions, live: LiveShiftOptions? = nil, interactive: Bool = false, script: String? = nil) throws {
        self.options = options
        self.live = try live ?? .parse([])
        protectedFiles = ProtectedFiles(options: options, scenario: live?.scenario, script: script)
        do {
            store = try options.state.map { path in
                try StateFile(path: path, durability: interactive ? .everyCommit : .periodically) {
                    try Self.freshState(for: options)
                }
            }
            initialState = try store?.state ?? Self.freshState(for: options)
        } catch let error as StateFileError {
            throw Diagnostics.exit(Diagnostic(error))
        } catch let error as WorldFiles.Failure {
            throw Diagnostics.exit(Diagnostic(error))
        } catch let error as CommandError {  // the world's database could not be read
            throw Diagnostics.exit(Diagnostic(error.message, status: 2))
        }
    }

    /// The state `options` start from, without reporting anything (shell completion uses it too):
    /// the state file's when it exists, otherwise a fresh one in the world.
    static func startingState(for options: RunOptions) throws -> PanelState {
        if let path = options.state, let saved = try StateFile.read(path) { return saved }
        return try freshState(for: options)
    }

    /// A fresh shift in the world of `--world`, or the demo world.
    static func freshState(for options: RunOptions) throws -> PanelState {
        try PanelState(catalog: WorldFile.catalog(options.worlds))
    }

    /// The renderer for standard output, with the terminal's current width.
    var renderer: OutcomeRenderer { OutcomeRenderer(style: Terminal.style(for: options)) }

    /// Saves `state` to the state file, if there is one; then, when its conversations are read from that
    /// file, `saved` tells the state's owner to clear its change set (``Interpreter/changesSaved()``).
    /// Returns the exit status when saving failed.
    func commit(_ state: PanelState, saved: () -> Void) -> Int32? {
        do throws(StateFileError) {
            if try store?.save(state) == true { saved() }
            return nil
        } catch {
            return Diagnostics.emit(Diagnostic(error))
        }
    }

    /// Runs `lines` without a prompt, streaming what it prints. The state is saved in groups: after a
    /// command once ``commitInterval`` has passed since the last save, when the input pauses (no line
    /// for ``LineReader/idleMilliseconds``, when output is flushed too), and at the end (a one-shot
    /// command is a group of one); SIGTERM or SIGHUP saves, then ends the run by the signal. With
    /// `--format json` and standard output not a terminal, each command's reply is flushed at once. With `pace`, plays the script back live, and records the playback
    /// in the asciinema file `cast` when given; with `report`, prints the shift's report after it.
    /// Returns the exit status: 2 when the input could not be read to its end, 1 when the recording
    /// could not be written.
    func runScript(
        named name: String, lines: some ScriptLines, pace: Double? = nil, cast: String? = nil, report: Bool = false
    ) -> Int32 {
        var playback = pace.map { pace in
            LivePlayback(
                pace: pace,
                cast: cast.map { _ in CastFile.recording(of: name, width: renderer.style.width, pace: pace) })
        }
        let status = runScript(named: name, lines: lines, echo: pace != nil, report: report) { event in
            if playback != nil { playback?.play(event) } else { print(event) }
        }
        guard let cast, let recording = playback?.cast else { return status }
        return CastFile.write(recording, to: cast, protecting: protectedFiles) ? status : max(status, 1)
    }

    /// `run --cast FILE` without `--pace`, and `run --record --cast FILE`: records the script's
    /// playback in the asciinema file `cast` at once, drawn as `--pace` draws it on a terminal (box
    /// drawing; colour per `--color`, which `auto` gives unless `NO_COLOR` is set), timed at `pace`
    /// without waiting; the transcript is not touched.
    /// Prints failed expectations and commands when `showingFailures`. Returns the exit status.
    func writeCast(
        named name: String, lines: some ScriptLines, to cast: String, pace: Double, showingFailures: Bool = false
    ) -> Int32 {
        var playback = Playback(pace: pace)
        let style = Terminal.style(for: options, onTerminal: true)
        var recording = CastFile.recording(of: name, width: style.width, pace: pace)
        let status = runScript(named: name, lines: lines, echo: true, style: style) { event in
            switch event {
            case .expectationFailed(let lines), .commandFailed(let lines):
                if showingFailures { lines.forEach(Output.error) }
            default: break
            }
            for step in playback.steps(for: event) { recording.append(step) }
        }
        guard CastFile.write(recording, to: cast, protecting: protectedFiles) else { return max(status, 1) }
        Output.print([
            "Recorded \(VisibleText.escaped(cast)) (asciinema, \(Int(recording.seconds.rounded(.up))) seconds)."
        ])
        return status
    }

    private func runScript(
        named name: String, lines: some ScriptLines, echo: Bool, report: Bool = false, style: RenderStyle? = nil,
        emit: (ScriptRunner.Event) -> Void
    ) -> Int32 {
        defer { Output.flush() }
        let scriptOptions = ScriptRunner.Options(
            strict: options.strict, echo: options.echo || echo, style: style ?? renderer.style, format: options.format,
            quiet: options.quiet)
        var runner = ScriptRunner(
            name: VisibleText.escaped(name), state: initialState, options: scriptOptions,
            files: ExportFile(protected: protectedFiles))
        var lastCommit = monotonicSeconds()
        var idleFailure: Int32?
        lines.watchIdle {  // a pause in the input ends the group: a coprocess or a FIFO's writer sees it all
            Output.flush()
            guard store != nil, idleFailure == nil else { return }
            idleFailure = commit(runner.interpreter.state) { runner.changesSaved() }
            lastCommit = monotonicSeconds()
        }
        let flushesEachCommand = options.format == .json && isatty(STDOUT_FILENO) != 1
        for line in lines {
            if let idleFailure { return idleFailure }
            runner.feed(line, emit: emit)
            if flushesEachCommand { Output.flush() }  // a program reading the replies gets each at once
            if runner.isFinished { break }
            guard store != nil, monotonicSeconds() - lastCommit >= Self.commitInterval else { continue }
            if let failure = commit(runner.interpreter.state) { runner.changesSaved() } { return failure }
            lastCommit = monotonicSeconds()
        }
        if let idleFailure { return idleFailure }
        if let signal = lines.terminationSignal {  // SIGTERM or SIGHUP: save, then end by the signal
            _ = commit(runner.interpreter.state) { runner.changesSaved() }
            Output.flush()
            LineEditor.end(by: signal)
        }
        guard ScriptFile.readWhole(lines, named: name) else {
            return commit(runner.interpreter.state) { runner.changesSaved() } ?? 2
        }
        let status = runner.finish(emit: emit)
        let reported = report ? printReport(of: runner.interpreter.state) : nil
        return commit(runner.interpreter.state) { runner.changesSaved() } ?? reported ?? status
    }

    /// `--scenario FILE`: runs the scenario from `state` with `--strict` and `--quiet` — its setup
    /// lines run, its `at` lines schedule the shift's timeline — and returns the interpreter after it,
    /// or the exit status when it cannot be read (2) or a line fails (1, the error printed).
    func runScenario(_ path: String, from state: PanelState) -> Result<Interpreter, ExitStatus> {
        var interpreter: Interpreter?
        let status = ScriptFile.streaming(path) { lines in
            let scriptOptions = ScriptRunner.Options(strict: true, style: renderer.style, quiet: true)
            var runner = ScriptRunner(
                name: VisibleText.escaped(path), state: state, options: scriptOptions,
                files: ExportFile(protected: protectedFiles))
            let status = runner.run(lines, emit: print)
            guard ScriptFile.readWhole(lines, named: path) else { return 2 }
            interpreter = runner.interpreter
            return status
        }
        guard status == 0, let interpreter else { return .failure(ExitStatus(status)) }
        return .success(interpreter)
    }

    /// `run --report`: the shift's figures after the script, as a table or one JSON object; the exit
    /// status when the conversations cannot be read for them.
    private func printReport(of state: PanelState) -> Int32? {
        let figures: ShiftReport
        do {
            figures = try ShiftReport(state)
        } catch {
            return Diagnostics.emit(Diagnostic(escaping: "cannot read the shift's figures: \(error.message)"))
        }
        Output.print(
            options.format == .json ? [figures.json()] : ShiftReportRenderer(style: renderer.style).lines(figures))
        return nil
    }

    /// How often a script saves the state while it runs, in seconds: a crash loses at most this much.
    static let commitInterval = 0.1

    /// Prints what a script run reports: output to standard output, errors to standard error.
    func print(_ event: ScriptRunner.Event) {
        switch event {
        case .output(let lines): Output.print(lines)
        case .question(let text): Output.ask(text)
        case .error(let line): Output.error(line)
        case .command(let command): Output.print([PromptText.prompt + command])
        case .expectationFailed(let lines): lines.forEach(Output.error)
        case .commandFailed: break  // its error line was printed when it failed
        case .pause: break
        }
    }
}
