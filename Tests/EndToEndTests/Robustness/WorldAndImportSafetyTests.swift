import Foundation
import Testing

/// World files that are not files, and imports that fail: one line, and nothing left behind.
@Suite struct WorldAndImportSafetyTests {
    /// Runs the binary with `arguments` while `fifo` has no writer; a run that opens the FIFO for reading
    /// (it would wait for ever) is stopped and recorded as an issue.
    func runAgainstFIFO(_ arguments: [String], _ fifo: String) throws -> Binary.Result {
        let run = try Binary.start(arguments)
        while run.process.isRunning {
            // Opening for writing without waiting succeeds only once a reader has the FIFO open.
            let writer = open(fifo, O_WRONLY | O_NONBLOCK)
            if writer >= 0 {
                close(writer)
                run.process.terminate()
                Issue.record("the world FIFO was opened for reading: \(arguments)")
                break
            }
            usleep(1_000)
        }
        return run.finish().result
    }

    @Test func aNamedPipeAsAWorldIsRefusedAtOnce() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let fifo = folder.path("world.json")
        try #require(mkfifo(fifo, 0o600) == 0)
        let result = try runAgainstFIFO(["--world", fifo, "-c", "show"], fifo)
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "omnipanel: cannot read world file \(fifo): not a regular file (a pipe, a device or a folder)\n"
        )
        // Shell completion (run on Tab) ends too, without waiting for a writer.
        let completion = try runAgainstFIFO(
            Binary.completionRequest(["--world", fifo, "do", "open", "contact", "K"]), fifo)
        #expect(completion.status == 0)
    }

    /// A state exported from a run, as `import` reads it.
    func exported(in folder: TemporaryDirectory) throws -> String {
        #expect(try Binary.run(["--state", folder.path("made.db"), "do", "incoming", "chat"]).status == 0)
        let export = try Binary.run(["--state", folder.path("made.db"), "export"])
        try #require(export.status == 0 && export.stdout.contains(#""number" : 42,"#))
        return export.stdout
    }

    @Test(arguments: [
        (#""number" : 42,"#, #""number" : 1000000000000000,"#, "case 1000000000000000 is out of range"),
        (#""name" : "José Núñez""#, #""name" : "Kenny Smith""#, #"contact "kenny smith" appears twice"#),
        (#""number" : 42,"#, #""number" : 42 x,"#, "not valid JSON: expected ',' or '}'"),
        (#""number" : 42,"#, #""numbr" : 42,"#, "numbr is not a known member"),
    ])
    func aFailedImportIntoAMissingFileLeavesNoFile(from: String, to: String, problem: String) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let text = try exported(in: folder)
        let bad = try folder.write(text.replacingOccurrences(of: from, with: to), to: "bad.json").path
        let state = folder.path("new.db")
        let result = try Binary.run(["--state", state, "import", bad])
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("omnipanel: import file \(bad) is not a usable omnipanel state: world: "))
        #expect(result.stderr.contains(problem), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("; no state file was created\n"), "\(result.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter {
            $0.hasPrefix("new.db")
        }
        #expect(left == [], "nothing left behind")
        // The next run starts a fresh shift, not an empty world.
        #expect(try Binary.run(["--state", state, "do", "open", "case", "42"]).status == 0)
    }
}

extension WorldAndImportSafetyTests {
    @Test func anImportKilledMidwayLeavesNoStateFile() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let big = try bigExport(in: folder)
        let state = folder.path("new.db")
        let run = try Binary.start(["--state", state, "import", big])
        // Killed once the world is being written into the new file beside its name (`new.db.XXXXXX` past
        // 1 MiB; an empty state file is a few pages).
        func building() throws -> Bool {
            try FileManager.default.contentsOfDirectory(atPath: folder.url.path).contains { name in
                var status = stat()
                return name.hasPrefix("new.db.") && stat(folder.path(name), &status) == 0 && status.st_size > 1 << 20
            }
        }
        try waitUntil { try !run.process.isRunning || building() }
        kill(run.process.processIdentifier, SIGKILL)
        #expect(run.finish().killed, "killed before the import finished")
        #expect(folder.bytes("new.db") == nil, "no state file with an empty or half world")
        #expect(try Binary.run(["--state", state, "do", "open", "case", "42"]).status == 0)
    }
}

extension WorldAndImportSafetyTests {
    /// Issue 16: an import over an existing state file is one transaction: killed while it writes (its
    /// WAL seen past 1 MiB, not after a delay), the file opens with every change saved before it.
    @Test func anImportKilledOverAFileLeavesTheFileAsItWasSaved() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let big = try bigExport(in: folder)
        let state = folder.path("class.db")
        let saved = try Binary.run(["--state", state, "-c", "incoming chat \"Kenny Smith\"; accept; reply \"kept\""])
        #expect(saved.status == 0, "\(saved.stderr)")
        let run = try Binary.start(["--state", state, "import", big])
        func writing() -> Bool {
            var status = stat()
            return stat(state + "-wal", &status) == 0 && status.st_size > 1 << 20
        }
        try waitUntil { !run.process.isRunning || writing() }
        kill(run.process.processIdentifier, SIGKILL)
        #expect(run.finish().killed, "killed before the import finished")
        let after = try Binary.run(["--state", state, "do", "history", "1"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.contains("kept"), "the save before the import is all there: \(after.stdout)")
        #expect(
            try Binary.run(["--state", state, "do", "open", "contact", "Filler 7"]).status != 0, "none of the import")
    }
}

extension WorldAndImportSafetyTests {
    /// An exported state with 300,000 more contacts, in `folder`: enough that an import of it is still
    /// writing when a test kills it.
    func bigExport(in folder: TemporaryDirectory) throws -> String {
        let text = try exported(in: folder)
        let many = (0..<300_000).map { #"{"name" : "Filler \#($0)"}, "# }.joined()
        return try folder.write(
            text.replacingOccurrences(of: #""contacts" : ["#, with: #""contacts" : ["# + many), to: "big.json"
        ).path
    }
}
