import SessionPanel

/// The database's answers to ``ServiceCatalog``: names by their key's index, articles and quick
/// replies through their full-text indexes (SQLite FTS5), articles ranked by bm25 with a title's
/// words weighing 10, keywords 5 and the body 1.
extension SQLiteWorldCatalog {
    public func name(of kind: WorldRecordKind, _ name: String) throws(CommandError) -> String? {
        guard let (table, column) = try Self.nameColumn(kind).flatMap(checkedTable) else { return nil }
        return try rows("SELECT \(column) FROM \(table) WHERE key = ?1", worldKey(name), read: { $0.string(at: 0) })
            .first ?? nil
    }

    public func names(of kind: WorldRecordKind, startingWith prefix: String, limit: Int) throws(CommandError)
        -> [String]
    {
        guard let (table, column) = try Self.nameColumn(kind).flatMap(checkedTable) else { return [] }
        return try rows(startingWith: prefix, "SELECT \(column) FROM \(table)", limit: limit) { $0.string(at: 0) ?? "" }
    }

    public func agent(named name: String) throws(CommandError) -> World.Agent? {
        guard try hasTable(WorldSchema.agents.name) else { return nil }
        return try rows(
            "SELECT \(WorldRows.agentColumns) FROM agents WHERE key = ?1", worldKey(name), read: WorldRows.agent
        ).first
    }

    public func isDispositionRequired() throws(CommandError) -> Bool {
        guard try hasTable("world_flags") else { return false }
        return try !rows(
            "SELECT 1 FROM world_flags WHERE flag = ?1", WorldSchema.requiresDispositionFlag, read: { _ in () }
        ).isEmpty
    }

    public func article(_ id: Int) throws(CommandError) -> World.Article? {
        try articles(from: id, through: id, limit: 1).first
    }

    public func articles(idStartingWith digits: String, limit: Int) throws(CommandError) -> [World.Article] {
        try Self.numbered(startingWith: digits, limit: limit, articles(from:through:limit:))
    }

    public func articles(matching query: String, limit: Int) throws(CommandError) -> [World.Article] {
        let words = SearchWords.words(in: query)
        guard !words.isEmpty, try hasTable("articles_search") else { return [] }
        // The first matches by rank (which is the id's order) are scored, then the best are read: a
        // word in most of a million articles costs what `rankedMatches` of them cost.
        return try rows(
            "SELECT a.\(Self.articleColumns) FROM (SELECT rowid, bm25(articles_search, 10.0, 5.0, 1.0) AS score "
                + "FROM articles_search WHERE articles_search MATCH ?1 LIMIT ?3) AS found "
                + "JOIN articles AS a ON a.rank = found.rowid ORDER BY found.score, a.id LIMIT ?2",
            Self.prefixQuery(words), limit, SearchWords.rankedMatches, read: WorldRows.article)
    }

    public func quickReplies(matching filter: QuickReplyFilter, limit: Int) throws(CommandError)
        -> [World.QuickReply]
    {
        guard try hasTable("quick_replies_search") else { return [] }
        let search =
            "SELECT q.rank, q.text FROM quick_replies_search JOIN quick_replies AS q "
            + "ON q.rank = quick_replies_search.rowid WHERE quick_replies_search MATCH ?1 "
            + "AND quick_replies_search.rowid > ?2 ORDER BY quick_replies_search.rowid LIMIT ?3"
        let read = { (row: Statement) in (rank: row.int(at: 0), reply: World.QuickReply(text: row.string(at: 1) ?? ""))
        }
        switch filter {
        case .all:
            return try rows("SELECT 0, text FROM quick_replies ORDER BY rank LIMIT ?1", nil, limit, read: read).map(
                \.reply)
        case .tag(let tag):
            let words = SearchWords.words(in: tag)
            guard !words.isEmpty else { return [] }
            // A phrase in the tags column, each page checked for the exact tag (`#sign-in` is not
            // `#sign #in`) until `limit` are found.
            let phrase = "tags : \"" + words.joined(separator: " ") + "\""
            var found: [World.QuickReply] = []
            var after = 0
            while found.count < limit {
                let page = try rows(search, phrase, after, limit, read: read)
                found += page.map(\.reply).filter(filter.matches).prefix(limit - found.count)
                guard page.count == limit, let last = page.last else { break }
                after = last.rank
            }
            return found
        case .words(let words): return try rows(search, Self.prefixQuery(words), 0, limit, read: read).map(\.reply)
        }
    }

    public func quickReplyTags(startingWith prefix: String, limit: Int) throws(CommandError) -> [String] {
        guard try hasTable("quick_reply_tags") else { return [] }
        return try rows(startingWith: prefix, "SELECT key FROM quick_reply_tags", limit: limit) {
            $0.string(at: 0) ?? ""
        }
    }

    public func quickReplyTagCount(startingWith prefix: String) throws(CommandError) -> Int {
        guard try hasTable("quick_reply_tags") else { return 0 }
        let (low, high) = Self.keyRange(startingWith: prefix)
        let bind = { (statement: Statement) throws(StorageError) in
            try Bound.text(low).bind(to: statement, at: 1)
            try Bound.text(high).bind(to: statement, at: 2)
        }
        let sql = "SELECT count(*) FROM quick_reply_tags WHERE key >= ?1 AND key < ?2"
        return try run(sql, { $0.int(at: 0) }, bind: bind).first ?? 0
    }

    /// A full-text query that wants every word, each as the start of a word: `"sign"* "in"*`. The words
    /// are letters and digits only (``SearchWords``), so they need no escaping inside the quotes.
    private static func prefixQuery(_ words: [String]) -> String {
        words.map { "\"\($0)\"*" }.joined(separator: " ")
    }

    /// The article columns, of the table named `a`.
    private static let articleColumns = "id, a.title, a.keywords, a.body"

    /// The articles numbered `low` through `high`, by number, at most `limit`.
    private func articles(from low: Int, through high: Int, limit: Int) throws(CommandError) -> [World.Article] {
        guard try hasTable(WorldSchema.articles.name) else { return [] }
        return try rows(
            "SELECT a.\(Self.articleColumns) FROM articles AS a WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3", nil,
            low, high, limit, read: WorldRows.article)
    }

    /// The table and column holding the names of `kind` (queues, agents, dispositions).
    private static func nameColumn(_ kind: WorldRecordKind) -> (table: String, column: String)? {
        switch kind {
        case .queue: ("queues", "name")
        case .agent: ("agents", "name")
        case .disposition: ("dispositions", "code")
        default: nil
        }
    }

    /// `place` when its table exists.
    private func checkedTable(_ place: (table: String, column: String)) throws(CommandError) -> (String, String)? {
        try hasTable(place.table) ? place : nil
    }
}
