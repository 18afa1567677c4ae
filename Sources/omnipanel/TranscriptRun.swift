import SessionPanel
import SystemIO

/// `omnipanel run --check FILE` and `omnipanel run --record FILE`: a script against its transcript `FILE.out`.
struct TranscriptRun {
    /// The script's path as given.
    let path: String
    /// The state the script starts from.
    let state: PanelState
    /// Stop at the first failure (`--strict`).
    var strict = false
    /// The files the recording and the transcript must not replace (the transcript may replace itself).
    var protectedFiles: ProtectedFiles

    /// The script's file name, which names it in the transcript's error lines, so a transcript
    /// does not depend on the folder it is checked or recorded from.
    var name: String { VisibleText.escaped(path.split(separator: "/").last.map(String.init) ?? path) }

    /// The transcript beside the script.
    var transcriptPath: String { path + ".out" }

    /// The transcript's path as shown, escaped.
    private var shownTranscriptPath: String { VisibleText.escaped(transcriptPath) }

    /// Runs the expectations and compares with the transcript when there is one; prints each failure
    /// to standard error and `N passed, M failed` to standard output. Returns the exit status.
    func check() -> Int32 {
        guard let lines = ScriptFile.lines(of: path) else { return 2 }
        var recorded: [String]?
        if access(transcriptPath, F_OK) == 0 || errno != ENOENT {
            let limit = InputLimit.transcriptBytes
            guard let bytes = ScriptFile.contents(of: transcriptPath, what: "transcript ", limit: limit) else {
                return 2
            }
            recorded = Transcript.lines(of: String(decoding: bytes, as: UTF8.self))
        }
        let check = ScriptCheck(
            name: name, lines: lines, state: state, recorded: recorded, recordedName: shownTranscriptPath,
            strict: strict)
        printFailures(check.failures)
        if recorded == nil {
            Output.print(["No transcript \(shownTranscriptPath) to compare with; 'run --record' makes one."])
        }
        Output.print([check.summary])
        return check.exitStatus
    }

    /// Runs the script and writes its transcript; prints failed expectations. Returns the exit status.
    func writeTranscript() -> Int32 {
        guard let lines = ScriptFile.lines(of: path) else { return 2 }
        let check = ScriptCheck(name: name, lines: lines, state: state, strict: strict)
        printFailures(check.failures)
        let transcriptWritten = ExportFile.write(
            check.transcript.text, to: transcriptPath, what: "transcript ",
            protecting: protectedFiles.allowingTheTranscript)
        guard transcriptWritten else { return 1 }
        Output.print(["Recorded \(shownTranscriptPath) (\(check.transcript.lines.count) lines).", check.summary])
        return check.exitStatus
    }

    private func printFailures(_ failures: [[String]]) {
        for failure in failures { failure.forEach(Output.error) }
    }
}
