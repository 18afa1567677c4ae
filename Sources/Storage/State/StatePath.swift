#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        case json(descriptor: Int32)
    }

    /// The first bytes of every SQLite database file.
    static let databaseHeader = Array("SQLite format 3\u{0}".utf8)

    /// Looks at `path` without following a symbolic link and refuses what cannot be a state file of
    /// ours: a link, a folder or other non-regular file, another user's file, an empty file.
    static func inspect(_ path: String) throws(StateFileError) -> Found {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return .missing }
            throw StateFileError(path, .unreadable(lastError))
        }
        try check(status, path)
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw StateFileError(path, .unreadable(lastError)) }
        var header = [UInt8](repeating: 0, count: databaseHeader.count)
        let count = header.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else {
            let reason = lastError
            close(descriptor)
            throw StateFileError(path, .unreadable(reason))
        }
        if count == 0 {
            close(descriptor)
            throw StateFileError(path, .invalid("the file is empty"))
        }
        if header == databaseHeader {
            close(descriptor)
            for suffix in ["-wal", "-shm", "-journal"] where lstat(path + suffix, &status) == 0 && status.st_mode & S_IFMT != S_IFREG {
                throw StateFileError(path, .unreadable("\(path + suffix) is not a regular file; remove it"))
            }
            return .database
        }
        return .json(descriptor: descriptor)
    }

    /// Refuses anything but a regular file of this user's.
    static func check(_ status: stat, _ path: String) throws(StateFileError) {
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: throw StateFileError(path, .unreadable("it is a symbolic link; give the path of the file itself"))
        case S_IFDIR: throw StateFileError(path, .unreadable(String(cString: strerror(EISDIR))))
        default: throw StateFileError(path, .unreadable("it is not a regular file"))
        }
        guard status.st_uid == geteuid() else { throw StateFileError(path, .unreadable("it belongs to another user")) }
    }

    /// Reads all of `descriptor` from its start.
    static func readAll(_ descriptor: Int32) throws(StateFileError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(bytes.count)) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw StateFileError("", .unreadable(lastError)) }
            guard count > 0 else { return bytes }
            bytes += chunk[..<count]
        }
    }

    /// Creates a new private file beside `path` (`FILE.XXXXXX`, mode 0600 or stricter by the umask)
    /// that no one else can have planted, and returns its name.
    static func createTemporary(beside path: String) throws(StateFileError) -> String {
        var template = Array((path + ".XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw StateFileError(path, .unwritable("cannot create a file beside it: \(lastError)")) }
        close(descriptor)
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Puts the finished file `temporary` at `path` unless something is there already (another omnipanel
    /// created it first): returns false then, and removes `temporary` either way.
    static func place(_ temporary: String, at path: String) throws(StateFileError) -> Bool {
        defer { unlink(temporary) }
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { return false }
            throw StateFileError(path, .unwritable("cannot create it: \(lastError)"))
        }
        syncFolder(of: path)
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
    static var lastError: String { String(cString: strerror(errno)) }
}
