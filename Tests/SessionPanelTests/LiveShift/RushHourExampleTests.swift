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

    /// The transcript echoes the `traffic … --seed N` line itself, so the seed is taken out of it
    /// first: what must differ is the shift the seed makes.
    @Test func anotherSeedGivesAnotherShift() throws {
        let first = try transcript(seed: "42").replacingOccurrences(of: "--seed 42", with: "--seed N")
        let second = try transcript(seed: "43").replacingOccurrences(of: "--seed 43", with: "--seed N")
        #expect(first != second)
    }
}
