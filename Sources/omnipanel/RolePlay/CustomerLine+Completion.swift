import SessionPanel

extension CustomerLine {
    /// What Tab completes at the trainer's prompt: a command first, then a channel after `arrive`, a
    /// sentiment level after `mood "<name>"`, and where a customer goes the `names` the trainer
    /// played so far (newest first), quoted as needed.
    static func completions(for lineBeforeCursor: String, names: [String]) -> Completion {
        let line = TokenizedLine(lineBeforeCursor)
        var words = line.tokens
        let partial = line.endsWithSpace || words.isEmpty ? nil : words.removeLast()
        let typed = partial.map { String(lineBeforeCursor.utf8.dropFirst($0.utf8Offset)) ?? "" } ?? ""
        let values: [String]
        switch (words.first?.text, words.count) {
        case (nil, _): values = usage.map(\.command)
        case ("arrive", 1): values = Channel.allCases.map(\.rawValue) + names
        case ("mood", 2): values = Sentiment.allCases.map(\.name)
        case ("arrive", 2) where Channel(rawValue: words[1].text) != nil, ("say", 1), ("mood", 1), ("leave", 1):
            values = names
        default: values = []
        }
        let prefix = (partial?.text ?? "").lowercased()
        let candidates = values.filter { $0.lowercased().hasPrefix(prefix) }.map {
            CompletionCandidate(CompletionEngine.quoted($0))
        }
        return Completion(replacing: typed.count, candidates: candidates)
    }
}
