#if !FUZZING
@testable import SessionPanel
#endif

/// The rules every state the session manager hands back must keep, checked after every step of the
/// property test and the fuzzer (`scripts/fuzz`, which compiles this file into the fuzz target).
enum PanelInvariants {
    /// Feeds one line to the shell and returns every rule the step broke: a refused line, a question
    /// or a blank line must leave the state as it was; nothing printed may carry an escape character
    /// (the plain style has no colour, so one could only come from customer text); and the new state
    /// must keep the invariants below.
    static func step(_ interpreter: inout Interpreter, line: [UInt8]) -> [String] {
        let before = interpreter.state
        let result = interpreter.handle(InputLine(line))
        let unchanged = interpreter.state == before
        let renderer = OutcomeRenderer(style: .plain)
        var problems: [String] = []
        switch result {
        case .failed(let error):
            if !unchanged { problems.append("the refused command changed the state") }
            let shown = renderer.render(error)
            if shown.utf8.contains(0x1B) || shown.contains("\n") {
                problems.append("the error is not one escaped line: \(shown)")
            }
        case .asks(let question):
            if !unchanged { problems.append("asking changed the state") }
            if VisibleText.escaped(question).utf8.contains(0x1B) { problems.append("the question shows a raw ESC") }
        case .ran(let outcome):
            if renderer.render(outcome, in: interpreter.state).contains(where: { $0.utf8.contains(0x1B) }) {
                problems.append("the output shows a raw ESC")
            }
        case .nothing:
            if !unchanged { problems.append("a blank line changed the state") }
        }
        let panel = PanelRenderer(style: .plain).render(interpreter.state)
        return problems + violations(in: interpreter.state) + violations(inPlainPanel: panel, of: interpreter.state)
    }

    /// Each broken rule as a line; empty when the state is sound.
    static func violations(in state: PanelState) -> [String] {
        guard let home = state.sessions.first, home.isHome else { return ["Home is not the first session"] }
        var problems: [String] = []
        if state.sessions.dropFirst().contains(where: \.isHome) { problems.append("Home appears twice") }
        if state.sessions.count > state.settings.maxSessions {
            problems.append("\(state.sessions.count) sessions are open, the limit is \(state.settings.maxSessions)")
        }
        if !zip(state.sessions, state.sessions.dropFirst()).allSatisfy({ $0.id < $1.id }) {
            problems.append("session ids do not increase in panel order")
        }
        let focused = state.sessions.filter { $0.id == state.focusedSessionID }
        if focused.count != 1 { problems.append("\(focused.count) sessions have the focused id") }
        if state.sessions[state.focusedPosition].id != state.focusedSessionID {
            problems.append("focusedPosition does not find the focused session")
        }
        for session in state.sessions {
            if session.unreadCount < 0 { problems.append("\"\(session.title)\" has \(session.unreadCount) unread") }
            if session.id == state.focusedSessionID, session.unreadCount != 0 {
                problems.append("the focused session \"\(session.title)\" has \(session.unreadCount) unread")
            }
            if !session.tabs.indices.contains(session.focusedTab) {
                problems.append("\"\(session.title)\" focuses a missing tab")
            }
            if session.tabs.first?.isAnchor != true || session.tabs.dropFirst().contains(where: \.isAnchor) {
                problems.append("\"\(session.title)\" does not have exactly one anchor tab, first")
            }
            if let id = session.conversationID, state.conversations[id] == nil {
                problems.append("\"\(session.title)\" shows W\(id), which does not exist")
            }
        }
        for notification in state.notifications where state.conversations[notification.conversationID] == nil {
            problems.append("a notification offers W\(notification.conversationID), which does not exist")
        }
        // The rules read what the workspace points to without the catalog: it must be in play.
        for id in state.referencedConversations where state.conversations[id] == nil {
            if (try? state.conversation(id)) != nil { problems.append("W\(id) is pointed to but not in play") }
        }
        let all = state.inMemoryConversations ?? [:]
        if state.conversations.usingCapacity != all.values.count(where: \.usesCapacity) {
            problems.append("\(state.conversations.usingCapacity) conversations counted as using capacity")
        }
        for change in state.changedConversations where change.conversation != all[change.conversation.id] {
            problems.append("the change of W\(change.conversation.id) is not what the state shows")
        }
        return problems
    }

    /// What is wrong with the panel as printed: the rows must number the sessions 0…n in order, with
    /// no gap, and customer text must never bring an escape character (the plain style has no colour).
    static func violations(inPlainPanel lines: [String], of state: PanelState) -> [String] {
        var problems: [String] = []
        if lines.contains(where: { $0.utf8.contains(0x1B) }) { problems.append("the plain panel contains an ESC byte") }
        let numbers = lines.dropFirst().prefix(state.sessions.count).map { line in
            Int(line.dropFirst(4).drop { $0 == " " }.prefix { $0 != " " }) ?? -1
        }
        if numbers != Array(state.sessions.indices) { problems.append("the panel numbers the sessions \(numbers)") }
        return problems
    }
}
