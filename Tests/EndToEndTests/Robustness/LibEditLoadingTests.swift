import Foundation
import SessionPanel
import Testing

/// libedit is loaded only when the interactive prompt starts, and the prompt still works without it.
@Suite(.serialized)
struct LibEditLoadingTests {
    /// The libraries that linking libedit used to bring in at start-up.
    static let editingLibraries = ["libedit", "libtinfo", "libbsd"]

    @Test(
        "a script run never loads libedit (the dynamic loader reports every library it opens)",
        arguments: [(["-c", "open case 42; show"], ""), ([], "open case 42\nshow\n")])
    func scriptRunDoesNotLoadLibEdit(arguments: [String], script: String) throws {
        let result = try Binary.run(arguments, input: Data(script.utf8), environment: ["LD_DEBUG": "files"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Printer on fire"))
        #expect(
            result.stderr.contains("file=libswiftCore.so"), "LD_DEBUG reported nothing: \(result.stderr.prefix(500))")
        for library in Self.editingLibraries {
            #expect(!result.stderr.contains("file=\(library)"), "\(library) was loaded")
        }
    }

    @Test("the interactive prompt loads libedit", .requiresTerminal)
    func interactivePromptLoadsLibEdit() throws {
        let terminal = try TerminalSession([Binary.url.path])
        let start = try terminal.wait(for: "the prompt") { $0.beforeCursor == PromptText.prompt }
        #expect(
            start?.rows.contains { $0.hasPrefix("omnipanel — the session panel") && $0.contains("Tab to complete") }
                == true)
        // Read to the end: String(contentsOfFile:) stops after the first 4 KB of a /proc file.
        let file = try FileHandle(forReadingFrom: URL(fileURLWithPath: "/proc/\(try terminal.processID())/maps"))
        defer { try? file.close() }
        let maps = String(decoding: try file.readToEnd() ?? Data(), as: UTF8.self)
        #expect(maps.contains("/libedit.so"))
    }

    @Test(
        "without libedit the prompt reads plain lines, says why once, and leaves the history file alone",
        .requiresTerminal)
    func promptWorksWithoutLibEdit() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let history = "_HiStOrY_V2_\nshow\n"
        try folder.write(history, to: "state/omnipanel/history")
        let terminal = try TerminalSession(
            ["/bin/bash", "-c", #""$0"; echo $? > status"#, Binary.url.path],
            environment: ["OMNIPANEL_LIBEDIT": "/nonexistent/libedit.so.2", "XDG_STATE_HOME": folder.path("state")],
            workingDirectory: folder.url, columns: 200)
        let start = try terminal.wait(for: "the prompt") { $0.beforeCursor == PromptText.prompt }
        let notices = start?.rows.filter { $0.contains("line editing") } ?? []
        #expect(notices.count == 1)
        #expect(notices.first?.contains("/nonexistent/libedit.so.2: cannot open shared object file") == true)
        #expect(notices.first?.contains("apt-get install libedit2") == true)
        let banner = start?.rows.first { $0.hasPrefix("omnipanel — the session panel") }
        #expect(banner?.contains("Ctrl-D to leave") == true)
        #expect(banner?.contains("Tab") == false, "the banner offers Tab completion, which is off: \(banner ?? "")")

        try terminal.type("open case 42")
        try terminal.press("Enter")
        try terminal.wait(for: "the case session") { $0.text.contains("Printer on fire") }
        try terminal.type("switch ho")
        try terminal.press("C-c")
        try terminal.wait(for: "a fresh prompt after Ctrl-C") {
            $0.beforeCursor == PromptText.prompt && $0.rows.contains { $0.hasPrefix("omnipanel> switch ho") }
        }
        try terminal.type("switch home")
        try terminal.press("Enter")
        try terminal.wait(for: "Home focused") {
            $0.rows.last { $0.contains("▶") && $0.contains("│") }?.contains("0  Ho") == true
        }
        try terminal.press("C-d")  // the shift is not saved: it asks once, and Ctrl-D again leaves
        try terminal.wait(for: "the question") { $0.text.contains("Quit anyway?") }
        try terminal.press("C-d")
        terminal.waitUntilEnded()

        #expect(folder.bytes("status").map { String(decoding: $0, as: UTF8.self) } == "0\n")
        #expect(folder.bytes("state/omnipanel/history").map { String(decoding: $0, as: UTF8.self) } == history)
    }
}
