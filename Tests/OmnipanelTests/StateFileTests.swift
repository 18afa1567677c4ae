import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `--state FILE`: one shell command at a time, atomic saves, a lock, and files that are never damaged.
@Suite(.serialized) struct StateFileTests {
    @Test func aTrainerDrivesThePanelOneCommandAtATime() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let incoming = try OmnipanelProcess.run(["--state", "class.json", "incoming", "chat", "Kenny Smith"], in: folder.url)
        #expect(incoming.status == 0)
        #expect(incoming.output.contains("Incoming Chat from Kenny Smith."))
        #expect(try OmnipanelProcess.run(["--state", "class.json", "accept"], in: folder.url).status == 0)
        let shown = try OmnipanelProcess.run(["--state", "class.json", "show"], in: folder.url)
        #expect(shown.output.contains("| > 1  Ke     Kenny Smith"))
        #expect(shown.output.contains("Presence: Busy"))
        let saved = String(decoding: try #require(folder.bytes("class.json")), as: UTF8.self)
        #expect(saved.contains("\"version\" : 1"))
        #expect(folder.bytes("class.json.tmp") == nil)
    }

    @Test func everythingIsKeptBetweenRuns() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let setup = "config threshold negative; incoming chat; accept; open case 42; type title \"Fire\"; tab open kb; "
            + "message 1 \"Hi\"; panel collapse; clock advance 1m; incoming sms"
        #expect(try OmnipanelProcess.run(["--state", "s.json", "-c", setup], in: folder.url).status == 0)
        let later = try OmnipanelProcess.run(
            ["--state", "s.json", "-c", "config; clock; form; tabs; notifications; history 1; incoming chat"], in: folder.url)
        #expect(later.status == 0, "\(later.error)")
        for evidence in [
            "threshold             negative", "Clock: day 0 00:01:00", "title: Fire", "* 3 KB Search",
            "1) SMS from Visitor 2", "Visitor 1: Hi", "Incoming Chat from Visitor 3.", "|   1  Vi   1 |",
        ] {
            #expect(later.output.contains(evidence), "missing \(evidence)")
        }
    }

    @Test func theSameStateIsAlwaysWrittenTheSameWay() throws {
        let first = try ScratchFolder()
        let second = try ScratchFolder()
        defer {
            first.remove()
            second.remove()
        }
        let commands = "incoming chat; accept; open case 42; message 1 \"é \\\" / <>\"; config chat-mode persistent"
        for folder in [first, second] {
            #expect(try OmnipanelProcess.run(["--state", "s.json", "-c", commands], in: folder.url).status == 0)
        }
        let bytes = try #require(first.bytes("s.json"))
        #expect(bytes == second.bytes("s.json"))
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"text\" : \"é \\\" / <>\""))
    }

    @Test func aCorruptFileIsReportedAndLeftExactlyAsItWas() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        for (contents, why) in [
            ("{\"version\": 1, \"state\": {\"sessions\": [", "not valid JSON"),
            ("", "the file is empty"),
            ("[1, 2, 3]", "should be an object"),
            ("{\"version\": 1}", "missing \"state\""),
        ] {
            try folder.write(contents, to: "class.json")
            let result = try OmnipanelProcess.run(["--state", "class.json", "incoming", "chat"], in: folder.url)
            #expect(result.status == 3)
            #expect(result.error.contains("state file class.json is not a usable omnipanel state"))
            #expect(result.error.contains(why), "\(result.error)")
            #expect(result.error.contains("the file was left as it was"))
            #expect(result.output.isEmpty)
            #expect(folder.bytes("class.json") == Data(contents.utf8))
        }
    }

    @Test func aTruncatedFileIsReportedAndLeftExactlyAsItWas() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        #expect(try OmnipanelProcess.run(["--state", "class.json", "-c", "incoming chat; accept"], in: folder.url).status == 0)
        let whole = try #require(folder.bytes("class.json"))
        for length in [1, whole.count / 3, whole.count / 2, whole.count - 3] {
            let truncated = whole.prefix(length)
            try truncated.write(to: folder.url.appendingPathComponent("class.json"))
            let result = try OmnipanelProcess.run(["--state", "class.json", "show"], in: folder.url)
            #expect(result.status == 3)
            #expect(result.error.contains("class.json"))
            #expect(folder.bytes("class.json") == truncated)
        }
    }

    @Test func aStateThatBreaksTheRulesIsRefused() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        #expect(try OmnipanelProcess.run(["--state", "class.json", "show"], in: folder.url).status == 0)
        let broken = String(decoding: try #require(folder.bytes("class.json")), as: UTF8.self)
            .replacingOccurrences(of: "\"focusedSessionID\" : 0", with: "\"focusedSessionID\" : 9")
        try folder.write(broken, to: "class.json")
        let result = try OmnipanelProcess.run(["--state", "class.json", "show"], in: folder.url)
        #expect(result.status == 3)
        #expect(result.error.contains("the focused session is not open"))
        #expect(folder.bytes("class.json") == Data(broken.utf8))
    }

    @Test func aFileFromANewerVersionIsRefusedAndLeftAlone() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let newer = "{\"version\": 2, \"state\": {\"something\": \"new\"}}"
        try folder.write(newer, to: "class.json")
        let result = try OmnipanelProcess.run(["--state", "class.json", "accept"], in: folder.url)
        #expect(result.status == 4)
        #expect(result.error == "omnipanel: state file class.json was saved by a newer omnipanel (format version 2; "
            + "this one reads version 1); the file was left as it was\n")
        #expect(folder.bytes("class.json") == Data(newer.utf8))
    }

    @Test func aFolderInPlaceOfTheFileIsUnreadable() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path("class.json"), withIntermediateDirectories: false)
        let result = try OmnipanelProcess.run(["--state", "class.json", "show"], in: folder.url)
        #expect(result.status == 3)
        #expect(result.error.hasPrefix("omnipanel: cannot read state file class.json:"))
    }

    @Test func aFailedSaveKeepsThePreviousState() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        #expect(try OmnipanelProcess.run(["--state", "class.json", "incoming", "chat"], in: folder.url).status == 0)
        let before = try #require(folder.bytes("class.json"))
        // A folder where the temporary file must go makes the save fail.
        try FileManager.default.createDirectory(atPath: folder.path("class.json.tmp"), withIntermediateDirectories: false)
        let result = try OmnipanelProcess.run(["--state", "class.json", "accept"], in: folder.url)
        #expect(result.status == 6)
        #expect(result.error.contains("cannot save state file class.json:"))
        #expect(result.error.contains("the previous state is kept"))
        #expect(folder.bytes("class.json") == before)
        let missingFolder = try OmnipanelProcess.run(["--state", "class.json/inside.json", "show"], in: folder.url)
        #expect(missingFolder.status == 6)
        #expect(missingFolder.error.contains("class.json/inside.json"))
    }

    /// Holds `FILE.lock` the way another omnipanel would.
    private func holdLock(_ path: String) throws -> Int32 {
        let descriptor = open(path + ".lock", O_RDWR | O_CREAT, 0o644)
        try #require(descriptor >= 0)
        try #require(flock(descriptor, LOCK_EX) == 0)
        return descriptor
    }

    @Test func aSecondOmnipanelWaitsBrieflyThenFailsClearly() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        #expect(try OmnipanelProcess.run(["--state", "class.json", "incoming", "chat"], in: folder.url).status == 0)
        let before = try #require(folder.bytes("class.json"))
        let lock = try holdLock(folder.path("class.json"))
        defer { close(lock) }
        let result = try OmnipanelProcess.run(["--state", "class.json", "accept"], in: folder.url)
        #expect(result.status == 5)
        #expect(result.error == "omnipanel: state file class.json is in use by another omnipanel "
            + "(waited 2s for class.json.lock); try again\n")
        #expect(folder.bytes("class.json") == before)
    }

    @Test func aSecondOmnipanelGoesOnWhenTheFirstFinishesInTime() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let lock = try holdLock(folder.path("class.json"))
        let running = try OmnipanelProcess.start(["--state", "class.json", "incoming", "chat"], in: folder.url)
        usleep(300_000)
        close(lock)
        let result = running.finish()
        #expect(result.status == 0, "\(result.error)")
        #expect(folder.bytes("class.json") != nil)
    }

    /// A process killed at several moments of a run that saves after each of many commands: the file
    /// is always a whole saved state — the earlier messages, then this run's messages 1…k for some k —
    /// never a mix or a fragment.
    @Test func aKillDuringASaveLeavesTheOldOrTheNewState() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let commands = try manyMessages(4_000, of: 200, in: folder)
        var counts: [Int] = []
        var before: [Int] = []
        for delay in stride(from: UInt32(80_000), through: 500_000, by: 28_000) {
            let running = try OmnipanelProcess.start(["--state", "class.json", "run", "-"], in: folder.url, input: commands)
            usleep(delay)
            kill(running.process.processIdentifier, SIGKILL)
            let result = running.finish()
            #expect(result.killed, "the run ended before it could be killed")
            let saved = try #require(folder.bytes("class.json"))
            let object = try #require(try JSONSerialization.jsonObject(with: saved) as? [String: Any])
            #expect(object["version"] as? Int == 1)
            let state = try #require(object["state"] as? [String: Any])
            let conversations = try #require(state["conversations"] as? [[String: Any]])
            let messages = try #require(conversations.first { $0["id"] as? Int == 1000 }?["messages"] as? [[String: Any]])
            let numbers = messages.compactMap { ($0["text"] as? String)?.split(separator: " ").first.flatMap { Int($0) } }
            let added = numbers.dropFirst(before.count)
            #expect(Array(numbers.prefix(before.count)) == before)
            #expect(Array(added) == Array(1..<(added.count + 1)))
            counts.append(added.count)
            before = numbers
        }
        let after = try OmnipanelProcess.run(["--state", "class.json", "show"], in: folder.url)
        #expect(after.status == 0, "\(after.error)")
        #expect(after.output.contains("Visitor 1"))
        #expect(counts.contains { $0 > 0 }, "no save completed before the kills: \(counts)")
    }
}

/// Saves a state in `folder/class.json` with Visitor 1 in session 1, unfocused, and returns a script of
/// `count` messages to it, numbered from 1 and `size` characters long, so each one grows the state file.
private func manyMessages(_ count: Int, of size: Int, in folder: ScratchFolder) throws -> String {
    let setup = try OmnipanelProcess.run(["--state", "class.json", "-c", "incoming chat; accept; switch home"], in: folder.url)
    try #require(setup.status == 0)
    let padding = String(repeating: "x", count: size)
    return (1...count).map { "message 1 \"\($0) \(padding)\"" }.joined(separator: "\n")
}

@Suite struct StateFileReaderTests {
    /// Another program reading the file while omnipanel saves it over and over only ever sees a whole state.
    @Test func aReaderNeverSeesAHalfWrittenFile() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let commands = try manyMessages(200, of: 2_000, in: folder)
        let running = try OmnipanelProcess.start(["--state", "class.json", "run", "-"], in: folder.url, input: commands)
        var reads = 0
        var broken = 0
        while running.process.isRunning {
            guard let bytes = folder.bytes("class.json") else { continue }
            reads += 1
            if (try? JSONSerialization.jsonObject(with: bytes)) == nil { broken += 1 }
        }
        #expect(running.finish().status == 0)
        #expect(reads > 10)
        #expect(broken == 0, "\(broken) of \(reads) reads saw a half-written file")
    }
}
