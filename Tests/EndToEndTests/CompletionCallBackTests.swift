import Foundation
import Testing

/// The completion scripts' call-back into the built binary (`__complete`), run as the scripts run it.
/// (CommandLineCompletionTests checks the replies in process.)
@Suite struct CompletionCallBackTests {
    /// A call-back that is not one is a usage error: one line and a hint, status 2, nothing on
    /// standard output; argument-parser's own call-back (`---completion`, which stopped the program
    /// with SIGILL on a negative cursor) has no completion left to run.
    @Test(arguments: [
        ["__complete", "bash", "-5", "omnipanel", "-c", "sw"], ["__complete", "bash", "0", "omnipanel"],
        ["__complete", "bash", "9", "omnipanel", "-c", "sw"], ["__complete", "bash", "x", "omnipanel"],
        ["__complete", "bash"], ["__complete", "tcsh", "1", "omnipanel", ""],
        ["---completion", "--", "-c", "2", "-5", "omnipanel", "-c", "sw"],
        ["---completion", "prompt", "--", "-c", "2", "-5", "omnipanel", "-c", "sw"],
    ])
    func aBadCallBackIsAUsageError(arguments: [String]) throws {
        let result = try Binary.run(arguments)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("omnipanel: "))
        #expect(result.stderr.split(separator: "\n").count == 2, "\(result.stderr)")
    }

    @Test func eachShellGetsTheCandidatesItsScriptReads() throws {
        let bash = try Binary.run(["__complete", "bash", "2", "omnipanel", "do", "sw"])
        #expect(bash.status == 0 && bash.stdout == "words\nswitch\n", "\(bash.stderr)")
        let zsh = try Binary.run(["__complete", "zsh", "1", "omnipanel", "--w"])
        #expect(zsh.stdout.hasPrefix("words\n--world:Load the world from a JSON file"))
        let fish = try Binary.run(["__complete", "fish", "2", "omnipanel", "run", ""])
        #expect(fish.stdout == "files omni\n")
    }
}
