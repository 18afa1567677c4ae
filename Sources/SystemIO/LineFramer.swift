/// Splits a byte stream into newline-terminated lines, however the bytes arrive (a line in several
/// reads, several lines in one), and refuses a line longer than a limit as soon as it is known to be,
/// without buffering more of it.
public struct LineFramer: Sendable {
    /// The most bytes a line may have, its newline not counted.
    public let limit: Int
    /// The start of a line whose newline has not arrived.
    private var partial: [UInt8] = []

    /// A line longer than the limit.
    public struct TooLong: Error, Equatable, Sendable, CustomStringConvertible {
        /// The most bytes a line may have.
        public let limit: Int

        public init(limit: Int) { self.limit = limit }

        public var description: String { "a line is longer than \(ByteCount(limit)), the limit" }
    }

    /// Frames lines of at most `limit` bytes.
    public init(limit: Int) { self.limit = limit }

    /// Whether part of a line is waiting for its newline.
    public var hasPartialLine: Bool { !partial.isEmpty }

    /// Adds `bytes` and returns the lines they complete, without their newlines (a `\r` before the
    /// newline stays: the caller's decoder refuses what it does not accept).
    public mutating func append<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(TooLong) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var start = bytes.startIndex
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            let piece = bytes[start..<newline]
            guard partial.count + piece.count <= limit else { throw TooLong(limit: limit) }
            lines.append(partial + piece)
            partial = []
            start = bytes.index(after: newline)
        }
        let rest = bytes[start...]
        guard partial.count + rest.count <= limit else { throw TooLong(limit: limit) }
        partial += rest
        return lines
    }
}
