/// A coding key made while encoding or decoding JSON: an object's key as found, or an array's index.
struct JSONCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = "Index \(intValue)"
        self.intValue = intValue
    }

    /// The key `super`, for ``Encoder`` and ``Decoder``'s `superEncoder()` and `superDecoder()`.
    static let superKey = JSONCodingKey(stringValue: "super")
}
