import Foundation
import Testing

/// CI's check of the training scenarios: `omnipanel run --check` passes on every example,
/// from any folder (a transcript names its script by file name only).
@Suite struct ExampleCheckTests {
    static let examples = Binary.packageRoot.appendingPathComponent("Examples")

    /// The scripts in `Examples/`; none when the folder cannot be read, which ``theExamplesAreThere`` reports.
    static let scripts: [String] =
        ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []).filter { $0.hasSuffix(".omni") }
        .sorted()

    /// The parameterized check below runs no case at all when the folder is missing or empty: this fails then.
    @Test func theExamplesAreThere() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.examples.path)
        #expect(names.filter { $0.hasSuffix(".omni") }.count >= 5, "Examples/ holds \(names)")
        #expect(Self.scripts.count >= 5)
    }

    @Test(arguments: scripts)
    func checkPasses(_ script: String) throws {
        let result = try Binary.run(["run", "--check", Self.examples.appendingPathComponent(script).path])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(summary.hasSuffix(" passed, 0 failed"), "\(summary)")
        #expect(!summary.hasPrefix("0 passed"))
    }
}
