#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Replacing a file's contents in one step.
enum AtomicFile {
    /// The temporary file used while writing `path`.
    static func temporaryPath(for path: String) -> String { path + ".tmp" }

    /// Replaces the contents of `path` so that readers see the old contents or the new, never a mix:
    /// writes a temporary file beside it, flushes it to disk, renames it over the file, flushes the folder.
    /// Keeps the file's permissions when it exists. Returns why it failed, if it did;
    /// the file is then unchanged.
    static func replace(_ path: String, with bytes: [UInt8]) -> String? {
        let temporary = temporaryPath(for: path)
        var existing = stat()
        let mode = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : 0o644
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { return "cannot create \(temporary): \(lastError)" }
        var problem = writeAll(bytes, to: descriptor)
        if problem == nil, fsync(descriptor) != 0 { problem = "cannot flush \(temporary): \(lastError)" }
        if close(descriptor) != 0, problem == nil { problem = "cannot close \(temporary): \(lastError)" }
        if problem == nil, rename(temporary, path) != 0 { problem = "cannot rename \(temporary): \(lastError)" }
        if let problem {
            unlink(temporary)
            return problem
        }
        syncFolder(of: path)
        return nil
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return "cannot write: \(lastError)" }
            offset += written
        }
        return nil
    }

    /// Flushes the folder so the rename itself survives a crash (best effort: not every file system allows it).
    private static func syncFolder(of path: String) {
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let descriptor = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// The last system error, in words.
    static var lastError: String { String(cString: strerror(errno)) }
}
