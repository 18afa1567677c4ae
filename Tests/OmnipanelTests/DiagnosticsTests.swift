import Foundation
import SessionPanel
import Storage
import SystemIO
import Testing

@testable import omnipanel

/// ``Diagnostic`` and ``Diagnostics``: every error and warning the program prints of its own accord
/// starts with the program's name, escapes what it quotes, and carries its exit status.
@Suite struct DiagnosticsTests {
    @Test("an error is one line after the program's name; a warning says so; notes follow unprefixed")
    func lines() {
        #expect(Diagnostic("cannot write x: y").lines == ["omnipanel: cannot write x: y"])
        #expect(Diagnostic("stale", severity: .warning).lines == ["omnipanel: warning: stale"])
        let usage = Diagnostic(escaping: "bad", status: 2, notes: ["Run 'omnipanel run --help' for usage."])
        #expect(usage.lines == ["omnipanel: bad", "Run 'omnipanel run --help' for usage."])
        #expect(Diagnostics.programName == "omnipanel")
    }

    @Test("with a position the line starts at the file, line and column and names its severity, as compilers do")
    func positions() {
        var error = Diagnostic("1 fields, the header has 2", status: 2)
        error.position = FilePosition("contacts.csv", line: 3, column: 1)
        #expect(error.lines == ["contacts.csv:3:1: error: 1 fields, the header has 2"])
        var warning = Diagnostic("stale", severity: .warning)
        warning.position = FilePosition("a.omni", line: 12)
        #expect(warning.lines == ["a.omni:12: warning: stale"])
        let failure = WorldFiles.Failure(
            WorldFileError("1 fields, the header has 2", line: 3, column: 1), in: "c\u{1B}.csv")
        #expect(Diagnostic(failure).lines == ["c\\e.csv:3:1: error: 1 fields, the header has 2"])
        #expect(Diagnostic(failure).status == 2)
        #expect(failure.message == "world file c\\e.csv: line 3, column 1: 1 fields, the header has 2")
        let unplaced = WorldFiles.Failure(WorldFileError("cases[1].title should be a string"), in: "w.json")
        #expect(Diagnostic(unplaced).lines == ["omnipanel: world file w.json: cases[1].title should be a string"])
    }

    @Test("text from elsewhere and the file names quoted reach the terminal escaped")
    func escaping() {
        #expect(Diagnostic(escaping: "Unknown option '--x\u{1B}[2J'").message == "Unknown option '--x\\e[2J'")
        let unreadable = Diagnostic.cannotRead("a\nb.omni", because: "Is a directory")
        #expect(unreadable.lines == ["omnipanel: cannot read a\\nb.omni: Is a directory"])
        #expect(unreadable.status == 2)
        let tooLarge = ReadFailure.tooLarge(limit: 16 << 20)
        let transcript = Diagnostic.cannotRead("t.out", what: "transcript ", because: tooLarge)
        #expect(transcript.message == "cannot read transcript t.out: larger than 16 MiB, the limit")
    }

    @Test("each diagnostic carries the exit status it ends the run with")
    func statuses() {
        #expect(Diagnostic("x").status == 1)
        let locked = Diagnostic(StateFileError("s.db", .locked(seconds: 2)))
        #expect(locked.status == 5)
        #expect(locked.message == StateFileError("s.db", .locked(seconds: 2)).message)
        #expect(Diagnostic(StateFileError("s.db", .newerVersion(9, readable: 2))).status == 4)
    }

    @Test("no source file but the diagnostics type writes the program's name before a message")
    func onePlaceForThePrefix() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var scanned = 0
        var offenders: [String] = []
        for case let file as URL in files where ["swift", "c", "h"].contains(file.pathExtension) {
            scanned += 1
            guard file.lastPathComponent != "Diagnostic.swift" else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains("omnipanel: ") && !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                offenders.append("\(file.lastPathComponent):\(number + 1): \(line)")
            }
        }
        #expect(scanned > 50, "the scan found the sources")
        #expect(offenders == [], "report errors and warnings through Diagnostics")
    }
}
