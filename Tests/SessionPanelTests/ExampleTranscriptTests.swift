import Foundation
import Testing

@testable import SessionPanel

/// Every script in `Examples/` has its expected transcript beside it (`NAME.omni.out`), checked here.
@Suite("Example scripts match their transcripts")
struct ExampleTranscriptTests {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples")

    static let scripts: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        return names.filter { $0.hasSuffix(".omni") }.sorted()
    }()

    @Test("there are at least three training scenarios")
    func enoughExamples() {
        #expect(Self.scripts.count >= 3)
    }

    @Test("the transcript is what the script prints", arguments: scripts)
    func transcript(name: String) throws {
        let script = try String(contentsOf: Self.examples.appendingPathComponent(name), encoding: .utf8)
        let expected = try String(contentsOf: Self.examples.appendingPathComponent(name + ".out"), encoding: .utf8)
        let actual = Transcript.of(script, named: "Examples/" + name)
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(actualLines, expectedLines).enumerated().first { $1.0 != $1.1 }?.offset
                ?? min(actualLines.count, expectedLines.count)
            Issue.record("""
                \(name) differs from its transcript at line \(first + 1):
                expected: \(first < expectedLines.count ? String(expectedLines[first]) : "<end>")
                actual:   \(first < actualLines.count ? String(actualLines[first]) : "<end>")
                (regenerate with: omnipanel run --echo Examples/\(name) > Examples/\(name).out 2>&1)
                """)
        }
    }
}
