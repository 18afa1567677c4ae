extension TokenizedLine {
    /// Words already split by a shell (`omnipanel incoming chat "Kenny Smith"`) joined into one command
    /// line that splits back into the same words: a word with spaces, quotes or other special
    /// characters is quoted, and an empty word becomes `""`.
    public static func joining(_ words: [String]) -> String {
        words.map { $0.isEmpty ? "\"\"" : CompletionEngine.quoted($0) }.joined(separator: " ")
    }
}
