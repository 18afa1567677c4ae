/// Reads any `Decodable` value from a ``JSONValue`` (or straight from UTF-8 bytes), the way
/// `JSONDecoder` does: every problem is one of the standard `DecodingError` cases, with the coding path
/// of the value at fault (`cases`, index 1, `title`), so that callers can say where it is.
///
/// Numbers are read exactly: a whole-number type refuses `1.5` (a type mismatch) and `1e30` (does not fit,
/// data corrupted); `2.0` and `2e1` are whole and accepted. An object member the type has no coding key for
/// is an error (data corrupted, at that member), not silently dropped.
public struct JSONValueDecoder {
    /// Creates a decoder.
    public init() {}

    /// Decodes a `T` from `value`.
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try T(from: ValueDecoder(value: value, codingPath: []))
    }

    /// Parses `bytes` as JSON and decodes a `T` from it: a ``JSONSyntaxError`` when they are not JSON,
    /// a `DecodingError` when they are not a `T`.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try decode(type, from: try JSONParser.parse(bytes))
    }
}

/// The underlying error of the `dataCorrupted` error for an object member the type has no coding key
/// for, so that callers recognise it by its type (``Swift/DecodingError/summary``).
public struct UnknownMember: Error, Equatable {
    /// The member's name, as written in the JSON.
    public let name: String
}

/// The `Decoder` handed to each value's `init(from:)`; also its single-value container.
struct ValueDecoder: Decoder, SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw mismatch([String: Any].self) }
        // A member the type has no key for is a mistake (a typo, a field of another version), not something
        // to drop silently. Keys that take any name (a dictionary's, JSONCodingKey) accept every member.
        if let unknown = members.first(where: { Key(stringValue: $0.0) == nil }) {
            let key = JSONCodingKey(stringValue: unknown.0)
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: codingPath + [key], debugDescription: "unknown member \"\(unknown.0)\"",
                    underlyingError: UnknownMember(name: unknown.0)))
        }
        return KeyedDecodingContainer(KeyedValueDecodingContainer(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch([Any].self) }
        return UnkeyedValueDecodingContainer(items: items, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueDecodingContainer { self }

    /// The error for finding this value where a `type` was expected: `valueNotFound` for null, else `typeMismatch`.
    func mismatch(_ type: Any.Type) -> DecodingError {
        let found =
            switch value {
            case .null: "null"
            case .bool: "a boolean"
            case .number(let number): "the number \(number)"
            case .string: "a string"
            case .array: "an array"
            case .object: "an object"
            }
        let context = DecodingError.Context(
            codingPath: codingPath, debugDescription: "expected \(type), found \(found)")
        return decodeNil() ? .valueNotFound(type, context) : .typeMismatch(type, context)
    }

    func decodeNil() -> Bool {
        if case .null = value { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(type) }
        return flag
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .string(let text) = value else { throw mismatch(type) }
        return text
    }

    func decode(_ type: Double.Type) throws -> Double { try floatingPoint() }
    func decode(_ type: Float.Type) throws -> Float { try floatingPoint() }
    func decode(_ type: Int.Type) throws -> Int { try integer() }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer() }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer() }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer() }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer() }
    func decode(_ type: UInt.Type) throws -> UInt { try integer() }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer() }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer() }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer() }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer() }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: self) }

    /// The number as a `T`, exactly: a fraction is a type mismatch, a whole number out of range is corrupt data.
    private func integer<T: FixedWidthInteger>() throws -> T {
        guard case .number(let number) = value, number.isWhole else { throw mismatch(T.self) }
        guard let integer = number.integer(T.self) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath, debugDescription: "\(number) does not fit in \(T.self)"))
        }
        return integer
    }

    /// The number as the nearest `T`; corrupt data when it is too large for one.
    private func floatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>() throws -> T {
        guard case .number(let number) = value else { throw mismatch(T.self) }
        guard let result = T(number.text), result.isFinite else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath, debugDescription: "\(number) does not fit in \(T.self)"))
        }
        return result
    }
}
