import Testing

@testable import SessionPanel

/// The shortcuts taken for speed (byte-wise scanning of ASCII, one-allocation padding) give the
/// same answers as the general, Character-by-Character rules they stand in for.
struct FastPathTests {
    private func words(_ line: String) -> [String] { TokenizedLine(line).tokens.map(\.text) }

    @Test("words are split at ASCII and Unicode white space, and quotes group them")
    func splitting() {
        #expect(words("message 3 \"Hello, world\"") == ["message", "3", "Hello, world"])
        #expect(words("a\u{00A0}b\u{3000}c\td") == ["a", "b", "c", "d"])
        #expect(words(#"say "it's" 'a "b"' c\ d "x\y" "q\"q""#) == ["say", "it's", #"a "b""#, "c d", #"x\y"#, #"q"q"#])
        #expect(words("José Núñez 李小龍 🙂") == ["José", "Núñez", "李小龍", "🙂"])
        #expect(words("end\\") == ["end\\"])
        #expect(words("") == [] && TokenizedLine("").endsWithSpace)
    }

    @Test("a quote followed by a combining mark still opens a quotation, as in a POSIX shell")
    func combiningMarkAfterQuote() {
        let line = TokenizedLine("say \"\u{301}x y\"")
        #expect(line.tokens.map(\.text) == ["say", "\u{301}x y"])
        #expect(line.openQuote == nil)
    }

    @Test("word starts are UTF-8 offsets; completion counts the Characters it replaces from there")
    func startsAreUTF8Offsets() {
        #expect(TokenizedLine("switch Ke").tokens.map(\.utf8Offset) == [0, 7])
        #expect(TokenizedLine("é 🙂 \"Núñez").tokens.map(\.utf8Offset) == [0, 3, 8])
        #expect(TokenizedLine("a\r\nb").tokens.map(\.utf8Offset) == [0, 3])
        let open = TokenizedLine("message 1 \"Jos")
        #expect(open.openQuote == "\"" && !open.endsWithSpace && open.tokens.last?.utf8Offset == 10)
        #expect(CompletionEngine.characters(of: "é 🙂 \"Núñez", fromUTF8Offset: 8) == 6)
        #expect(
            CompletionEngine.characters(of: "e\u{301}x", fromUTF8Offset: 1) == 1,
            "inside a Character: from the next one")
        #expect(CompletionEngine.complete("open contact \"Jos", in: PanelState()).replacing == 4)
    }

    @Test("trimming looks only at the ends, for ASCII and other white space alike")
    func trimming() {
        #expect("show".trimmingWhitespace() == "show")
        #expect("  switch 1 \t".trimmingWhitespace() == "switch 1")
        #expect("\u{00A0}José\u{3000}".trimmingWhitespace() == "José")
        #expect("a\u{301} ".trimmingWhitespace() == "a\u{301}")
        #expect(" \t\u{2003} ".trimmingWhitespace() == "")
        #expect("".trimmingWhitespace() == "")
    }

    @Test("padding repeats one or several bytes exactly")
    func repeated() {
        #expect(VisibleText.repeated(" ", 5) == "     ")
        #expect(VisibleText.repeated("─", 3) == "───")
        #expect(VisibleText.repeated("ab", 2) == "abab")
        #expect(VisibleText.repeated("x", 0) == "" && VisibleText.repeated("x", -4) == "")
    }

    @Test("width and escaping agree with the general rules for plain ASCII and for everything else")
    func widthAndEscaping() {
        #expect(VisibleText.width("Kenny Smith") == 11)
        #expect(VisibleText.width("李小龍") == 6 && VisibleText.width("e\u{301}") == 1)
        #expect(VisibleText.escaped("plain text") == "plain text")
        #expect(VisibleText.escaped("a\u{7F}b\u{85}c\u{202E}") == #"a\u{7F}b\u{85}c\u{202E}"#)
    }

    @Test("initials: the first two letters, byte-wise for ASCII titles, by Character otherwise")
    func initials() {
        func initials(_ title: String) -> String { Session(id: 1, kind: .contact(title), title: title).initials }
        #expect(initials("Kenny Smith") == "Ke")
        #expect(initials("1 2 Go") == "Go")
        #expect(initials("42") == "42")
        #expect(initials("Élodie") == "Él")
        #expect(initials("李小龍") == "李小")
        #expect(initials("x") == "x")
    }

    @Test("numbers take the fast path only when they read the same: `+5` and `accept 5x` are titles")
    func numbers() throws {
        #expect(try CommandParser.parse("switch 5") == .switchTo(.position(5)))
        #expect(try CommandParser.parse("switch -0") == .switchTo(.position(0)))
        #expect(try CommandParser.parse("switch +5") == .switchTo(.titlePrefix("+5")))
        #expect(try CommandParser.parse("switch \"5\"") == .switchTo(.titlePrefix("5")))
        #expect(try CommandParser.parse("accept 5x") == .accept(.title("5x")))  // a customer's title, as `switch +5`
        #expect(try CommandParser.parse("accept 2") == .accept(2))
        #expect(try CommandParser.parse("SWITCH HOME") == .switchTo(.home))
    }
}
