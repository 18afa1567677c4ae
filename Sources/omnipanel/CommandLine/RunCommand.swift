import ArgumentParser
import SessionPanel
import SystemIO

/// `omnipanel run FILE`: a script file (or `-`), played, checked or recorded.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a script of panel commands, one per line.",
        usage: "omnipanel run [<options>] [--check | --record | --pace <seconds>] <script>",
        discussion: """
            The options may come before 'run' too ('omnipanel --world w.json run demo.omni'). With \
            --check, the exit status is 1 when an expectation or the transcript differs.
            """)

    /// The options, before `run` or after it: the root's, parsed once.
    @OptionGroup var options: RunOptions

    @Flag(
        help: "Check the script's expectations and compare with FILE.out when it exists; print 'N passed, M failed'.")
    var check = false

    @Flag(help: "Write the script's transcript to FILE.out.")
    var record = false

    @Option(
        help: ArgumentHelp(
            "Play back live: type each command, then wait this long (0 to 60 seconds) after its output.",
            valueName: "seconds"))
    var pace: Double?

    @Flag(help: "After the script, print the shift's report (as one JSON object with --format json).")
    var report = false

    @Option(
        help: ArgumentHelp(
            "Write an asciinema recording of the playback, drawn as --pace draws it (with --pace, as it plays; otherwise at once, timed by --pace or 1 second, and with --record the transcript too).",
            valueName: "file"),
        completion: .file(extensions: ["cast"]))
    var cast: String?

    @Argument(
        help: ArgumentHelp("The script to run ('-' for standard input).", valueName: "script"),
        completion: .file(extensions: ["omni"]))
    var script: String

    func validate() throws {
        if script.isEmpty { throw ValidationError("<script> needs a file name, not ''") }
        if cast == "" { throw ValidationError("--cast needs a file name, not ''") }
        if let pace, !(0...60).contains(pace) { throw ValidationError("--pace takes 0 to 60 seconds, not \(pace)") }
        if check, record { throw ValidationError("--check and --record do not go together") }
        if pace != nil, options.format == .json { throw ValidationError("--pace plays back text, not json") }
        if cast != nil, check { throw ValidationError("--cast records a playback, not --check") }
        guard check || record || cast != nil && pace == nil else { return }
        if report {
            throw ValidationError(
                "--report goes with a plain run, not --check, --record or --cast (put 'report' in the script)")
        }
        if script == "-" { throw ValidationError("--check, --record and --cast need a script file, not '-'") }
        if pace != nil && cast == nil || options.state != nil || options.format == .json {
            throw ValidationError(
                "--check, --record and --cast run from a fresh state in text; drop --pace, --state and --format")
        }
    }

    /// How the flags ask to run the script.
    private var mode: RunScript.Mode {
        if check { return .check }
        if record || cast != nil && pace == nil { return .record(pace: pace ?? 1, transcript: record) }
        return .play(pace: pace)
    }

    func run() throws {
        let status = try run(
            RunScript(path: script, mode: mode, cast: cast, report: report), options)
        if status != 0 { throw ExitStatus(status) }
    }

    /// Plays, checks or records the script; returns the exit status.
    private func run(_ script: RunScript, _ options: RunOptions) throws -> Int32 {
        let context = try RunContext(options: options, script: script.path == "-" ? nil : script.path)
        let transcriptRun = TranscriptRun(
            path: script.path, state: context.initialState, strict: options.strict,
            protectedFiles: context.protectedFiles)
        switch script.mode {
        case .check:
            return transcriptRun.check()
        case .record(let pace, let transcript):
            var status: Int32 = 0
            if transcript { status = transcriptRun.writeTranscript() }
            guard status != 2, let cast = script.cast else { return status }
            return max(
                status,
                reading(script.path) { name, lines in
                    // The transcript's run printed the failures already.
                    context.writeCast(named: name, lines: lines, to: cast, pace: pace, showingFailures: !transcript)
                })
        case .play(let pace):
            return reading(script.path) { name, lines in
                context.runScript(named: name, lines: lines, pace: pace, cast: script.cast, report: script.report)
            }
        }
    }

    /// Runs `body` with the script's name and lines: standard input for `-`, else the file, or
    /// status 2 after saying why it cannot be read.
    private func reading(_ path: String, _ body: (String, LineReader) -> Int32) -> Int32 {
        if path == "-" { return body("<stdin>", LineReader(descriptor: .standardInput)) }
        return ScriptFile.streaming(path) { lines in body(path, lines) }
    }
}
