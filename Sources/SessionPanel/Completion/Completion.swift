/// One thing Tab could insert, with a short description to list beside it.
public struct CompletionCandidate: Sendable, Equatable {
    /// The text to insert, already quoted when it holds spaces or quotes; never a control character.
    public var text: String
    /// A few words about it (a session's title, a command's summary), safe to print; may be empty.
    public var description: String

    /// Creates a candidate.
    public init(_ text: String, _ description: String = "") {
        self.text = text
        self.description = description
    }
}

/// What Tab would do at the end of a partial line.
public struct Completion: Sendable, Equatable {
    /// How many Characters before the cursor (the partial word, with any opening quote) the candidates replace.
    public var replacing: Int
    /// The candidates, in a sensible order (positions ascending, commands as in `help`), at most the
    /// `limit` asked for.
    public var candidates: [CompletionCandidate]
    /// How many candidates there are in all: more than `candidates.count` when the limit cut the list.
    public var total: Int

    /// A completion offering `candidates`, of `total` in all (all of them when `total` is `nil`).
    public init(replacing: Int, candidates: [CompletionCandidate], total: Int? = nil) {
        self.replacing = replacing
        self.candidates = candidates
        self.total = max(total ?? candidates.count, candidates.count)
    }
}
