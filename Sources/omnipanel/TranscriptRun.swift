#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import SessionPanel

/// `omnipanel run --check FILE` and `omnipanel run --record FILE`: a script against its transcript `FILE.out`.
struct TranscriptRun {
    /// The script's path as given.
    let path: String
    /// The state the script starts from.
    let state: PanelState

    /// The script's file name, which names it in the transcript's error lines, so a transcript
    /// does not depend on the folder it is checked or recorded from.
    var name: String { path.split(separator: "/").last.map(String.init) ?? path }

    /// The transcript beside the script.
    var transcriptPath: String { path + ".out" }

    /// Runs the expectations and compares with the transcript when there is one; prints each failure
    /// to standard error and `N passed, M failed` to standard output. Returns the exit status.
    func check() -> Int32 {
        guard let lines = read(path) else { return 2 }
        var recorded: [String]?
        if access(transcriptPath, F_OK) == 0 || errno != ENOENT {
            do {
                recorded = Transcript.lines(of: String(decoding: try FileBytes.read(transcriptPath), as: UTF8.self))
            } catch {
                Output.error("omnipanel: cannot read transcript \(transcriptPath): \(error.reason)")
                return 2
            }
        }
        let check = ScriptCheck(name: name, lines: lines, state: state, recorded: recorded, recordedName: transcriptPath)
        report(check.failures)
        if recorded == nil { Output.print(["No transcript \(transcriptPath) to compare with; `run --record` makes one."]) }
        Output.print([check.summary])
        return check.exitStatus
    }

    /// Runs the script and writes its transcript; prints failed expectations. Returns the exit status.
    func record() -> Int32 {
        guard let lines = read(path) else { return 2 }
        let check = ScriptCheck(name: name, lines: lines, state: state)
        report(check.failures)
        if let problem = AtomicFile.replace(transcriptPath, with: Array(check.transcript.text.utf8)) {
            Output.error("omnipanel: cannot write transcript \(transcriptPath): \(problem)")
            return 1
        }
        Output.print(["Recorded \(transcriptPath) (\(check.transcript.lines.count) lines).", check.summary])
        return check.exitStatus
    }

    private func report(_ failures: [[String]]) {
        for failure in failures { failure.forEach(Output.error) }
    }

    /// The script's lines, or `nil` after reporting why it cannot be read.
    private func read(_ path: String) -> [InputLine]? {
        do {
            var lines = try FileBytes.read(path).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            if lines.last == [] { lines.removeLast() }
            return lines.map(InputLine.init)
        } catch {
            Output.error("omnipanel: cannot read \(path): \(error.reason)")
            return nil
        }
    }
}
