import Foundation
import Storage
import Testing

/// Issue 16: a one-shot command opens only what it needs. `help`, `config` and `clock` with no change
/// read the workspace, never a conversation's transcript: they run on a state file whose transcript
/// tables are unreadable, which a command that shows a transcript does not.
@Suite struct OneShotReadsLittleTests {
    @Test func helpConfigAndClockNeverReadATranscript() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.db")
        let made = try Binary.run([
            "--state", file, "-c", "incoming chat \"Kenny Smith\"; accept; reply hello; note n; close --yes",
        ])
        #expect(made.status == 0, "\(made.stderr)")
        // Transcripts that cannot be read: the tables' columns are gone.
        try Database(path: file).execute(
            """
            DROP TABLE messages; CREATE TABLE messages (garbage);
            DROP TABLE notes; CREATE TABLE notes (garbage);
            """)
        for command in [["help"], ["config"], ["clock"], ["help", "switch"]] {
            let result = try Binary.run(["--state", file, "do"] + command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        let picked = try Binary.run(["--state", file, "do", "pick", "W1000"])
        #expect(picked.status != 0 && picked.stderr.contains("cannot read the conversations"), "\(picked.stderr)")
    }
}
