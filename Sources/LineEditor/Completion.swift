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
    /// The candidates, in the order they should be listed.
    public var candidates: [CompletionCandidate]

    /// Creates a result replacing `replacing` Characters before the cursor with one of `candidates`.
    public init(replacing: Int, candidates: [CompletionCandidate]) {
        self.replacing = replacing
        self.candidates = candidates
    }
}
