/// `omnipanel run --check` and `--record`: runs a script from a given state, records its transcript,
/// counts its expectations and compares the transcript with a recorded one.
public struct ScriptCheck: Sendable {
    /// The transcript of this run.
    public let transcript: Transcript
    /// Everything the run reported, in order (what a playback of it shows).
    public let events: [ScriptRunner.Event]
    /// Each failure, as lines to print: failed expectations and commands that failed without an
    /// `expect-error` after them (`file:line:` and diff-like lines), in script order, then a transcript
    /// that differs (a headline and a unified diff).
    public let failures: [[String]]
    /// Expectations that held, plus the transcript comparison when it matched.
    public let passed: Int
    /// Expectations that failed and commands that failed unexpected, plus the transcript comparison when it differed.
    public let failed: Int

    /// Runs `lines` of the script `name` (as named in its messages and transcript) from `state`. When
    /// `recorded` holds the lines of a transcript file called `recordedName`, the run is compared with it.
    /// `strict` stops the run at the first failure.
    public init(
        name: String, lines: some Sequence<InputLine>, state: PanelState,
        recorded: [String]? = nil, recordedName: String = "", strict: Bool = false
    ) {
        var runner = ScriptRunner(name: name, state: state, options: .init(strict: strict, echo: true))
        var transcript = Transcript()
        var failures: [[String]] = []
        var events: [ScriptRunner.Event] = []
        _ = runner.run(lines) { event in
            events.append(event)
            transcript.append(event)
            switch event {
            case .expectationFailed(let lines), .commandFailed(let lines): failures.append(lines)
            default: break
            }
        }
        var passed = runner.expectationsPassed
        var failed = runner.expectationsFailed + runner.commandsFailed
        if let recorded {
            let diff = UnifiedDiff.lines(
                from: recorded, to: transcript.lines, oldName: recordedName + " (recorded)",
                newName: name + " (this run)")
            if diff.isEmpty {
                passed += 1
            } else {
                failed += 1
                failures.append(["\(name): the output differs from \(recordedName):"] + diff)
            }
        }
        self.transcript = transcript
        self.events = events
        self.failures = failures
        self.passed = passed
        self.failed = failed
    }

    /// `N passed, M failed`: the line CI looks for.
    public var summary: String { "\(passed) passed, \(failed) failed" }

    /// 0 when nothing failed, 1 otherwise.
    public var exitStatus: Int32 { failed > 0 ? 1 : 0 }
}
