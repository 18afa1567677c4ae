import Foundation
import Testing

/// CI's check of the training scenarios through the built binary: `omnipanel run --check` passes on an
/// example, from another folder (a transcript names its script by file name only). Every example is
/// checked once, in process, by ExampleScriptTests; this checks the command that does it for a trainer.
@Suite struct ExampleCheckTests {
    @Test func checkPassesFromAnotherFolder() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let script = Binary.packageRoot.appendingPathComponent("Examples/01-first-shift.omni").path
        let result = try runProcess(Binary.url.path, ["run", "--check", script], directory: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let summary = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(summary.hasSuffix(" passed, 0 failed"), "\(summary)")
        #expect(!summary.hasPrefix("0 passed"))
    }
}
