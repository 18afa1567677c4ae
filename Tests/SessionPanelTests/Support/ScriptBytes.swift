import Testing

/// A script line's raw bytes as a test argument, named briefly: Swift Testing prints every
/// argument of a parameterized test, and a line of a megabyte printed whole made `swift test`'s
/// output a one-line 4 MB (issue 20). Short lines show as they are, long ones by size and start.
struct ScriptBytes: Sendable, CustomTestStringConvertible {
    /// The bytes, as the script has them.
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The longest description: beyond it, the size and the first bytes.
    static let longestDescription = 60

    /// The bytes as an escaped string when they are UTF-8, else in hexadecimal; never raw control
    /// characters.
    var testDescription: String {
        let start = Array(bytes.prefix(Self.longestDescription))
        let text = String(decoding: start, as: UTF8.self)
        let shown =
            Array(text.utf8) == start
            ? text.debugDescription : start.map { "0x" + String($0, radix: 16, uppercase: true) }.description
        return bytes.count <= Self.longestDescription ? shown : "\(bytes.count) bytes: \(shown)…"
    }
}
