import Foundation
import Testing

@testable import SessionPanel

/// `Examples/09-rush-hour.omni`: the same seed replays byte for byte; another seed is another shift.
@Suite struct RushHourExampleTests {
    private static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples/09-rush-hour.omni")

    private func transcript(seed: String) throws -> String {
        let text = try String(contentsOf: Self.script, encoding: .utf8).replacingOccurrences(
            of: "--seed 42", with: "--seed \(seed)")
        return ScriptCheck(name: "09-rush-hour.omni", lines: InputLine.lines(of: text), state: PanelState()).transcript
            .text
    }

    @Test func twoRunsAreByteIdentical() throws {
        let first = try transcript(seed: "42")
        #expect(first == (try transcript(seed: "42")))
        #expect(first.contains("omnipanel> report\nShift report at 00:09:00\n"))
    }

    @Test func anotherSeedGivesAnotherShift() throws {
        #expect(try transcript(seed: "42") != (try transcript(seed: "43")))
    }
}
