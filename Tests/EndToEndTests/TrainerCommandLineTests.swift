import Foundation
import Testing

/// The trainer's command line: one command after `do`, `run --check`, `--record`, `--pace`, `--format json`, exit codes.
@Suite struct TrainerCommandLineTests {
    @Test func wordsAfterDoAreOneCommand() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let incoming = try Binary.run(["do", "incoming", "chat", "Kenny Smith"])
        #expect(incoming.status == 0)
        #expect(incoming.stdout.hasPrefix("Incoming Chat from Kenny Smith. Accept or reject within 2m.\n"))
        let state = ["--state", folder.path("s.json")]
        #expect(try Binary.run(state + ["do", "incoming", "chat", "Kenny Smith"]).status == 0)
        #expect(try Binary.run(state + ["do", "accept"]).status == 0)
        let reply = try Binary.run(state + ["do", "reply", "two  spaces; \"quoted\" \\ and # not a comment"])
        #expect(reply.stdout == "You → Kenny Smith: two  spaces; \"quoted\" \\\\ and # not a comment\n")
        let closed = try Binary.run(state + ["do", "close", "1", "--yes"])
        #expect(closed.stdout.hasPrefix("Closed session \"Kenny Smith\".\n"))
        let empty = try Binary.run(state + ["do", "type", "title", ""])
        #expect(empty.status == 1)
        #expect(empty.stderr == "<command>:1: error: Home has no form; switch to a customer session first\n")
    }

    @Test func severalCommandsGoInDashC() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let state = ["--state", folder.path("s.json")]
        let result = try Binary.run(state + ["-c", "incoming chat; accept; echo \"a;b\""])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("a;b\n"))
        #expect(try Binary.run(state + ["do", "show"]).stdout.contains("Visitor 1"))
    }

    @Test func exitStatusesAreTheDocumentedOnes() throws {
        #expect(try Binary.run(["do", "show"]).status == 0)
        #expect(try Binary.run(["do", "switch", "5"]).status == 1)
        #expect(try Binary.run(["-c", "show; nonsense"]).status == 1)
        for usage in [
            ["--color", "purple"], ["--width", "wide"], ["--bogus"], ["-c", "show", "accept"], ["accept"],
            ["--state", "s.db", "close", "1", "--yes"], ["do"], ["bogus"], ["--", "show"],
            ["--format", "yaml", "show"],
            ["run"], ["run", "--check", "--record", "x.omni"], ["run", "--pace", "-1", "x.omni"],
            ["run", "--check", "-"],
            ["run", "--check", "--state", "s.json", "x.omni"], ["run", "--pace", "1", "--format", "json", "x.omni"],
        ] {
            let result = try Binary.run(usage)
            #expect(result.status == 2, "\(usage): \(result.status) \(result.stderr)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 2 && lines[0].hasPrefix("omnipanel: "), "\(usage): \(result.stderr)")
            #expect(lines.last?.hasSuffix("--help' for usage.") == true, "\(usage)")
        }
        #expect(try Binary.run(["run", "/nonexistent/x.omni"]).status == 2)
        #expect(try Binary.run(["--help"]).stdout.contains("5 it is in use by another"))
        #expect(try Binary.run(["--version"]).status == 0)
    }

    @Test func runStillTakesAScriptWithTheOptionsBeforeIt() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let script = try folder.write("incoming chat \"Kenny Smith\"\naccept\n", to: "demo.omni").path
        let result = try Binary.run(["--state", folder.path("s.json"), "--echo", "run", script])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("omnipanel> incoming chat \"Kenny Smith\"\n"))
        #expect(try Binary.run(["--state", folder.path("s.json"), "do", "show"]).stdout.contains("Kenny Smith"))
    }

    @Test func checkRecordAndCompare() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let script = try folder.write(
            "echo \"Demo\"\nincoming chat\nexpect \"Visitor 1\"\nexpect-not \"Kenny\"\n", to: "demo.omni"
        ).path
        let unrecorded = try Binary.run(["run", "--check", script])
        #expect(unrecorded.status == 0)
        #expect(unrecorded.stdout.hasSuffix("\n2 passed, 0 failed\n"))

        let recorded = try Binary.run(["run", "--record", script])
        #expect(recorded.status == 0)
        let transcript = String(decoding: try #require(folder.bytes("demo.omni.out")), as: UTF8.self)
        #expect(transcript.hasPrefix("Demo\nomnipanel> incoming chat\nIncoming Chat from Visitor 1."))
        #expect(folder.bytes("demo.omni.out.tmp") == nil)

        let passing = try Binary.run(["run", "--check", script])
        #expect(passing.status == 0)
        #expect(passing.stdout == "3 passed, 0 failed\n")
        #expect(passing.stderr.isEmpty)

        try folder.write(transcript.replacingOccurrences(of: "Visitor 1.", with: "Visitor 9."), to: "demo.omni.out")
        try folder.write("echo \"Demo\"\nincoming chat\nexpect \"Visitor 1\"\nexpect \"Kenny\"\n", to: "demo.omni")
        let failing = try Binary.run(["run", "--check", script])
        #expect(failing.status == 1)
        #expect(failing.stdout == "1 passed, 2 failed\n")
        #expect(
            failing.stderr.contains(
                "demo.omni:4: error: expect failed: the output of line 2 (incoming chat) does not contain \"Kenny\""))
        #expect(failing.stderr.contains("--- \(script).out (recorded)\n+++ demo.omni (this run)\n@@ -1,6 +1,6 @@"))
        #expect(
            failing.stderr.contains(
                "\n-Incoming Chat from Visitor 9. Accept or reject within 2m.\n+Incoming Chat from Visitor 1."))
    }

    @Test func pacedPlaybackTypesEachCommandAfterThePrompt() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let script = try folder.write("echo \"Welcome\"\nincoming chat\npause 0.05\naccept\n", to: "demo.omni").path
        let paced = try Binary.run(["run", "--pace", "0.05", script])
        let echoed = try Binary.run(["--echo", "run", script])
        #expect(paced.status == 0)
        #expect(paced.stdout == echoed.stdout)
        #expect(paced.stdout.hasPrefix("Welcome\nomnipanel> incoming chat\nIncoming Chat from Visitor 1."))
    }

    @Test func jsonFormatPrintsOneObjectPerCommand() throws {
        let result = try Binary.run([
            "--format", "json", "-c", "incoming chat \"Eve\u{1B}[31m\"; accept; switch 7; show",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        let objects = try lines.map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.map { $0["ok"] as? Bool } == [true, true, false, true])
        #expect(objects[2]["error"] as? String == "no session at position 7; positions are 0 (Home) to 1")
        #expect(!result.stdout.contains("\u{1B}"))
        let sessions = try #require((objects[3]["panel"] as? [String: Any])?["sessions"] as? [[String: Any]])
        #expect(sessions.last?["title"] as? String == "Eve\u{1B}[31m")
    }

    /// The interactive prompt saves too: `script` gives omnipanel a terminal and types three commands.
    @Test(.requiresTool("script", package: "bsdutils"))
    func thePromptSavesAfterEveryCommand() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let state = folder.path("s.json")
        let typed = try runProcess(
            try #require(Tool.path("script")), ["-qec", "\(Binary.url.path) --state \(state)", "/dev/null"],
            input: "incoming chat \"Kenny Smith\"\raccept\rquit\r")
        #expect(typed.status == 0)
        #expect(try Binary.run(["--state", state, "do", "show"]).stdout.contains("| > 1  Ke     Kenny Smith"))
    }

    /// The shells' completion of `-c` starts from the state file, as the commands will.
    @Test func dashCCompletionKnowsTheSavedSessions() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let state = folder.path("s.json")
        #expect(try Binary.run(["--state", state, "-c", "incoming chat \"Kenny Smith\"; accept"]).status == 0)
        // What the bash script runs when Tab is pressed after `omnipanel --state FILE -c "switch K`: the
        // word, in the double quote it was begun with, as bash reads it back.
        let saved = try Binary.run(Binary.completionRequest(["--state", state, "-c", "\"switch K"]))
        #expect(saved.status == 0, "\(saved.stderr)")
        #expect(saved.stdout == #"words\#n"switch Kenny\\ Smith"\#n"#)
        let fresh = try Binary.run(Binary.completionRequest(["-c", "\"switch K"]))
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(fresh.stdout == "words\n")
    }
}
