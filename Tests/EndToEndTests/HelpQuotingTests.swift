import Foundation
import Testing

/// Issue 20, "no literal backticks in terminal text": what the program prints about itself — every
/// subcommand's help, the panel's help of every command, usage errors — quotes a command as
/// 'help', never with Markdown's backticks.
@Suite struct HelpQuotingTests {
    /// Every subcommand's name, the hidden ones too (`__manual`), as argument-parser describes the
    /// command line.
    private func subcommands() throws -> [String] {
        let dump = try Binary.run(["--experimental-dump-help"])
        let tool = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let command = try #require(tool["command"] as? [String: Any])
        let names = (command["subcommands"] as? [[String: Any]] ?? []).compactMap { $0["commandName"] as? String }
        #expect(names.contains("run") && names.contains("completions"), "\(names)")
        return names
    }

    private func expectNoBacktick(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = text.split(separator: "\n").filter { $0.contains("`") }
        #expect(lines.isEmpty, "\(what): \(lines.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    @Test("'omnipanel --help' and every subcommand's help have no backticks")
    func commandLineHelp() throws {
        let root = try Binary.run(["--help"], environment: ["COLUMNS": "80"])
        #expect(root.status == 0)
        expectNoBacktick(root.stdout, "omnipanel --help")
        for name in try subcommands() where name != "help" {
            // `help <name>` reaches only the shown ones: `help __manual` is the panel's help of a command.
            for arguments in [[name, "--help"]] + (name.hasPrefix("__") ? [] : [["help", name]]) {
                let result = try Binary.run(arguments, environment: ["COLUMNS": "80"])
                #expect(result.status == 0 && !result.stdout.isEmpty, "omnipanel \(arguments.joined(separator: " "))")
                expectNoBacktick(result.stdout + result.stderr, "omnipanel \(arguments.joined(separator: " "))")
            }
        }
    }

    @Test(
        "usage errors, argument-parser's and ours, have no backticks",
        arguments: [
            ["--bogus"], ["run", "--bogus", "x.omni"], ["run"], ["completions"], ["completions", "tcsh"],
            ["-c", "help", "accept"], ["--world", ""], ["--state", ""], ["--width", "5"], ["--seed", "1"],
            ["--scenario", ""], ["run", ""], ["run", "--cast", "", "x.omni"], ["run", "--pace", "99", "x.omni"],
            ["run", "--check", "--record", "x.omni"], ["run", "--format", "json", "--pace", "1", "x.omni"],
            ["run", "--cast", "c.cast", "--check", "x.omni"], ["run", "--check", "-"], ["export"],
            ["import", "x.json"],
            ["--state", "s.db", "import", ""], ["--traffic", "storm"],
        ])
    func usageErrors(arguments: [String]) throws {
        let result = try Binary.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
        expectNoBacktick(result.stdout + result.stderr, "omnipanel \(arguments.joined(separator: " "))")
    }

    @Test("the panel's help, help keys and help of every command have no backticks")
    func panelHelp() throws {
        let help = try Binary.run(["-c", "help"])
        #expect(help.status == 0)
        expectNoBacktick(help.stdout, "help")
        let words = help.stdout.split(separator: "\n").compactMap {
            $0.hasPrefix("  ") ? $0.split(separator: " ").first.map(String.init) : nil
        }
        #expect(words.count >= 30, "the panel's help lists its commands: \(help.stdout)")
        let topics = ["keys"] + words
        let each = try Binary.run(["-c", topics.map { "help \($0)" }.joined(separator: "; ")])
        #expect(each.status == 0, "\(each.stderr)")
        for topic in topics { #expect(each.stdout.contains("usage: \(topic)") || topic == "keys", "help \(topic)") }
        expectNoBacktick(each.stdout + each.stderr, "help <command>")
    }
}
