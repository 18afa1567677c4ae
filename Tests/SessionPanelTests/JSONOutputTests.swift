import Foundation
import Testing

@testable import JSONCoding
@testable import SessionPanel

/// Parses one line of JSON output into a dictionary.
func parseJSONObject(_ line: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
    return try #require(object as? [String: Any])
}

/// The JSON lines a script prints with `--format json`.
func jsonLines(_ script: String) -> [String] {
    runScript(script, options: .init(format: .json)).events.flatMap { event -> [String] in
        guard case .output(let lines) = event else { return [] }
        return lines
    }
}

@Suite struct JSONValueTests {
    @Test func valuesSerializeCompactlyInTheGivenKeyOrder() {
        let value = JSONValue.object([
            ("b", .number(-3)), ("a", .array([.bool(true), .null, .string("x")])), ("c", .object([])),
        ])
        #expect(value.serialized == #"{"b":-3,"a":[true,null,"x"],"c":{}}"#)
    }

    @Test func stringsEscapeQuotesBackslashesAndEveryControlCharacter() {
        #expect(JSONValue.string("say \"hi\" \\ now").serialized == #""say \"hi\" \\ now""#)
        #expect(
            JSONValue.string("a\nb\tc\r\u{1B}[31m\u{07}\u{7F}\u{85}").serialized
                == #""a\nb\tc\r\u001b[31m\u0007\u007f\u0085""#)
        #expect(JSONValue.string("\u{202E}evil\u{2066}").serialized == #""\u202eevil\u2066""#)
        #expect(JSONValue.string("José 👩‍💻 漢字").serialized == "\"José 👩‍💻 漢字\"")
    }

    @Test func anyStringRoundTripsThroughAJSONParserAndNoRawControlCharacterIsWritten() throws {
        var seed: UInt64 = 7
        let alphabet: [Unicode.Scalar] = [
            "a", "\"", "\\", "/", "\n", "\u{0}", "\u{1B}", "\u{7F}", "\u{9B}", "\u{202E}", "é", "😀", " ",
        ]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int(seed % 12) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.unicodeScalars.append(alphabet[Int((seed >> 33) % UInt64(alphabet.count))])
            }
            let serialized = JSONValue.string(text).serialized
            #expect(!serialized.unicodeScalars.contains { JSONValue.escapesInJSON($0) })
            let parsed = try JSONSerialization.jsonObject(with: Data(serialized.utf8), options: [.fragmentsAllowed])
            #expect(parsed as? String == text)
        }
    }
}

@Suite struct JSONResultTests {
    @Test func eachLineOfTheScriptIsOneObjectWithThePanel() throws {
        let lines = jsonLines(
            """
            incoming chat "Kenny Smith"
            accept
            # a comment prints nothing

            incoming sms
            """)
        #expect(lines.count == 3)
        let accepted = try parseJSONObject(lines[1])
        #expect(accepted["line"] as? Int == 2)
        #expect(accepted["input"] as? String == "accept")
        #expect(accepted["ok"] as? Bool == true)
        #expect(
            accepted["messages"] as? [String] == ["Accepted Chat from Kenny Smith. Started session 1: Kenny Smith."])
        #expect(accepted["error"] == nil)
        #expect(accepted["presence"] as? String == "dnd", "capacity 3: two items in My work items and this chat")
        let panel = try #require(accepted["panel"] as? [String: Any])
        #expect(panel["mode"] as? String == "expanded")
        #expect(panel["focused"] as? Int == 1)
        let sessions = try #require(panel["sessions"] as? [[String: Any]])
        #expect(sessions.map { $0["title"] as? String } == ["Home", "Kenny Smith"])
        let kenny = sessions[1]
        #expect(kenny["position"] as? Int == 1)
        #expect(kenny["initials"] as? String == "Ke")
        #expect(kenny["kind"] as? String == "conversation")
        #expect(kenny["state"] as? String == "active")
        #expect(kenny["channel"] as? String == "chat")
        #expect(kenny["workItem"] as? String == "W1000")
        #expect(kenny["focused"] as? Bool == true)
        #expect(kenny["sentiment"] as? String == "neutral")
        #expect(sessions[0]["sentiment"] is NSNull)
        let waiting = try parseJSONObject(lines[2])
        let notification = try #require((waiting["notifications"] as? [[String: Any]])?.first)
        #expect(notification["title"] as? String == "Visitor 1")
        #expect(notification["channel"] as? String == "sms")
        #expect(notification["secondsLeft"] as? Int == 120)
        #expect(notification["returning"] as? Bool == false)
    }

    @Test func everyObjectSaysItsType() throws {
        let lines = jsonLines("incoming chat\naccept\necho \"hi\"\nswitch 9")
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.hasPrefix(#"{"type":"command","line":"#) })
    }

    @Test func eventsOnTheClockAreObjectsWithFieldsBeforeTheirCommand() throws {
        let lines = jsonLines(
            """
            incoming chat "Kenny Smith"
            accept
            at 10s message "Kenny Smith" "Still there?"
            at 20s incoming sms
            clock advance 1m
            """)
        #expect(lines.count == 7)
        let message = try parseJSONObject(lines[4])
        #expect(message["type"] as? String == "event")
        #expect(message["line"] as? Int == 5)
        #expect(message["time"] as? Int == 10 && message["clock"] as? String == "00:00:10")
        #expect(message["kind"] as? String == "message")
        #expect(message["customer"] as? String == "Kenny Smith")
        #expect(message["workItem"] as? String == "W1000" && message["session"] as? Int == 1)
        #expect(message["text"] as? String == "Kenny Smith in session 1: Still there?")
        let arrival = try parseJSONObject(lines[5])
        #expect(arrival["kind"] as? String == "arrival" && arrival["customer"] as? String == "Visitor 1")
        #expect(arrival["workItem"] as? String == "W1001" && arrival["session"] is NSNull)
        let advanced = try parseJSONObject(lines[6])
        #expect(advanced["type"] as? String == "command" && advanced["input"] as? String == "clock advance 1m")
        #expect((advanced["messages"] as? [String])?.count == 1, "the clock; the events are not in the messages")
    }

    @Test func theReportIsAnObjectOfItsOwnNotAStringInMessages() throws {
        let lines = jsonLines("incoming chat\nreport\nreport --format json")
        #expect(lines.count == 5)
        for (index, line) in [(1, 2), (3, 3)] {
            let report = try parseJSONObject(lines[index])
            #expect(report["type"] as? String == "report" && report["line"] as? Int == line)
            #expect(report["offered"] as? Int == 1)
            #expect(try parseJSONObject(lines[index + 1])["messages"] as? [String] == [])
        }
    }

    @Test func knowledgeQuickRepliesNotesAndTheSummaryAreObjectsWithFieldsNotTextInMessages() throws {
        let lines = jsonLines(
            """
            incoming chat "Kenny Smith"
            accept
            kb search "sign in"
            kb open 2
            quickreply add "#refund Mine, {customer}"
            /q #refund
            note "called back"
            notes
            summary
            """)
        let objects = try lines.map(parseJSONObject)
        for object in objects[2...] where ![5, 7].contains(object["line"] as? Int) {  // quickreply add, note
            #expect(object["messages"] as? [String] == [], "\(object["input"] ?? "")")
        }
        let articles = try #require(objects[2]["articles"] as? [[String: Any]])
        #expect(
            articles.first?["id"] as? Int == 1 && articles.first?["title"] as? String == "Signing in to your account")
        #expect(articles.first?["link"] as? String == "kb://1")
        let article = try #require(objects[3]["article"] as? [String: Any])
        #expect(article["id"] as? Int == 2 && article["title"] as? String == "How to reset your password")
        #expect((article["body"] as? String)?.isEmpty == false && article["keywords"] is String)
        let replies = try #require(objects[5]["quickReplies"] as? [[String: Any]])
        #expect(replies.first?["number"] as? Int == 1 && replies.first?["personal"] as? Bool == true)
        #expect(replies.first?["message"] as? String == "Mine, {customer}")
        #expect(replies.first?["tags"] as? [String] == ["refund"])
        #expect(replies.dropFirst().allSatisfy { $0["personal"] as? Bool == false && $0["tags"] is [String] })
        let notes = try #require(objects[7]["notes"] as? [String: Any])
        #expect(notes["workItem"] as? String == "W1000" && notes["title"] as? String == "Kenny Smith")
        let note = try #require((notes["notes"] as? [[String: Any]])?.first)
        #expect(note["text"] as? String == "called back" && note["time"] as? Int == 0)
        #expect(note["clock"] as? String == "00:00:00")
        let summary = try #require(objects[8]["summary"] as? [String: Any])
        #expect(summary["title"] as? String == "Kenny Smith" && summary["workItem"] as? String == "W1000")
        let customer = try #require(summary["customer"] as? [String: Any])
        #expect(customer["contact"] as? String == "Kenny Smith" && customer["account"] as? String == "Contoso")
        let conversation = try #require(summary["conversation"] as? [String: Any])
        #expect(conversation["channel"] as? String == "chat" && conversation["transfers"] as? Int == 0)
        #expect(conversation["sentiment"] as? String == "neutral" && conversation["engagementSeconds"] as? Int == 0)
        #expect(summary["linkedCase"] is NSNull)
        #expect((summary["recentCases"] as? [[String: Any]])?.first?["number"] is Int)
        let timeline = try #require(summary["timeline"] as? [[String: Any]])
        #expect(timeline.first?["text"] as? String == "Note: called back" && timeline.first?["time"] as? Int == 0)
        #expect(summary["timelineCount"] as? Int == timeline.count)
    }

    @Test func badgesAlertsAndUnreadCountsAreReported() throws {
        let messages = (1...10).map { "message 1 \"m\($0)\"" }.joined(separator: "\n")
        let lines = jsonLines("incoming chat\naccept\nswitch home\n\(messages)\nsentiment 1 negative")
        let last = try parseJSONObject(try #require(lines.last))
        let session = try #require(((last["panel"] as? [String: Any])?["sessions"] as? [[String: Any]])?[1])
        #expect(session["unread"] as? Int == 10)
        #expect(session["badge"] as? String == "9+")
        #expect(session["alert"] as? Bool == true)
        #expect(session["sentiment"] as? String == "negative")
        #expect(session["focused"] as? Bool == false)
    }

    @Test func errorsQuestionsAndAnswersAreReported() throws {
        let lines = jsonLines("switch 4\nincoming chat\naccept\nclose\ny")
        let failed = try parseJSONObject(lines[0])
        #expect(failed["ok"] as? Bool == false)
        #expect(failed["error"] as? String == "no session at position 4; only Home (0) is open")
        let asked = try parseJSONObject(lines[3])
        #expect(asked["question"] as? String == "Close session \"Visitor 1\"? [y/N]")
        let answered = try parseJSONObject(lines[4])
        #expect(answered["answering"] as? String == "Close session \"Visitor 1\"? [y/N]")
        #expect(answered["input"] as? String == "y")
        #expect((answered["messages"] as? [String])?.first == "Closed session \"Visitor 1\".")
    }

    @Test func directivesAreObjectsTooAndFailedExpectationsAreErrors() throws {
        let lines = jsonLines("echo \"Narration\"\nshow\nexpect \"Home\"\nexpect \"Nowhere\"")
        #expect(lines.count == 4)
        #expect(try parseJSONObject(lines[0])["messages"] as? [String] == ["Narration"])
        #expect(try parseJSONObject(lines[2])["ok"] as? Bool == true)
        let failed = try parseJSONObject(lines[3])
        #expect(failed["ok"] as? Bool == false)
        #expect((failed["error"] as? String)?.hasPrefix("demo.omni:4: error: expect failed") == true)
    }

    @Test func customerTextKeepsItsControlCharactersOnlyAsEscapes() throws {
        let lines = jsonLines("incoming chat \"Eve\u{1B}[2J\u{202E}\"\naccept")
        #expect(lines.allSatisfy { !$0.unicodeScalars.contains { JSONValue.escapesInJSON($0) } })
        let sessions = try #require(
            (try parseJSONObject(lines[1])["panel"] as? [String: Any])?["sessions"] as? [[String: Any]])
        #expect(sessions[1]["title"] as? String == "Eve\u{1B}[2J\u{202E}")
        // messages carry the customer's text exactly too, as title does (the terminal shows it escaped)
        let messages = try #require(try parseJSONObject(lines[1])["messages"] as? [String])
        #expect(messages.first?.contains("Eve\u{1B}[2J\u{202E}") == true)
        #expect(messages.first?.contains("\\e") == false)
    }

    @Test func lineAndParagraphSeparatorsAreEscapedForJavaScript() throws {
        let lines = jsonLines("incoming chat \"A\u{2028}B\u{2029}C\"")
        #expect(lines[0].contains(#"A\u2028B\u2029C"#))
        #expect(!lines[0].unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" })
        #expect(JSONValue.string("\u{2028}").serialized == #""\u2028""#)
        #expect(String(decoding: JSONValue.string("a\u{2029}").prettyPrinted, as: UTF8.self) == #""a\u2029""#)
        #expect(JSONValue.string("José 👩‍💻 漢字 \\").serialized == "\"José 👩‍💻 漢字 \\\\\"")
    }
}
