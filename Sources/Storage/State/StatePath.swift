import SystemIO

/// The file system side of a state file: what is at the path, private files beside it, and moving
/// them into place. Nothing here follows a symbolic link at the state file's own name.
enum StatePath {
    /// What `--state FILE` names.
    enum Found {
        /// Nothing yet: the first run creates it.
        case missing
        /// An SQLite database (it may still turn out not to be an omnipanel state).
        case database
        /// Anything else, assumed to be a version-1 JSON state file: open for reading, not following links.
        case json(FileDescriptor)
    }

    /// The first bytes of every SQLite database file.
    static let databaseHeader = Array("SQLite format 3\u{0}".utf8)

    /// Looks at `path` without following a symbolic link and refuses what cannot be a state file of
    /// ours (``PrivateFile/open(_:for:)``: a link, a folder or other non-regular file, another user's
    /// file) and an empty file; a database with a link or special file at one of SQLite's own names
    /// beside it (`FILE-wal`, `FILE-shm`, `FILE-journal`) is refused too.
    static func inspect(_ path: String) throws(StateFileError) -> Found {
        let descriptor: FileDescriptor
        do {
            descriptor = try PrivateFile.open(path, for: .reading)
        } catch .missing {
            return .missing
        } catch {
            throw StateFileError(path, .unreadable("\(error)"))
        }
        var header = [UInt8](repeating: 0, count: databaseHeader.count)
        let count = header.withUnsafeMutableBytes { pread(descriptor.rawValue, $0.baseAddress, $0.count, 0) }
        guard count > 0, header == databaseHeader else {
            if count > 0 { return .json(descriptor) }
            let reason = count < 0 ? SystemError.current.description : nil
            try? descriptor.close()
            throw StateFileError(path, reason.map { .unreadable($0) } ?? .invalid("the file is empty"))
        }
        try? descriptor.close()
        var status = stat()
        for suffix in ["-wal", "-shm", "-journal"]
        where lstat(path + suffix, &status) == 0 && status.st_mode & S_IFMT != S_IFREG {
            throw StateFileError(path, .unreadable("\(path + suffix) is not a regular file; remove it"))
        }
        return .database
    }

    /// Reads all of a version-1 file.
    static func readAll(_ descriptor: FileDescriptor, _ path: String) throws(StateFileError) -> [UInt8] {
        do {
            return try descriptor.readAll(limit: SavedJSON.largestFile)
        } catch .tooLarge(let limit) {
            throw StateFileError(path, .unreadable("\(PrivateFile.Problem.tooLarge(limit: limit))"))
        } catch {
            throw StateFileError(path, .unreadable("\(error)"))
        }
    }

    /// Creates a new private file beside `path` (`FILE.XXXXXX`, mode 0600 or stricter by the umask)
    /// that no one else can have planted, and returns its name.
    static func createTemporary(beside path: String) throws(StateFileError) -> String {
        var template = Array((path + ".XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw StateFileError(path, .unwritable("cannot create a file beside it: \(lastError)"))
        }
        close(descriptor)
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Puts the finished file `temporary` at `path` unless something is there already (another omnipanel
    /// created it first): returns false then, and removes `temporary` either way.
    ///
    /// The folder is not flushed here: the first commit creates `FILE-wal` in the same folder, and SQLite
    /// flushes the folder with it, so the new name is on the disk before anything is saved under it. A
    /// power cut before that loses only a file no command has changed; its contents were flushed before
    /// it got its name, so it is never a damaged file.
    static func place(_ temporary: String, at path: String) throws(StateFileError) -> Bool {
        defer { unlink(temporary) }
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { return false }
            throw StateFileError(path, .unwritable("cannot create it: \(lastError)"))
        }
        return true
    }

    /// Flushes the folder so a new name survives a crash (best effort: not every file system allows it).
    static func syncFolder(of path: String) {
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let descriptor = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// The last system error, in words.
    static var lastError: String { SystemError.current.description }
}
