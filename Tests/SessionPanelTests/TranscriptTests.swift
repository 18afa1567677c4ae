import Testing

@testable import SessionPanel

private func lines(_ script: String) -> [InputLine] {
    InputLine.lines(of: script)
}

@Suite struct TranscriptTests {
    @Test func aTranscriptShowsCommandsAfterThePromptAndAnswersOnTheQuestionLine() {
        let check = ScriptCheck(
            name: "demo.omni",
            lines: lines("echo \"Start\"\nincoming chat\naccept\nclose\ny\nclose home\nexpect \"x\""),
            state: PanelState())
        let transcript = check.transcript.lines
        #expect(transcript.first == "Start")
        #expect(transcript.contains("omnipanel> incoming chat"))
        #expect(transcript.contains("Close session \"Visitor 1\"? [y/N] y"))
        #expect(transcript.contains("demo.omni:6: error: Home is anchored and cannot be closed"))
        #expect(!transcript.contains { $0.contains("expect") })
        #expect(check.transcript.text.hasSuffix("Home is anchored and cannot be closed\n"))
    }

    @Test func aQuestionLeftOpenAtTheEndIsAFailureThatClosesNothing() {
        let check = ScriptCheck(name: "d", lines: lines("incoming chat\naccept\nclose"), state: PanelState())
        let message =
            "d:3: error: the end of the input does not answer Close session \"Visitor 1\"? [y/N] — nothing was closed; "
            + "answer y or n on the line after the command, or add --yes to it"
        #expect(check.transcript.lines.suffix(2) == ["Close session \"Visitor 1\"? [y/N] ", message])
        #expect(
            check.failures == [
                [message, "  (when the error is intended, put expect-error \"<text>\" on the next line)"]
            ])
        #expect(check.summary == "0 passed, 1 failed")
    }

    @Test func theTranscriptFileRoundTrips() {
        let check = ScriptCheck(name: "d", lines: lines("incoming chat\naccept\nclose"), state: PanelState())
        #expect(Transcript.lines(of: check.transcript.text) == check.transcript.lines)
        #expect(Transcript.lines(of: "a\nb") == ["a", "b"])
        #expect(Transcript.lines(of: "") == [])
    }

    @Test func aMatchingTranscriptCountsAsOnePass() {
        let script = lines("incoming chat\nexpect \"Visitor 1\"")
        let recorded = ScriptCheck(name: "d.omni", lines: script, state: PanelState()).transcript.lines
        let check = ScriptCheck(
            name: "d.omni", lines: script, state: PanelState(), recorded: recorded, recordedName: "d.omni.out")
        #expect(check.summary == "2 passed, 0 failed")
        #expect(check.failures.isEmpty)
        #expect(check.exitStatus == 0)
    }

    @Test func aDifferentTranscriptFailsWithAUnifiedDiff() {
        let script = lines("incoming chat \"Kenny Smith\"\nexpect-not Visitor")
        var recorded = ScriptCheck(name: "d.omni", lines: script, state: PanelState()).transcript.lines
        recorded[1] = "Incoming Chat from Kenny Smyth. Accept or reject within 2m."
        let check = ScriptCheck(
            name: "d.omni", lines: script, state: PanelState(), recorded: recorded, recordedName: "d.omni.out")
        #expect(check.summary == "1 passed, 1 failed")
        #expect(check.exitStatus == 1)
        #expect(
            check.failures == [
                [
                    "d.omni: the output differs from d.omni.out:",
                    "--- d.omni.out (recorded)", "+++ d.omni (this run)", "@@ -1,5 +1,5 @@",
                    " omnipanel> incoming chat \"Kenny Smith\"",
                    "-Incoming Chat from Kenny Smyth. Accept or reject within 2m.",
                    "+Incoming Chat from Kenny Smith. Accept or reject within 2m.",
                    " +- Sessions -------------------------------------------------- Presence: Busy -+",
                    " | > 0  Ho     Home                                                   Dashboard |",
                    " +------------------------------------------------------------------------------+",
                ]
            ])
    }

    @Test func withoutATranscriptOnlyExpectationsCount() {
        let check = ScriptCheck(name: "d", lines: lines("show\nexpect Home\nexpect Nowhere"), state: PanelState())
        #expect(check.summary == "1 passed, 1 failed")
        #expect(check.failures.count == 1)
    }
}
