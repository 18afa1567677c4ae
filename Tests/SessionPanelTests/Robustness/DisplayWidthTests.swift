import Testing

@testable import SessionPanel

@Suite struct DisplayWidthTests {
    @Test func wideCombiningAndEmojiAreMeasuredAsTerminalsDrawThem() {
        // Figures cross-checked with Python's wcwidth 0.7.0 (wcswidth).
        let cases: [(String, Int)] = [
            ("abc", 3), ("日本", 4), ("ｆｕｌｌ", 8), ("e\u{301}", 1), ("Zoë", 3), ("👍", 2), ("❤\u{FE0F}", 2),
            ("🇫🇷", 2), ("한국어", 6), ("\u{1100}\u{1161}\u{11A8}", 2), ("x\u{20DD}", 1), ("\u{200B}", 0), ("", 0),
        ]
        for (text, columns) in cases {
            #expect(DisplayWidth.of(text) == columns, "\(text.unicodeScalars.map { $0.value })")
        }
    }

    @Test func whatHasNoVisibleFormIsEscaped() {
        let cases: [(String, String)] = [
            ("a\u{200B}b", #"a\u{200B}b"#), ("a\u{200D}b", #"a\u{200D}b"#), ("\u{FEFF}x", #"\u{FEFF}x"#),
            ("x\u{E0041}", #"x\u{E0041}"#), ("\u{E000}", #"\u{E000}"#), ("\u{F0000}", #"\u{F0000}"#),
            ("a\u{2028}b", #"a\u{2028}b"#), ("\u{3164}", #"\u{3164}"#), ("\u{AD}", #"\u{AD}"#),
            ("A\\eB", #"A\\eB"#), ("A\u{1B}B", #"A\eB"#), ("❤\u{FE0F}", "❤\u{FE0F}"), ("日本", "日本"),
        ]
        for (text, shown) in cases { #expect(VisibleText.escaped(text) == shown) }
        #expect(VisibleText.escaped("A\\eB") != VisibleText.escaped("A\u{1B}B"))
    }

    @Test func theIconIsTheFirstTwoLettersInAnyScriptAndItsColumnWidens() throws {
        var agent = ScriptedAgent()
        agent.run("incoming chat \"日本語のお客様\"", "accept", "open case 42")
        #expect(agent.state.sessions[1].initials == "日本")
        let lines = PanelRenderer(style: .plain).render(agent.state)
        #expect(lines[2].contains("日本"))
        #expect(!lines[2].contains("…") && !lines[2].contains("~ "))
        #expect(Set(lines.prefix(5).map(VisibleText.width)) == [80])
    }

    @Test func widthsBelowTwentyAreRaisedAndWiderTerminalsAreUsed() {
        #expect(RenderStyle(color: false, unicode: true, width: 10).width == 20)
        let state = ScriptedAgent().state
        #expect(
            PanelRenderer(style: RenderStyle(color: false, unicode: true, width: 150)).render(state)[0].count == 150)
    }

    /// Random titles of every kind of character, at every width from 20 to 200: every line of the panel
    /// (box, rows, details, tabs, notifications) is exactly as wide as asked (rows and borders) or at most that.
    @Test func everyPanelLineFitsTheWidthExactly() {
        let pieces = [
            "Kenny", " ", "日本", "ｆｕｌｌ", "e\u{301}", "👍", "❤\u{FE0F}", "🇫🇷", "\u{200B}", "\u{200D}",
            "\u{FEFF}", "\u{E0041}", "\u{E000}", "\u{1B}[2J", "\\", "\u{202E}", "한", "Ω", "\u{3164}", "x\u{20DD}",
        ]
        var seed: UInt64 = 10
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        for round in 0..<30 {
            var interpreter = Interpreter(state: PanelState())
            func run(_ line: String) { _ = interpreter.handle(InputLine(Array(line.utf8))) }
            for _ in 0..<3 {
                let title = (0..<(1 + next(8))).map { _ in pieces[next(pieces.count)] }.joined()
                run("incoming chat " + quoted(title))
                run("accept")
                run("type note " + quoted(title))
            }
            run("incoming sms " + quoted(pieces[next(pieces.count)]))
            #expect(interpreter.state.sessions.count == 4)
            let state = interpreter.state
            for width in stride(from: 20, through: 200, by: 1 + round % 7) {
                for unicode in [false, true] {
                    let style = RenderStyle(color: false, unicode: unicode, width: width)
                    let lines = PanelRenderer(style: style).render(state)
                    let box = lines.prefix(state.sessions.count + 2)
                    for line in box { #expect(VisibleText.width(line) == width, "width \(width): \(line)") }
                    for line in lines.dropFirst(box.count) {
                        #expect(VisibleText.width(line) <= width, "width \(width): \(line)")
                    }
                    for line in lines {
                        #expect(!line.unicodeScalars.contains { VisibleText.needsEscape($0) && $0 != "\\" }, "\(line)")
                    }
                }
            }
        }
    }
}
