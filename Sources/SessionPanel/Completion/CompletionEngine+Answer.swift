extension CompletionEngine {
    /// The answers a pending question (`Close session "…"? [y/N]`) takes: `y` and `n`, those that start
    /// with what is typed. An answer is one word, so after a second word nothing is offered.
    public static func completeAnswer(_ lineBeforeCursor: String) -> Completion {
        let words = lineBeforeCursor.split(separator: " ", omittingEmptySubsequences: false).drop { $0.isEmpty }
        guard words.count <= 1 else { return Completion(replacing: 0, candidates: []) }
        let typed = words.first ?? ""
        let answers = [CompletionCandidate("y", "yes, go ahead"), CompletionCandidate("n", "no, leave it as it is")]
        return Completion(replacing: typed.count, candidates: answers.filter { $0.text.hasPrefix(typed.lowercased()) })
    }
}

extension Interpreter {
    /// What Tab offers for `lineBeforeCursor` now: the answers while a question waits for one,
    /// otherwise the commands and their arguments (``CompletionEngine/complete(_:in:limit:)``).
    public func completions(for lineBeforeCursor: String, limit: Int = .max) -> Completion {
        pendingConfirmation == nil
            ? CompletionEngine.complete(lineBeforeCursor, in: state, limit: limit)
            : CompletionEngine.completeAnswer(lineBeforeCursor)
    }
}
