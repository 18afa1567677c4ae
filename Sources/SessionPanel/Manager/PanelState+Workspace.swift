extension PanelState {
    mutating func type(_ text: String, into field: String) throws(CommandError) -> Outcome {
        let position = try focusedCustomerSession("Home has no form; switch to a customer session first")
        guard !sessions[position].readOnly else { throw CommandError("\"\(sessions[position].title)\" is read-only") }
        if let index = sessions[position].draft.firstIndex(where: { $0.field == field }) {
            sessions[position].draft[index].value = text
        } else {
            sessions[position].draft.append(DraftField(field: field, value: text))
        }
        return Outcome([.message("\(field) (unsaved): \(text)")])
    }

    private func tabSession() throws(CommandError) -> Int {
        try focusedCustomerSession("Home has only its dashboard; switch to a customer session for app tabs")
    }

    /// The index of tab `number` (1-based) in the focused session.
    private func tabIndex(_ number: Int, in position: Int) throws(CommandError) -> Int {
        let count = sessions[position].tabs.count
        guard (1...count).contains(number) else { throw CommandError("no tab \(number); tabs are 1 to \(count)") }
        return number - 1
    }

    mutating func openTab(_ target: TabTarget) throws(CommandError) -> Outcome {
        let position = try tabSession()
        let tab: AppTab =
            switch target {
            case .knowledgeSearch: AppTab(.knowledgeSearch)
            case .record(let id): AppTab(.record(id))
            case .app(let name): AppTab(.app(name))
            }
        if let open = sessions[position].tabs.firstIndex(of: tab) {  // one tab per thing shown: focus it
            sessions[position].focusedTab = open
            return Outcome([.tabs])
        }
        guard sessions[position].tabs.count < settings.maxTabs else {
            throw CommandError(AppTab.maximumTabsMessage)
        }
        sessions[position].tabs.append(tab)
        sessions[position].focusedTab = sessions[position].tabs.count - 1
        return Outcome([.tabs])
    }

    /// The tabs a new session opens with, as the product opens them: Home its dashboard; a conversation the
    /// Customer summary, and KB Search for chat and SMS; a record session the record itself, titled by
    /// its entity (`title` is the record's own title).
    func openingTabs(for kind: SessionKind, title: String) -> [AppTab] {
        switch kind {
        case .home: [AppTab(.dashboard)]
        case .conversation(let id):
            [AppTab(.customerSummary)]
                + ([.chat, .sms].contains(conversations[id]?.channel) ? [AppTab(.knowledgeSearch)] : [])
        case .caseRecord(let number): [AppTab(.entity("Case \(number): \(title)"))]
        case .contact(let name): [AppTab(.entity("Contact: \(name)"))]
        case .account(let name): [AppTab(.entity("Account: \(name)"))]
        }
    }

    mutating func closeTab(_ number: Int?) throws(CommandError) -> Outcome {
        let position = try tabSession()
        let index =
            try number.map { number throws(CommandError) in try tabIndex(number, in: position) }
            ?? sessions[position].focusedTab
        guard !sessions[position].tabs[index].isAnchor else {
            throw CommandError("the anchor tab (\(sessions[position].tabs[index].title)) cannot be closed")
        }
        sessions[position].tabs.remove(at: index)
        let focused = sessions[position].focusedTab
        if focused >= index { sessions[position].focusedTab = max(0, focused - 1) }
        return Outcome([.tabs])
    }

    mutating func focusTab(_ number: Int) throws(CommandError) -> Outcome {
        let position = try tabSession()
        let tab = try tabIndex(number, in: position)
        // the Customer summary tab of a conversation shows the summary
        let summary =
            sessions[position].tabs[tab].content == .customerSummary && sessions[position].conversationID != nil
            ? [OutcomeItem.summary(try customerSummary(at: position))] : []
        sessions[position].focusedTab = tab
        return Outcome([.tabs] + summary)
    }
}
