import SessionPanel
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
    /// file) and an empty file. SQLite's own files beside it (`FILE-wal`, `FILE-shm`, `FILE-journal`),
    /// which SQLite would open and replay, must pass ``checkCompanions(of:stateMode:)``; when there is no
    /// state file, none of them may be there at all (a new state must not start from a dead one's WAL).
    static func inspect(_ path: String) throws(StateFileError) -> Found {
        let descriptor: FileDescriptor
        do {
            descriptor = try PrivateFile.open(path, for: .reading)
        } catch .missing {
            return try missing(path)
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
        var status = stat()
        let examined = fstat(descriptor.rawValue, &status) == 0
        try? descriptor.close()
        guard examined else { throw StateFileError(path, .unreadable(lastError)) }
        try checkCompanions(of: path, stateMode: status.st_mode)
        return .database
    }

    /// The names SQLite gives its own files beside a database.
    static let companionSuffixes = ["-wal", "-shm", "-journal"]

    /// Refuses SQLite's files beside the state file at `path` (mode `stateMode`) unless each is what
    /// SQLite itself would have made: a regular file of ours, with no other name (a hard link SQLite
    /// would overwrite), writable by no one the state file is not writable by (SQLite gives them the
    /// state file's mode). Someone else's `FILE-wal` would be replayed into the state as if saved.
    private static func checkCompanions(of path: String, stateMode: mode_t) throws(StateFileError) {
        for suffix in companionSuffixes {
            var status = stat()
            guard lstat(path + suffix, &status) == 0 else { continue }
            let shown = VisibleText.escaped(path + suffix)
            let problem: String? =
                if status.st_mode & S_IFMT != S_IFREG {
                    "is not a regular file"
                } else if status.st_uid != geteuid() {
                    "belongs to another user (uid \(status.st_uid))"
                } else if status.st_nlink != 1 {
                    "has \(status.st_nlink) names (a hard link to another file)"
                } else if status.st_mode & 0o022 & ~stateMode != 0 {
                    "can be written by other users"
                } else {
                    nil
                }
            if let problem { throw StateFileError(path, .unreadable("\(shown) \(problem); remove it")) }
        }
    }

    /// `path` is missing: ``Found/missing`` when nothing of SQLite's is left beside it either, otherwise
    /// an error saying what to remove. (A file that appeared meanwhile is inspected again: another
    /// omnipanel that creates it makes its WAL only after it.)
    private static func missing(_ path: String) throws(StateFileError) -> Found {
        var status = stat()
        let left = companionSuffixes.map { path + $0 }.filter { lstat($0, &status) == 0 }
        guard !left.isEmpty else { return .missing }
        if lstat(path, &status) == 0 { return try inspect(path) }
        let names = left.map(VisibleText.escaped).joined(separator: " and ")
        throw StateFileError(
            path,
            .unreadable(
                "there is no such file, but \(names) \(left.count == 1 ? "is" : "are") left from an earlier one "
                    + "(a new state would start from it); remove \(left.count == 1 ? "it" : "them") to start afresh"))
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
