/// A coding key made while encoding or decoding JSON, or by hand to read a member by name: an
/// object's key as found, or an array's index.
public struct JSONCodingKey: CodingKey, Sendable {
    public let stringValue: String
    public let intValue: Int?

    /// The member `stringValue` of an object.
    public init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    /// The element at `intValue` of an array.
    public init(intValue: Int) {
        stringValue = "Index \(intValue)"
        self.intValue = intValue
    }

    /// The key `super`, for ``Encoder`` and ``Decoder``'s `superEncoder()` and `superDecoder()`.
    static let superKey = JSONCodingKey(stringValue: "super")
}
