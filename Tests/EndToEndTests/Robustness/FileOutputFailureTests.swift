import Foundation
import Testing

/// A command whose file output cannot be written (`report --svg /dev/full`) is a failed command on
/// every way in: its status, its JSON record, `--strict` and `expect-error` all see the failure.
struct FileOutputFailureTests {
    static let unwritable = "report --svg /dev/full"

    @Test("-c, one-shot words and a script on standard input fail with status 1 and one error line")
    func failedWriteFails() throws {
        let runs = [
            try Binary.run(["-c", Self.unwritable]),
            try Binary.run(["do", "report", "--svg", "/dev/full"]),
            try Binary.run(script: Self.unwritable + "\n"),
        ]
        for result in runs {
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("cannot write /dev/full: "), "\(result)")
            #expect(!result.stdout.contains("Wrote"), "\(result)")
        }
    }

    @Test("the JSON record of the command says it failed, with the reason")
    func jsonRecordFails() throws {
        let result = try Binary.run(["--format", "json", "-c", Self.unwritable])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stdout)")
        #expect(lines.first?.contains(#""ok":false"#) == true, "\(result.stdout)")
        #expect(lines.first?.contains("cannot write /dev/full") == true, "\(result.stdout)")
    }

    @Test("--strict stops at the failed write")
    func strictStops() throws {
        let result = try Binary.run(["--strict", "-c", Self.unwritable + "; echo after"])
        #expect(result.status == 1)
        #expect(!result.stdout.contains("after"), "\(result.stdout)")
    }

    @Test("expect-error matches the failed write, and the run succeeds")
    func expectErrorMatches() throws {
        let result = try Binary.run(script: Self.unwritable + "\nexpect-error \"cannot write\"\n")
        #expect(result.status == 0, "\(result)")
    }

    @Test("a written file is still reported in the command's own output, and in its JSON record")
    func writtenFileIsReported() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.path("shift.svg")
        let result = try Binary.run(["--format", "json", "-c", "report --svg \(path)"])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.map { $0.hasPrefix(#"{"type":"report""#) } == [true, false], "the report, then the command")
        let command = try #require(lines.last)
        #expect(command.contains(#""ok":true"#))
        #expect(command.contains("Wrote the shift's timeline to \(path)."), "\(result.stdout)")
        #expect(FileManager.default.fileExists(atPath: path))
    }
}
