import Foundation
import Testing

@testable import SessionPanel

/// The `Examples/` folder of the package.
private let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Examples")

/// Every `.omni` script in `Examples/`, by file name.
private let exampleScripts: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []).filter { $0.hasSuffix(".omni") }
    .sorted()

private func contents(_ name: String) throws -> String {
    try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8)
}

@Suite struct ExampleScriptTests {
    @Test func thereAreAtLeastFiveScenariosEachWithATranscript() {
        #expect(exampleScripts.count >= 5)
        for script in exampleScripts {
            #expect(
                FileManager.default.fileExists(atPath: examples.appendingPathComponent(script + ".out").path),
                "\(script)")
        }
    }

    /// What `omnipanel run --check Examples/NAME.omni` does, in process:
    /// every expectation holds and the run matches its transcript line for line.
    @Test(arguments: exampleScripts)
    func exampleMatchesItsTranscript(_ script: String) throws {
        let lines = try InputLine.lines(of: contents(script))
        let recorded = Transcript.lines(of: try contents(script + ".out"))
        let check = ScriptCheck(
            name: script, lines: lines, state: PanelState(), recorded: recorded, recordedName: script + ".out")
        #expect(check.failed == 0, "\(check.failures.flatMap { $0 }.joined(separator: "\n"))")
        #expect(check.passed >= 1)
    }

    /// Together the examples show every behaviour of the seed page; each is named by what a
    /// transcript must show for it.
    @Test func theExamplesCoverTheSeedPage() throws {
        let transcripts = try exampleScripts.map { try contents($0 + ".out") }.joined(separator: "\n")
        let behaviours: [(String, String)] = [
            ("start from a notification", "Accepted Chat from"),
            ("start a case session manually", "omnipanel> open case"),
            ("start from the dashboard", "omnipanel> pick W"),
            ("unread count", "new updates in your conversation."),
            ("unread 9+", " 9+ "),
            ("sentiment alert tooltip", "Urgent attention is needed in your conversation."),
            ("alert threshold", "omnipanel> config threshold"),
            ("switching keeps unsaved work", "Unsaved: title="),
            ("Home anchored", "Home is anchored and cannot be closed"),
            ("close asks first", "? [y/N] y"),
            ("persistent chat close", "The conversation is Waiting for"),
            ("end, then close", "The conversation is Closed."),
            ("collapse", "omnipanel> panel collapse"),
            ("ten-session limit", "Maximum sessions reached. Close a session before opening another."),
            ("app tabs", "KB Search"),
            ("presence", "Presence: Do not disturb"),
        ]
        for (behaviour, evidence) in behaviours {
            #expect(transcripts.contains(evidence), "no example shows: \(behaviour)")
        }
    }
}
