import ArgumentParser
import FoundationEssentials

/// The part of argument-parser's description of a command line (its `ToolInfoV0` JSON, as
/// `omnipanel --experimental-dump-help` prints it) that the manual page and shell completion read:
/// the commands, their options, flags and positionals, with their values and completions.
struct ToolInfo: Decodable {
    let command: Command

    /// `omnipanel`'s command line.
    static var commandLine: Command {
        do {
            return try JSONDecoder().decode(ToolInfo.self, from: Data(Omnipanel._dumpHelp().utf8)).command
        } catch {
            fatalError("argument-parser's description of the command line does not decode: \(error)")
        }
    }

    struct Command: Decodable {
        let commandName: String
        let abstract: String?
        let discussion: String?
        let shouldDisplay: Bool
        let defaultSubcommand: String?
        let arguments: [Argument]?
        let subcommands: [Command]?

        /// The options and flags shown in help, without the built-in `--help`.
        var options: [Argument] {
            (arguments ?? []).filter {
                $0.kind != "positional" && $0.shouldDisplay && $0.spellings != ["-h", "--help"]
            }
        }

        /// The positional arguments, in order.
        var positionals: [Argument] { (arguments ?? []).filter { $0.kind == "positional" } }

        /// The subcommand called `name`.
        func subcommand(_ name: String) -> Command? { subcommands?.first { $0.commandName == name } }
    }

    struct Argument: Decodable {
        let kind: String
        let names: [Name]?
        let valueName: String?
        let abstract: String?
        let shouldDisplay: Bool
        let allValues: [String]?
        let parsingStrategy: String?
        let completionKind: [String: Completion]?

        /// Every way to write it: `-c`, `--world`.
        var spellings: [String] { (names ?? []).map { $0.kind == "long" ? "--" + $0.name : "-" + $0.name } }

        /// Whether it takes a value: an option (not a flag, nor a positional).
        var takesValue: Bool { kind == "option" }

        /// Whether it takes every word after it (`do`'s command).
        var takesTheRest: Bool { parsingStrategy == "allRemainingInput" }

        /// The extensions of the files its value names (none: any file), or nil when it names no file.
        var fileExtensions: [String]? { completionKind?["file"].map { $0.extensions ?? [] } }
    }

    struct Name: Decodable {
        let kind: String
        let name: String
    }

    /// A completion kind's values: `{"file": {"extensions": ["json"]}}`.
    struct Completion: Decodable {
        let extensions: [String]?
    }
}
