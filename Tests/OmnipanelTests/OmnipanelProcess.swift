import Foundation
import Testing

/// The built `omnipanel` executable, run as a separate process, for tests of the command line.
struct OmnipanelProcess {
    /// What a finished run left behind.
    struct Result {
        let status: Int32
        let output: String
        let error: String
        /// Whether the process was ended by a signal rather than exiting.
        let killed: Bool
    }

    /// A started process. Its input is written and its output read on other threads, so neither
    /// side can block the other however much they exchange.
    final class Running: @unchecked Sendable {
        let process = Process()
        private let group = DispatchGroup()
        private var output = Data()
        private var error = Data()

        fileprivate init(_ arguments: [String], in folder: URL, input: String) throws {
            process.executableURL = OmnipanelProcess.executable
            process.arguments = arguments
            process.currentDirectoryURL = folder
            var environment = ProcessInfo.processInfo.environment
            environment["NO_COLOR"] = "1"
            process.environment = environment
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
                try? standardInput.fileHandleForWriting.write(contentsOf: Data(input.utf8))
                try? standardInput.fileHandleForWriting.close()
            }
            DispatchQueue.global().async(group: group) { self.output = standardOutput.fileHandleForReading.readDataToEndOfFile() }
            DispatchQueue.global().async(group: group) { self.error = standardError.fileHandleForReading.readDataToEndOfFile() }
        }

        /// Waits for the process to end and collects what it printed.
        func finish() -> Result {
            process.waitUntilExit()
            group.wait()
            return Result(
                status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                error: String(decoding: error, as: UTF8.self), killed: process.terminationReason == .uncaughtSignal)
        }
    }

    /// `omnipanel` beside the test bundle, in the same build folder.
    static let executable: URL = {
        let bundle = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL
            ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return bundle.deletingLastPathComponent().appendingPathComponent("omnipanel")
    }()

    /// Starts `omnipanel` with `arguments` in `folder`, standard input from `input`.
    static func start(_ arguments: [String], in folder: URL, input: String = "") throws -> Running {
        try Running(arguments, in: folder, input: input)
    }

    /// Runs `omnipanel` with `arguments` in `folder` to the end.
    static func run(_ arguments: [String], in folder: URL, input: String = "") throws -> Result {
        try start(arguments, in: folder, input: input).finish()
    }
}

/// A fresh empty folder under the system's temporary folder, removed by the caller with `remove()`.
struct ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("omnipanel-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The bytes of `name`, or `nil` when it does not exist.
    func bytes(_ name: String) -> Data? { FileManager.default.contents(atPath: path(name)) }

    /// Writes `contents` to `name`.
    func write(_ contents: String, to name: String) throws {
        try Data(contents.utf8).write(to: url.appendingPathComponent(name))
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
