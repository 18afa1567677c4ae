import SessionPanel
import SystemIO

/// Writes a file a command produced (`report --svg FILE`): privately, never through a planted link
/// (``PrivateFile/replace(_:with:)``), then says so in one line, or why it could not.
enum ExportFile {
    static func write(_ export: Export) {
        let name = VisibleText.escaped(export.path)
        do throws(PrivateFile.Problem) {
            try PrivateFile.replace(export.path, with: Array(export.contents.utf8))
            Output.print(["Wrote \(export.description) to \(name)."])
        } catch {
            Output.error("omnipanel: cannot write \(name): \(error)")
        }
    }
}
