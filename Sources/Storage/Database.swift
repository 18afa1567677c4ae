import CSQLite
import SystemIO

/// One connection to an SQLite database file: statements, transactions and errors as one-line messages.
///
/// The file is never opened through a symbolic link (`SQLITE_OPEN_NOFOLLOW`), and a file this creates is
/// private to its owner (0600; SQLite gives its journal and WAL files the same mode). The connection is
/// serialized (`SQLITE_OPEN_FULLMUTEX`) unless opened for one thread at a time; a ``Statement`` belongs to
/// the caller that prepared it.
public final class Database: @unchecked Sendable {
    /// How to open the file.
    public enum Mode: Sendable {
        /// Reading only; the file must exist.
        case readOnly
        /// Reading only a file that nothing changes while it is open (SQLite's `immutable`): no locks,
        /// no WAL or shared-memory file, so a file in a folder this user cannot write can be read.
        case immutable
        /// Reading and writing; the file must exist.
        case readWrite
        /// Reading and writing, creating the file (0600) when it is missing.
        case create
    }

    /// The file, as given (`:memory:` for a database in memory).
    public let path: String
    let handle: OpaquePointer

    /// Opens `path`. Fails with one line naming the file when it is missing (unless `.create`), a
    /// symbolic link, not a database, or cannot be read.
    ///
    /// `oneThreadAtATime` leaves out SQLite's lock around every call (`SQLITE_OPEN_NOMUTEX`), for a
    /// connection that threads take turns with, never use at once (a bulk import: about 7% of its time).
    public init(path: String, mode: Mode = .readWrite, oneThreadAtATime: Bool = false) throws(StorageError) {
        self.path = path
        Self.configureSQLite
        var flags = SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE
        flags |= oneThreadAtATime ? SQLITE_OPEN_NOMUTEX : SQLITE_OPEN_FULLMUTEX
        switch mode {
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .immutable: flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .create:
            flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
            if path != ":memory:" { try Self.createPrivately(path) }
        }
        var handle: OpaquePointer?
        let name = mode == .immutable ? "file:\(Self.uriEscaped(path))?immutable=1" : path
        let status = sqlite3_open_v2(name, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let reason = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close_v2(handle)
            throw StorageError("\(path): \(reason)", code: status)
        }
        self.handle = handle
        // Reading the schema is where a file that is not a database fails; fail here, with its name.
        try execute("PRAGMA schema_version")
    }

    deinit { sqlite3_close_v2(handle) }

    /// SQLite's settings for the whole process, made once before the first connection: no memory
    /// statistics (nothing reads them, and their lock is taken by every allocation).
    private static let configureSQLite: Void = { _ = csqlite_disable_memory_statistics() }()

    /// Creates `path` empty with mode 0600 unless it exists, and makes sure it is a regular file we own
    /// (``PrivateFile``), never following a symbolic link.
    private static func createPrivately(_ path: String) throws(StorageError) {
        do {
            try PrivateFile.open(path, for: .updating).close()
        } catch let problem as PrivateFile.Problem {
            throw StorageError("\(path): \(problem)")
        } catch {
            throw StorageError("\(path): \(error)")
        }
    }

    /// `path` for a `file:` URI: every byte but unreserved characters and `/` as `%XX`.
    private static func uriEscaped(_ path: String) -> String {
        let kept = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/".utf8)
        return path.utf8.map { byte in
            kept.contains(byte)
                ? String(UnicodeScalar(byte)) : (byte < 16 ? "%0" : "%") + String(byte, radix: 16, uppercase: true)
        }.joined()
    }

    /// Runs one or more statements that return no rows (schema, pragmas).
    public func execute(_ sql: String) throws(StorageError) {
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard status == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? lastMessage
            throw StorageError("\(path): \(withSystemReason(text, status))", code: status)
        }
    }

    /// The integer value of `PRAGMA name` (`user_version`, `data_version`, …); 0 when it gives none.
    public func integerPragma(_ name: String) throws(StorageError) -> Int {
        let statement = try prepare("PRAGMA \(name)")
        return try statement.step() ? statement.int(at: 0) : 0
    }

    /// Compiles one statement; bind its parameters, then step through its rows.
    public func prepare(_ sql: String) throws(StorageError) -> Statement {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw error(status) }
        return Statement(statement, in: self)
    }

    /// Runs `body` in one transaction (`BEGIN IMMEDIATE`, so a second writer waits at the start rather
    /// than failing at the commit): committed when it returns, rolled back when it throws.
    public func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        try execute("BEGIN IMMEDIATE")
        let result: Result
        do {
            result = try body()
        } catch {
            try? execute("ROLLBACK")  // the transaction may already be gone (SQLite rolls back on some errors)
            throw error
        }
        try execute("COMMIT")
        return result
    }

    /// Copies the whole database, as this connection sees it (inside its transaction, if any), into a
    /// new file at `path` (0600, never through a symbolic link), with SQLite's online backup.
    public func copy(to path: String) throws(StorageError) {
        let copy = try Database(path: path, mode: .create)
        guard let backup = sqlite3_backup_init(copy.handle, "main", handle, "main") else {
            throw copy.error(sqlite3_errcode(copy.handle))
        }
        let status = sqlite3_backup_step(backup, -1)
        sqlite3_backup_finish(backup)
        guard status == SQLITE_DONE else { throw copy.error(status) }
    }

    /// How long a statement waits for another connection's lock before failing with `SQLITE_BUSY`.
    public func setBusyTimeout(milliseconds: Int32) {
        sqlite3_busy_timeout(handle, milliseconds)
    }

    /// Rows changed by the last `INSERT`, `UPDATE` or `DELETE`.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// SQLite's last error message on this connection.
    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }

    /// `status` as a one-line error naming the file.
    func error(_ status: Int32) -> StorageError {
        StorageError("\(path): \(withSystemReason(lastMessage, status))", code: sqlite3_extended_errcode(handle))
    }

    /// SQLite's `message` for a failure with `status`, saying when writing a file failed under a file
    /// size limit (`ulimit -f`), which SQLite reports as a plain I/O error or a full disk.
    private func withSystemReason(_ message: String, _ status: Int32) -> String {
        var limit = rlimit()
        guard [SQLITE_IOERR, SQLITE_FULL].contains(status & 0xFF),
            getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0,
            limit.rlim_cur != rlim_t.max  // RLIM_INFINITY
        else { return message }
        return "\(message) (files may not grow past \(ByteCount(Int(clamping: limit.rlim_cur))) here: ulimit -f)"
    }
}
