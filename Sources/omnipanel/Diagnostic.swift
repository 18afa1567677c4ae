import SessionPanel
import Storage

/// One thing the program says on standard error of its own accord (an error or a warning), as
/// swift-format's `Finding`: the message, its severity, notes after it, and the exit status it ends
/// the run with. Every such line goes through here (``Diagnostics``), so each starts with the
/// program's name, and nothing in it reaches the terminal raw.
struct Diagnostic: Equatable {
    /// An error, or a warning the run goes on after.
    enum Severity: Equatable {
        case error
        case warning
    }

    /// What went wrong, as visible text (any file name or value in it already escaped).
    let message: String
    /// An error or a warning.
    var severity = Severity.error
    /// The exit status the run ends with when this ends it.
    var status: Int32 = 1
    /// Lines after the message, without the program's name (`Run 'omnipanel --help' for usage.`).
    var notes: [String] = []
    /// Where in a file the problem is, when it has a place: the line then starts there, as compilers print it.
    var position: FilePosition?

    /// A message whose file names and values are escaped already (``VisibleText/escaped(_:)``).
    init(_ message: String, severity: Severity = .error, status: Int32 = 1, notes: [String] = []) {
        self.message = message
        self.severity = severity
        self.status = status
        self.notes = notes
    }

    /// A message from elsewhere (argument-parser, libedit), escaped whole.
    init(escaping text: String, severity: Severity = .error, status: Int32 = 1, notes: [String] = []) {
        self.init(VisibleText.escaped(text), severity: severity, status: status, notes: notes)
    }

    /// `cannot read <what><path>: <why>`, status 2: an input (a script, a transcript) that cannot be
    /// opened or read to its end.
    static func cannotRead(_ path: String, what: String = "", because why: some CustomStringConvertible)
        -> Diagnostic
    {
        Diagnostic("cannot read \(what)\(VisibleText.escaped(path)): \(why)", status: 2)
    }

    /// A world file that cannot be used, status 2: at its line and column when the problem has them
    /// (`contacts.csv:3:1: error: 1 fields, the header has 2`).
    init(_ failure: WorldFiles.Failure) {
        self.init(failure.position == nil ? failure.message : failure.problem, status: 2)
        position = failure.position
    }

    /// A state file problem, with its own status (3 to 6, ``StateFileError/exitStatus``).
    init(_ error: StateFileError) {
        self.init(error.message, status: error.exitStatus)
    }

    /// The lines as printed, then the notes: `omnipanel: <message>` (`omnipanel: warning: <message>`),
    /// or with a position `<file>:<line>[:<column>]: error: <message>` (or `warning:`).
    var lines: [String] {
        if let position { return [position.line(severity == .warning ? "warning" : "error", message)] + notes }
        let severity = severity == .warning ? "warning: " : ""
        return ["\(Diagnostics.programName): \(severity)\(message)"] + notes
    }
}

/// Prints ``Diagnostic``s on standard error, in order with standard output (as swift-format's
/// `DiagnosticsEngine` hands findings to its consumers): the one place that writes the program's name
/// before a message.
enum Diagnostics {
    /// The program's name, which starts every diagnostic's line.
    static let programName = "omnipanel"

    /// Prints `diagnostic`; returns its exit status.
    @discardableResult
    static func emit(_ diagnostic: Diagnostic) -> Int32 {
        diagnostic.lines.forEach(Output.error)
        return diagnostic.status
    }

    /// Prints `diagnostic` and returns the error that ends the run with its status.
    static func exit(_ diagnostic: Diagnostic) -> ExitStatus {
        ExitStatus(emit(diagnostic))
    }
}
