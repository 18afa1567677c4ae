import Foundation
import Testing

/// CI's check of the training scenarios: `omnipanel run --check` passes on every example,
/// from any folder (a transcript names its script by file name only).
@Suite struct ExampleCheckTests {
    static let examples = Binary.packageRoot.appendingPathComponent("Examples")

    static let scripts: [String] =
        ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []).filter { $0.hasSuffix(".omni") }.sorted()

    @Test(arguments: scripts)
    func checkPasses(_ script: String) throws {
        let result = try Binary.run(["run", "--check", Self.examples.appendingPathComponent(script).path])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(summary.hasSuffix(" passed, 0 failed"), "\(summary)")
        #expect(!summary.hasPrefix("0 passed"))
    }
}
