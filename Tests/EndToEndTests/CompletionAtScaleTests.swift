import Foundation
import SessionPanel
import Testing

/// Completion over a world too large to list at once: the prompt asks before listing more than 100
/// names, as bash does, and shell completion returns the first 100 with a note.
@Suite(.requiresTerminal)
struct CompletionAtScaleTests {
    static let prompt = PromptText.prompt

    /// A world of 150 contacts called `Zo 000` … `Zo 149` and one other, in CSV.
    static func world(in folder: TemporaryDirectory) throws -> String {
        let rows = (0..<150).map { String(format: "Zo %03d,Contoso", $0) } + ["Ann Lee,"]
        return try folder.write((["name,account"] + rows).joined(separator: "\n") + "\n", to: "contacts.csv").path
    }

    @Test func tabAsksBeforeListingMoreThanAHundredAndListsAllOnYes() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let environment = [
            "HOME": folder.url.path, "XDG_STATE_HOME": folder.path("state"), "XDG_CACHE_HOME": folder.path("cache"),
        ]
        let terminal = try TerminalSession(
            [Binary.url.path, "--world", try Self.world(in: folder)], environment: environment)
        try terminal.wait(for: "the prompt") { $0.beforeCursor == Self.prompt }

        try terminal.complete("open contact Z", expecting: "the question") {
            $0.cursorLine == "Show all 150 possibilities? (y or n)"
        }
        try terminal.type("n")
        let declined = try terminal.wait(for: "the line as typed, nothing listed") {
            $0.beforeCursor == Self.prompt + "open contact Z"
        }
        #expect(declined?.text.contains("Zo 000") == false)

        try terminal.press("Tab")
        try terminal.wait(for: "the question again") { $0.cursorLine == "Show all 150 possibilities? (y or n)" }
        try terminal.type("y")
        let listed = try terminal.wait(for: "all 150 listed") {
            $0.text.contains("\"Zo 149\"") && $0.beforeCursor == Self.prompt + "open contact Z"
        }
        #expect(listed?.text.contains("Ann Lee") == false)

        try terminal.complete("A", expecting: "one name, completed without a question") {
            $0.beforeCursor == Self.prompt + "open contact ZA"
        }
        try terminal.press("C-u")
        try terminal.complete("open contact \"Zo 14", expecting: "ten listed without a question") {
            $0.text.contains("\"Zo 149\"") && $0.beforeCursor.hasSuffix("\"Zo 14")
        }
    }

    @Test func shellCompletionReturnsTheFirstHundredAndANote() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let world = try Self.world(in: folder)
        let result = try Binary.run(
            Binary.completionRequest(["--world", world, "do", "open", "contact", "Zo"]),
            environment: ["XDG_CACHE_HOME": folder.path("cache")])
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(result.status == 0)
        #expect(lines.filter { $0.contains("Zo ") }.count == 100, "\(lines)")
        // The note, starting as typed and quoted as the names are (bash inserts what they share).
        #expect(lines.dropLast().last == "'Zo… and 50 more'")
    }
}
