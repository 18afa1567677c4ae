/// Writes an object's members into its ``EncodingSlot``.
struct KeyedValueEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: EncodingSlot
    let codingPath: [any CodingKey]

    private func put(_ value: JSONValue, _ key: Key) { slot.set(.value(value), forKey: key.stringValue) }

    mutating func encodeNil(forKey key: Key) { put(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        put(try ValueEncoder.number(value, at: codingPath + [key]), key)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        put(try ValueEncoder.number(value, at: codingPath + [key]), key)
    }
    mutating func encode(_ value: Int, forKey key: Key) { put(.number(JSONNumber(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) { put(.number(JSONNumber(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) { put(.number(JSONNumber(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) { put(.number(JSONNumber(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) { put(.number(JSONNumber(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) { put(.number(JSONNumber(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) { put(.number(JSONNumber(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) { put(.number(JSONNumber(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) { put(.number(JSONNumber(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) { put(.number(JSONNumber(value)), key) }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        put(try ValueEncoder.encode(value, at: codingPath + [key]), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        nestedEncoder(key.stringValue, key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        nestedEncoder(key.stringValue, key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        nestedEncoder(JSONCodingKey.superKey.stringValue, JSONCodingKey.superKey)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder { nestedEncoder(key.stringValue, key) }

    private func nestedEncoder(_ name: String, _ key: any CodingKey) -> ValueEncoder {
        let nested = EncodingSlot()
        slot.set(.slot(nested), forKey: name)
        return ValueEncoder(slot: nested, codingPath: codingPath + [key])
    }
}

/// Appends an array's items to its ``EncodingSlot``.
struct UnkeyedValueEncodingContainer: UnkeyedEncodingContainer {
    let slot: EncodingSlot
    let codingPath: [any CodingKey]
    var count: Int { slot.count }

    private func put(_ value: JSONValue) { slot.append(.value(value)) }
    private var nextKey: JSONCodingKey { JSONCodingKey(intValue: count) }

    mutating func encodeNil() { put(.null) }
    mutating func encode(_ value: Bool) { put(.bool(value)) }
    mutating func encode(_ value: String) { put(.string(value)) }
    mutating func encode(_ value: Double) throws { put(try ValueEncoder.number(value, at: codingPath + [nextKey])) }
    mutating func encode(_ value: Float) throws { put(try ValueEncoder.number(value, at: codingPath + [nextKey])) }
    mutating func encode(_ value: Int) { put(.number(JSONNumber(value))) }
    mutating func encode(_ value: Int8) { put(.number(JSONNumber(value))) }
    mutating func encode(_ value: Int16) { put(.number(JSONNumber(value))) }
    mutating func encode(_ value: Int32) { put(.number(JSONNumber(value))) }
    mutating func encode(_ value: Int64) { put(.number(JSONNumber(value))) }
    mutating func encode(_ value: UInt) { put(.number(JSONNumber(value))) }
    mutating func encode(_ value: UInt8) { put(.number(JSONNumber(value))) }
    mutating func encode(_ value: UInt16) { put(.number(JSONNumber(value))) }
    mutating func encode(_ value: UInt32) { put(.number(JSONNumber(value))) }
    mutating func encode(_ value: UInt64) { put(.number(JSONNumber(value))) }

    mutating func encode(_ value: some Encodable) throws {
        put(try ValueEncoder.encode(value, at: codingPath + [nextKey]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        nestedEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { nestedEncoder().unkeyedContainer() }

    mutating func superEncoder() -> any Encoder { nestedEncoder() }

    private func nestedEncoder() -> ValueEncoder {
        let key = nextKey
        let nested = EncodingSlot()
        slot.append(.slot(nested))
        return ValueEncoder(slot: nested, codingPath: codingPath + [key])
    }
}

/// Writes a single value into its ``EncodingSlot``.
struct SingleSlotEncodingContainer: SingleValueEncodingContainer {
    let slot: EncodingSlot
    let codingPath: [any CodingKey]

    mutating func encodeNil() { slot.set(.null) }
    mutating func encode(_ value: Bool) { slot.set(.bool(value)) }
    mutating func encode(_ value: String) { slot.set(.string(value)) }
    mutating func encode(_ value: Double) throws { slot.set(try ValueEncoder.number(value, at: codingPath)) }
    mutating func encode(_ value: Float) throws { slot.set(try ValueEncoder.number(value, at: codingPath)) }
    mutating func encode(_ value: Int) { slot.set(.number(JSONNumber(value))) }
    mutating func encode(_ value: Int8) { slot.set(.number(JSONNumber(value))) }
    mutating func encode(_ value: Int16) { slot.set(.number(JSONNumber(value))) }
    mutating func encode(_ value: Int32) { slot.set(.number(JSONNumber(value))) }
    mutating func encode(_ value: Int64) { slot.set(.number(JSONNumber(value))) }
    mutating func encode(_ value: UInt) { slot.set(.number(JSONNumber(value))) }
    mutating func encode(_ value: UInt8) { slot.set(.number(JSONNumber(value))) }
    mutating func encode(_ value: UInt16) { slot.set(.number(JSONNumber(value))) }
    mutating func encode(_ value: UInt32) { slot.set(.number(JSONNumber(value))) }
    mutating func encode(_ value: UInt64) { slot.set(.number(JSONNumber(value))) }

    mutating func encode(_ value: some Encodable) throws { slot.set(try ValueEncoder.encode(value, at: codingPath)) }
}
