import Foundation
import Testing

/// `swift test`'s own output stays readable: test names, arguments and failure messages are short
/// (issue 20: a 1 MB argument printed whole made one line of 4.2 MB). `.ci/run` pipes the whole run
/// through `scripts/test-output-guard`; these check the guard, and one parameterized test with a
/// huge argument through it.
@Suite struct TestOutputSizeTests {
    static let guardScript = Binary.packageRoot.appendingPathComponent("scripts/test-output-guard").path

    /// Runs `command` in bash with its output piped through the guard.
    private func guarded(_ command: String, environment: [String: String?] = [:]) throws -> Binary.Result {
        try runProcess("/bin/bash", ["-c", "(\(command)) 2>&1 | \"$0\"", Self.guardScript], environment: environment)
    }

    /// `HostileInputTests` feeds a 1 MB line: run in this test binary (Swift Testing prints each
    /// argument of a parameterized test), its output passes the guard.
    @Test func aParameterizedTestWithAHugeArgumentPrintsItBriefly() throws {
        let testBinary = CommandLine.arguments[0]
        let result = try guarded("'\(testBinary)' --testing-library swift-testing --filter 'HostileInputTests/refused'")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1048576 bytes: \"aaaa"), "the argument is named by its size")
        #expect(result.stdout.contains("with 16 test cases passed"))
    }

    @Test func theGuardPassesShortOutputAsItIs() throws {
        let result = try guarded("printf 'one\\ntwo\\n✔ Test run passed\\n'")
        #expect(result.status == 0 && result.stderr.isEmpty)
        #expect(result.stdout == "one\ntwo\n✔ Test run passed\n")
    }

    @Test func theGuardCutsALongLineAndFails() throws {
        let result = try guarded("printf 'start\\n'; printf '%05000d' 0 | tr 0 x; printf '\\nend\\n'")
        #expect(result.status == 1)
        #expect(
            result.stdout.hasPrefix("start\n" + String(repeating: "x", count: 1000) + " [... cut: 5000 bytes]\nend\n"))
        #expect(result.stderr.contains("longest line 5000 bytes at line 2 (limit 1000)"))
    }

    @Test func theGuardKeepsTheClosingLinesOfHugeOutputAndFails() throws {
        let result = try guarded("seq 1 100000", environment: ["OMNIPANEL_OUTPUT_BYTES": "1000"])
        #expect(result.status == 1)
        #expect(result.stdout.hasSuffix("99999\n100000\n"))
        #expect(result.stdout.contains("lines left out"))
        #expect(result.stdout.utf8.count < 2000)
        #expect(result.stderr.contains("the output is too big: 588895 bytes (limit 1000)"))
    }
}
