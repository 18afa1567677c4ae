import Foundation
import Testing

/// The trainer's command line: one-shot commands, `run --check`, `--record`, `--pace`, `--format json`, exit codes.
@Suite struct TrainerCommandLineTests {
    @Test func wordsAfterTheOptionsAreOneCommand() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let incoming = try OmnipanelProcess.run(["incoming", "chat", "Kenny Smith"], in: folder.url)
        #expect(incoming.status == 0)
        #expect(incoming.output.hasPrefix("Incoming Chat from Kenny Smith. Accept or reject within 2m.\n"))
        let state = ["--state", "s.json"]
        #expect(try OmnipanelProcess.run(state + ["incoming", "chat", "Kenny Smith"], in: folder.url).status == 0)
        #expect(try OmnipanelProcess.run(state + ["accept"], in: folder.url).status == 0)
        let reply = try OmnipanelProcess.run(state + ["reply", "two  spaces; \"quoted\" \\ and # not a comment"], in: folder.url)
        #expect(reply.output == "You → Kenny Smith: two  spaces; \"quoted\" \\ and # not a comment\n")
        let closed = try OmnipanelProcess.run(state + ["close", "1", "--yes"], in: folder.url)
        #expect(closed.output.hasPrefix("Closed session \"Kenny Smith\".\n"))
        let empty = try OmnipanelProcess.run(state + ["type", "title", ""], in: folder.url)
        #expect(empty.status == 1)
        #expect(empty.error == "<command>:1: Home has no form; switch to a customer session first\n")
    }

    @Test func severalCommandsGoInDashC() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let result = try OmnipanelProcess.run(["--state", "s.json", "-c", "incoming chat; accept; echo \"a;b\""], in: folder.url)
        #expect(result.status == 0)
        #expect(result.output.hasSuffix("a;b\n"))
        #expect(try OmnipanelProcess.run(["--state", "s.json", "show"], in: folder.url).output.contains("Visitor 1"))
    }

    @Test func exitStatusesAreDocumentedOnes() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        #expect(try OmnipanelProcess.run(["show"], in: folder.url).status == 0)
        #expect(try OmnipanelProcess.run(["switch", "5"], in: folder.url).status == 1)
        #expect(try OmnipanelProcess.run(["-c", "show; nonsense"], in: folder.url).status == 1)
        for usage in [
            ["--color", "purple"], ["--width", "wide"], ["--bogus"], ["-c", "show", "accept"], ["--format", "yaml", "show"],
            ["run"], ["run", "--check", "--record", "x.omni"], ["run", "--pace", "-1", "x.omni"], ["run", "--check", "-"],
            ["run", "--check", "--state", "s.json", "x.omni"], ["run", "--pace", "1", "--format", "json", "x.omni"],
        ] {
            let result = try OmnipanelProcess.run(usage, in: folder.url)
            #expect(result.status == 2, "\(usage): \(result.status) \(result.error)")
            #expect(result.error.hasPrefix("Error: "), "\(usage)")
        }
        #expect(try OmnipanelProcess.run(["run", "missing.omni"], in: folder.url).status == 2)
        #expect(try OmnipanelProcess.run(["--help"], in: folder.url).output.contains("5 it is in use by another"))
        #expect(try OmnipanelProcess.run(["--version"], in: folder.url).status == 0)
    }

    @Test func runStillTakesAScriptWithTheOptionsBeforeIt() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("incoming chat \"Kenny Smith\"\naccept\n", to: "demo.omni")
        let result = try OmnipanelProcess.run(["--state", "s.json", "--echo", "run", "demo.omni"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("omnipanel> incoming chat \"Kenny Smith\"\n"))
        #expect(try OmnipanelProcess.run(["--state", "s.json", "show"], in: folder.url).output.contains("Kenny Smith"))
    }

    @Test func checkRecordAndCompare() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("echo \"Demo\"\nincoming chat\nexpect \"Visitor 1\"\nexpect-not \"Kenny\"\n", to: "demo.omni")
        let unrecorded = try OmnipanelProcess.run(["run", "--check", "demo.omni"], in: folder.url)
        #expect(unrecorded.status == 0)
        #expect(unrecorded.output.hasSuffix("\n2 passed, 0 failed\n"))

        let recorded = try OmnipanelProcess.run(["run", "--record", "demo.omni"], in: folder.url)
        #expect(recorded.status == 0)
        let transcript = String(decoding: try #require(folder.bytes("demo.omni.out")), as: UTF8.self)
        #expect(transcript.hasPrefix("Demo\nomnipanel> incoming chat\nIncoming Chat from Visitor 1."))
        #expect(folder.bytes("demo.omni.out.tmp") == nil)

        let passing = try OmnipanelProcess.run(["run", "--check", "demo.omni"], in: folder.url)
        #expect(passing.status == 0)
        #expect(passing.output == "3 passed, 0 failed\n")
        #expect(passing.error.isEmpty)

        try folder.write(transcript.replacingOccurrences(of: "Visitor 1.", with: "Visitor 9."), to: "demo.omni.out")
        try folder.write("echo \"Demo\"\nincoming chat\nexpect \"Visitor 1\"\nexpect \"Kenny\"\n", to: "demo.omni")
        let failing = try OmnipanelProcess.run(["run", "--check", "demo.omni"], in: folder.url)
        #expect(failing.status == 1)
        #expect(failing.output == "1 passed, 2 failed\n")
        #expect(failing.error.contains("demo.omni:4: expect failed: the output of line 2 (incoming chat) does not contain \"Kenny\""))
        #expect(failing.error.contains("--- demo.omni.out (recorded)\n+++ demo.omni (this run)\n@@ -1,6 +1,6 @@"))
        #expect(failing.error.contains("\n-Incoming Chat from Visitor 9. Accept or reject within 2m.\n+Incoming Chat from Visitor 1."))
    }

    @Test func pacedPlaybackTypesEachCommandAfterThePrompt() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("echo \"Welcome\"\nincoming chat\npause 0.05\naccept\n", to: "demo.omni")
        let paced = try OmnipanelProcess.run(["run", "--pace", "0.05", "demo.omni"], in: folder.url)
        let recorded = try OmnipanelProcess.run(["--echo", "run", "demo.omni"], in: folder.url)
        #expect(paced.status == 0)
        #expect(paced.output == recorded.output)
        #expect(paced.output.hasPrefix("Welcome\nomnipanel> incoming chat\nIncoming Chat from Visitor 1."))
    }

    @Test func jsonFormatPrintsOneObjectPerCommand() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let result = try OmnipanelProcess.run(
            ["--format", "json", "-c", "incoming chat \"Eve\u{1B}[31m\"; accept; switch 7; show"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.error.isEmpty)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 4)
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.map { $0["ok"] as? Bool } == [true, true, false, true])
        #expect(objects[2]["error"] as? String == "no session at position 7; positions are 0 (Home) to 1")
        #expect(!result.output.contains("\u{1B}"))
        let sessions = try #require((objects[3]["panel"] as? [String: Any])?["sessions"] as? [[String: Any]])
        #expect(sessions.last?["title"] as? String == "Eve\u{1B}[31m")
    }

    /// The interactive prompt saves too: `script` gives omnipanel a terminal and types two commands.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func thePromptSavesAfterEveryCommand() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let prompt = Process()
        prompt.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        prompt.arguments = ["-qec", "\(OmnipanelProcess.executable.path) --state s.json", "/dev/null"]
        prompt.currentDirectoryURL = folder.url
        let input = Pipe()
        prompt.standardInput = input
        prompt.standardOutput = FileHandle.nullDevice
        try prompt.run()
        try input.fileHandleForWriting.write(contentsOf: Data("incoming chat \"Kenny Smith\"\raccept\rquit\r".utf8))
        prompt.waitUntilExit()
        let shown = try OmnipanelProcess.run(["--state", "s.json", "show"], in: folder.url)
        #expect(shown.output.contains("| > 1  Ke     Kenny Smith"))
    }
}
