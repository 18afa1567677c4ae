/// One possible completion offered for the word before the cursor.
public struct CompletionCandidate: Sendable, Equatable {
    /// The text inserted in place of the partial word, already quoted if it needs quoting.
    public var text: String
    /// A short explanation shown next to `text` when several candidates are listed; may be empty.
    public var description: String

    /// Creates a candidate with the text to insert and an optional description.
    public init(text: String, description: String = "") {
        self.text = text
        self.description = description
    }
}

/// What a completer offers for the line before the cursor.
public struct CompletionResult: Sendable, Equatable {
    /// Number of Characters immediately before the cursor that the candidates replace (the partial word).
    public var replacing: Int
    /// The candidates, in the order they should be listed: at most the limit the completer was given.
    public var candidates: [CompletionCandidate]
    /// How many candidates there are in all; more than `candidates.count` when the limit cut the list.
    public var total: Int

    /// Creates a result replacing `replacing` Characters before the cursor with one of `candidates`,
    /// of `total` in all (all of them when `total` is `nil`).
    public init(replacing: Int, candidates: [CompletionCandidate], total: Int? = nil) {
        self.replacing = replacing
        self.candidates = candidates
        self.total = max(total ?? candidates.count, candidates.count)
    }
}
