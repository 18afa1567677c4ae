import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `--state FILE`: one shell command at a time, atomic saves, a lock, and files that are never damaged.
@Suite struct StateFileTests {
    @Test func aTrainerDrivesThePanelOneCommandAtATime() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let state = ["--state", folder.path("class.json")]
        let incoming = try Binary.run(state + ["incoming", "chat", "Kenny Smith"])
        #expect(incoming.status == 0)
        #expect(incoming.stdout.contains("Incoming Chat from Kenny Smith."))
        #expect(try Binary.run(state + ["accept"]).status == 0)
        let shown = try Binary.run(state + ["show"])
        #expect(shown.stdout.contains("| > 1  Ke     Kenny Smith"))
        #expect(shown.stdout.contains("Presence: Busy"))
        let saved = String(decoding: try #require(folder.bytes("class.json")), as: UTF8.self)
        #expect(saved.contains("\"version\" : 1"))
        #expect(folder.bytes("class.json.tmp") == nil)
    }

    @Test func everythingIsKeptBetweenRuns() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let state = ["--state", folder.path("s.json")]
        let setup = "config threshold negative; incoming chat; accept; open case 42; type title \"Fire\"; tab open app Orders; "
            + "message 1 \"Hi\"; panel collapse; clock advance 1m; incoming sms"
        #expect(try Binary.run(state + ["-c", setup]).status == 0)
        let later = try Binary.run(state + ["-c", "config; clock; form; tabs; notifications; history 1; incoming chat"])
        #expect(later.status == 0, "\(later.stderr)")
        for evidence in [
            "threshold             negative", "Clock: day 0 00:01:00", "title: Fire", "* 3 Orders",
            "1) SMS from Visitor 2", "Visitor 1: Hi", "Incoming Chat from Visitor 3.", "|   1  Vi   1 |",
        ] {
            #expect(later.stdout.contains(evidence), "missing \(evidence)")
        }
    }

    @Test func theSameStateIsAlwaysWrittenTheSameWay() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let commands = "incoming chat; accept; open case 42; message 1 \"é \\\" / <>\"; config chat-mode persistent"
        for name in ["first.json", "second.json"] {
            #expect(try Binary.run(["--state", folder.path(name), "-c", commands]).status == 0)
        }
        let bytes = try #require(folder.bytes("first.json"))
        #expect(bytes == folder.bytes("second.json"))
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"text\" : \"é \\\" / <>\""))
    }

    @Test func aCorruptFileIsReportedAndLeftExactlyAsItWas() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.json")
        for (contents, why) in [
            ("{\"version\": 1, \"state\": {\"sessions\": [", "not valid JSON"),
            ("", "the file is empty"),
            ("[1, 2, 3]", "the top level should be an object"),
            ("{\"version\": 1}", "missing \"state\""),
        ] {
            try folder.write(contents, to: "class.json")
            let result = try Binary.run(["--state", file, "incoming", "chat"])
            #expect(result.status == 3)
            #expect(result.stderr.hasPrefix("omnipanel: state file \(file) is not a usable omnipanel state: \(why)"), "\(result.stderr)")
            #expect(result.stderr.hasSuffix("; the file was left as it was\n"))
            #expect(result.stdout.isEmpty)
            #expect(folder.bytes("class.json") == Data(contents.utf8))
        }
    }

    @Test func aTruncatedFileIsReportedAndLeftExactlyAsItWas() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.json")
        #expect(try Binary.run(["--state", file, "-c", "incoming chat; accept"]).status == 0)
        let whole = try #require(folder.bytes("class.json"))
        for length in [1, whole.count / 3, whole.count / 2, whole.count - 3] {
            let truncated = whole.prefix(length)
            try truncated.write(to: folder.url.appendingPathComponent("class.json"))
            let result = try Binary.run(["--state", file, "show"])
            #expect(result.status == 3)
            #expect(result.stderr.contains(file))
            #expect(folder.bytes("class.json") == truncated)
        }
    }

    @Test func aStateThatBreaksTheRulesIsRefused() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.json")
        #expect(try Binary.run(["--state", file, "show"]).status == 0)
        let broken = String(decoding: try #require(folder.bytes("class.json")), as: UTF8.self)
            .replacingOccurrences(of: "\"focusedSessionID\" : 0", with: "\"focusedSessionID\" : 9")
        try folder.write(broken, to: "class.json")
        let result = try Binary.run(["--state", file, "show"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("the focused session is not open"))
        #expect(folder.bytes("class.json") == Data(broken.utf8))
    }

    @Test func aFileFromANewerVersionIsRefusedAndLeftAlone() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.json")
        let newer = "{\"version\": 2, \"state\": {\"something\": \"new\"}}"
        try folder.write(newer, to: "class.json")
        let result = try Binary.run(["--state", file, "accept"])
        #expect(result.status == 4)
        #expect(result.stderr == "omnipanel: state file \(file) was saved by a newer omnipanel (format version 2; "
            + "this one reads version 1); the file was left as it was\n")
        #expect(folder.bytes("class.json") == Data(newer.utf8))
    }

    @Test func aFolderInPlaceOfTheFileIsUnreadable() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path("class.json"), withIntermediateDirectories: false)
        let result = try Binary.run(["--state", folder.path("class.json"), "show"])
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("omnipanel: cannot read state file \(folder.path("class.json")):"))
    }

    @Test func aFailedSaveKeepsThePreviousState() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.json")
        #expect(try Binary.run(["--state", file, "incoming", "chat"]).status == 0)
        let before = try #require(folder.bytes("class.json"))
        // A file size limit of one 512-byte block makes writing the new state fail (EFBIG, with SIGXFSZ
        // ignored), whoever runs the test; standard output and error are pipes, which have no size limit.
        let result = try runProcess(
            "/bin/sh", ["-c", #"trap '' XFSZ; { (ulimit -f 1; exec "$0" --state "$1" accept 2>&1); echo "status $?"; } | cat"#, Binary.url.path, file])
        #expect(result.stdout.contains("Accepted"))
        #expect(result.stdout.hasSuffix(
            "omnipanel: cannot save state file \(file): cannot write the temporary file: File too large; "
                + "the last command's change was NOT saved (the file keeps the state before it)\nstatus 6\n"))
        #expect(folder.bytes("class.json") == before)
        let missingFolder = try Binary.run(["--state", file + "/inside.json", "show"])
        #expect(missingFolder.status == 6)
        #expect(missingFolder.stderr.contains(file + "/inside.json"))
    }

    /// Holds `FILE.lock` the way another omnipanel would.
    private func holdLock(_ path: String) throws -> Int32 {
        let descriptor = open(path + ".lock", O_RDWR | O_CREAT, 0o644)
        try #require(descriptor >= 0)
        try #require(flock(descriptor, LOCK_EX) == 0)
        return descriptor
    }

    @Test func aSecondOmnipanelWaitsBrieflyThenFailsClearly() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.json")
        #expect(try Binary.run(["--state", file, "incoming", "chat"]).status == 0)
        let before = try #require(folder.bytes("class.json"))
        let lock = try holdLock(file)
        defer { close(lock) }
        let result = try Binary.run(["--state", file, "accept"])
        #expect(result.status == 5)
        #expect(result.stderr == "omnipanel: state file \(file) is in use by another omnipanel (waited 2s for \(file).lock); try again\n")
        #expect(folder.bytes("class.json") == before)
    }

    @Test func aSecondOmnipanelGoesOnWhenTheFirstFinishesInTime() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.json")
        let lock = try holdLock(file)
        let running = try Binary.start(["--state", file, "incoming", "chat"])
        usleep(300_000)
        close(lock)
        let (result, _) = running.finish()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(folder.bytes("class.json") != nil)
    }

    /// A process killed at several moments of a run that saves after each of many commands: the file
    /// is always a whole saved state — the earlier messages, then this run's messages 1…k for some k —
    /// never a mix or a fragment.
    @Test func aKillDuringASaveLeavesTheOldOrTheNewState() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.json")
        let commands = try manyMessages(4_000, of: 200, savedIn: file)
        var counts: [Int] = []
        var before: [Int] = []
        for delay in stride(from: UInt32(80_000), through: 500_000, by: 28_000) {
            let running = try Binary.start(["--state", file, "run", "-"], input: Data(commands.utf8))
            usleep(delay)
            kill(running.process.processIdentifier, SIGKILL)
            #expect(running.finish().killed, "the run ended before it could be killed")
            let numbers = try savedMessageNumbers(folder.bytes("class.json"))
            let added = numbers.dropFirst(before.count)
            #expect(Array(numbers.prefix(before.count)) == before)
            #expect(Array(added) == Array(1..<(added.count + 1)))
            counts.append(added.count)
            before = numbers
        }
        let after = try Binary.run(["--state", file, "show"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.contains("Visitor 1"))
        #expect(counts.contains { $0 > 0 }, "no save completed before the kills: \(counts)")
    }

    /// Another program reading the file while omnipanel saves it over and over only ever sees a whole state.
    @Test func aReaderNeverSeesAHalfWrittenFile() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.json")
        let running = try Binary.start(["--state", file, "run", "-"], input: Data(try manyMessages(200, of: 2_000, savedIn: file).utf8))
        var reads = 0
        var broken = 0
        while running.process.isRunning {
            guard let bytes = folder.bytes("class.json") else { continue }
            reads += 1
            if (try? JSONSerialization.jsonObject(with: bytes)) == nil { broken += 1 }
        }
        #expect(running.finish().result.status == 0)
        #expect(reads > 10)
        #expect(broken == 0, "\(broken) of \(reads) reads saw a half-written file")
    }

    /// Saves a state in `file` with Visitor 1 in session 1, unfocused, and returns a script of `count`
    /// messages to it, numbered from 1 and `size` characters long, so each one grows the state file.
    private func manyMessages(_ count: Int, of size: Int, savedIn file: String) throws -> String {
        try #require(try Binary.run(["--state", file, "-c", "incoming chat; accept; switch home"]).status == 0)
        let padding = String(repeating: "x", count: size)
        return (1...count).map { "message 1 \"\($0) \(padding)\"" }.joined(separator: "\n")
    }

    /// The numbers that begin Visitor 1's messages in a saved state file, which must be a whole one.
    private func savedMessageNumbers(_ saved: Data?) throws -> [Int] {
        let bytes = try #require(saved)
        let object = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let conversations = try #require((object["state"] as? [String: Any])?["conversations"] as? [[String: Any]])
        let messages = try #require(conversations.first { $0["id"] as? Int == 1000 }?["messages"] as? [[String: Any]])
        return messages.compactMap { ($0["text"] as? String)?.split(separator: " ").first.flatMap { Int($0) } }
    }
}
