/// What Tab does at the end of a partial line: the words it could insert and how much of the line they replace.
///
/// The line editor's own type: whoever sets ``LineEditor/completer`` builds it from its own candidates.
public struct TabCompletion: Sendable, Equatable {
    /// One word Tab could insert, with a few words to list beside it.
    public struct Candidate: Sendable, Equatable {
        /// The text to insert, already quoted as the line needs it; never a control character.
        public var text: String
        /// A short description listed beside the text, safe to print; may be empty.
        public var description: String

        /// Creates a candidate.
        public init(_ text: String, _ description: String = "") {
            self.text = text
            self.description = description
        }
    }

    /// How many Characters before the cursor (the partial word, with any opening quote) the candidates replace.
    public var replacing: Int
    /// The candidates, in the order to list them, at most the limit the completer was asked for.
    public var candidates: [Candidate]
    /// How many candidates there are in all: more than `candidates.count` when the limit cut the list.
    public var total: Int

    /// A completion offering `candidates`, of `total` in all (all of them when `total` is `nil`).
    public init(replacing: Int, candidates: [Candidate], total: Int? = nil) {
        self.replacing = replacing
        self.candidates = candidates
        self.total = max(total ?? candidates.count, candidates.count)
    }
}
