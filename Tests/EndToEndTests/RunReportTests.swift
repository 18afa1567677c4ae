import Foundation
import Testing

/// `omnipanel run --report SCRIPT`: the shift's report after the script.
@Suite struct RunReportTests {
    private static let script = """
        incoming chat "Kenny Smith"
        clock advance 20s
        accept
        message 1 hello
        clock advance 40s
        reply hi

        """

    private func run(_ arguments: [String]) throws -> Binary.Result {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(Self.script, to: "s.omni")
        return try runProcess(Binary.url.path, ["run"] + arguments + ["s.omni"], directory: folder.url)
    }

    @Test func theReportFollowsTheScript() throws {
        let result = try run(["--quiet", "--report"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Shift report at 00:01:00\n"))
        #expect(result.stdout.contains("  Speed to answer            average 20s, longest 20s\n"))
        #expect(
            result.stdout.contains("  First response time        median 40s, 90th percentile 40s (1 conversation)\n"))
    }

    @Test func withJSONTheReportIsTheLastLine() throws {
        let result = try run(["--format", "json", "--report"])
        #expect(result.status == 0, "\(result.stderr)")
        let last = try #require(result.stdout.split(separator: "\n").last)
        #expect(last.hasPrefix("{\"type\":\"report\",\"shiftSeconds\":60,\"offered\":1,\"accepted\":1,"))
    }

    @Test(arguments: ["--check", "--record"])
    func checkAndRecordRefuseIt(_ mode: String) throws {
        let result = try run([mode, "--report"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("omnipanel: --report goes with a plain run, not --check, --record or --cast"))
    }
}
