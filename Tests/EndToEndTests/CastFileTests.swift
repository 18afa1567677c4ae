import Foundation
import Testing

/// `run --pace S --cast FILE` and `run --record --cast FILE`: asciinema v2 recordings that the real
/// `asciinema` plays back, written as private files.
@Suite struct CastFileTests {
    static let script = "incoming chat \"Kenny Smith\"\naccept\npause\necho \"The customer waits\"\nswitch home\n"

    /// What `asciinema cat` prints for the recording (it wants a terminal, so it runs under `script`).
    private func played(_ path: String) throws -> String {
        let result = try runProcess(Tool.path("script")!, ["-qc", "asciinema cat '\(path)'", "/dev/null"])
        #expect(result.status == 0, "asciinema: \(result.stderr)")
        return result.stdout.replacingOccurrences(of: "\r\n", with: "\n")
    }

    private func header(_ path: String) throws -> [String: Any] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let first = try #require(text.split(separator: "\n").first)
        return try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
    }

    /// The times of the recording's events, in order.
    private func times(_ path: String) throws -> [Double] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst().map { line in
            try #require((try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])?.first as? Double)
        }
    }

    @Test(
        .enabled(
            if: Tool.isInstalled("asciinema") && Tool.isInstalled("script"),
            "asciinema is not installed (apt-get install asciinema)"))
    func recordWritesAPrivateRecordingAtOnceThatAsciinemaPlays() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(Self.script, to: "demo.omni")
        let started = Date()
        let result = try Binary.run([
            "run", "--record", "--pace", "2", "--cast", folder.path("demo.cast"), folder.path("demo.omni"),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 5, "--record does not wait for the pace")
        #expect(result.stdout.contains("Recorded \(folder.path("demo.cast")) (asciinema, "))
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path("demo.cast"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let header = try header(folder.path("demo.cast"))
        #expect(header["version"] as? Int == 2 && header["width"] as? Int == 80 && header["height"] as? Int == 24)

        let shown = try played(folder.path("demo.cast"))
        #expect(shown.contains("omnipanel> accept\nAccepted Chat from Kenny Smith."), "\(shown)")
        #expect(shown.contains("The customer waits"))
        // Three commands, 2 s apart, typed at 0.04 s a character; `pause` for Enter counts as the pace.
        let times = try times(folder.path("demo.cast"))
        #expect(times == times.sorted())
        let typing = 0.04 * Double("incoming chat \"Kenny Smith\"acceptswitch home".count)
        #expect(abs((times.last ?? 0) - (2 * 2 + 2 + typing)) < 0.01, "\(times.last ?? 0)")
    }

    @Test(
        .enabled(
            if: Tool.isInstalled("asciinema") && Tool.isInstalled("script"),
            "asciinema is not installed (apt-get install asciinema)"))
    func paceRecordsThePlaybackAsItPlays() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(Self.script.replacingOccurrences(of: "pause\n", with: "pause 0.1\n"), to: "demo.omni")
        let result = try Binary.run([
            "run", "--pace", "0.05", "--cast", folder.path("live.cast"), folder.path("demo.omni"),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("omnipanel> switch home"))
        let shown = try played(folder.path("live.cast"))
        #expect(shown == result.stdout, "the recording shows what the playback printed")
        let last = try times(folder.path("live.cast")).last ?? 0
        #expect(abs(last - (0.05 * 2 + 0.1 + 0.05 * 3)) < 0.01, "the pace and the pause time the recording: \(last)")
    }

    /// What a recording shows: its output events' text, joined.
    private func shown(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst().map { line in
            let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            return event[1] as? String == "o" ? try #require(event[2] as? String) : ""
        }.joined().replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// `--record --cast` draws the recording as `--pace` does on a terminal (here with colour and box
    /// drawing), while the transcript stays plain text.
    @Test(.requiresTool("script", package: "bsdutils"))
    func recordDrawsTheCastAsThePlaybackDoes() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(Self.script.replacingOccurrences(of: "pause\n", with: "pause 0\n"), to: "demo.omni")
        let options = ["--color", "always", "--width", "80", "run"]
        let recorded = try Binary.run(
            options + ["--record", "--cast", folder.path("recorded.cast"), folder.path("demo.omni")])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        // On a terminal (`script` gives it one), as a class would watch it.
        let pace = options + ["--pace", "0", "--cast", folder.path("played.cast"), folder.path("demo.omni")]
        let played = try runProcess(
            Tool.path("script")!,
            ["-qec", ([Binary.url.path] + pace).map { "'\($0)'" }.joined(separator: " "), "/dev/null"])
        #expect(played.status == 0, "\(played.stderr)")
        let cast = try shown(folder.path("recorded.cast"))
        #expect(cast.contains("\u{1B}[") && cast.contains("│"), "colour and box drawing")
        #expect(cast == (try shown(folder.path("played.cast"))), "the recording shows what the playback shows")
        let transcript = try String(contentsOfFile: folder.path("demo.omni.out"), encoding: .utf8)
        #expect(!transcript.contains("\u{1B}") && !transcript.contains("│"), "the transcript is plain")
    }

    /// `--cast` alone records at once and leaves the golden transcript as it was.
    @Test func castAloneWritesOnlyTheRecording() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(Self.script, to: "demo.omni")
        try folder.write("golden\n", to: "demo.omni.out")
        let started = Date()
        let result = try Binary.run(["run", "--cast", folder.path("demo.cast"), folder.path("demo.omni")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 5, "--cast alone does not wait for the pace")
        #expect(result.stdout.hasPrefix("Recorded \(folder.path("demo.cast")) (asciinema, "))
        #expect(try shown(folder.path("demo.cast")).contains("omnipanel> accept\nAccepted Chat from Kenny Smith."))
        #expect(try String(contentsOfFile: folder.path("demo.omni.out"), encoding: .utf8) == "golden\n")
    }

    @Test func aPlantedLinkIsNeverFollowedAndNothingIsWrittenThroughIt() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(Self.script, to: "demo.omni")
        try folder.write("precious\n", to: "target")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path("demo.cast"), withDestinationPath: folder.path("target"))
        let result = try Binary.run(["run", "--record", "--cast", folder.path("demo.cast"), folder.path("demo.omni")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot write the recording"))
        #expect(try String(contentsOfFile: folder.path("target"), encoding: .utf8) == "precious\n")
    }
}
