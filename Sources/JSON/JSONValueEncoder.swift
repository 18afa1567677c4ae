/// Turns any `Encodable` value into a ``JSONValue``, the way `JSONEncoder` lays it out:
/// structs as objects (keys in the order they were encoded), arrays as arrays, `nil` optionals left out
/// by the synthesized conformances, numbers exact. Infinity and NaN are `EncodingError.invalidValue`.
public struct JSONValueEncoder {
    /// Creates an encoder.
    public init() {}

    /// `value` as a JSON value.
    public func encode(_ value: some Encodable) throws -> JSONValue {
        let slot = EncodingSlot()
        try value.encode(to: ValueEncoder(slot: slot, codingPath: []))
        guard slot.isSet else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: [], debugDescription: "\(type(of: value)) encoded nothing"))
        }
        return slot.value
    }
}

/// Where one value being encoded goes. Containers handed out earlier keep writing into it until the
/// whole value is done, so it is a reference.
final class EncodingSlot {
    /// What a member or item holds: a finished value, or a slot a nested container is still filling.
    enum Child {
        case value(JSONValue)
        case slot(EncodingSlot)

        var value: JSONValue {
            switch self {
            case .value(let value): value
            case .slot(let slot): slot.value
            }
        }
    }

    private enum Kind { case unset, single, object, array }
    private var kind = Kind.unset
    private var single = JSONValue.null
    private var members: [(String, Child)] = []
    /// Where each member is, once there are ``JSONMemberIndex/threshold`` of them (a dictionary of
    /// records): setting a key then costs the same however many there are.
    private var positions = JSONMemberIndex()
    private var items: [Child] = []

    /// Whether anything was written.
    var isSet: Bool { kind != .unset }

    /// What was written; an object for a value that asked for a container and wrote nothing in it.
    var value: JSONValue {
        switch kind {
        case .unset, .object: .object(members.map { ($0.0, $0.1.value) })
        case .single: single
        case .array: .array(items.map { $0.value })
        }
    }

    /// Makes this an object (keeping members already written) and sets `key`, replacing an earlier value.
    func set(_ child: Child, forKey key: String) {
        kind = .object
        if let index = positions.position(of: key, in: members) {
            members[index].1 = child
        } else {
            members.append((key, child))
            positions.appended(to: members)
        }
    }

    /// Makes this an array (keeping items already written) and appends `child`.
    func append(_ child: Child) {
        kind = .array
        items.append(child)
    }

    /// How many items the array has.
    var count: Int { items.count }

    /// Makes this a single value.
    func set(_ value: JSONValue) {
        kind = .single
        single = value
    }

    /// Makes this an object, as asking for a keyed container does: an empty one if nothing is written in it.
    func becomeObject() { kind = .object }

    /// Makes this an array, as asking for an unkeyed container does: an empty one if nothing is written in it.
    func becomeArray() { kind = .array }
}

/// The `Encoder` handed to each value's `encode(to:)`.
struct ValueEncoder: Encoder {
    let slot: EncodingSlot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        slot.becomeObject()
        return KeyedEncodingContainer(KeyedValueEncodingContainer(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        slot.becomeArray()
        return UnkeyedValueEncodingContainer(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleSlotEncodingContainer(slot: slot, codingPath: codingPath)
    }

    /// `value` encoded on its own at `codingPath`: a plain JSON value for the common types, else through
    /// its `encode(to:)`.
    static func encode(_ value: some Encodable, at codingPath: [any CodingKey]) throws -> JSONValue {
        switch value {
        case let text as String: return .string(text)
        case let number as Int: return .number(number)
        case let flag as Bool: return .bool(flag)
        default:
            let slot = EncodingSlot()
            try value.encode(to: ValueEncoder(slot: slot, codingPath: codingPath))
            return slot.value
        }
    }

    /// `value` as a JSON number, or the error JSON gives for infinity and NaN.
    static func number(_ value: some BinaryFloatingPoint & LosslessStringConvertible, at codingPath: [any CodingKey])
        throws -> JSONValue
    {
        guard let number = JSONNumber(value) else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: codingPath, debugDescription: "\(value) cannot be written in JSON"))
        }
        return .number(number)
    }
}
