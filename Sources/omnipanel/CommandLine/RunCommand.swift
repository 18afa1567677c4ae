import ArgumentParser
import SessionPanel
import SystemIO

/// `omnipanel run FILE`: a script file (or `-`), played, checked or recorded.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a script of panel commands, one per line.",
        usage: "omnipanel run [<options>] [--check | --record | --pace <seconds>] <script>",
        discussion: """
            The options may come before `run` too (`omnipanel --world w.json run demo.omni`). With \
            --check, the exit status is 1 when an expectation or the transcript differs.
            """)

    @ParentCommand var root: Omnipanel
    @OptionGroup var panel: PanelOptions<RunCommand>

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
            "Write an asciinema recording of the playback (with --pace, as it plays; with --record, at once, timed by --pace or 1 second).",
            valueName: "file"),
        completion: .file(extensions: ["cast"]))
    var cast: String?

    @Argument(
        help: ArgumentHelp("The script to run ('-' for standard input).", valueName: "script"),
        completion: .file(extensions: ["omni"]))
    var script: String

    func validate() throws {
        if let stray = root.start.given.first { throw ValidationError("\(stray) does not go with run") }
        if script.isEmpty { throw ValidationError("<script> needs a file name, not ''") }
        if cast == "" { throw ValidationError("--cast needs a file name, not ''") }
        if let pace, !(0...60).contains(pace) { throw ValidationError("--pace takes 0 to 60 seconds, not \(pace)") }
        let options = root.panel.merged(with: panel)
        if check, record { throw ValidationError("--check and --record do not go together") }
        if pace != nil, options.format == .json { throw ValidationError("--pace plays back text, not json") }
        if cast != nil, check || !record && pace == nil {
            throw ValidationError("--cast records a playback: give it with --pace or --record")
        }
        guard check || record else { return }
        if report {
            throw ValidationError(
                "--report goes with a plain run, not --check or --record (put 'report' in the script)")
        }
        if script == "-" { throw ValidationError("--check and --record need a script file, not '-'") }
        if pace != nil && cast == nil || options.state != nil || options.format == .json {
            throw ValidationError(
                "--check and --record run from a fresh state in text; drop --pace, --state and --format")
        }
    }

    func run() throws {
        let status = try run(
            RunScript(
                path: script, mode: check ? .check : record ? .record(pace: pace ?? 1) : .play(pace: pace), cast: cast,
                report: report),
            root.panel.merged(with: panel))
        if status != 0 { throw ExitStatus(status) }
    }

    /// Plays, checks or records the script; returns the exit status.
    private func run(_ script: RunScript, _ options: RunOptions) throws -> Int32 {
        let context = try RunContext(options: options)
        let pace: Double?
        switch script.mode {
        case .check:
            return TranscriptRun(path: script.path, state: context.initialState, strict: options.strict).check()
        case .record(let pace):
            return TranscriptRun(path: script.path, state: context.initialState, strict: options.strict)
                .record(cast: script.cast, pace: pace)
        case .play(let seconds): pace = seconds
        }
        if script.path == "-" {
            return context.runScript(
                named: "<stdin>", lines: LineReader(descriptor: .standardInput), pace: pace, cast: script.cast,
                report: script.report)
        }
        let descriptor: FileDescriptor
        do throws(SystemError) {
            descriptor = try InputFile.open(script.path)
        } catch {
            Output.error("omnipanel: cannot read \(VisibleText.escaped(script.path)): \(error)")
            return 2
        }
        defer { try? descriptor.close() }
        return context.runScript(
            named: script.path, lines: LineReader(descriptor: descriptor), pace: pace, cast: script.cast,
            report: script.report)
    }
}
