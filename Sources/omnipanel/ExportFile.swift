import SessionPanel
import SystemIO

/// Writes a file the program produced (`report --svg FILE`, a transcript, a cast recording):
/// privately, never through a planted link (``PrivateFile/replace(_:with:)``), never over a file the
/// run reads or keeps (``ProtectedFiles``); a failure is one line.
/// It is every run's ``FileOutput``: a command whose file cannot be written fails.
struct ExportFile: FileOutput {
    /// The files this run must not write over.
    let protected: ProtectedFiles

    /// Writes what a command exported, or throws `cannot write <path>: <why>`.
    func write(_ export: Export) throws(CommandError) {
        try Self.replace(export.path, with: export.contents, protecting: protected)
    }

    /// Writes `text` to `path`; false after reporting `cannot write <what><path>: <why>`.
    static func write(_ text: String, to path: String, what: String = "", protecting protected: ProtectedFiles)
        -> Bool
    {
        do throws(CommandError) {
            try replace(path, with: text, what: what, protecting: protected)
            return true
        } catch {
            Diagnostics.emit(Diagnostic(error.message))
            return false
        }
    }

    /// Writes `text` to `path`, or throws `cannot write <what><path>: <why>`.
    private static func replace(
        _ path: String, with text: String, what: String = "", protecting protected: ProtectedFiles
    ) throws(CommandError) {
        let shown = VisibleText.escaped(path)
        if let role = protected.role(of: path) {
            throw CommandError("cannot write \(what)\(shown): this run uses it as \(role); choose another file")
        }
        do throws(PrivateFile.Problem) {
            try PrivateFile.replace(path, with: Array(text.utf8))
        } catch {
            throw CommandError("cannot write \(what)\(shown): \(error)")
        }
    }
}
