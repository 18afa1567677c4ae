import CSQLite

/// Why a database could not be opened, read or written: one line naming the file and SQLite's reason.
public struct StorageError: Error, Sendable, CustomStringConvertible {
    /// The whole line, e.g. `world.db: UNIQUE constraint failed: contacts.key`.
    public let message: String
    /// SQLite's extended result code (`SQLITE_BUSY`, `SQLITE_CONSTRAINT_PRIMARYKEY`, …); 0 for a problem found outside SQLite.
    public let code: Int32

    /// A problem SQLite reported, or one found before asking it (`code` 0).
    public init(_ message: String, code: Int32 = 0) {
        self.message = message
        self.code = code
    }

    /// Whether another connection held the lock for longer than the busy timeout.
    public var isBusy: Bool { code & 0xff == SQLITE_BUSY }
    /// Whether a row broke a constraint (a duplicate key, a failed `CHECK`).
    public var isConstraint: Bool { code & 0xff == SQLITE_CONSTRAINT }

    public var description: String { message }
}
