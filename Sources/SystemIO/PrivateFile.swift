/// Files that hold an agent's data (state, history, transcripts, reports): created private (mode 0600,
/// or stricter when the umask says so), never opened through a symbolic link, and used only when
/// they are regular files owned by the user running omnipanel. A planted link, FIFO, device or
/// someone else's file is refused with a ``PrivateFile/Problem`` instead.
public enum PrivateFile {
    /// How a file is opened by ``open(_:for:)``.
    public enum Access: Sendable {
        /// Reading an existing file.
        case reading
        /// Appending, creating the file when it is missing.
        case appending
        /// Reading and writing in place (a lock file), creating the file when it is missing.
        case updating

        var flags: Int32 {
            switch self {
            case .reading: O_RDONLY
            case .appending: O_WRONLY | O_APPEND | O_CREAT
            case .updating: O_RDWR | O_CREAT
            }
        }
    }

    /// Why a private file could not be used, without its path (callers name the file, escaped).
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// There is no such file (and it was not to be created).
        case missing
        /// The path is a symbolic link.
        case symbolicLink
        /// The path is something other than a regular file: `a directory`, `a FIFO`, …
        case notRegular(kind: String)
        /// The file belongs to another user.
        case notOwned(owner: UInt32)
        /// A system call failed while doing `action` (`create a temporary file beside it`).
        case system(action: String, SystemError)
        /// The file is longer than the limit.
        case tooLarge(limit: Int)

        public var description: String {
            switch self {
            case .missing: "\(SystemError(code: ENOENT))"
            case .symbolicLink: "it is a symbolic link, which omnipanel does not follow for its own files"
            case .notRegular(let kind): "it is \(kind), not a regular file"
            case .notOwned(let owner): "it belongs to another user (uid \(owner)), not to the user running omnipanel"
            case .system(let action, let error): "cannot \(action): \(error)"
            case .tooLarge(let limit): "it is larger than \(ByteCount(limit)), the limit"
            }
        }
    }

    /// Opens `path` for `access`: not through a symbolic link, not blocking on a FIFO, and only when
    /// it is (or is created as) a regular file owned by us; a new file gets mode 0600 under the umask.
    /// The caller closes the descriptor.
    public static func open(_ path: String, for access: Access) throws(Problem) -> FileDescriptor {
        let raw = systemOpen(path, access.flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard raw >= 0 else { throw problem(opening: path, error: .current) }
        let descriptor = FileDescriptor(raw)
        var status = stat()
        guard fstat(raw, &status) == 0 else {
            let error = SystemError.current
            try? descriptor.close()
            throw .system(action: "examine it", error)
        }
        if let problem = problem(with: status) {
            try? descriptor.close()
            throw problem
        }
        _ = fcntl(raw, F_SETFL, fcntl(raw, F_GETFL) & ~O_NONBLOCK)
        return descriptor
    }

    /// The bytes of `path`, at most `limit` of them, or `nil` when there is no such file.
    public static func read(_ path: String, limit: Int) throws(Problem) -> [UInt8]? {
        let descriptor: FileDescriptor
        do {
            descriptor = try open(path, for: .reading)
        } catch .missing {
            return nil
        }
        defer { try? descriptor.close() }
        do {
            return try descriptor.readAll(limit: limit)
        } catch {
            switch error {
            case .tooLarge(let limit): throw .tooLarge(limit: limit)
            case .system(let error): throw .system(action: "read it", error)
            }
        }
    }

    /// Replaces `path` with `bytes` so that readers see the old contents or the new, never a mix: writes
    /// a new temporary file (made with `mkstemp`, so nothing planted can be opened) beside it, flushes
    /// it to disk, renames it over `path` and flushes the folder. A new file gets mode 0600 under the
    /// umask; an existing one keeps its read and write bits. On failure `path` is unchanged.
    public static func replace(_ path: String, with bytes: [UInt8]) throws(Problem) {
        try replace(path) { descriptor throws(Problem) in
            do throws(SystemError) {
                try descriptor.write(bytes)
            } catch {
                throw .system(action: "write the temporary file", error)
            }
        }
    }

    /// Replaces `path` as ``replace(_:with:)`` does, with what `write` writes to the temporary file.
    public static func replace(_ path: String, writing write: (FileDescriptor) throws(Problem) -> Void) throws(Problem)
    {
        var existing = stat()
        var mode: mode_t?
        if lstat(path, &existing) == 0 {
            if let problem = problem(with: existing) { throw problem }
            mode = existing.st_mode & 0o666
        } else if errno != ENOENT {
            throw .system(action: "examine it", .current)
        }
        let (folder, name) = split(path)
        var template = Array("\(folder)/.\(name).XXXXXX".utf8CString)
        let raw = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard raw >= 0 else { throw .system(action: "create a temporary file beside it", .current) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let descriptor = FileDescriptor(raw)
        _ = fcntl(raw, F_SETFD, FD_CLOEXEC)
        do throws(Problem) {
            if let mode, fchmod(raw, mode) != 0 { throw .system(action: "set the temporary file's mode", .current) }
            try write(descriptor)
            do throws(SystemError) {
                try descriptor.synchronize()
            } catch {
                throw .system(action: "flush the temporary file to disk", error)
            }
        } catch {
            try? descriptor.close()
            unlink(temporary)
            throw error
        }
        do throws(SystemError) {
            try descriptor.close()
        } catch {
            unlink(temporary)
            throw .system(action: "close the temporary file", error)
        }
        guard rename(temporary, path) == 0 else {
            let error = SystemError.current
            unlink(temporary)
            throw .system(action: "rename the temporary file over it", error)
        }
        synchronizeFolder(folder)
    }

    /// Whether a file with `status` may be used: a regular file owned by us.
    private static func problem(with status: stat) -> Problem? {
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: return .symbolicLink
        case S_IFDIR: return .notRegular(kind: "a directory")
        case S_IFIFO: return .notRegular(kind: "a FIFO")
        case S_IFSOCK: return .notRegular(kind: "a socket")
        case S_IFCHR: return .notRegular(kind: "a character device")
        case S_IFBLK: return .notRegular(kind: "a block device")
        default: return .notRegular(kind: "not a file")
        }
        return status.st_uid == geteuid() ? nil : .notOwned(owner: UInt32(status.st_uid))
    }

    /// What a failed `open` of `path` means: a link (O_NOFOLLOW's ELOOP), or the system's reason.
    private static func problem(opening path: String, error: SystemError) -> Problem {
        var status = stat()
        if error.code == ELOOP || error.code == EMLINK, lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
            return .symbolicLink
        }
        if error.code == ENOENT { return .missing }
        if error.code == EISDIR { return .notRegular(kind: "a directory") }
        return .system(action: "open it", error)
    }

    /// The folder holding `path` and the file's name: `("a/b", "c")` for `a/b/c`, `(".", "c")` for `c`.
    public static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    /// Flushes the folder so a rename in it survives a crash (best effort: not every file system allows it).
    private static func synchronizeFolder(_ folder: String) {
        let raw = systemOpen(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
        guard raw >= 0 else { return }
        fsync(raw)
        try? FileDescriptor(raw).close()
    }
}

/// `open` under a name ``PrivateFile/open(_:for:)`` does not hide.
func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    open(path, flags, mode)
}
