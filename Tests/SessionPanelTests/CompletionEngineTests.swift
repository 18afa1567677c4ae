import Testing

@testable import SessionPanel

/// Tab in the prompt: for a line (cursor at its end) and a state, the candidates.
@Suite struct CompletionEngineTests {
    typealias F = CompletionFixture

    // MARK: Command words

    @Test func anEmptyLineOffersEveryCommandWordInHelpOrderWithSummaries() {
        let completion = CompletionEngine.complete("", in: PanelState())
        #expect(completion.replacing == 0)
        // each command once, by its name: aliases (`dash`, `ls`, `exit`, …) still run, `help` names them
        #expect(completion.candidates.map(\.text) == CommandTable.all.map(\.name))
        #expect(CompletionEngine.complete("da", in: PanelState()).candidates.map(\.text) == ["dashboard"])
        #expect(CompletionEngine.complete("ex", in: PanelState()).candidates.map(\.text).prefix(1) == ["exit"])
        #expect(HelpText.lines(for: nil).contains { $0.hasPrefix("  quit") && $0.hasSuffix("(also exit)") })
        #expect(completion.candidates.first == CompletionCandidate("incoming", CommandTable.incoming.summary))
    }

    @Test(arguments: [
        ("sw", ["switch"]), ("SW", ["switch"]), ("e", ["end", "exit", "echo", "expect", "expect-not", "expect-error"]),
        ("ta", ["tab", "tabs"]),
        ("  cl", ["close", "clock", "clear"]), ("?", ["?"]), ("zz", []),
    ])
    func commandWordsCompleteFromTheTable(line: String, expected: [String]) {
        #expect(F.texts(line) == expected)
    }

    @Test func thePartialWordIsWhatGetsReplaced() {
        #expect(CompletionEngine.complete("sw", in: PanelState()).replacing == 2)
        #expect(CompletionEngine.complete("switch ", in: PanelState()).replacing == 0)
        #expect(CompletionEngine.complete("open contact \"Jo", in: PanelState()).replacing == 3)
        #expect(CompletionEngine.complete("open contact José\\ N", in: PanelState()).replacing == 7)
    }

    @Test(arguments: ["frobnicate ", "frobnicate x", "# sw", "#", "quit --yes ", "show x"])
    func nothingIsOfferedAfterAnUnknownCommandACommentOrACompleteCommand(line: String) {
        #expect(F.texts(line).isEmpty)
    }

    // MARK: Sub-words and fixed values

    @Test(arguments: [
        ("panel ", ["expand", "collapse", "toggle"]),
        ("burger t", ["toggle"]),
        ("tab ", ["open", "close", "focus"]),
        ("tab open ", ["kb", "record", "app"]),
        ("TAB OPEN r", ["record"]),
        ("tab open record ", []),
        ("tab open app Cal", []),
        ("clock ", ["advance", "pause", "resume", "speed"]),
        ("clock advance ", []),
        ("incoming ", ["chat", "sms", "voice", "social"]),
        ("presence ", ["available", "busy", "dnd", "away", "offline"]),
        ("sentiment 0 very", ["very-negative", "very-positive"]),
        ("config threshold ", ["off", "slightly-negative", "negative", "very-negative"]),
        ("config chat-mode p", ["persistent"]),
        ("config auto-presence ", ["on", "off"]),
        ("config max-tabs ", []),
        ("config max", ["max-sessions", "max-tabs"]),
        ("help k", ["kb", "keys"]),
        ("help qu", ["quickreply", "quit"]),
        ("type ", ["title", "description"]),
    ])
    func keywordsAndFixedValuesFollowTheGrammar(line: String, expected: [String]) {
        #expect(F.texts(line) == expected)
    }

    @Test func openOffersItsKeywordsThenMyAndClosedWorkItems() {
        let completion = CompletionEngine.complete("open ", in: PanelState())
        #expect(completion.candidates.map(\.text) == ["case", "contact", "account", "W101", "W102", "W301"])
        #expect(completion.candidates[3].description == "Maria Campbell, My work items")
        #expect(completion.candidates[5].description == "Kenny Smith, Closed work items")
    }

    @Test func pickOffersOpenWorkItemsOnly() {
        #expect(F.texts("pick ") == ["W201", "W202"])
        #expect(F.texts("pick w20") == ["W201", "W202"])
        #expect(F.texts("pick 2") == ["201", "202"])
        #expect(F.texts("open 3") == ["301"])
    }

    @Test func aPickedItemMovesFromPickToOpen() {
        let state = F.state("pick W201")
        #expect(F.texts("pick ", in: state) == ["W202"])
        #expect(F.texts("open W", in: state) == ["W101", "W102", "W201", "W301"])
    }

    @Test func casesAndContactsComeFromTheWorld() {
        let cases = CompletionEngine.complete("open case ", in: PanelState()).candidates
        #expect(cases.map(\.text) == World.demo.cases.map { String($0.number) }.sorted { Int($0)! < Int($1)! })
        #expect(cases.prefix(4).map(\.text) == ["17", "42", "108", "256"])  // by number, as the catalog sorts them
        #expect(cases[1].description == "Printer on fire")
        #expect(F.texts("open case 1") == ["17", "108"])
        #expect(F.texts("open account Adv") == ["\"Adventure Works\""])
        #expect(F.texts("incoming chat Ke") == ["\"Kenny Smith\""])

        let world = World(cases: [World.CaseRecord(number: 7, title: "Seven")])
        #expect(F.texts("open case ", in: PanelState(world: world)) == ["7"])
    }

    @Test(arguments: [
        "open contact Jo", "open contact jo", "open contact JOS", "open contact \"Jos", "open contact 'José",
        "open contact José\\ N", "open contact \"José Nú", "open  contact   Jo",
    ])
    func aNonASCIIContactCompletesQuotedFromAnyPrefix(line: String) {
        let completion = CompletionEngine.complete(line, in: PanelState())
        #expect(completion.candidates == [CompletionCandidate("\"José Núñez\"", "Fabrikam")])
    }

    // MARK: Sessions

    @Test func switchOffersPositionsWithTitlesThenHome() {
        let completion = CompletionEngine.complete("switch ", in: F.threeSessions)
        #expect(completion.candidates.map(\.text) == ["0", "1", "2", "3", "home"])
        #expect(
            completion.candidates.map(\.description) == ["Home", "Kenny Smith", "Printer on fire", "Visitor 1", "Home"])
        #expect(F.texts("switch 2", in: F.threeSessions) == ["2"])
        #expect(F.texts("focus h", in: F.threeSessions) == ["home"])
    }

    @Test func aTitleWithSpacesCompletesQuoted() {
        let completion = CompletionEngine.complete("switch Ke", in: F.threeSessions)
        #expect(completion.replacing == 2)
        #expect(completion.candidates == [CompletionCandidate("\"Kenny Smith\"", "session 1")])
        #expect(F.texts("switch \"pr", in: F.threeSessions) == ["\"Printer on fire\""])
        #expect(F.texts("hover V", in: F.threeSessions) == ["\"Visitor 1\""])
    }

    @Test func commandsThatRefuseHomeDoNotOfferIt() {
        let state = F.threeSessions
        #expect(F.texts("close ", in: state) == ["1", "2", "3"])
        #expect(F.texts("sentiment ", in: state) == ["1", "2", "3"])
        #expect(F.texts("close h", in: state).isEmpty)
        #expect(F.texts("hover ", in: state) == ["0", "1", "2", "3", "home"])
        #expect(F.texts("close ", in: PanelState()).isEmpty)
    }

    @Test func conversationCommandsOfferOnlyConversationSessions() {
        let state = F.threeSessions
        for command in ["end", "message", "msg", "history", "notes", "summary"] {
            #expect(F.texts("\(command) ", in: state) == ["3"], "\(command)")
            #expect(F.texts("\(command) K", in: state).isEmpty, "\(command)")
        }
    }

    @Test func argumentsAfterASessionFollowTheGrammar() {
        let state = F.threeSessions
        #expect(F.texts("sentiment 1 very", in: state) == ["very-negative", "very-positive"])
        #expect(F.texts("sentiment \"Kenny Smith\" n", in: state) == ["negative", "neutral"])
        #expect(F.texts("link 3 Ma", in: state) == ["\"Maria Campbell\""])
        #expect(F.texts("message 3 ", in: state).isEmpty)
        #expect(F.texts("message 3 hello th", in: state).isEmpty)
        #expect(F.texts("switch 1 ", in: state).isEmpty)
    }

    @Test func everyTitleCandidateSwitchesToItsSession() throws {
        let state = F.state(
            "open contact \"Kenny Smith\"", "open contact \"José Núñez\"", "open account Contoso",
            "open case 17", "incoming sms \"Yvonne McKay\"", "accept")
        for position in 1..<state.sessions.count {
            let title = state.sessions[position].title
            let candidates = F.texts("switch " + String(title.prefix(2)), in: state)
            let line = try #require(candidates.first { CompletionEngine.unquoted($0) == title }.map { "switch " + $0 })
            #expect(try CommandParser.parse(InputLine(line)) == .switchTo(.titlePrefix(title)))
            var interpreter = Interpreter(state: state)
            _ = interpreter.handle(InputLine(line))
            #expect(interpreter.state.focusedPosition == position, "\(line)")
        }
    }

    // MARK: Flags

    @Test func flagsAreOfferedForADashAndOnceEveryArgumentIsGiven() {
        let state = F.threeSessions
        let flags = CompletionEngine.complete("close -", in: state)
        #expect(
            flags.candidates == [
                CompletionCandidate("--yes", "Close without asking"),
                CompletionCandidate("--disposition", "The conversation's disposition code"),
            ])
        #expect(flags.replacing == 1)
        #expect(F.texts("close 1 ", in: state) == ["--yes", "--disposition"])
        #expect(F.texts("close --y", in: state) == ["--yes"])
        #expect(F.texts("switch -", in: state).isEmpty)
    }

    @Test func aFlagAlreadyGivenIsSkippedAndNotOfferedAgain() {
        let state = F.threeSessions
        #expect(F.texts("close --yes ", in: state) == ["1", "2", "3"])
        #expect(F.texts("close -y ", in: state) == ["1", "2", "3"])
        #expect(F.texts("close --yes -", in: state) == ["--disposition"])
        #expect(F.texts("close -y 2 ", in: state) == ["--disposition"])
        #expect(F.texts("close -y --disposition Resolved 2 ", in: state).isEmpty)
    }

    @Test func aQuotedDashIsAnArgumentNotAFlag() {
        #expect(F.texts("close \"-", in: F.threeSessions).isEmpty)
        #expect(F.texts("open \"case\" ", in: PanelState()).isEmpty)
    }

    // MARK: Live values

    @Test func acceptAndRejectOfferPendingNotifications() {
        let state = F.state("incoming chat \"Kenny Smith\"", "incoming sms")
        let completion = CompletionEngine.complete("accept ", in: state)
        #expect(completion.candidates.map(\.text) == ["1", "2"])
        #expect(completion.candidates[0].description.contains("Chat from Kenny Smith"))
        #expect(completion.candidates[1].description.contains("SMS from Visitor 1"))
        #expect(F.texts("reject 2", in: state) == ["2"])
        #expect(F.texts("accept ", in: PanelState()).isEmpty)
    }

    @Test func tabNumbersAndFormFieldsBelongToTheFocusedSession() {
        let state = F.state("open case 42", "tab open kb", "tab open app Calculator", "type priority high")
        #expect(F.texts("tab focus ", in: state) == ["1", "2", "3"])
        #expect(
            CompletionEngine.complete("tab close 3", in: state).candidates == [CompletionCandidate("3", "Calculator")])
        #expect(F.texts("type ", in: state) == ["priority", "title", "description"])
        #expect(F.texts("tab close ", in: PanelState()).isEmpty)  // Home has only its anchor, which cannot be closed
    }

    @Test func helpOffersCommandNamesAndKeys() {
        let completion = CompletionEngine.complete("help ", in: PanelState())
        #expect(completion.candidates.map(\.text) == CommandTable.all.map(\.name) + ["keys"])
        #expect(completion.candidates.last?.description == "key bindings")
    }

    // MARK: Untrusted text

    @Test func quotesAndBackslashesInANameAreEscapedSoTheNameParsesBack() throws {
        // Listed in the catalog's order: by lowercased name, as UTF-8 bytes.
        let names = ["#hashtag", #"Back\slash"#, #"Dwayne "The Rock" Johnson"#, "O'Brien", "Plain", "Semi;colon"]
        let world = World(contacts: names.reversed().map { World.Contact(name: $0) })
        let candidates = F.texts("open contact ", in: PanelState(world: world))
        #expect(
            candidates == [
                ##""#hashtag""##, #""Back\\slash""#, #""Dwayne \"The Rock\" Johnson""#, #""O'Brien""#, "Plain",
                #""Semi;colon""#,
            ])
        for (name, candidate) in zip(names, candidates) {
            #expect(try CommandParser.parse(InputLine("open contact " + candidate)) == .openContact(name))
        }
    }

    @Test func controlCharactersNeverReachTheLineOrTheListing() {
        let world = World(contacts: [
            World.Contact(name: "Evil\u{1B}[2J Corp", account: "Bad\u{07}Bell"), World.Contact(name: "\u{202E}x"),
        ])
        let state = F.state("open contact \"Evil\u{1B}[2J Corp\"", world: world)
        let contacts = CompletionEngine.complete("open contact ", in: state).candidates
        #expect(contacts == [CompletionCandidate("Evil", "Bad\\u{7}Bell")])
        #expect(CompletionEngine.complete("switch ", in: state).candidates[1].description == "Evil\\e[2J Corp")
        #expect(F.texts("switch E", in: state) == ["Evil"])
    }
}
