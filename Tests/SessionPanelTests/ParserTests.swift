import Testing

@testable import SessionPanel

@Suite("Parsing command lines")
struct ParserTests {
    @Test("quotes, escapes and spaces split words like a shell")
    func tokenizing() {
        let line = TokenizedLine(#"message 2 "Hello, \"you\"" 'a b' c\ d"#)
        #expect(line.tokens.map(\.text) == ["message", "2", #"Hello, "you""#, "a b", "c d"])
        let simple = TokenizedLine(#"incoming chat "Kenny Smith""#)
        #expect(simple.tokens.map(\.text) == ["incoming", "chat", "Kenny Smith"])
        #expect(simple.tokens.map(\.quoted) == [false, false, true])
        #expect(TokenizedLine(#"a\ b 'c "d"' "e\\f""#).tokens.map(\.text) == ["a b", #"c "d""#, #"e\f"#])
        #expect(TokenizedLine(#"say "open"#).openQuote == "\"")
        #expect(TokenizedLine("switch ").endsWithSpace)
        #expect(!TokenizedLine("switch").endsWithSpace)
    }

    @Test("-c text splits at semicolons outside quotes")
    func splittingCommands() {
        #expect(TokenizedLine.splitCommands("accept; switch 1") == ["accept", " switch 1"])
        #expect(TokenizedLine.splitCommands(#"reply "a;b"; show"#) == [#"reply "a;b""#, " show"])
        #expect(TokenizedLine.splitCommands(#"reply a\;b"#) == [#"reply a\;b"#])
    }

    @Test(
        "every command parses to the command it names",
        arguments: [
            ("incoming chat", Command.incoming(.chat, customer: nil)),
            (#"incoming sms "Kenny Smith""#, .incoming(.sms, customer: "Kenny Smith")),
            ("incoming voice Kenny Smith", .incoming(.voice, customer: "Kenny Smith")),
            ("notifications", .notifications),
            ("accept", .accept(nil)), ("accept 2", .accept(2)), ("reject", .reject(nil)), ("reject 3", .reject(3)),
            ("open case 42", .openCase(42)), (#"open contact "Kenny Smith""#, .openContact("Kenny Smith")),
            ("open account Contoso", .openAccount("Contoso")), ("open W101", .openWorkItem(101)),
            ("open 101", .openWorkItem(101)),
            ("pick w201", .pick(201)), ("dashboard", .dashboard(nil, page: 1)), ("dash", .dashboard(nil, page: 1)),
            ("dashboard open", .dashboard(.open, page: 1)), ("dash closed --page 3", .dashboard(.closed, page: 3)),
            ("dashboard --page=2", .dashboard(nil, page: 2)),
            ("switch 3", .switchTo(.position(3))), ("switch home", .switchTo(.home)),
            ("switch Ken", .switchTo(.titlePrefix("Ken"))),
            ("switch Kenny Smith", .switchTo(.titlePrefix("Kenny Smith"))),
            ("focus 0", .switchTo(.position(0))),
            ("close", .close(nil, confirmed: false)), ("close 2 --yes", .close(.position(2), confirmed: true)),
            ("close -y", .close(nil, confirmed: true)), ("end", .end(nil)), ("end 1", .end(.position(1))),
            (#"link 1 "Kenny Smith""#, .link(.position(1), .contact("Kenny Smith"))),
            (#"link contact "Kenny Smith""#, .link(nil, .contact("Kenny Smith"))),
            ("link 2 account Contoso", .link(.position(2), .account("Contoso"))),
            ("link case 42", .link(nil, .caseRecord(42))),
            ("unlink Kenny case", .unlink(.titlePrefix("Kenny"), .caseRecord)),
            (#"note "called back, fixed""#, .note("called back, fixed")),
            ("notes", .notes(nil)),
            ("summary 2", .summary(.position(2))),
            ("clock", .clockShow), ("clock advance 2m", .clockAdvance(seconds: 120)),
            (#"message 1 "Where is my order?""#, .message(.position(1), text: "Where is my order?")),
            ("msg 1 hi there", .message(.position(1), text: "hi there")), (#"reply "On it""#, .reply("On it")),
            ("history", .history(nil)), ("history 2", .history(.position(2))),
            ("sentiment 1 very-negative", .sentiment(.position(1), .veryNegative)), ("hover 1", .hover(.position(1))),
            ("panel collapse", .panel(.collapse)), ("burger toggle", .panel(.toggle)),
            (#"type title "Printer on fire""#, .type(field: "title", text: "Printer on fire")), ("form", .form),
            ("tab open kb", .tabOpen(.knowledgeSearch)), ("tab open record INV-7", .tabOpen(.record("INV-7"))),
            (#"tab open app "Order lookup""#, .tabOpen(.app("Order lookup"))), ("tab close", .tabClose(nil)),
            ("tab close 3", .tabClose(3)), ("tab focus 2", .tabFocus(2)), ("tabs", .tabs),
            ("presence", .presence(nil)), ("presence dnd", .presence(.doNotDisturb)),
            ("config", .configList), ("config threshold negative", .configSet(key: "threshold", value: "negative")),
            ("show", .show), ("help", .help(nil)), ("help switch", .help("switch")), ("quit", .quit(confirmed: false)),
            ("exit", .quit(confirmed: false)), ("quit -y", .quit(confirmed: true)),
            ("SWITCH 1", .switchTo(.position(1))),
        ])
    func parsing(line: String, expected: Command) throws {
        #expect(try CommandParser.parse(InputLine(line)) == expected)
    }

    @Test("one-shot words are taken as words: never re-split, unquoted, or read as a comment")
    func words() throws {
        #expect(
            try CommandParser.parse(InputLine(words: ["reply", #"say "hi" # now; 'ok' \ done"#]))
                == .reply(#"say "hi" # now; 'ok' \ done"#))
        #expect(
            try CommandParser.parse(InputLine(words: ["incoming", "chat", "Kenny Smith"]))
                == .incoming(.chat, customer: "Kenny Smith"))
        #expect(try CommandParser.parse(InputLine(words: ["SWITCH", "home"])) == .switchTo(.home))
        #expect(try CommandParser.parse(InputLine(words: ["close", "--yes"])) == .close(nil, confirmed: true))
        #expect(try CommandParser.parse(InputLine(words: [])) == nil)
        #expect(throws: CommandError(##"unknown command "#note"; did you mean 'note'?"##)) {
            try CommandParser.parse(InputLine(words: ["#note"]))
        }
        #expect(throws: CommandError("line is too long (more than 65536 bytes)")) {
            try CommandParser.parse(InputLine(words: ["reply", String(repeating: "a", count: 70_000)]))
        }
        #expect(InputLine(words: ["incoming", "chat", "Kenny Smith"]).text == #"incoming chat "Kenny Smith""#)
    }

    @Test("blank lines and comments are nothing")
    func blankAndComments() throws {
        #expect(try CommandParser.parse("") == nil)
        #expect(try CommandParser.parse("   \t ") == nil)
        #expect(try CommandParser.parse("# a note") == nil)
        #expect(try CommandParser.parse("  #switch 1") == nil)
        #expect(try CommandParser.parse("# Maria's \"unbalanced quotes don't matter") == nil)
        #expect(try CommandParser.parse("\u{00A0}\u{2003}# after Unicode spaces") == nil)
        #expect(try CommandParser.parse("#\"open quote in the first word") == nil)
        // A quoted or escaped `#` is a word, not a comment; a lone quote is unbalanced.
        #expect(throws: CommandError(##"unknown command "#x"; type 'help' for the list"##)) {
            try CommandParser.parse("\"#x\"")
        }
        #expect(throws: CommandError(##"unknown command "#x"; type 'help' for the list"##)) {
            try CommandParser.parse("\\#x")
        }
        #expect(throws: CommandError("unbalanced \" quote")) { try CommandParser.parse("  \"") }
        // The same from raw bytes, as scripts read them.
        #expect(try CommandParser.parse(InputLine(Array("  # note\r".utf8))) == nil)
        #expect(try CommandParser.parse(InputLine(Array("show\r".utf8))) == .show)
    }

    @Test("an unknown command suggests the closest one")
    func unknownCommand() {
        #expect(throws: CommandError(#"unknown command "swich"; did you mean 'switch'?"#)) {
            try CommandParser.parse("swich 1")
        }
        #expect(throws: CommandError(#"unknown command "acept"; did you mean 'accept'?"#)) {
            try CommandParser.parse("acept")
        }
        #expect(throws: CommandError(#"unknown command "dash2"; did you mean 'dashboard'?"#)) {
            try CommandParser.parse("dash2")
        }
        #expect(throws: CommandError(#"unknown command "zzzzzz"; type 'help' for the list"#)) {
            try CommandParser.parse("zzzzzz")
        }
    }

    @Test(
        "wrong arguments give the command's usage line",
        arguments: [
            ("switch", "usage: switch <n|home|title>"),
            ("switch 1 2", "usage: switch <n|home|title>"),
            ("hover home now", "usage: hover <n|title>"),
            ("panel sideways", "usage: panel expand|collapse|toggle"),
            ("open", #"usage: open case <number> | open contact "<name>" | open account "<name>" | open <item>"#),
            ("message 1", #"usage: message <n|title> "<text>""#),
            ("clock later", "usage: clock | clock advance <duration> | clock pause|resume | clock speed <factor>"),
        ])
    func usage(line: String, message: String) {
        #expect(throws: CommandError(message)) { try CommandParser.parse(InputLine(line)) }
    }

    @Test(
        "a dashboard stream or page that does not exist is named in the error",
        arguments: [
            (
                "dashboard mine",
                #"a stream is my, open or closed, not "mine"; usage: dashboard [my|open|closed] [--page <n>]"#
            ),
            ("dashboard open closed", "usage: dashboard [my|open|closed] [--page <n>]"),
            ("dashboard --page 0", "--page takes a page number from 1, not 0"),
            ("dashboard --page -3", "--page takes a page number from 1, not -3"),
            (
                "dashboard --page two",
                #"--page must be a number, not "two"; usage: dashboard [my|open|closed] [--page <n>]"#
            ),
        ])
    func badDashboardPage(line: String, message: String) {
        #expect(throws: CommandError(message)) { try CommandParser.parse(InputLine(line)) }
    }

    @Test("bad values are named in the error")
    func badValues() {
        #expect(throws: CommandError(#"unknown channel "fax"; channels: chat, sms, voice, social"#)) {
            try CommandParser.parse("incoming fax")
        }
        #expect(throws: CommandError("session position 99999999999999999999 is out of range")) {
            try CommandParser.parse("switch 99999999999999999999")
        }
        #expect(
            throws: CommandError(
                #"case number must be a number, not "forty"; usage: open case <number> | open contact "<name>" | open account "<name>" | open <item>"#
            )
        ) {
            try CommandParser.parse("open case forty")
        }
        #expect(throws: CommandError("unbalanced \" quote")) { try CommandParser.parse(#"incoming chat "Kenny"#) }
        #expect(
            throws: CommandError("close has no option --force; usage: close [<n|title>] [--yes] [--disposition <code>]")
        ) {
            try CommandParser.parse("close --force")
        }
        #expect(throws: CommandError("Inactive is set by the system only")) {
            try CommandParser.parse("presence inactive")
        }
        #expect(throws: CommandError(#""soon" is not a duration such as 90s, 2m, 1h30m or 28d"#)) {
            try CommandParser.parse("clock advance soon")
        }
        #expect(
            throws: CommandError(
                #"unknown sentiment "angry"; levels: very-negative, negative, slightly-negative, neutral, slightly-positive, positive, very-positive"#
            )
        ) {
            try CommandParser.parse("sentiment 1 angry")
        }
    }

    @Test("negative positions parse and are refused by the manager, not mistaken for flags")
    func negativePositions() throws {
        #expect(try CommandParser.parse("switch -1") == .switchTo(.position(-1)))
        var agent = ScriptedAgent()
        #expect(agent.error("switch -1") == "no session at position -1; only Home (0) is open")
    }

    @Test("raw input: invalid UTF-8, NUL bytes and over-long lines are refused in one line")
    func rawInput() throws {
        #expect(throws: CommandError("line is not valid UTF-8")) { try InputLine.decode([0x73, 0xFF, 0x77]) }
        #expect(throws: CommandError("line contains a NUL byte")) { try InputLine.decode(Array("show\0".utf8)) }
        #expect(throws: CommandError("line is too long (more than 65536 bytes)")) {
            try InputLine.decode([UInt8](repeating: 0x61, count: 1 << 20))
        }
        #expect(try InputLine.decode(Array("show\r".utf8)) == "show")
    }

    @Test("durations read and print the way agents write them")
    func durations() {
        #expect(SimulatedDuration.parse("90s") == 90)
        #expect(SimulatedDuration.parse("2m") == 120)
        #expect(SimulatedDuration.parse("1h30m") == 5_400)
        #expect(SimulatedDuration.parse("28d") == 2_419_200)
        #expect(SimulatedDuration.parse("45") == 45)
        for bad in ["", "0", "-5", "2x", "m", "99999999999999999999d", "1h30"] {
            #expect(SimulatedDuration.parse(bad) == nil)
        }
        #expect(SimulatedDuration.format(5_400) == "1h 30m")
        #expect(SimulatedDuration.stamp(86_400 + 3_723) == "1d 01:02:03")
        #expect(SimulatedDuration.stamp(917) == "00:15:17", "no day on day 0")
    }
}
