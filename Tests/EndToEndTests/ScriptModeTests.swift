import Foundation
import Testing

@Suite("Running scripts with the binary")
struct ScriptModeTests {
    @Test("standard input runs as a script; errors go to stderr as <stdin>:line and the exit status is 1")
    func stdinScript() throws {
        let result = try Binary.run(script: "# demo\n\nincoming chat \"Kenny Smith\"\nswich 1\naccept\nhover 1\n")
        #expect(result.status == 1)
        #expect(result.stderr == "<stdin>:4: error: unknown command \"swich\"; did you mean 'switch'?\n")
        #expect(result.stdout.contains("Accepted Chat from Kenny Smith."))
        #expect(result.stdout.contains("Kenny Smith\n") || result.stdout.contains("Kenny Smith"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    @Test("-c runs commands separated by ';' and exits 0 when all succeed")
    func dashC() throws {
        let result = try Binary.run(["-c", "incoming sms; accept; switch 1; hover 1"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasSuffix("Visitor 1\n") || result.stdout.contains("\nVisitor 1\n"))
    }

    @Test("--strict stops at the first failure")
    func strict() throws {
        let result = try Binary.run(["--strict", "-c", "bogus; incoming chat"])
        #expect(result.status == 1)
        #expect(!result.stdout.contains("Incoming"))
        #expect(result.stderr == "-c:1: error: unknown command \"bogus\"; type 'help' for the list\n")
    }

    @Test("run FILE names the file and line in errors")
    func runFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("omnipanel-\(UUID()).omni")
        try "open case 42\nswitch 7\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Binary.run(["run", file.path])
        #expect(result.status == 1)
        #expect(result.stderr == "\(file.path):2: error: no session at position 7; positions are 0 (Home) to 1\n")
    }

    @Test(
        "a close confirmation is answered by the next line: y or n; anything else, or the end of input, is an error that closes nothing"
    )
    func confirmation() throws {
        let yes = try Binary.run(script: "open case 42\nclose\ny\nshow\n")
        #expect(yes.stdout.contains("Close session \"Printer on fire\"? [y/N] y\nClosed session \"Printer on fire\"."))
        let no = try Binary.run(script: "open case 42\nclose\nn\n")
        #expect(no.stdout.contains("Close session \"Printer on fire\"? [y/N] n\nKept the session open."))
        #expect(no.status == 0)
        let hint = " — nothing was closed; answer y or n on the line after the command, or add --yes to it\n"
        let command = try Binary.run(script: "open case 42\nclose\nswitch home\n")
        #expect(command.status == 1)
        #expect(
            command.stderr
                == "<stdin>:3: error: \"switch home\" does not answer Close session \"Printer on fire\"? [y/N]"
                + hint)
        let eof = try Binary.run(script: "open case 42\nclose\n")
        #expect(eof.status == 1)
        #expect(
            eof.stderr
                == "<stdin>:2: error: the end of the input does not answer Close session \"Printer on fire\"? [y/N]"
                + hint)
        #expect(eof.stdout.hasSuffix("Close session \"Printer on fire\"? [y/N] \n"))
    }

    @Test("a one-shot close with a state file does not answer itself: an error, the session stays open")
    func oneShotClose() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let state = folder.path("s.json")
        #expect(try Binary.run(["--state", state, "do", "open", "case", "42"]).status == 0)
        let close = try Binary.run(["--state", state, "do", "close", "1"])
        #expect(close.status == 1)
        #expect(
            close.stderr.hasPrefix(
                "<command>:1: error: the end of the input does not answer Close session \"Printer on fire\"? [y/N]"))
        #expect(close.stderr.hasSuffix("add --yes to it\n"))
        #expect(try Binary.run(["--state", state, "do", "show"]).stdout.contains("Printer on fire"))
        #expect(try Binary.run(["--state", state, "do", "close", "1", "--yes"]).status == 0)
        #expect(!(try Binary.run(["--state", state, "do", "show"]).stdout.contains("Printer on fire")))
    }

    @Test("the same script gives the same output, byte for byte")
    func deterministic() throws {
        let script =
            "incoming chat\nincoming sms \"Kenny Smith\"\naccept 2\naccept\nmessage 1 hi\nclock advance 5m\ndashboard\n"
        let first = try Binary.run(script: script)
        let second = try Binary.run(script: script)
        #expect(first.stdout == second.stdout)
        #expect(!first.stdout.isEmpty)
    }

    @Test("invalid UTF-8, NUL bytes and a 1 MB line are refused and the script goes on")
    func hostileLines() throws {
        var input = Data("open case 42\n".utf8)
        input.append(contentsOf: [0x73, 0x77, 0xFF, 0x0A])
        input.append(contentsOf: Array("show\0\n".utf8))
        input.append(Data(repeating: 0x61, count: 1 << 20))
        input.append(contentsOf: Array("\nhover 1\n".utf8))
        let result = try Binary.run([], input: input)
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                <stdin>:2: error: line is not valid UTF-8
                <stdin>:3: error: line contains a NUL byte
                <stdin>:4: error: line is too long (more than 65536 bytes)

                """)
        #expect(result.stdout.hasSuffix("Printer on fire\n"))
    }

    @Test("a bad world file is one clear error naming the file, with status 2")
    func badWorld() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("world-\(UUID()).json")
        try #"{"contacts": [], "accounts": [], "cases": [{"number": 1}], "workItems": []}"#.write(
            to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Binary.run(["--world", file.path, "-c", "show"])
        #expect(result.status == 2)
        #expect(result.stderr == "omnipanel: world file \(file.path): missing \"title\" in cases[0]\n")
        let missing = try Binary.run(["--world", "/nonexistent/world.json", "-c", "show"])
        #expect(
            missing.stderr == "omnipanel: cannot read world file /nonexistent/world.json: No such file or directory\n")
    }

    @Test("a small world with a key given twice names the file, line and column, as a large one does")
    func duplicateInASmallWorld() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let contacts = try folder.write("name,account\nAnn,\"Big\nCorp\"\nBob,\n", to: "contacts.csv").path
        let cases = try folder.write("number,title\n7,Router\n42,Printer\n7,Router again\n", to: "cases.csv").path
        let result = try Binary.run(["--world", contacts, "--world", cases, "-c", "show"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "\(cases):4:1: error: case 7 appears twice (first on line 2)\n")
        let json = try folder.write(#"{"contacts": [{"name": "bob"}]}"#, to: "more.json").path
        let across = try Binary.run(["--world", contacts, "--world", json, "-c", "show"])
        #expect(
            across.stderr
                == "\(json):1:15: error: contact \"bob\" appears twice (first on line 4 of \(contacts))\n"
        )
    }

    @Test("the example world loads and its records can be opened")
    func exampleWorld() throws {
        let world = Binary.packageRoot.appendingPathComponent("Examples/world.json").path
        let result = try Binary.run(["--world", world, "-c", "open case 7; dashboard"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Started session 1:"))
    }

    @Test("--color always paints; NO_COLOR does not stop an explicit always")
    func colour() throws {
        let painted = try Binary.run(["--color", "always", "-c", "show"])
        #expect(painted.stdout.contains("\u{1B}["))
        let plain = try Binary.run(["--color", "never", "-c", "show"])
        #expect(!plain.stdout.contains("\u{1B}["))
    }
}
