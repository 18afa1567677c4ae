/// Why a world file could not be read: one line, without the file's name (the caller adds it),
/// e.g. `cases[1].title should be a string` or `line 7, column 12: unterminated quoted field`.
public struct WorldFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line, with its place in the file when it has one.
    public let message: String
    /// What is wrong, without the place.
    public let problem: String
    /// The line of the problem, from 1, when it is known.
    public let line: Int?
    /// The column of the problem in characters, from 1, when it is known.
    public let column: Int?

    /// An error saying `message`, at no particular place.
    public init(_ message: String) {
        (self.message, problem, line, column) = (message, message, nil, nil)
    }

    /// `problem` at `line` (and `column`): `line 7, column 12: unterminated quoted field`.
    public init(_ problem: String, line: Int, column: Int?) {
        self.init(
            message: "line \(line)" + (column.map { ", column \($0)" } ?? "") + ": " + problem, problem: problem,
            line: line, column: column)
    }

    /// `problem` at `line` and `column`, worded as `message`.
    init(message: String, problem: String, line: Int, column: Int?) {
        (self.message, self.problem, self.line, self.column) = (message, problem, line, column)
    }

    public var description: String { message }
}
