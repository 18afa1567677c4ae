import Foundation
import Testing

/// Runs the built `omnipanel` (and the shells and tmux around it) for the robustness tests.
/// Output goes to files, never pipes, so a program that leaves a server behind (tmux) cannot hang a test.
enum BinaryHarness {
    /// The `omnipanel` built beside the test bundle.
    static let omnipanel: String = {
        var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/", !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("omnipanel").path) {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("omnipanel").path
    }()

    /// What a finished program left behind.
    struct Result {
        var status: Int32
        var output: [UInt8]
        var errors: String
        var outputText: String { String(decoding: output, as: UTF8.self) }
    }

    /// Runs `executable` with `arguments`, `input` on standard input and `environment` added.
    ///
    /// posix_spawn and waitpid, not Foundation's `Process`, which on Linux also waits for descriptors
    /// the child passed on, and so never returns from starting a tmux server.
    static func run(
        _ executable: String, _ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:]
    ) throws -> Result {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let files = ["in", "out", "err"].map { scratch.file($0).path }
        try Data(input).write(to: scratch.file("in"))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, files[0], O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, files[1], O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, files[2], O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // The child starts with no signal blocked or ignored, as from a login shell: the test runner's
        // threads may block SIGINT or SIGTERM, and a program that inherited that would never see them.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw TmuxTerminal.Failure("cannot run \(executable): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return Result(
            status: status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
            output: Array(try Data(contentsOf: scratch.file("out"))),
            errors: try String(contentsOf: scratch.file("err"), encoding: .utf8))
    }

    /// Runs `omnipanel` itself.
    static func omnipanel(_ arguments: [String], input: [UInt8] = []) throws -> Result {
        try run(omnipanel, arguments, input: input)
    }

    /// A temporary folder, removed by ``remove()``.
    struct Scratch {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("omnipanel-robust-\(UUID().uuidString)")

        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }

        func file(_ name: String) -> URL { url.appendingPathComponent(name) }

        func read(_ name: String) -> String? { try? String(contentsOf: file(name), encoding: .utf8) }

        func remove() { try? FileManager.default.removeItem(at: url) }
    }

    /// Polls `condition` every 50 ms until it holds (true) or `timeout` seconds pass (false).
    static func eventually(timeout: Double = 20, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return try condition()
    }
}

/// A program in a real pseudo-terminal: a private tmux server (its own `-L` socket name) running one
/// window, driven with send-keys and read with capture-pane.
final class TmuxTerminal {
    static let isAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")

    private let socket = "omnipanel-robust-\(UUID().uuidString)"

    /// Starts `command` (run by `sh -c`) in a `columns`×`rows` window with `environment` added.
    init(_ command: String, columns: Int, rows: Int = 40, environment: [String: String] = [:]) throws {
        let variables = ["TERM": "xterm-256color", "LANG": "C.UTF-8"].merging(environment) { $1 }
        let result = try tmux(
            ["new-session", "-d", "-x", String(columns), "-y", String(rows)]
                + variables.sorted { $0.key < $1.key }.flatMap { ["-e", "\($0.key)=\($0.value)"] } + [command])
        guard result.status == 0 else { throw Failure("tmux could not start: \(result.errors)") }
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Types text literally.
    func type(_ text: String) throws { _ = try tmux(["send-keys", "-l", text]) }

    /// Presses keys by tmux name (`Enter`, `C-c`).
    func press(_ keys: String...) throws { _ = try tmux(["send-keys"] + keys) }

    /// The screen's rows.
    func screen() throws -> [String] {
        try tmux(["capture-pane", "-p"]).outputText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Waits until the screen shows something that satisfies `condition`; records an issue with the
    /// screen and returns false if it does not within the timeout.
    @discardableResult
    func waitFor(_ what: String, sourceLocation: SourceLocation = #_sourceLocation, _ condition: ([String]) -> Bool) throws -> Bool {
        var last: [String] = []
        let shown = try BinaryHarness.eventually {
            last = try screen()
            return condition(last)
        }
        if !shown { Issue.record("timed out waiting for \(what); the screen:\n\(last.joined(separator: "\n"))", sourceLocation: sourceLocation) }
        return shown
    }

    /// Resizes the window.
    func resize(columns: Int, rows: Int = 40) throws {
        _ = try tmux(["resize-window", "-x", String(columns), "-y", String(rows)])
    }

    /// The process id of the shell tmux started for the command.
    func shellProcess() throws -> Int32 {
        Int32(try tmux(["display-message", "-p", "#{pane_pid}"]).outputText.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    private func tmux(_ arguments: [String]) throws -> BinaryHarness.Result {
        try BinaryHarness.run("/usr/bin/tmux", ["-L", socket, "-f", "/dev/null"] + arguments, environment: ["TMUX": ""])
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
