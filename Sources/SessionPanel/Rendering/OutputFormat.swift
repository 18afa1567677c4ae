/// How results are printed: text for people, or JSON for programs.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// The panel and messages as text (the default).
    case text
    /// One JSON object a line, each of a `type`: what each script line did, the events and reports it
    /// produced (the schema is `docs/output.schema.json`).
    case json
}
