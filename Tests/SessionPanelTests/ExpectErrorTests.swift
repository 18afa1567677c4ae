import Testing

@testable import SessionPanel

/// A failing command is a failure in a script — counted, listed by `run --check`, and where `--strict`
/// stops — unless the next line is an `expect-error` its error matches.
struct ExpectErrorTests {
    private let hint = "  (when the error is intended, put expect-error \"<text>\" on the next line)"

    private func check(_ script: String, strict: Bool = false) -> ScriptCheck {
        ScriptCheck(name: "demo.omni", lines: InputLine.lines(of: script), state: PanelState(), strict: strict)
    }

    @Test("failing commands are failures in a check, each listed with its line and error")
    func failingCommandsFail() {
        let result = check("accpet\nswich 1\nshow\n")
        #expect(result.summary == "0 passed, 2 failed")
        #expect(result.exitStatus == 1)
        #expect(
            result.failures == [
                ["demo.omni:1: error: accpet failed: unknown command \"accpet\"; did you mean 'accept'?", hint],
                ["demo.omni:2: error: swich 1 failed: unknown command \"swich\"; did you mean 'switch'?", hint],
            ])
        #expect(
            result.transcript.lines.contains("demo.omni:1: error: unknown command \"accpet\"; did you mean 'accept'?"))
    }

    @Test("an expect-error right after the failing command turns the error into a passed expectation")
    func expectedErrorPasses() {
        let result = check("close home\nexpect-error \"Home is anchored\"\nshow\n")
        #expect(result.summary == "1 passed, 0 failed")
        #expect(result.failures.isEmpty)
        // The error line stays in the transcript; the directive does not.
        #expect(result.transcript.lines.contains("demo.omni:1: error: Home is anchored and cannot be closed"))
        #expect(!result.transcript.lines.contains { $0.contains("expect-error") })
    }

    @Test("an expect-error that does not match, after a success, or first in the script is a failed expectation")
    func expectErrorFailures() {
        let mismatch = check("close home\nexpect-error \"no such\"\n")
        #expect(mismatch.summary == "0 passed, 1 failed")
        #expect(
            mismatch.failures == [
                [
                    "demo.omni:2: error: expect-error failed: the error of line 1 (close home) does not contain \"no such\"",
                    "  - expected: no such", "  + error:    Home is anchored and cannot be closed",
                ]
            ])
        let success = check("show\nexpect-error \"x\"\n")
        #expect(success.failures == [["demo.omni:2: error: expect-error failed: line 1 (show) did not fail"]])
        let first = check("expect-error \"x\"\n")
        #expect(first.failures == [["demo.omni:1: error: expect-error \"x\": no command ran before it"]])
    }

    @Test("the error must be expected on the very next line")
    func onlyTheNextLine() {
        let result = check("close home\nshow\nexpect-error \"Home is anchored\"\n")
        #expect(result.summary == "0 passed, 2 failed")
        #expect(
            result.failures.first == [
                "demo.omni:1: error: close home failed: Home is anchored and cannot be closed", hint,
            ])
    }

    @Test("strict stops at a failing command before running the next line, unless that line expects the error")
    func strictStops() {
        let stopped = check("swich 1\nopen case 42\n", strict: true)
        #expect(stopped.summary == "0 passed, 1 failed")
        #expect(!stopped.transcript.lines.contains("omnipanel> open case 42"))
        let expected = check("swich 1\nexpect-error \"unknown command\"\nopen case 42\n", strict: true)
        #expect(expected.summary == "1 passed, 0 failed")
        #expect(expected.transcript.lines.contains("omnipanel> open case 42"))
    }

    @Test("a plain run counts an unexpected error in its exit status, and an expected one not")
    func exitStatus() {
        var failing = ScriptRunner(name: "d", state: PanelState())
        #expect(failing.run(InputLine.lines(of: "close home\n")) { _ in } == 1)
        var expected = ScriptRunner(name: "d", state: PanelState())
        #expect(expected.run(InputLine.lines(of: "close home\nexpect-error \"anchored\"\n")) { _ in } == 0)
    }

    @Test("expect-error needs its text, and the help and completion know it")
    func directiveEntry() throws {
        #expect(throws: CommandError.self) { try ScriptDirective.parse(InputLine("expect-error")) }
        #expect(try ScriptDirective.parse(InputLine("expect-error \"a b\"")) == .expectError("a b"))
        #expect(HelpText.lines(for: "expect-error").first == "usage: expect-error \"<text>\"")
    }
}
