import CEditLine
import SystemIO

extension LineEditor {
    /// Adds a submitted line to history; empty or whitespace-only lines and immediate duplicates are ignored.
    /// The line is stored as its bytes (a line with a NUL byte is not stored).
    public func addHistory(_ line: [UInt8]) {
        guard let history = libedit?.history, !line.contains(0),
            String(decoding: line, as: UTF8.self).contains(where: { !$0.isWhitespace })
        else { return }
        (line + [0]).withUnsafeBufferPointer { line in
            line.withMemoryRebound(to: CChar.self) { cel_history_enter(history, $0.baseAddress!) }
        }
    }

    /// Writes history to the history file (mode 0600); returns an error message if saving failed.
    /// Without libedit there is no history, and the file is left as it is.
    public func saveHistory() -> String? {
        guard let history = libedit?.history, let historyFile else { return nil }
        guard cel_history_save(history, historyFile) >= 0 else {
            return "cannot save history to \(historyFile): \(lastError())"
        }
        return nil
    }

    /// Creates the history file's directory and loads the file; a file that cannot be loaded
    /// is renamed to `<file>.corrupt` and history starts empty. Returns a warning, if any.
    func loadHistory(_ history: OpaquePointer) -> String? {
        guard let historyFile else { return nil }
        if let problem = createParentDirectories(of: historyFile) { return problem }
        guard access(historyFile, F_OK) == 0, cel_history_load(history, historyFile) < 0 else { return nil }
        let reason = access(historyFile, R_OK) == 0 ? "unrecognised format" : lastError()
        cel_history_clear(history)
        let aside = historyFile + ".corrupt"
        guard rename(historyFile, aside) == 0 else {
            return "history file \(historyFile) could not be loaded (\(reason)) nor moved aside: \(lastError())"
        }
        return "history file \(historyFile) could not be loaded (\(reason)); moved it to \(aside)"
    }

    /// `mkdir -p` with mode 0700 for the directories above `path`; returns an error message on failure.
    private func createParentDirectories(of path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        var directory = ""
        for (index, part) in parts.enumerated() {
            directory += index == 0 ? String(part) : "/" + part
            guard !directory.isEmpty, !part.isEmpty, part != "." else { continue }
            if mkdir(directory, 0o700) != 0 && errno != EEXIST {
                return "cannot create history directory \(directory): \(lastError())"
            }
        }
        return nil
    }

    /// `strerror(errno)`.
    private func lastError() -> String {
        String(cString: strerror(errno))
    }
}
