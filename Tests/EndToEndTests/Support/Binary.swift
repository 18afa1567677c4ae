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
    /// The arguments the completion scripts run when Tab is pressed on the last of `words` (after
    /// `omnipanel`) in `shell`: `__complete`, the shell, the word's index, the words.
    static func completionRequest(_ words: [String], shell: String = "bash") -> [String] {
        ["__complete", shell, String(words.count), "omnipanel"] + words
    }
}
