import Foundation
import Testing

/// The help texts, compared whole with the snapshots in `Tests/Snapshots/`: any change
/// to what `--help` or the shell's `help` prints shows up here as a difference to review. After an
/// intended change: `OMNIPANEL_UPDATE_SNAPSHOTS=1 swift test --filter HelpSnapshotTests`.
@Suite struct HelpSnapshotTests {
    static let folder = Binary.packageRoot.appendingPathComponent("Tests/Snapshots")

    @Test(arguments: [
        (["--help"], "help.txt"), (["run", "--help"], "run-help.txt"),
        (["completions", "--help"], "completions-help.txt"), (["help", "run"], "run-help.txt"),
        (["-c", "help"], "panel-help.txt"), (["-c", "help switch"], "panel-help-switch.txt"),
        (["-c", "help keys"], "panel-help-keys.txt"),
    ])
    func helpIsTheSnapshot(arguments: [String], file: String) throws {
        let result = try Binary.run(arguments, environment: ["COLUMNS": "80"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let path = Self.folder.appendingPathComponent(file).path
        if ProcessInfo.processInfo.environment["OMNIPANEL_UPDATE_SNAPSHOTS"] == "1" {
            try Data(result.stdout.utf8).write(to: URL(fileURLWithPath: path))
        }
        let snapshot = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            result.stdout == snapshot,
            """
            `omnipanel \(arguments.joined(separator: " "))` differs from Snapshots/\(file); if intended: \
            OMNIPANEL_UPDATE_SNAPSHOTS=1 swift test --filter HelpSnapshotTests
            """)
    }
}
