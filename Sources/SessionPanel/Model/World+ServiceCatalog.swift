/// The in-memory answers to ``ServiceCatalog``: a look through the lists, with a simple word match
/// standing in for the database's full-text index.
extension World {
    public func name(of kind: WorldRecordKind, _ name: String) -> String? {
        let key = worldKey(name)
        return names(of: kind).first { worldKey($0) == key }
    }

    public func names(of kind: WorldRecordKind, startingWith prefix: String, limit: Int) -> [String] {
        Self.sortedByKey(names(of: kind), prefix, limit) { $0 }
    }

    public func agent(named name: String) -> Agent? {
        let key = worldKey(name)
        return agents.first { worldKey($0.name) == key }
    }

    public func isDispositionRequired() -> Bool { requiresDisposition }

    public func article(_ id: Int) -> Article? { articles.first { $0.id == id } }

    public func articles(idStartingWith digits: String, limit: Int) -> [Article] {
        Array(articles.filter { numberStarts($0.id, with: digits) }.sorted { $0.id < $1.id }.prefix(limit))
    }

    /// Every query word must start a word of the article; the score weighs a title's word 10, a
    /// keyword 5 and the body's 1, as the database's bm25 weights do. Only the first
    /// ``SearchWords/rankedMatches`` matches by number are scored, as in the database.
    public func articles(matching query: String, limit: Int) -> [Article] {
        let wanted = SearchWords.words(in: query)
        guard !wanted.isEmpty else { return [] }
        let scored = articles.sorted { $0.id < $1.id }.lazy.compactMap { article -> (score: Int, article: Article)? in
            let fields = [(article.title, 10), (article.keywords, 5), (article.body, 1)].map {
                (words: SearchWords.words(in: $0.0), weight: $0.1)
            }
            var score = 0
            for word in wanted {
                let weights = fields.filter { $0.words.contains { $0.hasPrefix(word) } }.map(\.weight)
                guard !weights.isEmpty else { return nil }
                score += weights.reduce(0, +)
            }
            return (score, article)
        }
        return scored.prefix(SearchWords.rankedMatches).sorted {
            ($0.score, -$0.article.id) > ($1.score, -$1.article.id)
        }
        .prefix(limit).map(\.article)
    }

    public func quickReplies(matching filter: QuickReplyFilter, limit: Int) -> [QuickReply] {
        Self.sortedByKey(quickReplies.filter(filter.matches), "", limit, \.text)
    }

    public func quickReplyTags(startingWith prefix: String, limit: Int) -> [String] {
        Self.sortedByKey(Array(Set(quickReplies.flatMap(\.tags))), prefix, limit) { $0 }
    }

    public func quickReplyTagCount(startingWith prefix: String) -> Int {
        quickReplyTags(startingWith: prefix, limit: .max).count
    }

    /// The names of the queues, agents or dispositions; none for another kind.
    func names(of kind: WorldRecordKind) -> [String] {
        switch kind {
        case .queue: queues.map(\.name)
        case .agent: agents.map(\.name)
        case .disposition: dispositions.map(\.code)
        default: []
        }
    }
}

/// How a search reads text: lowercased words of letters and digits (`Sign-in` is `sign` and `in`),
/// as SQLite's `unicode61` tokenizer reads it.
public enum SearchWords {
    /// How many matching articles a search scores at most: the first by number. A word common to most
    /// of a million articles would otherwise have every match scored; another word narrows the search.
    public static let rankedMatches = 5_000

    /// The words of `text`, lowercased, at most ``mostWords``.
    public static func words(in text: String) -> [String] {
        Array(
            text.lowercased().split { !($0.isLetter || $0.isNumber) }.prefix(mostWords).map { String($0) })
    }

    /// The most words a query is read for (a longer query is cut).
    public static let mostWords = 16
}

/// What `quickreply <filter>` asks for: every reply, those with a `#tag`, or those whose text has
/// every word (each starting a word of the reply).
public enum QuickReplyFilter: Sendable, Equatable {
    case all
    case tag(String)
    case words([String])

    /// Reads a filter as typed: empty, `#billing`, or words.
    public init(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        if trimmed.hasPrefix("#"), trimmed.count > 1, !trimmed.contains(" ") {
            self = .tag(worldKey(String(trimmed.dropFirst())))
            return
        }
        let words = SearchWords.words(in: trimmed)
        self = words.isEmpty ? .all : .words(words)
    }

    /// Whether `reply` passes.
    public func matches(_ reply: World.QuickReply) -> Bool {
        switch self {
        case .all: return true
        case .tag(let tag): return reply.tags.contains(tag)
        case .words(let wanted):
            let words = SearchWords.words(in: reply.text)
            return wanted.allSatisfy { word in words.contains { $0.hasPrefix(word) } }
        }
    }
}
