import Foundation
import Testing

/// The completion scripts' call-back into the built binary (`---completion`), run as the scripts run it.
/// (CommandLineCompletionTests checks the candidates in process.)
@Suite struct CompletionCallBackTests {
    /// The scripts' call-back is checked before argument-parser reads it (a negative cursor stopped
    /// the program with SIGILL): one line, status 2.
    @Test(arguments: [
        ["-c", "2", "-5"], ["-c", "-1", "2"], ["-c", "2", "99999999999999999999"], ["-c", "2", "x"], ["-c", "2"],
    ])
    func aBadCallBackIsAUsageError(arguments: [String]) throws {
        for call in [["---completion", "--"], ["---completion", "__prompt", "--"]] {
            let result = try Binary.run(call + arguments + ["omnipanel", "-c", "sw"])
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("omnipanel: ---completion: "))
            #expect(result.stderr.split(separator: "\n").count == 2, "\(result.stderr)")
        }
        let good = try Binary.run(["---completion", "--", "-c", "2", "2", "omnipanel", "-c", "sw"])
        #expect(good.status == 0 && good.stdout == "switch\n", "\(good.stderr)")
    }
}
