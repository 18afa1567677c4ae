import SessionPanel
import SystemIO

/// Writes a file the program produced (`report --svg FILE`, a transcript, a cast recording):
/// privately, never through a planted link (``PrivateFile/replace(_:with:)``), never over a file the
/// run reads or keeps (``ProtectedFiles``); a failure is one line.
enum ExportFile {
    /// Writes what a command exported, then says so in one line (a `"type":"file"` object under
    /// `--format json`), or why it could not.
    static func write(_ export: Export, as format: OutputFormat = .text, protecting protected: ProtectedFiles) {
        guard write(export.contents, to: export.path, protecting: protected) else { return }
        Output.print([
            format == .json
                ? JSONResultRenderer.file(export)
                : "Wrote \(export.description) to \(VisibleText.escaped(export.path))."
        ])
    }

    /// Writes `text` to `path`; false after reporting `omnipanel: cannot write <what><path>: <why>`.
    static func write(_ text: String, to path: String, what: String = "", protecting protected: ProtectedFiles)
        -> Bool
    {
        let shown = VisibleText.escaped(path)
        if let role = protected.role(of: path) {
            Output.error("omnipanel: cannot write \(what)\(shown): this run uses it as \(role); choose another file")
            return false
        }
        do throws(PrivateFile.Problem) {
            try PrivateFile.replace(path, with: Array(text.utf8))
            return true
        } catch {
            Output.error("omnipanel: cannot write \(what)\(shown): \(error)")
            return false
        }
    }
}
