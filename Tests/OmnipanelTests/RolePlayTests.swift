import SessionPanel
import Testing

@testable import omnipanel

/// Role-play without sockets: the trainer's lines, the protocol's requests, the core lines they
/// become, and what the trainer is shown of the trainee's work.
@Suite struct RolePlayTests {
    private typealias Request = RolePlayMessage.Request

    private func request(_ json: String) -> Result<Request, RolePlayMessage.ProtocolError> {
        RolePlayMessage.request(from: Array(json.utf8))
    }

    /// Runs agent commands on `interpreter`, each required to succeed.
    private func run(_ lines: [String], _ interpreter: inout Interpreter) throws {
        for line in lines {
            guard case .ran = interpreter.handle(InputLine(Array(line.utf8))) else {
                Issue.record("'\(line)' did not run")
                throw CommandError(line)
            }
        }
    }

    /// Carries out a trainer's request as the trainee's prompt does: its core line scheduled now and fired.
    private func carryOut(_ request: Request, _ interpreter: inout Interpreter) throws -> [EventLine] {
        let line = try #require(try CustomerLine.coreLine(for: request).get())
        try interpreter.schedule(line, at: interpreter.state.now)
        return interpreter.advanceClock(to: interpreter.state.now).flatMap(\.items).compactMap {
            if case .event(let line) = $0 { line } else { nil }
        }
    }

    @Test("a trainer's typed lines become requests; a wrong one is one line naming what a customer can do")
    func typedLines() throws {
        #expect(
            try CustomerLine.parse("say \"Kenny Smith\" \"my parcel never came\"").get()
                == .request(Request(command: "say", customer: "Kenny Smith", text: "my parcel never came")))
        #expect(
            try CustomerLine.parse("arrive \"Kenny Smith\"").get()
                == .request(Request(command: "arrive", customer: "Kenny Smith", channel: "chat")))
        #expect(
            try CustomerLine.parse("arrive sms 'Maria Campbell'").get()
                == .request(Request(command: "arrive", customer: "Maria Campbell", channel: "sms")))
        #expect(try CustomerLine.parse("  # a comment").get() == .nothing)
        #expect(try CustomerLine.parse("quit").get() == .quit)
        #expect(throws: CommandError("usage: say \"<name>\" \"<text>\"")) { try CustomerLine.parse("say Kenny").get() }
        #expect(
            throws: CommandError(
                "unknown command \"dance\"; a customer can: arrive, say, mood, leave, status, help, quit")
        ) {
            try CustomerLine.parse("dance").get()
        }
    }

    @Test("Tab at the trainer's prompt: commands, channels, levels, and the customers played, quoted")
    func completion() {
        func texts(_ line: String) -> [String] {
            CustomerLine.completions(for: line, names: ["Kenny Smith", "Maria Campbell"]).candidates.map(\.text)
        }
        #expect(texts("") == ["arrive", "say", "mood", "leave", "status", "help", "quit"])
        #expect(texts("s") == ["say", "status"])
        #expect(texts("arrive ") == ["chat", "sms", "voice", "social", "\"Kenny Smith\"", "\"Maria Campbell\""])
        #expect(texts("arrive sms ") == ["\"Kenny Smith\"", "\"Maria Campbell\""])
        #expect(texts("say \"ma") == ["\"Maria Campbell\""])
        #expect(CustomerLine.completions(for: "say \"ma", names: ["Maria Campbell"]).replacing == 3)
        #expect(texts("mood \"Kenny Smith\" neg") == ["negative"])
        #expect(texts("say \"Kenny Smith\" ").isEmpty)
    }

    @Test("a request line is one JSON object of a known command and members; anything else is refused with why")
    func requests() throws {
        #expect(
            try request(#"{"command":"leave","customer":"Kenny Smith"}"#).get()
                == Request(command: "leave", customer: "Kenny Smith"))
        #expect(request("{").isFailure(containing: "not a request"))
        #expect(request(#"["say"]"#).isFailure(containing: "not a request"))
        #expect(request(#"{"command":"dance"}"#).isFailure(containing: "unknown command \"dance\""))
        #expect(request(#"{"command":"say","customer":"K","extra":1}"#).isFailure(containing: "extra"))
        #expect(request(#"{"customer":"K"}"#).isFailure(containing: "not a request"))
    }

    @Test("a trainer's request travels as one JSON line and reads back the same, whatever its text")
    func requestLine() throws {
        let sent = Request(command: "say", customer: "Kenny Smith", text: "two\nlines, \"quoted\" \u{1B}[2J")
        let line = RolePlayMessage.line(sent)
        #expect(!line.contains(UInt8(ascii: "\n")) && !line.contains(0x1B))
        #expect(try RolePlayMessage.request(from: line).get() == sent)
    }

    @Test("replies travel as one JSON line each, customer text and all")
    func replies() throws {
        for reply in [
            RolePlayMessage.Reply(event: "Agent → Kenny Smith: line\none \u{1B}[31m"),
            RolePlayMessage.Reply(done: ["a", "b"]), RolePlayMessage.Reply(refused: "no"),
            RolePlayMessage.Reply(error: "bad"),
        ] {
            let line = RolePlayMessage.line(reply)
            #expect(!line.contains(UInt8(ascii: "\n")))
            #expect(try RolePlayMessage.reply(from: line).get() == reply)
        }
    }

    @Test("arrive, say, mood and leave do what a scenario's 'at' lines do, the customer's text exactly")
    func coreCommands() throws {
        var interpreter = Interpreter(state: PanelState())
        let arrived = try carryOut(Request(command: "arrive", customer: "Kenny Smith", channel: "chat"), &interpreter)
        #expect(arrived.map(\.kind) == [.arrival])
        #expect(interpreter.state.notifications.count == 1)
        let text = #"it's "broken"; \ really"#
        let said = try carryOut(Request(command: "say", customer: "Kenny Smith", text: text), &interpreter)
        #expect(said.map(\.detail) == [" " + text])
        try run(["accept"], &interpreter)
        let mood = try carryOut(Request(command: "mood", customer: "Kenny Smith", sentiment: "negative"), &interpreter)
        #expect(mood.map(\.kind) == [.sentiment])
        #expect(interpreter.state.sessions[1].sentiment == .negative)
        let left = try carryOut(Request(command: "leave", customer: "Kenny Smith"), &interpreter)
        #expect(left.count == 1)
        let id = try #require(interpreter.state.sessions[1].conversationID)
        #expect(interpreter.state.conversations[id]?.state == .wrapUp)
    }

    @Test("a request the panel cannot carry out is refused with one line and changes nothing")
    func refused() throws {
        var interpreter = Interpreter(state: PanelState())
        let before = interpreter.state
        let line = try #require(
            try CustomerLine.coreLine(for: Request(command: "say", customer: "Nobody", text: "hi")).get())
        #expect(throws: CommandError.self) { try interpreter.schedule(line, at: interpreter.state.now) }
        #expect(interpreter.state == before)
        #expect(throws: CommandError("'say' needs a text")) {
            try CustomerLine.coreLine(for: Request(command: "say", customer: "Kenny Smith")).get()
        }
    }

    @Test(
        "the trainer sees the customer's side, command by command as the prompt publishes it: accepted, replies, the end; never notes"
    )
    func customerView() throws {
        var interpreter = Interpreter(state: PanelState())
        _ = try carryOut(Request(command: "arrive", customer: "Kenny Smith", channel: "chat"), &interpreter)
        let id = try #require(interpreter.state.notifications.first?.conversationID)
        var seen: [String] = []
        for line in ["accept", "reply \"Let me check\"", "note \"customer sounds upset\"", "end"] {
            let before = interpreter.state
            try run([line], &interpreter)
            seen += CustomerView.changes(from: before, to: interpreter.state, in: [id])
            #expect(CustomerView.changes(from: before, to: interpreter.state, in: []).isEmpty)
        }
        #expect(
            seen == [
                "Kenny Smith: an agent accepted the chat", "Agent → Kenny Smith: Let me check",
                "Kenny Smith: the conversation ended",
            ])
    }

    @Test("consult messages never reach the customer's side; a transfer does")
    func consultAndTransfer() throws {
        var interpreter = Interpreter(state: PanelState())
        _ = try carryOut(Request(command: "arrive", customer: "Kenny Smith", channel: "chat"), &interpreter)
        let id = try #require(interpreter.state.notifications.first?.conversationID)
        try run(["accept"], &interpreter)
        var seen: [String] = []
        for line in [
            "consult \"Ravi Patel\"", "reply --internal \"is this a refund?\"", "/i only for Ravi", "/p", "consult end",
            "transfer queue Billing",
        ] {
            let before = interpreter.state
            try run([line], &interpreter)
            seen += CustomerView.changes(from: before, to: interpreter.state, in: [id])
        }
        #expect(seen == ["Kenny Smith: transferred to queue Billing"])
    }

    @Test("status lists what the trainee has open and what waits")
    func status() throws {
        var interpreter = Interpreter(state: PanelState())
        #expect(RolePlayStatus.lines(interpreter.state) == ["The trainee has no session open and no request waiting."])
        _ = try carryOut(Request(command: "arrive", customer: "Kenny Smith", channel: "chat"), &interpreter)
        _ = try carryOut(Request(command: "arrive", customer: "Maria Campbell", channel: "sms"), &interpreter)
        try run(["accept"], &interpreter)
        _ = try carryOut(Request(command: "say", customer: "Kenny Smith", text: "hello"), &interpreter)
        try run(["switch home"], &interpreter)
        _ = try carryOut(Request(command: "say", customer: "Kenny Smith", text: "still there?"), &interpreter)
        #expect(
            RolePlayStatus.lines(interpreter.state) == [
                "Session 1: Kenny Smith, Active, 1 unread", "Waiting: Maria Campbell (sms)",
            ])
    }
}

extension Result where Failure == RolePlayMessage.ProtocolError {
    /// Whether this is a failure whose message contains `text`.
    fileprivate func isFailure(containing text: String) -> Bool {
        if case .failure(let error) = self { error.message.contains(text) } else { false }
    }
}
