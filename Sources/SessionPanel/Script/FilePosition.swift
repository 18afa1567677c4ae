/// Where in a file something is, printed as compilers print it: `file:line` or `file:line:column`.
///
/// Every message about a place in a script, a scenario or a world file starts with one
/// (``line(_:_:)``: `Examples/x.omni:12: error: …`), so editors and terminals can jump to it.
public struct FilePosition: Sendable, Equatable, CustomStringConvertible {
    /// The file's name as shown: visible text, any control character already escaped.
    public let file: String
    /// The line, from 1.
    public let line: Int
    /// The column in characters, from 1, where it is known.
    public let column: Int?

    /// The position `line` (and `column`) of `file`, a name already escaped (``VisibleText/escaped(_:)``).
    public init(_ file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line` or `file:line:column`.
    public var description: String { "\(file):\(line)" + (column.map { ":\($0)" } ?? "") }

    /// The line a compiler prints for a finding here: `file:line: <severity>: <message>`, e.g. `error`.
    public func line(_ severity: String, _ message: String) -> String { "\(self): \(severity): \(message)" }

    /// ``line(_:_:)`` for an error.
    public func error(_ message: String) -> String { line("error", message) }
}
