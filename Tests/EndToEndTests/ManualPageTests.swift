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

    @Test(.requiresTool("mandoc"))
    func mandocFindsNothingToSay() throws {
        let lint = try runProcess(Tool.path("mandoc")!, ["-Tlint", Self.committedPath])
        #expect(lint.status == 0 && lint.stdout.isEmpty && lint.stderr.isEmpty, "\(lint.stdout)\(lint.stderr)")
    }

    @Test(.requiresTool("man", package: "man-db"))
    func manShowsThePage() throws {
        let shown = try Self.rendered()
        #expect(shown.contains("omnipanel") && shown.contains("EXIT STATUS"))
    }

    /// Lists in the details (`config`'s settings, `traffic`'s profiles) come out one item a line
    /// in the page as `man` shows it, not run together into one paragraph.
    @Test(.requiresTool("man", package: "man-db"))
    func listsInTheRenderedPageStartALineEach() throws {
        let starts = Set(try Self.rendered().split(separator: "\n").compactMap { $0.split(separator: " ").first })
        let settings = [
            "threshold", "max-sessions", "max-tabs", "notification-timeout", "waiting-window", "chat-mode", "capacity",
            "auto-presence", "bell", "communication-panel", "arrivals-chat", "arrivals-sms", "arrivals-voice",
            "arrivals-social", "visitors", "message-interval", "patience", "queue-patience", "return-after",
        ]
        for setting in settings { #expect(starts.contains(Substring(setting)), "config's \(setting) starts no line") }
        for profile in ["off:", "light:", "steady:", "rush:"] {
            #expect(starts.contains(Substring(profile)), "traffic's \(profile) starts no line")
        }
    }

    /// The SYNOPSIS shows every way to start the program: a live shift, a script, the completion
    /// scripts, export and import.
    @Test(.requiresTool("man", package: "man-db"))
    func theSynopsisShowsEveryForm() throws {
        let page = try Self.rendered()
        let start = try #require(page.firstRange(of: "\nSYNOPSIS\n"))
        let end = try #require(page.firstRange(of: "\nDESCRIPTION\n"))
        let section = page[start.upperBound..<end.lowerBound]
        for form in [
            "omnipanel --traffic profile | --scenario file", "omnipanel run", "omnipanel completions",
            "omnipanel --state file export", "omnipanel --state file import json",
        ] {
            #expect(section.contains(form), "the SYNOPSIS lacks \(form): \(section)")
        }
    }

    /// The shell commands are listed under the same group headings as `help`.
    @Test(.requiresTool("man", package: "man-db"))
    func thePanelCommandsAreGroupedAsInHelp() throws {
        let page = try Self.rendered()
        let help = try Binary.run(["-c", "help"]).stdout
        let headings = help.split(separator: "\n").dropFirst().filter { !$0.hasPrefix(" ") }.map { $0.dropLast() }
        #expect(headings.count == 4, "\(help)")
        for heading in headings.dropLast() { #expect(page.contains("\n" + heading + "\n"), "\(heading)") }
    }

    /// Issue 20: no Markdown backticks in the page as `man` shows it; commands are quoted 'help'.
    @Test(.requiresTool("man", package: "man-db"))
    func theRenderedPageHasNoBackticks() throws {
        let quoted = try Self.rendered().split(separator: "\n").filter { $0.contains("`") }
        #expect(quoted.isEmpty, "\(quoted.joined(separator: "\n"))")
    }

    /// The committed page as `man -l` shows it at 80 columns, hyphens as typed.
    private static func rendered() throws -> String {
        let shown = try runProcess(
            Tool.path("man")!, ["-l", committedPath],
            environment: ["MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat", "LANG": "C.UTF-8"])
        #expect(shown.status == 0, "\(shown.stderr)")
        return shown.stdout.replacing("\u{2010}", with: "-").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingPrefix(while: \.isWhitespace) }.joined(separator: "\n")
    }
}
