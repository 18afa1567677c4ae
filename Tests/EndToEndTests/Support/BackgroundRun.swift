import Foundation

extension Binary {
    /// A run of the binary, possibly left going, for tests that act while it runs: hold its lock, kill it, read
    /// its files. Its input is written and its output read on other threads, so neither side can
    /// block the other however much they exchange.
    final class Running: @unchecked Sendable {
        let process = Process()
        private let group = DispatchGroup()
        private var output = Data()
        private var error = Data()

        fileprivate init(_ arguments: [String], input: Data, environment: [String: String]) throws {
            process.executableURL = Binary.url
            process.arguments = arguments
            var merged = ProcessInfo.processInfo.environment
            merged["NO_COLOR"] = nil
            merged.merge(environment) { _, new in new }
            process.environment = merged
            let standardInput = Pipe()
            let standardOutput = Pipe()
            let standardError = Pipe()
            process.standardInput = standardInput
            process.standardOutput = standardOutput
            process.standardError = standardError
            // A process that ends before reading all its input must not end the tests with SIGPIPE.
            signal(SIGPIPE, SIG_IGN)
            try process.run()
            DispatchQueue.global().async {
                try? standardInput.fileHandleForWriting.write(contentsOf: input)
                try? standardInput.fileHandleForWriting.close()
            }
            DispatchQueue.global().async(group: group) {
                self.output = standardOutput.fileHandleForReading.readDataToEndOfFile()
            }
            DispatchQueue.global().async(group: group) {
                self.error = standardError.fileHandleForReading.readDataToEndOfFile()
            }
        }

        /// Waits for the end; `killed` tells whether a signal ended it.
        func finish() -> (result: Result, killed: Bool) {
            process.waitUntilExit()
            group.wait()
            let result = Result(
                status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
                stderr: String(decoding: error, as: UTF8.self))
            return (result, process.terminationReason == .uncaughtSignal)
        }
    }

    /// Starts the binary with `arguments` and `input` on standard input, without waiting; `environment`
    /// entries are added to the test's own environment (without `NO_COLOR`).
    static func start(_ arguments: [String], input: Data = Data(), environment: [String: String] = [:]) throws
        -> Running
    {
        try Running(arguments, input: input, environment: environment)
    }
}

extension TemporaryDirectory {
    /// The bytes of `name` inside the directory, or `nil` when there is no such file.
    func bytes(_ name: String) -> Data? { FileManager.default.contents(atPath: path(name)) }
}
