import Foundation
import Testing

/// The real binary fed what a careless pipe or a hostile file can send it.
struct HostileProcessInputTests {
    @Test("a 100,000-command -c (as long as Linux lets one argument be) runs every command")
    func hundredThousandCommands() throws {
        // Linux caps one argument at 128 KiB, so most of the commands are blank: every tenth shows the panel.
        let commands = (0..<100_000).map { $0 % 10 == 0 ? "ls" : "" }.joined(separator: ";")
        #expect(commands.utf8.count < 128 * 1024)
        let result = try Binary.run(["-c", commands])
        #expect(result.status == 0 && result.stderr.isEmpty)
        #expect(result.stdout.components(separatedBy: "Sessions").count == 10_001)
    }

    @Test("output to a closed pipe ends the program quietly, with status 0")
    func closedPipe() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let script = try folder.write(String(repeating: "show\n", count: 20_000), to: "shows.omni")
        let result = try runProcess(
            "/bin/bash",
            ["-c", #""$0" run "$1" | head -1; echo "status ${PIPESTATUS[0]}" >&2"#, Binary.url.path, script.path])
        #expect(result.stdout == "+- Sessions -------------------------------------------------- Presence: Busy -+\n")
        #expect(result.stderr == "status 0\n")
    }

    @Test("`-c show | head -1` prints one line and nothing on standard error")
    func commandIntoHead() throws {
        let result = try runProcess(
            "/bin/bash", ["-c", #""$0" -c show | head -1; echo "status ${PIPESTATUS[0]}" >&2"#, Binary.url.path])
        #expect(result.stdout.hasPrefix("+- Sessions"))
        #expect(result.stderr == "status 0\n")
    }
}
