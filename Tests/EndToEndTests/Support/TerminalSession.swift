import Foundation
import SessionPanel
import Testing

/// What a terminal shows: its rows and where the cursor is.
struct Screen: CustomStringConvertible {
    var rows: [String]
    var cursorColumn: Int
    var cursorRow: Int

    /// The row the cursor is on, without trailing spaces.
    var cursorLine: String {
        rows.indices.contains(cursorRow) ? String(rows[cursorRow].reversed().drop { $0 == " " }.reversed()) : ""
    }

    /// The text before the cursor on its row (trailing spaces kept: they were typed).
    var beforeCursor: String { rows.indices.contains(cursorRow) ? String(rows[cursorRow].prefix(cursorColumn)) : "" }

    /// Every row, joined by newlines.
    var text: String { rows.joined(separator: "\n") }

    var description: String { text + "\n[cursor at row \(cursorRow), column \(cursorColumn)]" }
}

/// A program running in a real pseudo-terminal, inside a private tmux server: keys go in with
/// `send-keys`, the screen comes out with `capture-pane`, and waits poll until the screen shows
/// what is expected (or a generous timeout passes), never a fixed sleep.
final class TerminalSession {
    /// Whether tmux is installed (CI installs it; other tests skip with this reason when it is not).
    static let isAvailable = Tool.isInstalled("tmux")

    private let directory: TemporaryDirectory
    private let socket: String

    /// Starts `command` in a `columns`×`rows` terminal with TERM=xterm-256color, LANG=C.UTF-8 and
    /// `environment` added, in `workingDirectory` (default: a fresh temporary one).
    init(
        _ command: [String], environment: [String: String] = [:], workingDirectory: URL? = nil,
        columns: Int = 100, rows: Int = 40
    ) throws {
        directory = try TemporaryDirectory()
        socket = directory.path("tmux.sock")
        let config = try directory.write(
            "set -g default-terminal xterm-256color\nset -s escape-time 0\n", to: "tmux.conf")
        let variables = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color"].merging(environment) { $1 }
        // tmux gives the new pane the PATH of the client that asked for it, whatever `-e` says.
        let result = try tmux(
            environment: ["PATH": variables["PATH"] ?? ProcessInfo.processInfo.environment["PATH"]],
            [
                "-f", config.path, "new-session", "-d", "-x", String(columns), "-y", String(rows),
                "-c", (workingDirectory ?? directory.url).path,
            ]
                + variables.sorted { $0.key < $1.key }.flatMap { ["-e", "\($0.key)=\($0.value)"] }
                + ["--"] + command)
        guard result.status == 0 else { throw Failure("tmux could not start \(command): \(result.stderr)") }
    }

    deinit {
        _ = try? tmux(["kill-server"])
        directory.remove()
    }

    /// Types `text` literally.
    func type(_ text: String) throws { try send(["-l", text]) }

    /// Sends raw bytes, as a terminal would pass them on (for bytes that are not text).
    func send(bytes: [UInt8]) throws { try send(["-H"] + bytes.map { String($0, radix: 16) }) }

    /// Presses keys by tmux name: `Tab`, `Enter`, `Up`, `C-c`, `C-u`, `M-2`, …
    func press(_ keys: String...) throws { try send(keys) }

    /// Types `line` and presses Enter.
    func enter(_ line: String) throws {
        try type(line)
        try press("Enter")
    }

    /// What the terminal shows now.
    func screen() throws -> Screen {
        let rows = try tmux(["capture-pane", "-p", "-N"]).stdout.split(
            separator: "\n", omittingEmptySubsequences: false)
        let cursor = try tmux(["display-message", "-p", "#{cursor_x} #{cursor_y}"]).stdout
            .split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return Screen(rows: rows.map(String.init), cursorColumn: cursor.first ?? 0, cursorRow: cursor.last ?? 0)
    }

    /// Waits until `condition` holds for the screen and returns it; records an issue showing the
    /// screen and returns nil if it does not within `timeout` seconds.
    @discardableResult
    func wait(
        for what: String, timeout: Double = 20, sourceLocation: SourceLocation = #_sourceLocation,
        until condition: (Screen) -> Bool
    ) throws -> Screen? {
        let deadline = Date().addingTimeInterval(timeout)
        var last = try screen()
        while !condition(last) {
            guard Date() < deadline else {
                Issue.record(
                    "timed out waiting for \(what); the terminal shows:\n\(last)", sourceLocation: sourceLocation)
                return nil
            }
            Thread.sleep(forTimeInterval: 0.05)
            last = try screen()
        }
        return last
    }

    /// Types `text`, presses Tab and waits until `condition` holds for the screen (see ``wait(for:timeout:sourceLocation:until:)``).
    @discardableResult
    func complete(
        _ text: String, expecting what: String, sourceLocation: SourceLocation = #_sourceLocation,
        until condition: (Screen) -> Bool
    ) throws -> Screen? {
        try type(text)
        try press("Tab")
        return try wait(for: what, sourceLocation: sourceLocation, until: condition)
    }

    /// Resizes the terminal, as a person dragging the window's corner would.
    func resize(columns: Int, rows: Int = 40) throws {
        let result = try tmux(["resize-window", "-x", String(columns), "-y", String(rows)])
        guard result.status == 0 else { throw Failure("tmux resize-window failed: \(result.stderr)") }
    }

    /// The process id of the program tmux started in the terminal.
    func processID() throws -> pid_t {
        let text = try tmux(["display-message", "-p", "#{pane_pid}"]).stdout
        guard let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Failure("no pane pid in \(text)")
        }
        return pid
    }

    /// Whether the program rang the terminal bell since it started (tmux flags a bell in a session no
    /// client is attached to, as here).
    func bellRang() throws -> Bool {
        try tmux(["display-message", "-p", "#{window_bell_flag}"]).stdout.trimmingCharacters(
            in: .whitespacesAndNewlines) == "1"
    }

    /// Whether the program is still running in the terminal.
    var isRunning: Bool { (try? tmux(["has-session"]).status == 0) ?? false }

    /// Waits until the program has ended (its terminal closes with it); records an issue if it has not within `timeout` seconds.
    /// Types `command`, presses Enter and waits until the prompt is back on a later row. Keys pressed
    /// while the program is still printing reach a terminal in its ordinary (canonical) mode, where
    /// Ctrl-D is the tty's end-of-file mark, not a key: a test waits before pressing the next one.
    @discardableResult
    func run(_ command: String, prompt: String = PromptText.prompt, sourceLocation: SourceLocation = #_sourceLocation)
        throws -> Screen?
    {
        try type(command)
        try press("Enter")
        return try wait(for: "the prompt after \(command)", sourceLocation: sourceLocation) { screen in
            guard screen.beforeCursor == prompt else { return false }
            let typed = screen.rows.lastIndex { $0.hasPrefix(prompt + command) }
            return typed.map { $0 < screen.cursorRow } ?? true
        }
    }

    func waitUntilEnded(timeout: Double = 20, sourceLocation: SourceLocation = #_sourceLocation) {
        let deadline = Date().addingTimeInterval(timeout)
        while isRunning {
            guard Date() < deadline else {
                Issue.record("the program is still running after \(timeout) seconds", sourceLocation: sourceLocation)
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    private func send(_ arguments: [String]) throws {
        let result = try tmux(["send-keys"] + arguments)
        guard result.status == 0 else { throw Failure("tmux send-keys \(arguments) failed: \(result.stderr)") }
    }

    private func tmux(environment: [String: String?] = [:], _ arguments: [String]) throws -> Binary.Result {
        guard let tmux = Tool.path("tmux") else { throw Failure("tmux is not installed") }
        return try runProcess(tmux, ["-S", socket] + arguments, environment: environment.merging(["TMUX": nil]) { $1 })
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

extension TerminalSession {
    /// Starts the built `omnipanel` with `arguments` in a `columns`×`rows` terminal, with `folder` as its
    /// home and working directory (so history and state stay there), and waits for its first prompt.
    static func omnipanel(
        _ arguments: [String] = [], in folder: TemporaryDirectory, columns: Int = 100, rows: Int = 40
    ) throws -> TerminalSession {
        let terminal = try TerminalSession(
            [Binary.url.path] + arguments,
            environment: ["HOME": folder.url.path, "XDG_STATE_HOME": folder.path("state")],
            workingDirectory: folder.url, columns: columns, rows: rows)
        try terminal.wait(for: "the prompt") { $0.beforeCursor == PromptText.prompt }
        return terminal
    }
}
