import Foundation
import Testing

/// `man/omnipanel.1`: what `omnipanel __manual` prints from the command tables, committed, and clean
/// under `mandoc -Tlint`.
@Suite struct ManualPageTests {
    static let committedPath = Binary.packageRoot.appendingPathComponent("man/omnipanel.1").path

    @Test func theCommittedPageIsWhatTheBinaryPrints() throws {
        let printed = try Binary.run(["__manual"])
        #expect(printed.status == 0)
        #expect(printed.stderr.isEmpty)
        let committed = try String(contentsOfFile: Self.committedPath, encoding: .utf8)
        #expect(
            committed == printed.stdout,
            "man/omnipanel.1 is stale; regenerate it: swift run omnipanel __manual > man/omnipanel.1")
    }

    @Test func everyOptionSubcommandShellCommandAndDirectiveIsInThePage() throws {
        let page = try String(contentsOfFile: Self.committedPath, encoding: .utf8)
        for option in [
            "world", "color", "width", "strict", "echo", "state", "format", "quiet", "check", "record", "pace",
        ] {
            #expect(page.contains(".It Fl -\(option)"), "--\(option)")
        }
        #expect(page.contains(".It Fl c Ar commands"))
        #expect(page.contains(".It Cm run Ar script") && page.contains(".It Cm completions Ar shell"))
        let help = try Binary.run(["-c", "help"]).stdout
        let words = help.split(separator: "\n").compactMap { $0.hasPrefix("  ") ? $0.split(separator: " ").first : nil }
        #expect(words.count >= 30, "the shell's help lists its commands: \(help)")
        for word in words { #expect(page.contains(".It Li \"\(word)"), "`\(word)` is missing from the page") }
        for section in ["PANEL COMMANDS", "SCRIPT DIRECTIVES", "ENVIRONMENT", "FILES", "EXIT STATUS"] {
            #expect(page.contains(".Sh \(section)\n"))
        }
    }

    @Test(.enabled(if: Tool.isInstalled("mandoc"), "mandoc is not installed (apt-get install mandoc)"))
    func mandocFindsNothingToSay() throws {
        let lint = try runProcess(Tool.path("mandoc")!, ["-Tlint", Self.committedPath])
        #expect(lint.status == 0 && lint.stdout.isEmpty && lint.stderr.isEmpty, "\(lint.stdout)\(lint.stderr)")
    }

    @Test(.enabled(if: Tool.isInstalled("man"), "man is not installed (apt-get install man-db)"))
    func manShowsThePage() throws {
        let shown = try runProcess(
            Tool.path("man")!, ["-l", Self.committedPath],
            environment: ["MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("omnipanel") && shown.stdout.contains("EXIT STATUS"))
    }
}
