import Foundation
import SessionPanel
import Testing

/// The trainer's hold on the live clock, in a real pseudo-terminal (tmux): F9 and `clock pause` stop
/// it, `clock speed` changes its pace while it runs, and it stands still while omnipanel is suspended.
/// Waits poll the screen; the only sleep is the suspension itself, which is what is measured.
@Suite(.requiresTerminal)
struct LiveClockControlTests {
    static let prompt = PromptText.prompt

    /// The simulated seconds the last `Clock: HH:MM:SS` (`Clock: 1d HH:MM:SS` after day 0) line on the screen reads.
    private func clock(_ terminal: TerminalSession) throws -> Int {
        let screen = try #require(try terminal.run("clock"))
        let line = try #require(screen.rows.last { $0.hasPrefix("Clock: ") })
        let words = line.split(separator: " ").dropFirst()
        let day = words.count == 2 ? try #require(Int(words.first?.dropLast() ?? "")) : 0
        let parts = try #require(words.last).split(separator: ":").compactMap { Int($0) }
        try #require(parts.count == 3)
        return ((day * 24 + parts[0]) * 60 + parts[1]) * 60 + parts[2]
    }

    @Test("F9 pauses the clock and keeps the half-typed line; F9 again resumes it")
    func pauseKey() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let terminal = try TerminalSession.omnipanel(["--speed", "1000"], in: folder)
        try terminal.type("clo")
        try terminal.press("F9")
        let paused = try terminal.wait(for: "the pause") { $0.text.contains("The shift's clock is paused") }
        #expect(paused?.beforeCursor == Self.prompt + "clo")
        try terminal.press("C-u")
        let first = try clock(terminal)
        _ = try terminal.run("show")  // at speed 1000, a round trip moves a running clock on by many seconds
        #expect(try clock(terminal) == first)
        try terminal.press("F9")
        try terminal.wait(for: "the resume") { $0.text.contains("The shift's clock runs again.") }
        var later = first
        let deadline = Date().addingTimeInterval(20)
        while later == first, Date() < deadline { later = try clock(terminal) }
        #expect(later > first)
    }

    @Test("clock speed changes the pace while the shift runs; clock pause and resume stop and start it")
    func speedAndPauseCommands() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let terminal = try TerminalSession.omnipanel(["--speed", "0"], in: folder)
        let stood = try clock(terminal)
        _ = try terminal.run("show")
        #expect(try clock(terminal) == stood)
        try #require(try terminal.run("clock speed 1000") != nil)
        var moved = stood
        let deadline = Date().addingTimeInterval(20)
        while moved == stood, Date() < deadline { moved = try clock(terminal) }
        #expect(moved > stood)
        _ = try terminal.run("clock pause")
        let paused = try clock(terminal)
        _ = try terminal.run("show")
        #expect(try clock(terminal) == paused)
        _ = try terminal.run("clock speed fast")
        #expect(try terminal.screen().text.contains("clock speed takes a factor from 0 to 1000"))
    }

    /// Under a job-control shell, as a person runs it: Ctrl-Z, some seconds, `fg`. The clock runs at
    /// 100 times the wall clock, so the four seconds suspended would show as 400 simulated ones.
    @Test("the clock stands still while omnipanel is suspended (Ctrl-Z, then fg)")
    func suspension() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let terminal = try TerminalSession(
            ["bash", "--norc", "--noprofile", "-i"],
            environment: ["HOME": folder.url.path, "XDG_STATE_HOME": folder.path("state"), "PS1": "$ "],
            workingDirectory: folder.url)
        try terminal.wait(for: "the shell") { $0.beforeCursor == "$ " }
        try terminal.type("'\(Binary.url.path)' --speed 100")
        try terminal.press("Enter")
        try terminal.wait(for: "the prompt") { $0.beforeCursor == Self.prompt }
        let speed = 100.0
        let before = try clock(terminal)
        let startWall = Date()
        try terminal.press("C-z")
        try terminal.wait(for: "the shell's job line") { $0.text.contains("Stopped") && $0.beforeCursor == "$ " }
        let stoppedFrom = Date()
        Thread.sleep(forTimeInterval: 4)  // the suspension under test, not a wait for an outcome
        let stoppedUntil = Date()
        try terminal.type("fg")
        try terminal.press("Enter")
        let after = try clock(terminal)
        let running = Date().timeIntervalSince(startWall) - stoppedUntil.timeIntervalSince(stoppedFrom)
        #expect(
            Double(after - before) <= speed * (running + 1),
            "the clock moved \(after - before)s in \(running)s awake (suspended 4s)")
    }
}
