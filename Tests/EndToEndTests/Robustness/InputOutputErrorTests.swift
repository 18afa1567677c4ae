import Foundation
import Testing

/// Inputs that are too big, unreadable or empty names, and output that cannot be written: each is
/// one line on standard error and a non-zero status, never a hang, a huge allocation or a silent 0.
struct InputOutputErrorTests {
    @Test(
        "endless or oversized world and state files are refused in one line, without reading them whole",
        arguments: [
            // A world must be a regular file (it may be read twice): a device is refused before it is read.
            (
                ["--world", "/dev/zero", "do", "show"], 2,
                "omnipanel: cannot read world file /dev/zero: not a regular file (a pipe, a device or a folder)\n"
            ),
            (
                ["--state", "/dev/full", "do", "show"], 3,
                "omnipanel: cannot read state file /dev/full: it is a character device, not a regular file\n"
            ),
        ])
    func oversizedInputs(arguments: [String], status: Int32, message: String) throws {
        let result = try Binary.run(arguments)
        #expect(result.status == status)
        #expect(result.stderr == message)
        #expect(result.stdout.isEmpty)
    }

    @Test("a state file or world over 64 MiB is streamed: refused at its first byte when that is not JSON")
    func largeRegularFiles() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        for name in ["world.json", "state.json"] {
            try folder.write("", to: name)
            #expect(truncate(folder.path(name), 65 << 20) == 0)  // sparse: costs no disk
        }
        let world = try Binary.run(["--world", folder.path("world.json"), "do", "show"])
        #expect(world.status == 2)
        #expect(
            world.stderr == "\(folder.path("world.json")):1:1: error: not valid JSON: "
                + "expected '{' at the start of a world, found byte 0x0\n")
        let state = try Binary.run(["--state", folder.path("state.json"), "do", "show"])
        #expect(state.status == 3)
        #expect(
            state.stderr
                == "omnipanel: state file \(folder.path("state.json")) is not a usable omnipanel state: not valid JSON: "
                + "expected a value, found U+0000 (line 1, column 1); the file was left as it was\n")
    }

    @Test("run /dev/zero refuses the over-long line and stops reading after 16 MiB")
    func endlessLine() throws {
        let result = try Binary.run(["run", "/dev/zero"])
        #expect(result.status == 2)
        #expect(
            result.stderr == """
                /dev/zero:1: error: line is too long (more than 65536 bytes)
                omnipanel: cannot read /dev/zero: line 1 goes on for more than 16 MiB without a newline; stopped reading

                """)
    }

    @Test(
        "a folder as script is a read error, not an empty script",
        arguments: [#""$0" run "$1""#, #""$0" < "$1""#, #""$0" run --check "$1""#])
    func folderAsScript(command: String) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let result = try runProcess("/bin/sh", ["-c", command, Binary.url.path, folder.url.path])
        #expect(result.status == 2)
        let name = command.contains("<") ? "<stdin>" : folder.url.path
        #expect(result.stderr == "omnipanel: cannot read \(name): Is a directory\n")
        #expect(result.stdout.isEmpty)
    }

    @Test(
        "output that cannot be written is reported, with status 1",
        arguments: [
            ["-c", "show"], ["--format", "json", "-c", "show"], ["run", "-"], ["help"],
        ])
    func fullDisk(arguments: [String]) throws {
        let result = try runProcess(
            "/bin/sh", ["-c", #""$@" > /dev/full"#, Binary.url.path] + [Binary.url.path] + arguments, input: "show\n")
        #expect(result.status == 1)
        #expect(result.stderr == "omnipanel: cannot write to standard output: No space left on device\n")
    }

    @Test(
        "an empty file name is a usage error",
        arguments: [
            (["--state", ""], "--state needs a file name, not ''"),
            (["--world", "", "do", "show"], "--world needs a file name, not ''"),
            (["run", ""], "<script> needs a file name, not ''"),
        ])
    func emptyFileNames(arguments: [String], message: String) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let result = try runProcess(Binary.url.path, arguments, directory: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("omnipanel: \(message)\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    @Test("file names and option values on standard error are escaped like customer text")
    func escapedNames() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let name = "a\u{1B}]0;owned\u{07}b.omni"
        let script = try folder.write("swich 1\n", to: name).path
        let escapedScript = folder.path("a\\e]0;owned\\u{7}b.omni")
        let cases: [([String], String)] = [
            (["run", script], "a\\e]0;owned\\u{7}b.omni:1: error: unknown command"),
            (["run", script + "x"], "omnipanel: cannot read \(escapedScript)x: No such file or directory"),
            (["--world", script + "x", "do", "show"], "omnipanel: cannot read world file \(escapedScript)x"),
            (["--state", script + "/s.json", "do", "show"], escapedScript),
            (["--width", "\u{1B}[2J"], "omnipanel: The value '\\e[2J' is invalid for '--width <columns>'"),
            (["--colr\u{1B}[2J"], "omnipanel: Unknown option '--colr\\e[2J'"),
        ]
        for (arguments, expected) in cases {
            let result = try Binary.run(arguments)
            #expect(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
            #expect(
                !result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{07}"), "\(arguments): \(result.stderr)"
            )
        }
    }
}
