/// How results are printed: text for people, or JSON for programs.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// The panel and messages as text (the default).
    case text
    /// One JSON object per script line (the schema is in the README, "Machine-readable output").
    case json
}
