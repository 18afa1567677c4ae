/// Why a world file could not be read: one line, without the file's name (the caller adds it),
/// e.g. `cases[1].title should be a string` or `line 7, column 12: unterminated quoted field`.
public struct WorldFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line.
    public let message: String

    /// An error saying `message`.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
