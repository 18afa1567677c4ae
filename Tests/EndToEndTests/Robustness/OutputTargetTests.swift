import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A file omnipanel writes (`report --svg`, `--cast`, a transcript) never replaces a file the run reads
/// or keeps — the state file and SQLite's files of it, the script, its transcript, a world file — by
/// any name (compared by device and inode); and a file written past `ulimit -f` is one line, not a kill.
@Suite struct OutputTargetTests {
    @Test func anSVGIsNeverWrittenOverTheStateFileByAnyName() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.db")
        try #require(try Binary.run(["--state", file, "-c", "incoming chat; accept"]).status == 0)
        try #require(link(file, folder.path("other.db")) == 0)
        let before = try #require(folder.bytes("class.db"))
        let targets = [
            (file, "the state file"), (folder.path("other.db"), "the state file"),
            (folder.path("./class.db"), "the state file"), (file + "-wal", "the state file's WAL"),
            (file + "-shm", "the state file's shared memory"),
        ]
        for (target, role) in targets {
            let result = try Binary.run(["--state", file, "do", "report", "--svg", target])
            #expect(result.status == 1, "a refused write is a failed command")
            #expect(
                result.stderr
                    == "<command>:1: error: cannot write \(target): this run uses it as \(role); choose another file\n"
            )
            #expect(folder.bytes("class.db") == before)
        }
        let after = try Binary.run(["--state", file, "do", "show"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.contains("Visitor 1"))
        let elsewhere = try Binary.run(["--state", file, "do", "report", "--svg", folder.path("report.svg")])
        #expect(elsewhere.stderr == "")
        #expect(folder.bytes("report.svg") != nil)
    }

    @Test func aRecordingNeverOverwritesItsOwnInput() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let script = try folder.write("show\n", to: "demo.omni").path
        try folder.write("golden\n", to: "demo.omni.out")
        let cases: [([String], String, String)] = [
            (["run", "--record", "--cast", script, script], script, "the script"),
            (["run", "--record", "--cast", script + ".out", script], script + ".out", "the script's transcript"),
            (["run", "--pace", "0", "--cast", script, script], script, "the script"),
            (["run", "--pace", "0", "--cast", script + ".out", script], script + ".out", "the script's transcript"),
        ]
        for (arguments, target, role) in cases {
            try folder.write("golden\n", to: "demo.omni.out")
            let result = try Binary.run(arguments)
            #expect(result.status == 1)
            #expect(
                result.stderr.contains(
                    "omnipanel: cannot write the recording \(target): this run uses it as \(role); choose another file\n"
                )
            )
            #expect(folder.bytes("demo.omni") == Data("show\n".utf8))
        }
        // `--record` writes the transcript it is not checked against, unless the run reads it as another file.
        let world = #"{"contacts": [], "accounts": [], "cases": [], "workItems": []}"#
        try folder.write(world, to: "demo.omni.out")
        let asWorld = try Binary.run(["--world", script + ".out", "run", "--record", script])
        #expect(asWorld.status == 1)
        #expect(
            asWorld.stderr
                == "omnipanel: cannot write transcript \(script).out: this run uses it as a world file; choose another file\n"
        )
        #expect(folder.bytes("demo.omni.out") == Data(world.utf8))
        #expect(try Binary.run(["run", "--record", script]).status == 0)
        #expect(folder.bytes("demo.omni.out") != Data("golden\n".utf8))
    }

    @Test func aScriptCannotWriteOverItselfItsTranscriptOrItsWorld() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let world = try folder.write(
            #"{"contacts": [], "accounts": [], "cases": [{"number": 7, "title": "Seven"}], "workItems": []}"#,
            to: "w.json"
        ).path
        let script = folder.path("demo.omni")
        let text = "report --svg \(script)\nreport --svg \(script).out\nreport --svg \(world)\n"
        try folder.write(text, to: "demo.omni")
        try folder.write("golden\n", to: "demo.omni.out")
        let result = try Binary.run(["--world", world, "run", script])
        #expect(
            result.stderr.split(separator: "\n").map(String.init) == [
                "\(script):1: error: cannot write \(script): this run uses it as the script; choose another file",
                "\(script):2: error: cannot write \(script).out: this run uses it as the script's transcript; choose another file",
                "\(script):3: error: cannot write \(world): this run uses it as a world file; choose another file",
            ])
        #expect(folder.bytes("demo.omni") == Data(text.utf8))
        #expect(folder.bytes("demo.omni.out") == Data("golden\n".utf8))
        #expect(String(decoding: folder.bytes("w.json") ?? Data(), as: UTF8.self).contains("Seven"))
    }

    /// Past `ulimit -f` a write fails with EFBIG instead of SIGXFSZ killing the program (status 153):
    /// a new state file or a save is refused in one line with status 6, an SVG in one line, and no
    /// temporary file is left behind.
    @Test func aWritePastTheFileSizeLimitIsOneLineAndLeavesNoTemporary() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let new = folder.path("n.db")
        let created = try limited(16, ["--state", new, "do", "incoming", "chat"])
        #expect(created.status == 6)
        #expect(created.stderr.hasPrefix("omnipanel: cannot save state file \(new): "))
        #expect(created.stderr.contains("disk I/O error (files may not grow past 8 KiB here: ulimit -f)"))
        #expect(created.stderr.filter { $0 == "\n" }.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == [])

        let file = folder.path("s.db")
        try #require(try Binary.run(["--state", file, "-c", "incoming chat; accept"]).status == 0)
        let before = try #require(folder.bytes("s.db"))
        let saved = try limited(100, ["--state", file, "do", "message", "1", String(repeating: "x", count: 60_000)])
        #expect(saved.status == 6)
        #expect(saved.stderr.hasPrefix("omnipanel: cannot save state file \(file): disk I/O error"))
        #expect(folder.bytes("s.db") == before)

        let svg = try limited(1, ["do", "report", "--svg", folder.path("big.svg")])
        #expect(svg.status < 128, "killed by signal \(svg.status - 128)")
        #expect(
            svg.stderr
                == "<command>:1: error: cannot write \(folder.path("big.svg")): cannot write the temporary file: File too large\n"
        )
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["s.db"])
    }

    /// Runs the binary with `arguments` under `ulimit -f blocks` (512-byte blocks in `sh`).
    private func limited(_ blocks: Int, _ arguments: [String]) throws -> Binary.Result {
        try runProcess("/bin/sh", ["-c", #"ulimit -f "$0" && exec "$@""#, String(blocks), Binary.url.path] + arguments)
    }
}
