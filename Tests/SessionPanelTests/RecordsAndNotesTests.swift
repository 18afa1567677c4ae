import Foundation
import Testing

@testable import SessionPanel

/// Issue 17: notes on a conversation's timeline, finding and linking records, the Customer summary.
@Suite struct RecordsAndNotesTests {
    /// The lines a report prints at `width` columns, plain.
    private static func lines(_ outcome: Outcome, _ state: PanelState, width: Int) -> [String] {
        OutcomeRenderer(style: RenderStyle(color: false, unicode: true, width: width)).render(outcome, in: state)
    }

    @Test("a note is saved with the simulated time; notes lists it, history shows it among the messages")
    func notes() {
        var agent = ScriptedAgent()
        agent.run(#"incoming chat "Kenny Smith""#, "accept", "message 1 \"it is on fire\"", "clock advance 5m")
        #expect(agent.output(#"note "called back, fixed""#) == "Note saved to Kenny Smith's timeline at 00:05:00.")
        #expect(agent.conversation("Kenny Smith")?.notes == [Note(text: "called back, fixed", time: 300)])
        #expect(
            agent.output("notes") == "Notes on Kenny Smith (W1000):\n  [00:05:00] called back, fixed")
        agent.run("reply \"sorted\"")
        let history = agent.output("history").split(separator: "\n").map(String.init)
        #expect(
            history.suffix(3) == [
                "  [00:00:00] Kenny Smith: it is on fire", "  [00:05:00] Note: called back, fixed",
                "  [00:05:00] You: sorted",
            ]
                || history.suffix(3) == [
                    "  [00:00:00] Kenny Smith: it is on fire", "  [00:05:00] You: sorted",
                    "  [00:05:00] Note: called back, fixed",
                ])
        #expect(agent.error("note \"  \"").contains("the note is empty"))
        agent.run("switch home")
        #expect(agent.error("note hi") == "Home has no conversation")
    }

    @Test("the summary's timeline shows the latest ten entries, newest first, and says how many there are")
    func longTimeline() {
        var agent = ScriptedAgent()
        agent.run(#"incoming chat "Kenny Smith""#, "accept")
        for minute in 1...12 { agent.run("clock advance 1m", "note \"call \(minute)\"") }
        let lines = agent.output("summary").split(separator: "\n").map(String.init)
        let heading = lines.firstIndex(of: "Timeline (latest 10 of 14)")  // 12 notes, W301, case 42
        #expect(heading != nil)
        #expect(lines[(heading ?? 0) + 1] == "  [00:12:00] Note: call 12")
        #expect(lines.last == "  [00:03:00] Note: call 3")
    }

    @Test("a note's control characters never reach the terminal raw: notes, history and the summary escape them")
    func hostileNote() {
        var agent = ScriptedAgent()
        agent.run(#"incoming chat "Kenny Smith""#, "accept", "note \"\u{1B}[2Jgone\"")
        #expect(agent.conversation("Kenny Smith")?.notes.first?.text == "\u{1B}[2Jgone")
        for line in ["notes", "history", "summary"] {
            let text = agent.output(line)
            #expect(!text.contains("\u{1B}") && text.contains("[2Jgone"), "\(line)")
        }
    }

    @Test("a visitor's conversation takes notes only once a contact or account is linked")
    func visitorNotes() {
        var agent = ScriptedAgent()
        agent.run("incoming chat", "accept")
        #expect(
            agent.error("note hello")
                == "link a contact first: Visitor 1 is not a known customer and notes go to a record's timeline "
                + "('link contact \"<name>\"')")
        agent.run(#"link contact "Kenny Smith""#, "note hello")
        #expect(agent.conversation("Kenny Smith")?.notes.map(\.text) == ["hello"])
        agent.run(#"incoming sms "Kenny""#, "accept")  // a name the world has no contact for
        #expect(agent.error("note hello").hasPrefix("link a contact first: Kenny is not a known customer"))
    }

    @Test("notes, links and the linked case are saved, and a state saved before them still loads")
    func saved() throws {
        var agent = ScriptedAgent()
        agent.run("incoming chat", "accept", "link account Contoso", "link case 42", "note \"called back\"")
        let data = try JSONEncoder().encode(SavedState(agent.state))
        let decoded = try JSONDecoder().decode(SavedState.self, from: data)
        #expect(decoded.state == agent.state)
        let conversation = try #require(decoded.state.conversations[1000])
        #expect(conversation.account == "Contoso" && conversation.caseNumber == 42)
        #expect(conversation.notes.map(\.text) == ["called back"])
        // a conversation as an older omnipanel wrote it
        let old = #"{"id":7,"channel":"chat","state":"open","assignedToAgent":false,"messages":[],"visitorNumber":2}"#
        let read = try JSONDecoder().decode(Conversation.self, from: Data(old.utf8))
        #expect(read.notes.isEmpty && read.account == nil && read.caseNumber == nil && read.title == "Visitor 2")
    }

    @Test("at accept an unknown customer gets the record search's prompt; a known contact none")
    func recordSearch() {
        var agent = ScriptedAgent()
        agent.run("incoming chat")
        #expect(
            agent.output("accept").contains(
                "No records found for Visitor 1. 'link contact \"<name>\"' (or account, case) links one."))
        agent.run(#"incoming sms "Kenny""#)
        #expect(
            agent.output("accept").contains(
                "One or more records found for Kenny: Kenny Smith. 'link contact \"<name>\"' (or account, case) "
                    + "links one."))
        agent.run(#"incoming sms "Zed Unknown""#)
        #expect(agent.output("accept").contains("No records found for Zed Unknown."))
        agent.run(#"incoming chat "Maria Campbell""#)
        #expect(!agent.output("accept").contains("records found"))
    }

    @Test("link and unlink a contact, an account and a case; the title follows the linked customer")
    func linking() {
        var agent = ScriptedAgent()
        agent.run("incoming chat", "accept")
        #expect(
            agent.output("link account Contoso").hasPrefix(
                "Linked the account Contoso to Visitor 1; the session title is now Contoso."))
        #expect(agent.titles == ["Home", "Contoso"])
        agent.run(#"link contact "kenny smith""#)
        #expect(agent.titles == ["Home", "Kenny Smith"])
        #expect(agent.output("link case 42").hasPrefix("Linked case 42 (Printer on fire) to Kenny Smith."))
        #expect(agent.conversation("Kenny Smith")?.caseNumber == 42)
        #expect(
            agent.output("unlink contact").hasPrefix(
                "Unlinked the contact Kenny Smith from Kenny Smith; the session title is now Contoso."))
        #expect(agent.titles == ["Home", "Contoso"])
        agent.run("unlink 1 account", "unlink case")
        #expect(agent.titles == ["Home", "Visitor 1"])
        #expect(agent.conversation("Visitor 1")?.caseNumber == nil)
        #expect(agent.error("unlink contact") == "W1000 has no contact linked")
        #expect(agent.error("link case 43") == "no case 43; 'link case' with Tab lists them")
        #expect(agent.error("link account Nowhere") == "no account named \"Nowhere\"")
        #expect(agent.error("link contact Nobody") == "no contact named \"Nobody\"")
        #expect(agent.error("link case x").contains("case number must be a number, not \"x\""))
        #expect(agent.error("unlink 1 everything").contains("\"everything\" is not contact, account or case"))
        agent.run("open case 17")
        #expect(
            agent.error("link contact \"Kenny Smith\"")
                == "\"Refund for order 1182\" is a record session, not a conversation")
    }

    @Test("a named customer unlinked from their contact becomes the next visitor, and their request index follows")
    func unlinkNamed() {
        var agent = ScriptedAgent()
        agent.run(#"incoming chat "Kenny Smith""#, "accept", "unlink contact")
        #expect(agent.titles == ["Home", "Visitor 1"])
        #expect(agent.state.problems.isEmpty)
        agent.run(#"incoming chat "Kenny Smith""#)  // no longer refused as a second chat of his
        #expect(agent.state.notifications.count == 1)
    }

    @Test("the summary shows the customer, the conversation, the case, the latest five cases and the timeline")
    func summary() {
        var world = World.demo
        world.cases += (1...6).map { World.CaseRecord(number: 500 + $0, title: "Call \($0)", customer: "Kenny Smith") }
        var agent = ScriptedAgent(world: world)
        agent.run(
            #"incoming voice "Kenny Smith""#, "clock advance 30s", "accept", "end", "close --yes",
            #"incoming chat "Kenny Smith""#, "clock advance 10s", "accept", "clock advance 2m", "link case 42",
            "sentiment 1 negative", "note \"called back, fixed\"")
        let text = agent.output("summary")
        #expect(
            text == """
                Customer summary: Kenny Smith (W1001)
                Customer
                  Contact     Kenny Smith
                  Account     Contoso
                Conversation summary
                  Channel     Chat
                  Queue       Default queue
                  Wait time   10s
                  Engagement  2m
                  Sentiment   negative
                  Transfers   0
                Case
                  Case 42: Printer on fire
                Recent cases
                  Case 506: Call 6
                  Case 505: Call 5
                  Case 504: Call 4
                  Case 503: Call 3
                  Case 502: Call 2
                Timeline
                  [00:02:40] Note: called back, fixed
                  [00:00:30] Conversation W1000 (Voice) closed
                  Conversation W301 (Voice) closed
                  Case 506: Call 6
                  Case 505: Call 5
                  Case 504: Call 4
                  Case 503: Call 3
                  Case 502: Call 2
                """)
        // the Customer summary tab shows the same
        let tab = agent.output("tab focus 1")
        #expect(tab.contains("Customer summary: Kenny Smith (W1001)") && tab.contains("Case 42: Printer on fire"))
        agent.run("switch home")
        #expect(agent.error("summary") == "Home has no conversation")
    }

    @Test("the summary of a visitor says so; every line fits 30, 80 and 140 columns")
    func summaryFits() throws {
        var agent = ScriptedAgent()
        agent.run(
            "incoming chat", "accept", "link account \"Adventure Works\"", "link contact \"Yvonne McKay\"",
            "note \"" + String(repeating: "a long note about the delivery ", count: 8) + "\"")
        let outcome = agent.run("summary")
        for width in [30, 80, 140] {
            let lines = Self.lines(outcome, agent.state, width: width)
            #expect(lines.allSatisfy { VisibleText.width($0) <= width }, "at \(width) columns")
            #expect(lines.joined(separator: " ").contains("Case 256: Delivery arrived"))
        }
        var visitor = ScriptedAgent()
        visitor.run("incoming chat", "accept")
        #expect(visitor.output("summary").contains("  Visitor     no contact or account linked"))
    }

    @Test("the report's timeline picture marks each note on its conversation's lane")
    func timelinePicture() throws {
        var agent = ScriptedAgent()
        agent.run(#"incoming chat "Kenny Smith""#, "accept", "clock advance 1m", "note one", "note two")
        let svg = try agent.state.timelinePicture()
        #expect(svg.components(separatedBy: "class=\"note\"").count - 1 == 3)  // two notes and the legend's
        #expect(svg.contains(">note</text>"))
    }
}
