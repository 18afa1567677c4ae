@testable import SessionPanel

/// Tests write lines as text; they reach the interpreter and the parser as the bytes of that text,
/// through the same ``InputLine`` the program hands them.
extension InputLine: ExpressibleByStringLiteral {
    public init(stringLiteral text: String) { self.init(text) }

    /// The line of `text`, as its UTF-8 bytes.
    init(_ text: String) { self.init(Array(text.utf8)) }
}

extension InputLine {
    /// The lines of a script written as text (split at every newline, as a script file is read).
    static func lines(of script: some StringProtocol) -> [InputLine] {
        script.split(separator: "\n", omittingEmptySubsequences: false).map { InputLine(Array($0.utf8)) }
    }
}
