/// The knowledge base and quick replies: `kb search|open|send` and `quickreply [send|add]`.
extension PanelState {
    mutating func searchArticles(_ query: String) throws(CommandError) -> Outcome {
        guard !SearchWords.words(in: query).isEmpty else {
            throw CommandError("kb search needs words to look for, such as kb search \"sign in\"")
        }
        return .answer([.articles(try world.articles(matching: query, limit: ConversationTools.listLimit))])
    }

    /// Shows article `id` in the focused conversation session's KB Search tab, opening the tab (or
    /// focusing it) first.
    mutating func openArticle(_ id: Int) throws(CommandError) -> Outcome {
        let article = try knownArticle(id)
        let session = focusedSession
        guard !session.isHome, session.conversationID != nil else {
            throw CommandError(
                session.isHome
                    ? "Home has no KB Search tab; switch to a conversation session"
                    : "\"\(session.title)\" is a record session; KB Search opens in a conversation session")
        }
        _ = try openTab(.knowledgeSearch)
        tools.openArticles[session.id] = id
        return Outcome([.article(article)])
    }

    /// Sends the link of article `id` to the customer of the focused session, as the agent's message.
    mutating func sendArticle(_ id: Int) throws(CommandError) -> Outcome {
        let article = try knownArticle(id)
        return try reply("Article \(article.id): \(article.title) <\(article.link)>")
    }

    /// Lists the quick replies that match `filter` (words or `#tag`), the agent's own first, and
    /// remembers the list for `quickreply send <n>`.
    mutating func listQuickReplies(_ filter: String) throws(CommandError) -> Outcome {
        let filter = QuickReplyFilter(filter)
        let personal = Array(tools.personalQuickReplies.filter(filter.matches).prefix(ConversationTools.listLimit))
        let limit = ConversationTools.listLimit - personal.count
        let list = personal + (limit > 0 ? try world.quickReplies(matching: filter, limit: limit) : [])
        tools.lastQuickReplies = list
        return .answer([.quickReplies(list, personal: personal.count)])
    }

    /// Sends quick reply `number` of the last list in the focused session, `{customer}` and `{agent}` filled in.
    mutating func sendQuickReply(_ number: Int) throws(CommandError) -> Outcome {
        let list = tools.lastQuickReplies
        guard !list.isEmpty else { throw CommandError("no quick replies listed; list them first with quickreply") }
        guard (1...list.count).contains(number) else {
            throw CommandError("no quick reply \(number); the last list has 1 to \(list.count)")
        }
        let customer = conversation(of: focusedSession)?.title ?? focusedSession.title
        return try reply(list[number - 1].filled(customer: customer, agent: ConversationTools.agentName))
    }

    /// Saves a personal quick reply, kept with the shift.
    mutating func addQuickReply(_ text: String) throws(CommandError) -> Outcome {
        let reply = World.QuickReply(text: text.trimmingWhitespace())
        if let problem = World.ServiceRecord.quickReply(reply).problem { throw CommandError(problem) }
        let key = worldKey(reply.text)
        guard !tools.personalQuickReplies.contains(where: { worldKey($0.text) == key }) else {
            throw CommandError("you already have that quick reply")
        }
        guard tools.personalQuickReplies.count < ConversationTools.mostPersonal else {
            throw CommandError("you have \(ConversationTools.mostPersonal) quick replies, the most there can be")
        }
        tools.personalQuickReplies.append(reply)
        let tags = reply.tags.isEmpty ? "no tags" : reply.tags.map { "#" + $0 }.joined(separator: " ")
        return Outcome([.message("Saved your quick reply (\(tags)): \(reply.message)")])
    }

    private func knownArticle(_ id: Int) throws(CommandError) -> World.Article {
        guard let article = try world.article(id) else {
            throw CommandError("no article \(id); find one with kb search")
        }
        return article
    }
}
