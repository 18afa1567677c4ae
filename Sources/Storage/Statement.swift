import CSQLite

/// A compiled statement: bind parameters (numbered from 1), then ``step()`` through the rows and read
/// columns (numbered from 0). ``reset()`` makes it ready to run again with new parameters.
public final class Statement {
    private let handle: OpaquePointer
    private let database: Database

    init(_ handle: OpaquePointer, in database: Database) {
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds a whole number to parameter `index`.
    public func bind(_ value: Int, at index: Int32) throws(StorageError) {
        try check(sqlite3_bind_int64(handle, index, Int64(value)))
    }

    /// Binds text to parameter `index`, or `NULL` for `nil`.
    public func bind(_ value: String?, at index: Int32) throws(StorageError) {
        guard var text = value else { return try check(sqlite3_bind_null(handle, index)) }
        let status = text.withUTF8 { bytes in bindStatus(bytes, index) }
        try check(status)
    }

    /// Binds UTF-8 bytes as text to parameter `index`; SQLite copies them.
    public func bind(text bytes: UnsafeBufferPointer<UInt8>, at index: Int32) throws(StorageError) {
        try check(bindStatus(bytes, index))
    }

    /// Binds UTF-8 bytes as text to parameter `index` without SQLite copying them: they must stay where
    /// they are, unchanged, until the statement is reset.
    public func bind(borrowing bytes: UnsafeBufferPointer<UInt8>, at index: Int32) throws(StorageError) {
        try check(bindStatus(bytes, index, copying: false))
    }

    /// Binds `bytes` as text; SQLite copies them when `copying` (SQLITE_TRANSIENT), or reads them
    /// where they are until the statement is reset (SQLITE_STATIC). Empty text needs no bytes.
    private func bindStatus(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int32, copying: Bool = true) -> Int32 {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return sqlite3_bind_text(handle, index, "", 0, nil) }
        let text = UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self)
        let destructor = copying ? csqlite_transient() : nil
        return sqlite3_bind_text64(handle, index, text, UInt64(bytes.count), destructor, UInt8(SQLITE_UTF8))
    }

    /// Runs the statement to its next row: `true` when a row is ready to read, `false` when it is done.
    @discardableResult
    public func step() throws(StorageError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let status: throw database.error(status)
        }
    }

    /// Clears the parameters and rewinds, ready to run again.
    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Column `index` of the current row as a whole number (0 for `NULL`).
    public func int(at index: Int32) -> Int { Int(sqlite3_column_int64(handle, index)) }

    /// Whether column `index` of the current row is `NULL`.
    public func isNull(at index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    /// Column `index` of the current row as text, or `nil` for `NULL`.
    public func string(at index: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, index) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    private func check(_ status: Int32) throws(StorageError) {
        guard status == SQLITE_OK else { throw database.error(status) }
    }
}
