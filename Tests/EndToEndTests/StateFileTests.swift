import Foundation
import Storage
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `--state FILE`: one SQLite database, one command at a time, and files that are never damaged.
@Suite struct StateFileTests {
    @Test func aTrainerDrivesThePanelOneCommandAtATime() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let state = ["--state", folder.path("class.db")]
        let incoming = try Binary.run(state + ["do", "incoming", "chat", "Kenny Smith"])
        #expect(incoming.status == 0)
        #expect(incoming.stdout.contains("Incoming Chat from Kenny Smith."))
        #expect(try Binary.run(state + ["do", "accept"]).status == 0)
        let shown = try Binary.run(state + ["do", "show"])
        #expect(shown.stdout.contains("| > 1  Ke     Kenny Smith"))
        #expect(
            shown.stdout.contains("Presence: Do not disturb"), "two Active work items and this chat fill capacity 3")
        let saved = try #require(folder.bytes("class.db"))
        #expect(saved.starts(with: Data("SQLite format 3\0".utf8)))
        #expect(try folder.contents() == ["class.db"], "no lock, temporary or WAL file is left behind")
    }

    @Test func everythingIsKeptBetweenRuns() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let state = ["--state", folder.path("s.db")]
        let setup =
            "config threshold negative; incoming chat; accept; open case 42; type title \"Fire\"; tab open app Orders; "
            + "message 1 \"Hi\"; panel collapse; clock advance 1m; incoming sms"
        #expect(try Binary.run(state + ["-c", setup]).status == 0)
        let later = try Binary.run(
            state + ["-c", "config; clock; form; tabs; notifications; history 1; incoming chat"])
        #expect(later.status == 0, "\(later.stderr)")
        for evidence in [
            "threshold             negative", "Clock: 00:01:00", "title: Fire", "* 2 Orders",
            "1) SMS from Visitor 2", "Visitor 1: Hi", "Incoming Chat from Visitor 3.", "|   1  Vi   1 |",
        ] {
            #expect(later.stdout.contains(evidence), "missing \(evidence)")
        }
    }

    @Test func exportWritesTodaysJSONAndImportReadsItBack() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let commands = "incoming chat; accept; open case 42; message 1 \"é \\\" / <>\"; config chat-mode persistent"
        #expect(try Binary.run(["--state", folder.path("first.db"), "-c", commands]).status == 0)
        let exported = try Binary.run(["--state", folder.path("first.db"), "export"])
        #expect(exported.status == 0)
        #expect(exported.stdout.hasPrefix("{\n  \"state\" : {"))
        #expect(exported.stdout.hasSuffix("  \"version\" : 1\n}\n"))
        #expect(exported.stdout.contains("\"text\" : \"é \\\" / <>\""))
        try folder.write(exported.stdout, to: "first.json")
        #expect(try Binary.run(["--state", folder.path("second.db"), "import", folder.path("first.json")]).status == 0)
        #expect(try Binary.run(["--state", folder.path("second.db"), "export"]).stdout == exported.stdout)
        #expect(try Binary.run(["--state", folder.path("second.db"), "do", "show"]).stdout.contains("Printer on fire"))
        // Importing over an existing file replaces its world too.
        let otherWorld = exported.stdout.replacingOccurrences(of: "\"Kenny Smith\"", with: "\"Kenny Smyth\"")
        try folder.write(otherWorld, to: "other.json")
        #expect(try Binary.run(["--state", folder.path("second.db"), "import", folder.path("other.json")]).status == 0)
        #expect(try Binary.run(["--state", folder.path("second.db"), "export"]).stdout == otherWorld)
        #expect(
            try Binary.run(["--state", folder.path("second.db"), "do", "open", "contact", "Kenny Smyth"]).status == 0)
        let fresh = try Binary.run(["--state", folder.path("third.db"), "-c", commands])
        #expect(
            try Binary.run(["--state", folder.path("third.db"), "export"]).stdout == exported.stdout,
            "the same state is always exported the same way: \(fresh.stderr)")
    }

    @Test func importRefusesAJSONStateThatCannotBeUsed() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.db")
        #expect(try Binary.run(["--state", file, "do", "incoming", "chat"]).status == 0)
        let before = try #require(folder.bytes("class.db"))
        let broken = try folder.write("{\"version\": 1, \"state\": {\"sessions\": []}}", to: "broken.json").path
        let result = try Binary.run(["--state", file, "import", broken])
        #expect(result.status == 3)
        #expect(
            result.stderr.hasPrefix("omnipanel: import file \(broken) is not a usable omnipanel state: missing"),
            "\(result.stderr)")
        #expect(result.stderr.hasSuffix("; the state file \(file) was left as it was\n"), "\(result.stderr)")
        #expect(folder.bytes("class.db") == before)
        let missing = try Binary.run(["--state", folder.path("none.db"), "export"])
        #expect(missing.status == 3)
        #expect(
            missing.stderr == "omnipanel: cannot read state file \(folder.path("none.db")): No such file or directory\n"
        )
        #expect(folder.bytes("none.db") == nil)
    }

    /// A version-1 JSON state file is migrated on first use; the original stays beside it, private.
    @Test func aVersionOneFileIsMigratedAndKept() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let json = folder.path("class.json")
        #expect(
            try Binary.run(["--state", folder.path("made.db"), "-c", "incoming chat; accept; message 1 hello"]).status
                == 0)
        let original = try Binary.run(["--state", folder.path("made.db"), "export"]).stdout
        try folder.write(original, to: "class.json")
        chmod(json, 0o644)
        let result = try Binary.run(["--state", json, "do", "message", "1", "again"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try #require(folder.bytes("class.json")).starts(with: Data("SQLite format 3\0".utf8)))
        #expect(folder.bytes("class.json.v1.json") == Data(original.utf8))
        #expect(try mode(of: json + ".v1.json") == 0o600)
        #expect(try mode(of: json) == 0o600)
        let exported = try Binary.run(["--state", json, "export"]).stdout
        #expect(exported.contains("\"text\" : \"hello\"") && exported.contains("\"text\" : \"again\""))
        // The second run finds the new file: nothing more to migrate.
        #expect(try Binary.run(["--state", json, "do", "show"]).status == 0)
        #expect(folder.bytes("class.json.v1.json") == Data(original.utf8))
    }

    @Test func aMigrationDoesNotOverwriteAnEarlierCopy() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        #expect(try Binary.run(["--state", folder.path("made.db"), "do", "incoming", "chat"]).status == 0)
        let original = try Binary.run(["--state", folder.path("made.db"), "export"]).stdout
        try folder.write(original, to: "class.json")
        try folder.write("mine", to: "class.json.v1.json")
        let result = try Binary.run(["--state", folder.path("class.json"), "do", "accept"])
        #expect(result.status == 6)
        #expect(result.stderr.contains("class.json.v1.json is in the way"))
        #expect(folder.bytes("class.json") == Data(original.utf8))
        #expect(folder.bytes("class.json.v1.json") == Data("mine".utf8))
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
            ("SQLite format 3\0" + String(repeating: "x", count: 200), "file is not a database"),
        ] {
            try folder.write(contents, to: "class.json")
            let result = try Binary.run(["--state", file, "do", "incoming", "chat"])
            #expect(result.status == 3)
            #expect(
                result.stderr.hasPrefix("omnipanel: state file \(file) is not a usable omnipanel state: \(why)"),
                "\(result.stderr)")
            #expect(result.stderr.hasSuffix("; the file was left as it was\n"))
            #expect(result.stdout.isEmpty)
            #expect(folder.bytes("class.json") == Data(contents.utf8))
            #expect(folder.bytes("class.json.v1.json") == nil)
        }
    }

    @Test func aTruncatedFileIsReportedAndLeftExactlyAsItWas() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.db")
        #expect(try Binary.run(["--state", file, "-c", "incoming chat; accept"]).status == 0)
        let whole = try #require(folder.bytes("class.db"))
        for length in [1, 100, whole.count / 3, whole.count / 2] {
            let truncated = whole.prefix(length)
            try truncated.write(to: folder.url.appendingPathComponent("class.db"))
            let result = try Binary.run(["--state", file, "do", "message", "1", "hi"])
            #expect(result.status == 3)
            #expect(result.stderr.contains(file))
            #expect(folder.bytes("class.db") == truncated)
        }
    }

    @Test func aVersionOneStateThatBreaksTheRulesIsRefused() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.json")
        #expect(try Binary.run(["--state", folder.path("made.db"), "do", "show"]).status == 0)
        let broken = try Binary.run(["--state", folder.path("made.db"), "export"]).stdout
            .replacingOccurrences(of: "\"focusedSessionID\" : 0", with: "\"focusedSessionID\" : 9")
        try folder.write(broken, to: "class.json")
        let result = try Binary.run(["--state", file, "do", "show"])
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
        let result = try Binary.run(["--state", file, "do", "accept"])
        #expect(result.status == 4)
        #expect(
            result.stderr == "omnipanel: state file \(file) was saved by a newer omnipanel (format version 2; "
                + "this one reads version 1); the file was left as it was\n")
        #expect(folder.bytes("class.json") == Data(newer.utf8))
    }

    @Test func aFolderInPlaceOfTheFileIsUnreadable() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path("class.db"), withIntermediateDirectories: false)
        let result = try Binary.run(["--state", folder.path("class.db"), "do", "show"])
        #expect(result.status == 3)
        #expect(
            result.stderr
                == "omnipanel: cannot read state file \(folder.path("class.db")): it is a directory, not a regular file\n"
        )
    }

    @Test func aFailedSaveKeepsThePreviousState() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.db")
        #expect(try Binary.run(["--state", file, "-c", "incoming chat; accept"]).status == 0)
        // A column no message fills, yet required, stands in for a full disk: writing a message fails
        // inside the command's transaction. (A trigger would be refused: omnipanel creates none.)
        try Database(path: file).execute(
            "ALTER TABLE messages ADD COLUMN disk_full INTEGER CHECK (disk_full IS NOT NULL)")
        let before = try Binary.run(["--state", file, "export"]).stdout
        let result = try Binary.run(["--state", file, "-c", "message 1 hi; clock advance 1m"])
        #expect(result.status == 6)
        #expect(
            result.stderr
                == "omnipanel: cannot save state file \(file): CHECK constraint failed: disk_full IS NOT NULL; "
                + "the changes since the last save were NOT saved (the file keeps the state before them)\n")
        #expect(try Binary.run(["--state", file, "export"]).stdout == before)
        let missingFolder = try Binary.run(["--state", file + ".d/inside.db", "do", "show"])
        #expect(missingFolder.status == 6)
        #expect(missingFolder.stderr.contains(file + ".d/inside.db"))
    }

    /// Holds the writer's lock the way another omnipanel would.
    private func holdLock(_ path: String) throws -> Database {
        let database = try Database(path: path)
        try database.execute("BEGIN IMMEDIATE")
        return database
    }

    @Test func aSecondOmnipanelWaitsBrieflyThenFailsClearly() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.db")
        #expect(try Binary.run(["--state", file, "do", "incoming", "chat"]).status == 0)
        let lock = try holdLock(file)
        let result = try Binary.run(["--state", file, "do", "accept"])
        #expect(result.status == 5)
        #expect(
            result.stderr == "omnipanel: state file \(file) is in use by another omnipanel (waited 2s); try again\n")
        try lock.execute("ROLLBACK")
        #expect(try Binary.run(["--state", file, "do", "notifications"]).stdout.contains("1) Chat from Visitor 1"))
    }

    @Test func aSecondOmnipanelGoesOnWhenTheFirstFinishesInTime() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.db")
        #expect(try Binary.run(["--state", file, "do", "show"]).status == 0)
        let lock = try holdLock(file)
        let running = try Binary.start(["--state", file, "do", "incoming", "chat"])
        // The only sleep of a one-shot command is the wait for the lock: the second omnipanel waits now.
        #expect(waitUntil { running.isInNanosleep || !running.process.isRunning }, "it never waited")
        #expect(running.process.isRunning, "it ended without waiting for the lock")
        try lock.execute("ROLLBACK")
        let (result, _) = running.finish()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Binary.run(["--state", file, "do", "notifications"]).stdout.contains("1) Chat from Visitor 1"))
    }

    /// Many one-shot commands at once: each waits its turn and saves, or gives up with status 5 and
    /// saves nothing; the file ends with exactly the messages of those that succeeded.
    @Test func concurrentWritersTakeTurns() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.db")
        #expect(try Binary.run(["--state", file, "-c", "incoming chat; accept; switch home"]).status == 0)
        let runs = try (1...12).map { number in try Binary.start(["--state", file, "do", "message", "1", "m\(number)"])
        }
        var saved: Set<Int> = []
        for (index, running) in runs.enumerated() {
            let result = running.finish().result
            #expect(result.status == 0 || result.status == 5, "\(result.stderr)")
            if result.status == 0 { saved.insert(index + 1) }
        }
        #expect(!saved.isEmpty)
        let numbers = try savedMessageNumbers(file, prefix: "m")
        #expect(Set(numbers) == saved)
        #expect(numbers.count == saved.count)
    }

    /// A process killed at several moments of a long script that saves in groups: the file always
    /// holds a whole state — the earlier messages, then this run's messages 1…k for some k — never a
    /// mix or a fragment.
    @Test func aKillDuringAScriptLeavesAWholeState() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.db")
        let commands = try manyMessages(20_000, of: 20, savedIn: file)
        var counts: [Int] = []
        var before: [Int] = []
        var walFilesSeen = 0
        // The kill comes after the k-th save this run is seen to make (k = 1…5): PRAGMA data_version
        // changes each time another connection commits.
        let watcher = try Database(path: file, mode: .readOnly)
        for saves in 1...5 {
            let running = try Binary.start(["--state", file, "run", "-"], input: Data(commands.utf8))
            var seen = 0
            var version = try watcher.integerPragma("data_version")
            try waitUntil {
                let now = try watcher.integerPragma("data_version")
                if now != version { (seen, version) = (seen + 1, now) }
                return seen >= saves || !running.process.isRunning
            }
            kill(running.process.processIdentifier, SIGKILL)
            #expect(running.finish().killed, "the run ended before it could be killed")
            // A run killed before its first write leaves no WAL file (on a loaded machine the first kill
            // can come that early); every one that is left must be as private as the file.
            if FileManager.default.fileExists(atPath: file + "-wal") {
                #expect(
                    try mode(of: file + "-wal") == 0o600, "the WAL file a killed run leaves is as private as the file")
                walFilesSeen += 1
            }
            let numbers = try savedMessageNumbers(file)
            let added = numbers.dropFirst(before.count)
            #expect(Array(numbers.prefix(before.count)) == before)
            #expect(Array(added) == Array(1..<(added.count + 1)))
            counts.append(added.count)
            before = numbers
        }
        let after = try Binary.run(["--state", file, "do", "show"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.contains("Visitor 1"))
        #expect(counts.contains { $0 > 0 }, "no group was saved before the kills: \(counts)")
        #expect(walFilesSeen > 0, "no killed run left a WAL file to check")
    }

    /// Another program reading the file while omnipanel saves it over and over only ever sees a whole state.
    @Test func aReaderNeverSeesAHalfWrittenState() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.db")
        let running = try Binary.start(
            ["--state", file, "run", "-"], input: Data(try manyMessages(10_000, of: 50, savedIn: file).utf8))
        var reads = 0
        var last = 0
        while running.process.isRunning {
            let messages = try #require(try StateFile.read(file)?.conversation(1000)?.messages)
            #expect(messages.count >= last, "a reader saw the transcript shrink")
            last = messages.count
            reads += 1
            usleep(20_000)
        }
        #expect(running.finish().result.status == 0)
        #expect(reads > 3)
        #expect(try StateFile.read(file)?.conversation(1000)?.messages.count == 10_000)
    }

    /// Saves a state in `file` with Visitor 1 in session 1, unfocused, and returns a script of `count`
    /// messages to it, numbered from 1 and `size` characters long.
    private func manyMessages(_ count: Int, of size: Int, savedIn file: String) throws -> String {
        try #require(try Binary.run(["--state", file, "-c", "incoming chat; accept; switch home"]).status == 0)
        let padding = String(repeating: "x", count: size)
        return (1...count).map { "message 1 \"\($0) \(padding)\"" }.joined(separator: "\n")
    }

    /// The numbers that begin Visitor 1's messages in the exported state file, which must be a whole one.
    private func savedMessageNumbers(_ file: String, prefix: String = "") throws -> [Int] {
        let exported = try Binary.run(["--state", file, "export"])
        try #require(exported.status == 0, "\(exported.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let conversations = try #require((object["state"] as? [String: Any])?["conversations"] as? [[String: Any]])
        let messages = try #require(conversations.first { $0["id"] as? Int == 1000 }?["messages"] as? [[String: Any]])
        return messages.compactMap { message in
            (message["text"] as? String)?.split(separator: " ").first.flatMap { Int($0.dropFirst(prefix.count)) }
        }
    }
}

/// The permission bits of `path`.
func mode(of path: String) throws -> mode_t {
    var status = stat()
    try #require(lstat(path, &status) == 0, "no \(path)")
    return status.st_mode & 0o7777
}

extension TemporaryDirectory {
    /// The names in the directory, sorted.
    func contents() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }
}
