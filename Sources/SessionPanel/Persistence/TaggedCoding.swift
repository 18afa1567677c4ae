/// The coding key of a one-key object such as `{"case": 42}`.
struct TagKey: CodingKey {
    let stringValue: String
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}

/// Reading and writing enums in saved state as a bare word (`"home"`) or a one-key object (`{"case": 42}`),
/// which reads better than the synthesized `{"caseRecord": {"_0": 42}}`.
enum TaggedCoding {
    /// The word or the object's key, and the object when there is one.
    static func read(_ decoder: any Decoder) throws -> (tag: String, object: KeyedDecodingContainer<TagKey>?) {
        if let word = try? decoder.singleValueContainer().decode(String.self) { return (word, nil) }
        let object = try decoder.container(keyedBy: TagKey.self)
        guard object.allKeys.count == 1, let key = object.allKeys.first else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected a word or an object with one key"))
        }
        return (key.stringValue, object)
    }

    /// The value under `tag` in `object`; an error when the tag came as a bare word.
    static func value<Value: Decodable>(
        _ type: Value.Type, _ tag: String, in object: KeyedDecodingContainer<TagKey>?, _ decoder: any Decoder
    ) throws -> Value {
        guard let object else { throw unknown(tag, decoder) }
        return try object.decode(type, forKey: TagKey(tag))
    }

    /// The error for a word or key that names nothing known.
    static func unknown(_ tag: String, _ decoder: any Decoder) -> DecodingError {
        .dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown kind \"\(tag)\""))
    }

    /// Writes a bare word.
    static func write(_ word: String, to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(word)
    }

    /// Writes a one-key object.
    static func write(_ tag: String, _ value: some Encodable, to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TagKey.self)
        try container.encode(value, forKey: TagKey(tag))
    }
}

extension SessionKind {
    /// Reads `"home"`, `{"conversation": 1001}`, `{"case": 42}`, `{"contact": "…"}` or `{"account": "…"}`.
    public init(from decoder: any Decoder) throws {
        let (tag, object) = try TaggedCoding.read(decoder)
        switch tag {
        case "home" where object == nil: self = .home
        case "conversation": self = .conversation(try TaggedCoding.value(Int.self, tag, in: object, decoder))
        case "case": self = .caseRecord(try TaggedCoding.value(Int.self, tag, in: object, decoder))
        case "contact": self = .contact(try TaggedCoding.value(String.self, tag, in: object, decoder))
        case "account": self = .account(try TaggedCoding.value(String.self, tag, in: object, decoder))
        default: throw TaggedCoding.unknown(tag, decoder)
        }
    }

    /// Writes the forms ``init(from:)`` reads.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .home: try TaggedCoding.write("home", to: encoder)
        case .conversation(let id): try TaggedCoding.write("conversation", id, to: encoder)
        case .caseRecord(let number): try TaggedCoding.write("case", number, to: encoder)
        case .contact(let name): try TaggedCoding.write("contact", name, to: encoder)
        case .account(let name): try TaggedCoding.write("account", name, to: encoder)
        }
    }
}

extension AppTab.Content {
    /// Reads `"customer-summary"`, `"dashboard"`, `"kb"`, `{"record": "…"}`, `{"entity": "…"}` or `{"app": "…"}`.
    public init(from decoder: any Decoder) throws {
        let (tag, object) = try TaggedCoding.read(decoder)
        switch tag {
        case "customer-summary" where object == nil: self = .customerSummary
        case "dashboard" where object == nil: self = .dashboard
        case "kb" where object == nil: self = .knowledgeSearch
        case "record": self = .record(try TaggedCoding.value(String.self, tag, in: object, decoder))
        case "entity": self = .entity(try TaggedCoding.value(String.self, tag, in: object, decoder))
        case "app": self = .app(try TaggedCoding.value(String.self, tag, in: object, decoder))
        default: throw TaggedCoding.unknown(tag, decoder)
        }
    }

    /// Writes the forms ``init(from:)`` reads.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .customerSummary: try TaggedCoding.write("customer-summary", to: encoder)
        case .dashboard: try TaggedCoding.write("dashboard", to: encoder)
        case .knowledgeSearch: try TaggedCoding.write("kb", to: encoder)
        case .record(let id): try TaggedCoding.write("record", id, to: encoder)
        case .entity(let title): try TaggedCoding.write("entity", title, to: encoder)
        case .app(let name): try TaggedCoding.write("app", name, to: encoder)
        }
    }
}

extension Sentiment {
    /// Reads the command-line spelling, e.g. `"slightly-negative"`.
    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let level = Sentiment(name: name) else { throw TaggedCoding.unknown(name, decoder) }
        self = level
    }

    /// Writes the command-line spelling, which reads better than the level's number.
    public func encode(to encoder: any Encoder) throws { try TaggedCoding.write(name, to: encoder) }
}
