import CEditLine
import SystemIO

extension LineEditor {
    /// Adds a submitted line to history; empty or whitespace-only lines and immediate duplicates are ignored.
    /// The line is stored as its bytes (a line with a NUL byte is not stored).
    public func addHistory(_ line: [UInt8]) {
        guard let history = libedit?.history, !line.contains(0),
            String(decoding: line, as: UTF8.self).contains(where: { !$0.isWhitespace })
        else { return }
        _ = (line + [0]).withUnsafeBufferPointer { line in
            line.withMemoryRebound(to: CChar.self) { cel_history_enter(history, $0.baseAddress!) }
        }
    }

    /// Writes history to the history file, replaced atomically through a new private file beside it
    /// (see ``PrivateFile/replace(_:writing:)``); returns an error message if saving failed. Without
    /// libedit, or when the file was refused at start, there is no history and the file is left as it is.
    public func saveHistory() -> String? {
        guard let history = libedit?.history, let historyFile else { return nil }
        do throws(PrivateFile.Problem) {
            try PrivateFile.replace(historyFile) { descriptor throws(PrivateFile.Problem) in
                guard cel_history_save_to(history, descriptor.rawValue) >= 0 else {
                    throw .system(action: "write the history", .current)
                }
            }
        } catch {
            return "cannot save history to \(historyFile): \(error)"
        }
        return nil
    }

    /// Creates the history file's directory and loads the file. A file that cannot be loaded is renamed
    /// to `<file>.corrupt` and history starts empty; one that is not a regular file of ours (a link, a
    /// FIFO, someone else's) is left alone and history is off for the session. Returns a warning, if any.
    func loadHistory(_ history: OpaquePointer) -> String? {
        guard let path = historyFile else { return nil }
        if let problem = createParentDirectories(of: path) { return problem }
        let descriptor: FileDescriptor
        do throws(PrivateFile.Problem) {
            descriptor = try PrivateFile.open(path, for: .reading)
        } catch .missing {
            return nil
        } catch {
            historyFile = nil
            return "history file \(path) is not used (\(error)); history is off for this session"
        }
        defer { try? descriptor.close() }
        // libedit reads a path: the descriptor's own, so the file checked is the file read.
        guard cel_history_load(history, "/dev/fd/\(descriptor.rawValue)") < 0 else { return nil }
        let reason = "unrecognised format"
        cel_history_clear(history)
        let aside = path + ".corrupt"
        guard rename(path, aside) == 0 else {
            return "history file \(path) could not be loaded (\(reason)) nor moved aside: \(SystemError.current)"
        }
        return "history file \(path) could not be loaded (\(reason)); moved it to \(aside)"
    }

    /// `mkdir -p` with mode 0700 for the directories above `path`; returns an error message on failure.
    private func createParentDirectories(of path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        var directory = ""
        for (index, part) in parts.enumerated() {
            directory += index == 0 ? String(part) : "/" + part
            guard !directory.isEmpty, !part.isEmpty, part != "." else { continue }
            if mkdir(directory, 0o700) != 0 && errno != EEXIST {
                return "cannot create history directory \(directory): \(SystemError.current)"
            }
        }
        return nil
    }
}
