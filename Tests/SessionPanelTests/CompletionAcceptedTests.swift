import Testing

@testable import SessionPanel

/// Completion offers only what the command then accepts.
@Suite struct CompletionAcceptedTests {
    typealias F = CompletionFixture

    @Test func tabCloseDoesNotOfferTheAnchorButTabFocusDoes() {
        let state = F.state("open case 42", "tab open kb", "tab open app Orders")
        #expect(F.texts("tab close ", in: state) == ["2", "3"])
        #expect(F.texts("tab focus ", in: state) == ["1", "2", "3"])
    }

    @Test func linkOffersTheRecordKindsAndTheConversationSessions() {
        let state = F.state("incoming chat \"Kenny Smith\"", "accept", "incoming chat", "accept", "open case 42")
        #expect(F.texts("link ", in: state) == ["contact", "account", "case", "1", "2"])
        #expect(F.texts("link contact Ke", in: state) == ["\"Kenny Smith\""])
        #expect(F.texts("link 2 account Co", in: state) == ["Contoso"])
        #expect(F.texts("link case 4", in: state) == ["42"])
        #expect(F.texts("unlink ", in: state) == ["contact", "account", "case", "1", "2"])
    }

    @Test func aCompletedNameCutBeforeAControlCharacterStillNamesTheContact() throws {
        let world = World(
            contacts: [.init(name: "Eve\u{1B}[2J Smith"), .init(name: "Evelyn")],
            accounts: [.init(name: "Acme\u{200B}Corp")])
        let state = F.state(world: world)
        for (line, expected) in [("open contact Eve", "Eve\u{1B}[2J Smith"), ("open account Ac", "Acme\u{200B}Corp")] {
            let candidates = F.texts(line, in: state)
            let cut = try #require(candidates.first { !$0.contains("Evelyn") })
            var agent = ScriptedAgent(state: state)
            let words = line.split(separator: " ").dropLast().joined(separator: " ")
            agent.run(words + " " + cut)
            #expect(agent.state.focusedSession.title == expected, "\(words) \(cut)")
        }
        var agent = ScriptedAgent(state: state)
        #expect(agent.error("open contact Evel").contains("no contact named"))  // a plain prefix is not a name
    }
}
