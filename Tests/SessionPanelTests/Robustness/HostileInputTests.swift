import Testing

@testable import SessionPanel

/// Input meant to break the shell, each with the clear one-line error it must give instead. Every
/// refused line leaves the state as it was, and nothing a customer wrote reaches the output raw.
struct HostileInputTests {
    /// Runs script lines (raw bytes) from a fresh shift with one chat accepted, returning what was printed.
    private func run(_ lines: [[UInt8]], quiet: Bool = false) -> (events: [ScriptRunner.Event], runner: ScriptRunner) {
        var runner = ScriptRunner(name: "hostile.omni", state: PanelState(), options: .init(quiet: quiet))
        var events: [ScriptRunner.Event] = []
        _ = runner.run((["incoming chat", "accept"] + lines.map { InputLine($0) }) as [InputLine]) { events.append($0) }
        return (events, runner)
    }

    private func errors(_ events: [ScriptRunner.Event]) -> [String] {
        events.compactMap { if case .error(let line) = $0 { line } else { nil } }
    }

    private func printed(_ events: [ScriptRunner.Event]) -> [String] {
        events.flatMap { event -> [String] in
            switch event {
            case .output(let lines), .expectationFailed(let lines), .commandFailed(let lines): lines
            case .question(let text), .error(let text), .command(let text): [text]
            case .pause: []
            }
        }
    }

    @Test(
        "each hostile line gets its clear error and changes nothing",
        arguments: ([
            ([0xFF, 0xFE, 0x41], "line is not valid UTF-8"),
            (Array("switch 1".utf8) + [0xC3], "line is not valid UTF-8"),
            (Array("swi".utf8) + [0] + Array("tch 1".utf8), "line contains a NUL byte"),
            (Array(repeating: UInt8(ascii: "a"), count: 1 << 20), "line is too long (more than 65536 bytes)"),
            (Array("switch 99999999999999999999".utf8), "session position 99999999999999999999 is out of range"),
            (Array("switch -1".utf8), "no session at position -1; positions are 0 (Home) to 1"),
            (Array("hover -5".utf8), "no session at position -5; positions are 0 (Home) to 1"),
            (Array("close 0 --yes".utf8), "Home is anchored and cannot be closed"),
            (Array("tab focus 0".utf8), "no tab 0; tabs are 1 to 2"),
            (Array("tab close -1".utf8), "no tab -1; tabs are 1 to 2"),
            (Array("reject 0".utf8), "no pending notifications"),
            (
                Array("accept 99999999999999999999999".utf8),
                "notification number 99999999999999999999999 is out of range"
            ),
            (Array("message 1 \"hello".utf8), "unbalanced \" quote"),
            (Array("message 1 'it".utf8), "unbalanced ' quote"),
            (
                Array("clock advance 99999999999999999999d".utf8),
                "\"99999999999999999999d\" is not a duration such as 90s, 2m, 1h30m or 28d"
            ),
            (Array("\u{1B}[2J".utf8), "unknown command \"\\e[2J\"; type 'help' for the list"),
        ] as [([UInt8], String)]).map { (ScriptBytes($0), $1) })
    func refused(line: ScriptBytes, message: String) {
        let clean = run([])
        let (events, runner) = run([line.bytes])
        #expect(errors(events) == ["hostile.omni:3: error: " + message])
        #expect(runner.interpreter.state == clean.runner.interpreter.state)
        #expect(runner.exitStatus == 1)
    }

    @Test("zero is Home, so `switch 0` is fine; `accept 0` names no notification")
    func zeroPositions() {
        let (events, runner) = run([Array("switch 0".utf8), Array("incoming sms".utf8), Array("accept 0".utf8)])
        #expect(errors(events) == ["hostile.omni:5: error: no notification 0; only 1 is pending"])
        #expect(runner.interpreter.state.focusedPosition == 0)
    }

    @Test("escape sequences and bidirectional overrides from customers are shown escaped, in every output")
    func customerTextIsEscaped() {
        let name = "Eve\u{1B}]0;pwned\u{07}\u{1B}[31m\u{202E}lin"
        let lines = [
            "incoming sms \"\(name)\"", "accept", "message 2 \"\u{1B}[2J\u{1B}[Hwiped \u{202E}txet\u{2066}\"",
            "switch home", "message 2 again", "hover 2", "history 2", "notifications", "dashboard", "switch 2",
            "type title \"\u{1B}[1mbold\"", "form", "tab open app \"\u{1B}]8;;http://x\u{07}link\"", "tabs", "show",
            "link 1 \"\u{1B}[31mKenny\"", "close 2",
        ]
        let (events, _) = run(lines.map { Array($0.utf8) })
        let output = printed(events)
        #expect(
            !output.contains {
                $0.utf8.contains(0x1B) || $0.unicodeScalars.contains("\u{202E}") || $0.contains("\u{07}")
            })
        let text = output.joined(separator: "\n")
        #expect(text.contains(#"Eve\e]0;pwned\u{7}\e[31m\u{202E}lin"#))
        #expect(text.contains(#"\e[2J\e[Hwiped \u{202E}txet\u{2066}"#))
        #expect(text.contains(#"title: \e[1mbold"#))
        #expect(text.contains(#"\e]8;;http://x\u{7}link"#))
        #expect(errors(events).contains(#"hostile.omni:18: error: no contact named "\e[31mKenny""#))
    }

    @Test("with colour on, the only escape sequences are the shell's own colours")
    func colourKeepsCustomerTextEscaped() {
        var runner = ScriptRunner(
            name: "c", state: PanelState(), options: .init(style: RenderStyle(color: true, unicode: true, width: 80)))
        var output: [String] = []
        _ = runner.run(
            ["incoming chat \"\u{1B}]0;x\u{07}Eve\"", "accept", "hover 1", "history 1"].map { InputLine($0) }
        ) {
            if case .output(let lines) = $0 { output += lines }
        }
        let sequences = output.joined().split(separator: "\u{1B}", omittingEmptySubsequences: true).dropFirst()
        #expect(!sequences.isEmpty)
        #expect(
            sequences.allSatisfy {
                $0.first == "[" && $0.dropFirst().prefix { $0 != "m" }.allSatisfy { $0.isNumber || $0 == ";" }
            })
        #expect(output.joined().contains(#"\e]0;x\u{7}Eve"#))
    }

    @Test("a script that ends in the middle of a close confirmation keeps the session open, and says so: a failure")
    func endsDuringConfirmation() {
        let (events, runner) = run([Array("close".utf8)])
        let message =
            "the end of the input does not answer Close session \"Visitor 1\"? [y/N] — nothing was closed; "
            + "answer y or n on the line after the command, or add --yes to it"
        #expect(
            events.suffix(4) == [
                .question("Close session \"Visitor 1\"? [y/N] "), .output([""]),
                .error("hostile.omni:3: error: " + message),
                .commandFailed([
                    "hostile.omni:3: error: " + message,
                    "  (when the error is intended, put expect-error \"<text>\" on the next line)",
                ]),
            ])
        #expect(runner.interpreter.state.sessions.count == 2)
        #expect(runner.interpreter.pendingConfirmation == nil)
        #expect(runner.exitStatus == 1)
    }

    @Test("a 100,000-command `-c` runs to the end, one command at a time")
    func hundredThousandCommands() {
        let text =
            (["incoming chat", "accept", "switch home"] + Array(repeating: "message 1 \"still there?\"", count: 99_997))
            .joined(separator: ";")
        let commands = TokenizedLine.splitCommands(text)
        #expect(commands.count == 100_000)
        var runner = ScriptRunner(name: "-c", state: PanelState(), options: .init(quiet: true))
        var events: [ScriptRunner.Event] = []
        let status = runner.run(commands.lazy.map { InputLine($0) }) { events.append($0) }
        #expect(status == 0)
        #expect(events.isEmpty)
        #expect(runner.interpreter.state.sessions[1].unreadCount == 99_997)
        #expect(runner.interpreter.state.sessions[1].unreadBadge == "9+")
    }
}
