/// Why some bytes are not a JSON document: what is wrong, and where, as a line and a column.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. `expected ',' or '}' in an object, found 'x'`.
    public let problem: String
    /// The line of the problem, from 1.
    public let line: Int
    /// The column of the problem in characters (Unicode scalars), from 1.
    public let column: Int

    /// Creates an error about `problem` at `line`:`column`.
    public init(_ problem: String, line: Int, column: Int) {
        self.problem = problem
        self.line = line
        self.column = column
    }

    /// An error about `problem` at byte `offset` of `bytes`.
    init(_ problem: String, at offset: Int, in bytes: [UInt8]) {
        let before = bytes[..<min(offset, bytes.count)]
        let lineStart = (before.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
        let isContinuation = { (byte: UInt8) in byte & 0xC0 == 0x80 }
        self.init(
            problem, line: before.count { $0 == UInt8(ascii: "\n") } + 1,
            column: bytes[lineStart..<before.endIndex].count { !isContinuation($0) } + 1)
    }

    /// One line, e.g. `unterminated string (line 3, column 14)`.
    public var description: String { "\(problem) (line \(line), column \(column))" }
}
