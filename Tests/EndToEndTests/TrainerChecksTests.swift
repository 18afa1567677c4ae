import Foundation
import Testing

/// `run --check` and `run --record` fail when a command fails, unless the script expects the error.
struct TrainerChecksTests {
    private let hint = "  (when the error is intended, put expect-error \"<text>\" on the next line)\n"

    @Test("run --check shows and counts failing commands, and exits 1; --strict stops at the first")
    func checkFailsOnFailingCommands() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let script = try folder.write("accpet\nswich 1\nshow\n", to: "typos.omni").path
        let result = try Binary.run(["run", "--check", script])
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                typos.omni:1: error: accpet failed: unknown command "accpet"; did you mean 'accept'?
                \(hint)typos.omni:2: error: swich 1 failed: unknown command "swich"; did you mean 'switch'?
                \(hint)
                """)
        #expect(result.stdout.hasSuffix("0 passed, 2 failed\n"))
        let strict = try Binary.run(["run", "--check", "--strict", script])
        #expect(strict.status == 1)
        #expect(strict.stdout.hasSuffix("0 passed, 1 failed\n"))
    }

    @Test("run --record reports failing commands and exits 1, so a transcript of mistakes is not taken as good")
    func recordFailsOnFailingCommands() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let script = try folder.write("open case 42\nclose home\n", to: "demo.omni").path
        let result = try Binary.run(["run", "--record", script])
        #expect(result.status == 1)
        #expect(
            result.stderr == "demo.omni:2: error: close home failed: Home is anchored and cannot be closed\n" + hint)
        #expect(
            folder.bytes("demo.omni.out").map { String(decoding: $0, as: UTF8.self) }?
                .hasSuffix("omnipanel> close home\ndemo.omni:2: error: Home is anchored and cannot be closed\n") == true
        )
        #expect(try Binary.run(["run", "--check", script]).status == 1)

        try folder.write("open case 42\nclose home\nexpect-error \"Home is anchored\"\n", to: "demo.omni")
        let recorded = try Binary.run(["run", "--record", script])
        #expect(recorded.status == 0 && recorded.stderr.isEmpty)
        let checked = try Binary.run(["run", "--check", script])
        #expect(checked.status == 0)
        #expect(checked.stdout == "2 passed, 0 failed\n")
    }

    @Test("a plain run exits 0 when every error was expected; the error line is still shown")
    func expectedErrorsInAPlainRun() throws {
        let result = try Binary.run(["-c", "close home; expect-error anchored"])
        #expect(result.status == 0)
        #expect(result.stderr == "-c:1: error: Home is anchored and cannot be closed\n")
    }

    @Test("--quiet with --echo still shows the close question and its answer")
    func quietEchoShowsQuestions() throws {
        let result = try Binary.run(["--quiet", "--echo", "-c", "open case 42; close 1; y"])
        #expect(result.status == 0)
        #expect(
            result.stdout == "omnipanel> open case 42\nomnipanel> close 1\nClose session \"Printer on fire\"? [y/N] y\n"
        )
    }

    @Test("a script's name with an escape sequence is escaped in --check failures")
    func escapedNameInCheck() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let script = try folder.write("swich 1\n", to: "a\u{1B}[31mb.omni").path
        let result = try Binary.run(["run", "--check", script])
        #expect(result.stderr.hasPrefix("a\\e[31mb.omni:1: error: swich 1 failed:"))
        #expect(!result.stderr.contains("\u{1B}") && !result.stdout.contains("\u{1B}"))
    }
}
