import Foundation

/// Runs the built `omnipanel` binary as a child process.
enum Binary {
    /// The built executable: beside the test bundle in SwiftPM's products directory.
    static let url: URL = {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            bundleDirectory.appendingPathComponent("omnipanel"),
            packageRoot.appendingPathComponent(".build/debug/omnipanel"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// What a run printed and how it ended.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary with `arguments`, feeding `input` on standard input.
    static func run(_ arguments: [String], input: Data = Data(), environment: [String: String] = [:]) throws -> Result {
        try start(arguments, input: input, environment: environment).finish().result
    }

    /// Runs the binary with a script on standard input.
    static func run(_ arguments: [String] = [], script: String) throws -> Result {
        try run(arguments, input: Data(script.utf8))
    }
}

extension Binary {
    /// The arguments argument-parser's completion scripts run when Tab is pressed on the last of
    /// `words` (after `omnipanel`): `---completion` and the argument asked about — `-c`, or
    /// `__prompt -- positional@0` for a one-shot command word — its index, the cursor in it, the words.
    static func completionRequest(for argument: String, _ words: [String]) -> [String] {
        let call =
            argument == "-c" ? ["---completion", "--", "-c"] : ["---completion", "__prompt", "--", "positional@0"]
        return call + [String(words.count), String(words.last?.count ?? 0), "omnipanel"] + words
    }
}
