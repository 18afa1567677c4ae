import Foundation
import Testing

/// The committed scripts in `completions/` are exactly what `omnipanel completions <shell>` prints:
/// a change to the scripts without regenerating the files fails here.
@Suite struct CompletionScriptTests {
    @Test(arguments: [("bash", "omnipanel.bash"), ("zsh", "_omnipanel"), ("fish", "omnipanel.fish")])
    func theCommittedScriptIsWhatTheBinaryPrints(shell: String, file: String) throws {
        let printed = try Binary.run(["completions", shell])
        #expect(printed.status == 0)
        #expect(printed.stderr.isEmpty)
        let committed = try String(contentsOfFile: CompletionWorkspace.script(file), encoding: .utf8)
        if let difference = firstDifference(committed, printed.stdout) {
            let regenerate = "swift run omnipanel completions \(shell) > completions/\(file)"
            Issue.record(
                "completions/\(file) differs from `omnipanel completions \(shell)` at \(difference); regenerate it: \(regenerate)"
            )
        }
    }

    /// Where two texts first differ, as `line N: "…" (committed) vs "…" (printed)`, or nil when equal.
    private func firstDifference(_ committed: String, _ printed: String) -> String? {
        guard committed != printed else { return nil }
        let old = committed.split(separator: "\n", omittingEmptySubsequences: false)
        let new = printed.split(separator: "\n", omittingEmptySubsequences: false)
        let line =
            zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        func shown(_ lines: [Substring]) -> String {
            lines.indices.contains(line) ? "\"\(lines[line])\"" : "(end of text)"
        }
        return "line \(line + 1): \(shown(old)) (committed) vs \(shown(new)) (printed)"
    }

    /// The scripts hold no options: each Tab asks the binary, which offers every option the help shows.
    @Test(arguments: [[], ["run"]])
    func everyOptionInTheHelpIsOfferedToEveryShell(command: [String]) throws {
        let help = try Binary.run(command + ["--help"]).stdout
        let rows = help.split(separator: "\n").filter { $0.hasPrefix("  -") }  // the options' rows
        let options = Set(
            rows.flatMap { $0.split(whereSeparator: { !$0.isLetter && $0 != "-" }) }.filter {
                $0.hasPrefix("--") && $0.count > 2
            })
        #expect(options.isSuperset(of: ["--world", "--color", "--width", "--strict", "--echo", "--quiet", "--help"]))
        for shell in ["bash", "zsh", "fish"] {
            let reply = try Binary.run(Binary.completionRequest(command + ["--"], shell: shell))
            let offered = Set(
                reply.stdout.split(separator: "\n").dropFirst().map { $0.prefix { $0 != ":" && $0 != "\t" } })
            let missing = options.filter { !offered.contains($0[...]) }
            #expect(missing.isEmpty, "\(shell) is not offered \(missing.sorted())")
        }
    }

    /// argument-parser's own option still prints argument-parser's generic script (which knows
    /// nothing of the panel's words); `omnipanel completions` prints ours.
    @Test(arguments: ["bash", "zsh", "fish"])
    func theGenerateCompletionScriptOptionIsArgumentParsers(shell: String) throws {
        let generated = try Binary.run(["--generate-completion-script", shell])
        #expect(generated.status == 0 && generated.stderr.isEmpty)
        #expect(generated.stdout.contains("omnipanel"))
        #expect(!generated.stdout.contains("__complete"))
    }

    @Test func anUnknownShellIsRefusedWithTheChoices() throws {
        let result = try Binary.run(["completions", "tcsh"])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("bash") && result.stderr.contains("fish"))
    }
}
