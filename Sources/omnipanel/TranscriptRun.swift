import SessionPanel

/// `omnipanel run --check FILE` and `omnipanel run --record FILE`: a script against its transcript `FILE.out`.
struct TranscriptRun {
    /// The script's path as given.
    let path: String
    /// The state the script starts from.
    let state: PanelState

    /// The transcript beside the script.
    var transcriptPath: String { path + ".out" }

    /// The script's file name, which names it in its transcript so the transcript does not depend on
    /// the folder it is run from.
    var name: String { path.split(separator: "/").last.map(String.init) ?? path }

    /// Runs the expectations and compares with the transcript when there is one; prints each failure
    /// to standard error and `N passed, M failed` to standard output. Returns the exit status.
    func check() -> Int32 {
        guard let lines = read(path) else { return 2 }
        let recorded: [String]?
        switch Files.contents(of: transcriptPath) {
        case .success(let bytes): recorded = bytes.map { Transcript.lines(of: String(decoding: $0, as: UTF8.self)) }
        case .failure(let failure):
            Output.error("omnipanel: cannot read transcript \(transcriptPath): \(failure.reason)")
            return 2
        }
        let check = ScriptCheck(name: name, lines: lines, state: state, recorded: recorded, recordedName: name + ".out")
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
        if let problem = Files.writeAtomically(Array(check.transcript.text.utf8), to: transcriptPath) {
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
    private func read(_ path: String) -> [[UInt8]]? {
        switch Files.contents(of: path) {
        case .success(let bytes?):
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            if lines.last == [] { lines.removeLast() }
            return lines
        case .success(nil):
            Output.error("omnipanel: cannot read \(path): no such file")
        case .failure(let failure):
            Output.error("omnipanel: cannot read \(path): \(failure.reason)")
        }
        return nil
    }
}
