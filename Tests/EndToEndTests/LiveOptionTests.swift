import Foundation
import Testing

/// The live options' bad input: a one-line usage error (and its hint), status 2, nothing started.
/// The wording of a value that is not a number or not one of the choices is argument-parser's.
struct LiveOptionTests {
    @Test(
        "a negative, absurd or not-a-number speed is a usage error",
        arguments: ["-1", "1001", "1e300", "nan", "inf", "fast", ""])
    func badSpeed(value: String) throws {
        let result = try Binary.run(["--speed", value])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasPrefix("omnipanel: ") && lines[0].contains("--speed"), "\(lines)")
        #expect(lines.last == "Run 'omnipanel --help' for usage.")
        #expect(result.stdout.isEmpty)
    }

    @Test("a negative speed is out of range, not a missing value")
    func negativeSpeed() throws {
        let result = try Binary.run(["--speed", "-1"])
        #expect(result.status == 2)
        #expect(
            result.stderr.hasPrefix(
                "omnipanel: --speed takes a factor from 0 (the clock stands still) to 1000, not -1.0\n"),
            "\(result.stderr)")
    }

    @Test("an unknown traffic profile, a bad seed, a seed without traffic are usage errors")
    func badTraffic() throws {
        let profile = try Binary.run(["--traffic", "busy"])
        #expect(
            profile.status == 2
                && profile.stderr.hasPrefix(
                    "omnipanel: The value 'busy' is invalid for '--traffic <profile>'. Please provide one of 'off', 'light', 'steady' or 'rush'.\n"
                ))
        let seed = try Binary.run(["--traffic", "steady", "--seed", "-3"])
        #expect(seed.status == 2 && seed.stderr.contains("'--seed <number>'"))
        let alone = try Binary.run(["--seed", "7"])
        #expect(alone.status == 2 && alone.stderr.hasPrefix("omnipanel: --seed goes with --traffic"))
    }

    @Test("the live options start the prompt: with commands, or without a terminal, they are refused")
    func onlyForThePrompt() throws {
        let commands = try Binary.run(["--traffic", "steady", "-c", "show"])
        #expect(
            commands.status == 2
                && commands.stderr.hasPrefix(
                    "omnipanel: --traffic, --seed, --scenario and --speed start the interactive prompt")
        )
        let piped = try Binary.run(["--speed", "10"], script: "show\n")
        #expect(piped.status == 2 && piped.stderr.contains("need a terminal"))
        #expect(piped.stdout.isEmpty)
    }
}
