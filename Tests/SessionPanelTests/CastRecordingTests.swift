import Testing

@testable import SessionPanel

/// The playback timeline of `run --pace` and its asciinema v2 recording (`--cast`).
@Suite struct CastRecordingTests {
    @Test func commandsAreTypedAtThePaceAndPausesWait() {
        var playback = Playback(pace: 2)
        #expect(
            playback.steps(for: .command("ab")) == [
                .output(PromptText.prompt), .wait(0.04), .output("a"), .wait(0.04), .output("b"), .output("\n"),
            ])
        #expect(playback.steps(for: .output(["x", "y"])) == [.output("x\ny\n")])
        #expect(playback.steps(for: .command("c")).prefix(2) == [.wait(2), .output(PromptText.prompt)])
        #expect(playback.steps(for: .pause(1.5)) == [.wait(1.5)])
        #expect(playback.steps(for: .pause(nil)) == [.waitForEnter])
        #expect(playback.steps(for: .error("d.omni:3: error: no")) == [.error("d.omni:3: error: no\n")])
        #expect(playback.steps(for: .question("Close? [y/N] ")) == [.output("Close? [y/N] ")])
        var quick = Playback(pace: 0.1)
        let typed = quick.steps(for: .command("abcdefghij"))
        #expect(
            typed.compactMap { if case .wait(let seconds) = $0 { seconds } else { nil } }.reduce(0, +) <= 0.1 + 1e-9,
            "a whole command is typed within the pace")
    }

    @Test func theRecordingIsAHeaderThenTimedOutput() {
        var recording = CastRecording(width: 100, height: 30, title: "demo.omni", enterSeconds: 3)
        for step: Playback.Step in [
            .output(PromptText.prompt), .wait(0.25), .output("a\nb\n"), .waitForEnter, .error("e\u{1B}[31m\n"),
        ] {
            recording.append(step)
        }
        #expect(
            recording.text == """
                {"version":2,"width":100,"height":30,"title":"demo.omni","env":{"TERM":"xterm-256color","SHELL":"omnipanel"}}
                [0.000000, "o", "omnipanel> "]
                [0.250000, "o", "a\\r\\nb\\r\\n"]
                [3.250000, "o", "e\\u001b[31m\\r\\n"]

                """)
        #expect(recording.seconds == 3.25)
        #expect(CastRecording.time(61.0000004) == "61.000000")
    }
}
