/// Decoding errors in the words the JSON files' users see, the same for a world and a state file.
extension DecodingError {
    /// The error as one readable line: what is wrong and where (e.g. `cases[1].title should be a string`).
    public var summary: String {
        func place(_ path: [any CodingKey]) -> String {
            let text = path.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            let trimmed = text.hasPrefix(".") ? String(text.dropFirst()) : text
            return trimmed.isEmpty ? "the top level" : trimmed
        }
        switch self {
        case .keyNotFound(let key, let context):
            return "missing \"\(key.stringValue)\" in \(place(context.codingPath))"
        case .typeMismatch(let type, let context):
            return "\(place(context.codingPath)) should be \(describe(type))"
        case .valueNotFound(let type, let context):
            return "\(place(context.codingPath)) should be \(describe(type)), not null"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "not valid JSON" }
            if context.underlyingError is UnknownMember {
                return "\(place(context.codingPath)) is not a known member"
            }
            return "\(place(context.codingPath)) has an invalid value"
        @unknown default:
            return "not valid"
        }
    }

    private func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "a whole number"
        default: type is any Collection.Type && !"\(type)".hasPrefix("Dictionary") ? "a list" : "an object"
        }
    }
}
