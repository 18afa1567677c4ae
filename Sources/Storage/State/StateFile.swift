import CSQLite
internal import JSONCoding
import SessionPanel
import SystemIO

/// The state file of `--state FILE`: one SQLite database holding the world and the shift.
///
/// Opening takes the writer's lock (`BEGIN IMMEDIATE`; a second omnipanel waits up to
/// ``lockWaitSeconds``, then fails) and keeps it for the whole run, so the state in memory is the
/// file's. ``save(_:)`` writes, in one transaction, only the rows that changed since the last save,
/// then takes the lock again at once. The file is in WAL mode: readers (shell completion, `export`)
/// never wait and never see half a save, and a crash loses at most the save in progress.
///
/// The shift is in real tables (``ShiftSchema``, format 3): a load reads the workspace and attaches
/// ``SQLiteConversations``, through which the core reads every conversation it does not hold.
///
/// A missing file is created whole beside its name (`FILE.omnipanel-XXXXXX`, 0600) and linked into place; a
/// version-1 JSON file is migrated the same way, the original kept as `FILE.v1.json`; a file of an older
/// format is migrated in place by ``StateMigrator``, the original kept first as `FILE.v2.db`. Such files a killed
/// run left are swept when the file is next opened (``StateTemporary/sweep(beside:)``). SQLite's files
/// beside it are checked before SQLite opens them (``StatePath/inspect(_:)``).
///
/// A file this user cannot write, or in a folder they cannot write, is opened only to read: commands
/// that change nothing run, a save is refused.
///
/// How a commit reaches the disk is the ``Durability`` given at opening.
public final class StateFile {
    /// How long a second omnipanel waits for the lock before giving up.
    public static let lockWaitSeconds = 2

    /// When a commit is flushed to the disk. Either way a crash of the program (`kill -9`) loses at most
    /// the commit in progress and never damages the file: a commit is in the operating system's hands
    /// once SQLite has written it to the WAL. The choice only matters when the machine itself stops (a
    /// power cut): what was committed but not yet flushed is lost then, the file still whole.
    public enum Durability: Sendable {
        /// Every commit is flushed before the command returns (`synchronous=FULL`): the prompt, where a
        /// person waits for each command anyway.
        case everyCommit
        /// Commits are flushed at least once every ``defaultFlushInterval`` of a run, and at its end, when the
        /// last connection checkpoints the WAL into the file (`synchronous=NORMAL` between, SQLite's
        /// recommendation for WAL): scripts, `-c` and one-shot commands, whose group commits would
        /// otherwise wait for the disk several times in a run that takes tens of milliseconds.
        case periodically
    }

    /// With ``Durability/periodically``, the longest time a commit stays unflushed while the run goes on.
    public static let defaultFlushInterval = 1.0

    /// The state file.
    public let path: String
    /// The state the file holds, as of the last load or save.
    public private(set) var state: PanelState
    /// Rows the last save wrote or deleted (what a changing command costs).
    public private(set) var rowsWritten = 0

    /// The connection, holding the writer's lock between saves (internal for tests that act between a
    /// save's commit and its taking the lock again).
    let database: Database
    /// The statements that write the shift's rows, prepared at the first save.
    private var preparedWriter: ShiftWriter?
    /// Whether this connection holds the writer's lock (an open `BEGIN IMMEDIATE`).
    private var holdsLock = false
    /// Why the file was opened only to read (this user cannot write it or its folder), or `nil`: a
    /// command that changes nothing still runs; a save is refused.
    private let readOnlyReason: String?
    /// `PRAGMA data_version` when this connection last read or wrote: another connection's commit changes it.
    private var dataVersion: Int
    /// When commits are flushed.
    private let durability: Durability
    /// Whether the next commit is flushed (`synchronous=FULL`) rather than left to the next flush.
    private var flushesNextCommit: Bool
    /// When a commit was last flushed (or the file opened), on the monotonic clock.
    private var lastFlush: Double
    /// With ``Durability/periodically``, how long a commit may stay unflushed (internal for tests).
    var flushInterval = StateFile.defaultFlushInterval

    /// Opens the state file at `path`, creating it from `startingState()` when it is missing and
    /// migrating a version-1 JSON file, then takes the lock and loads the state. Commits are flushed
    /// to the disk as `durability` says.
    public init(path: String, durability: Durability = .everyCommit, startingState: () throws -> PanelState) throws {
        self.path = path
        self.durability = durability
        flushesNextCommit = durability == .everyCommit
        lastFlush = monotonicSeconds()
        var created = false
        while true {
            switch try StatePath.inspect(path) {
            case .database:
                break
            case .missing:
                guard !created else { throw StateFileError(path, .unwritable("it disappeared as it was created")) }
                created = try Self.create(path, with: startingState())
                continue
            case .json(let descriptor):
                try Self.migrate(path, descriptor)
                continue
            }
            break
        }
        if let reason = Self.whyReadOnly(path) {
            readOnlyReason = reason
            let database = try Self.openForReading(path)
            self.database = database
            state = try Self.inReadTransaction(database, path) { () throws(StateFileError) in
                try Self.load(database, path)
            }
        } else {
            readOnlyReason = nil
            database = try Self.openLocked(path, flushingCommits: flushesNextCommit)
            holdsLock = true
            StateTemporary.sweep(beside: path)
            state = try Self.load(database, path)
        }
        dataVersion = try Self.dataVersion(database, path)
    }

    /// Why this user cannot write the state file at `path` (the file or its folder is read-only to
    /// them), or `nil` when they can.
    private static func whyReadOnly(_ path: String) -> String? {
        if access(path, W_OK) != 0 { return "this user cannot write it (\(StatePath.lastError))" }
        let folder = PrivateFile.split(path).folder
        if access(folder, W_OK) != 0 { return "this user cannot write its folder (\(StatePath.lastError))" }
        return nil
    }

    /// The state saved at `path`, or `nil` when there is no such file; reads without the lock and
    /// changes nothing (a version-1 file is read as it is).
    public static func read(_ path: String) throws(StateFileError) -> PanelState? {
        try reading(path) { state throws(StateFileError) in state }
    }

    /// The state saved at `path` handed to `use` while one read transaction lasts, so that what `use`
    /// reads of a database's world is the world of that same moment (`export` reads it record by
    /// record); `nil` when there is no such file. Reads without the lock and changes nothing.
    static func reading<Result>(_ path: String, _ use: (PanelState) throws(StateFileError) -> Result)
        throws(StateFileError) -> Result?
    {
        switch try StatePath.inspect(path) {
        case .missing: return nil
        case .json(let descriptor):
            defer { try? descriptor.close() }
            return try use(try SavedJSON.decode(try StatePath.readAll(descriptor, path), path))
        case .database:
            let database = try openForReading(path)
            return try inReadTransaction(database, path) { () throws(StateFileError) in
                try use(try load(database, path))
            }
        }
    }

    /// Opens the database at `path` to read: read-write when allowed, only so that the last connection
    /// to close removes the WAL files; read-only when not. A file in WAL mode in a folder this user
    /// cannot write cannot be read so (SQLite cannot make its shared-memory file there): when no WAL is
    /// beside it, the file holds every commit, and is read as an immutable file (no one can start a
    /// WAL in that folder to change it).
    private static func openForReading(_ path: String) throws(StateFileError) -> Database {
        try retryingWhileLocked { () throws(StateFileError) in
            do throws(StateFileError) {
                return try open(path, mode: .readWrite)
            } catch {
                do throws(StateFileError) {
                    return try open(path, mode: .readOnly)
                } catch {
                    guard case .unreadable = error.reason, access(path + "-wal", F_OK) != 0,
                        access(PrivateFile.split(path).folder, W_OK) != 0
                    else { throw error }
                    return try open(path, mode: .immutable)
                }
            }
        }
    }

    /// Runs `body` on `database` in one read transaction.
    private static func inReadTransaction<Result>(
        _ database: Database, _ path: String, _ body: () throws(StateFileError) -> Result
    ) throws(StateFileError) -> Result {
        do {
            try database.execute("BEGIN")
        } catch {
            throw failure(error, path, reading: true)
        }
        defer { try? database.execute("COMMIT") }
        return try body()
    }

    /// The statements that write the shift, prepared once (a file opened only to read never needs them).
    private func writer() throws(StorageError) -> ShiftWriter {
        if let preparedWriter { return preparedWriter }
        let writer = try ShiftWriter(database)
        preparedWriter = writer
        return writer
    }

    /// Saves `state` in one transaction writing only the rows that changed; nothing when nothing did.
    /// Returns whether `state`'s conversations are read from this file, so that the caller now tells it
    /// they are saved (``PanelState/changesSaved()``): its change set is empty again and the Closed
    /// conversations nothing points to leave memory, and the next save starts from what the next
    /// command changes. (A state over another catalog would lose them: keep its changes.)
    @discardableResult
    public func save(_ state: PanelState) throws(StateFileError) -> Bool {
        let readsThisFile =
            (state.conversations.catalog.base as? SQLiteConversations).map { $0.database === database } ?? false
        guard state != self.state else { return readsThisFile }
        try transaction { () throws(StorageError) in try writer().write(state, over: self.state) }
        var saved = state
        if readsThisFile { saved.changesSaved() }
        self.state = saved
        return readsThisFile
    }

    /// Replaces everything the file holds, world and shift, with `state` (`import`: its world is in
    /// memory, as JSON gives it), in one transaction.
    public func replace(with state: PanelState) throws(StateFileError) {
        try replace(state) { database throws(StorageError) in try Self.writeWorld(of: state, into: database) }
    }

    /// `import`: replaces everything in the file at `path` with `state`, creating the file holding it
    /// when it is missing (so the world is written once).
    static func replacing(_ path: String, with state: PanelState) throws(StateFileError) {
        var created = false
        let file = try opening(path) {
            created = true
            return state
        }
        if !created { try file.replace(with: state) }
    }

    /// `import` of a big JSON state: replaces everything in the file at `path` with the shift of `state`
    /// and the world `writeWorld` writes, and finishes, with the writer it is given, in one transaction:
    /// a world that cannot be written changes nothing. A missing file is built whole beside its name and
    /// linked into place only when complete, so a failed (or killed) import leaves no file.
    static func replacing(
        _ path: String, shiftOf state: PanelState, world writeWorld: @escaping (WorldWriter) throws -> Void
    ) throws(StateFileError) {
        if try isMissing(path), try create(path, with: state, world: writing(writeWorld)) { return }
        try opening(path) { PanelState(world: World()) }.replace(state, writingWorld: writing(writeWorld))
    }

    /// Whether nothing is at `path` yet (as ``StatePath/inspect(_:)`` sees it).
    private static func isMissing(_ path: String) throws(StateFileError) -> Bool {
        switch try StatePath.inspect(path) {
        case .missing: return true
        case .database: return false
        case .json(let descriptor):
            try? descriptor.close()
            return false
        }
    }

    /// Writing a world with a ``WorldWriter`` on a database, any error as a ``StorageError``.
    private static func writing(_ writeWorld: @escaping (WorldWriter) throws -> Void) -> (Database) throws(StorageError)
        -> Void
    {
        { database throws(StorageError) in
            let writer = try WorldWriter(into: database)
            do {
                try writeWorld(writer)
            } catch let error as StorageError {
                throw error
            } catch {
                throw StorageError("\(error)")
            }
        }
    }

    /// The file at `path`, opened (created from `startingState` when missing) for `import`.
    private static func opening(_ path: String, _ startingState: () throws -> PanelState) throws(StateFileError)
        -> StateFile
    {
        do {
            return try StateFile(path: path, startingState: startingState)
        } catch {
            throw failure(error, path, reading: false)
        }
    }

    /// Replaces the world (written by `writeWorld` into emptied tables) and the shift, in one transaction.
    private func replace(
        _ state: PanelState, writingWorld writeWorld: (Database) throws(StorageError) -> Void
    ) throws(StateFileError) {
        try transaction { () throws(StorageError) in
            try WorldSchema.create(in: database)  // a file from before the conversation-control tables gains them
            for table in WorldSchema.recordTables {
                try database.execute("DELETE FROM \(table)")
            }
            try writeWorld(database)
            return try writer().write(state, over: nil)
        }
        self.state = try Self.load(database, path)  // over the file's world and conversations
    }

    /// Runs `body` (which returns the rows it wrote) in one transaction under the writer's lock, then
    /// takes the lock again at once.
    private func transaction(_ body: () throws(StorageError) -> Int) throws(StateFileError) {
        if let readOnlyReason { throw StateFileError(path, .unwritable("it can only be read here: \(readOnlyReason)")) }
        do {
            if !holdsLock {
                try database.execute("BEGIN IMMEDIATE")
                holdsLock = true
                guard try Self.dataVersion(database, path) == dataVersion else {
                    throw StateFileError(path, .changedElsewhere)
                }
            }
            rowsWritten = try body()
            try database.execute("COMMIT")
            holdsLock = false
        } catch {
            if holdsLock { try? database.execute("ROLLBACK") }
            holdsLock = false
            throw Self.failure(error, path, reading: false)
        }
        scheduleFlush()
        relock()
    }

    /// With ``Durability/periodically``, decides whether the next commit is flushed: when no commit has
    /// been for ``flushInterval``. (SQLite takes the setting only between transactions, so it is
    /// chosen here, after a commit and before the lock is taken again.)
    private func scheduleFlush() {
        guard durability == .periodically else { return }
        let now = monotonicSeconds()
        if flushesNextCommit { lastFlush = now }
        let due = now - lastFlush >= flushInterval
        guard due != flushesNextCommit else { return }
        if (try? database.execute("PRAGMA synchronous = \(due ? "FULL" : "NORMAL")")) != nil { flushesNextCommit = due }
    }

    /// Takes the lock again straight after a save if no one else is waiting for it (a waiting writer
    /// goes first; the next save then finds out whether it changed the file).
    private func relock() {
        database.setBusyTimeout(milliseconds: 0)
        defer { database.setBusyTimeout(milliseconds: Int32(Self.lockWaitSeconds * 1000)) }
        holdsLock = (try? database.execute("BEGIN IMMEDIATE")) != nil
        if holdsLock, (try? Self.dataVersion(database, path)) != dataVersion {
            // Someone saved between the commit and now: this run's state is out of date.
            try? database.execute("ROLLBACK")
            holdsLock = false
            dataVersion = -1
        }
    }

    // MARK: Opening

    /// Opens `path` for writing and takes the writer's lock; commits are flushed to the disk when
    /// `flushingCommits`, otherwise at checkpoints (`synchronous=NORMAL`). A file of an older format
    /// is migrated (``StateMigrator``), its original kept first (``keepOriginal(_:_:version:)``).
    private static func openLocked(_ path: String, flushingCommits: Bool) throws(StateFileError) -> Database {
        let database = try retryingWhileLocked { () throws(StateFileError) in
            let database = try open(path, mode: .readWrite)
            do {
                try database.execute(
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = \(flushingCommits ? "FULL" : "NORMAL")")
                try database.execute("BEGIN IMMEDIATE")
                return database
            } catch {
                throw failure(error, path, reading: true)
            }
        }
        let version = try pragma("user_version", database, path)
        guard StateMigrator.stateFile.isBehind(version) else { return database }
        let original = try keepOriginal(database, path, version: version)
        do {
            try StateMigrator.stateFile.migrate(database)
        } catch {
            unlink(original)  // the file is left as it was: nothing to keep
            throw failure(error, path, reading: false)
        }
        return database
    }

    /// Copies the file open as `database` (under the writer's lock, before it is migrated from
    /// `version`) to `FILE.vVERSION.db`, 0600, which must not exist yet.
    /// Returns the copy's name.
    private static func keepOriginal(_ database: Database, _ path: String, version: Int) throws(StateFileError)
        -> String
    {
        let original = "\(path).v\(version).db"
        var existing = stat()
        if lstat(original, &existing) == 0 {
            throw StateFileError(
                path, .unwritable("it is a version-\(version) file to migrate, and \(original) is in the way"))
        }
        do {
            // Through a second connection: SQLite copies nothing through one that holds a write
            // transaction. It reads the last commit, which no one can change while this one holds the lock.
            let reader = try Database(path: path, mode: .readWrite)
            reader.setBusyTimeout(milliseconds: Int32(lockWaitSeconds * 1000))
            try reader.copy(to: original)
        } catch {
            unlink(original)
            throw StateFileError(path, .unwritable("cannot keep the original as \(original): \(error.message)"))
        }
        return original
    }

    /// Runs `body` again, every 10 ms until the lock wait has passed, while it fails because the file
    /// is locked: besides another omnipanel's lock, a connection closing as this one opens (the last
    /// one checkpoints and removes the WAL) can refuse it at once, without SQLite's busy handler.
    private static func retryingWhileLocked<Value>(_ body: () throws(StateFileError) -> Value)
        throws(StateFileError) -> Value
    {
        let deadline = monotonicSeconds() + Double(lockWaitSeconds)
        while true {
            do throws(StateFileError) {
                return try body()
            } catch {
                guard case .locked = error.reason, monotonicSeconds() < deadline else { throw error }
                usleep(10_000)
            }
        }
    }

    /// Opens an existing state file and checks it is one of ours, in a format this program reads.
    private static func open(_ path: String, mode: Database.Mode) throws(StateFileError) -> Database {
        let database: Database
        do {
            database = try Database(path: path, mode: mode)
        } catch {
            throw failure(error, path, reading: true)
        }
        // Writers wait this long for the writer's lock; readers for the brief locks of a WAL recovery
        // or of the last connection's checkpoint as another omnipanel closes the file.
        database.setBusyTimeout(milliseconds: Int32(lockWaitSeconds * 1000))
        let applicationID = try pragma("application_id", database, path)
        let version = try pragma("user_version", database, path)
        guard applicationID == Int(ShiftSchema.applicationID), version > 1 else {
            throw StateFileError(path, .invalid("an SQLite database, but not an omnipanel state file"))
        }
        if version > ShiftSchema.formatVersion {
            throw StateFileError(path, .newerVersion(version, readable: ShiftSchema.formatVersion))
        }
        do {
            try database.execute("PRAGMA foreign_keys = ON")
        } catch {
            throw failure(error, path, reading: true)
        }
        let problem: String?
        do {
            problem = try StateFileContents.problem(in: database)
        } catch {
            throw failure(error, path, reading: true)
        }
        if let problem { throw StateFileError(path, .invalid(problem)) }
        return database
    }

    /// Reads and checks the shift in `database`, in the world of its world tables (a file of version 2,
    /// opened only to read, as it is).
    private static func load(_ database: Database, _ path: String) throws(StateFileError) -> PanelState {
        let json: JSONValue
        let legacy: Bool
        do {
            legacy = try database.integerPragma("user_version") < ShiftSchema.formatVersion
            json = try legacy ? LegacyShiftRows.read(database).json() : ShiftReader(database: database).json()
        } catch {
            throw failure(error, path, reading: true)
        }
        return try SavedJSON.state(
            from: json, in: SQLiteWorldCatalog(database: database),
            conversations: legacy ? nil : SQLiteConversations(database: database), path)
    }

    /// Writes `state` (its world, or the one `writeRecords` writes) into a new file beside `path` and links
    /// it into place. Returns false when another omnipanel created `path` first.
    private static func create(
        _ path: String, with state: PanelState, world writeRecords: ((Database) throws(StorageError) -> Void)? = nil
    ) throws(StateFileError) -> Bool {
        try place(state, at: path, world: writeRecords) { temporary throws(StateFileError) in
            try StatePath.place(temporary, at: path)
        }
    }

    /// Builds a complete state file for `state` under a new private name and hands that name to `finish`.
    private static func place(
        _ state: PanelState, at path: String, world writeRecords: ((Database) throws(StorageError) -> Void)? = nil,
        finish: (String) throws(StateFileError) -> Bool
    ) throws(StateFileError) -> Bool {
        let building = try StateTemporary(beside: path)
        defer { building.release() }
        let temporary = building.path
        do {
            let database = try Database(path: temporary, mode: .readWrite)
            // No journal and no syncs while building: the file has no name yet, so a crash leaves only a
            // stray `FILE.omnipanel-XXXXXX` (swept later); it is flushed once, whole, before it is linked into place.
            try database.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON")
            try database.execute("BEGIN")
            try database.execute(ShiftSchema.newFile)
            if let writeRecords { try writeRecords(database) } else { try writeWorld(of: state, into: database) }
            _ = try ShiftWriter(database).write(state, over: nil)
            try database.execute("COMMIT")
            if state.world.world == nil { try database.execute("DETACH DATABASE source") }
            try database.execute("PRAGMA journal_mode = WAL")
        } catch {
            unlink(temporary)
            throw StateFileError(path, .unwritable(error.message))
        }
        do {
            let file = try PrivateFile.open(temporary, for: .reading)
            defer { try? file.close() }
            try file.synchronize()
        } catch {
            unlink(temporary)
            throw StateFileError(path, .unwritable("cannot flush it to disk: \(error)"))
        }
        return try finish(temporary)
    }

    /// Writes the world `state` is in into `database`'s world tables: an in-memory world record by
    /// record, a database's world (a world cache) table by table, attached as `source` (detach it after
    /// the transaction: SQLite refuses while the transaction has read it).
    private static func writeWorld(of state: PanelState, into database: Database) throws(StorageError) {
        if let world = state.world.world {
            try WorldWriter(into: database).write(world)
        } else if let catalog = state.world.base as? SQLiteWorldCatalog {
            try WorldSchema.create(in: database)
            let attach = try database.prepare("ATTACH DATABASE ?1 AS source")
            try attach.bind(catalog.database.path, at: 1)
            try attach.step()
            for table in WorldSchema.recordTables {
                try database.execute("INSERT INTO main.\(table) SELECT * FROM source.\(table)")
            }
            try WorldSchema.rebuildSearch(in: database)
        } else {
            throw StorageError("this kind of world cannot be saved in a state file")
        }
    }

    /// Replaces the version-1 JSON file open on `descriptor` with a state file holding the same state,
    /// keeping the original as `FILE.v1.json` (0600). Another omnipanel migrating the same file at the
    /// same time waits on the original's lock, then finds the new file.
    private static func migrate(_ path: String, _ file: FileDescriptor) throws {
        defer { try? file.close() }
        let descriptor = file.rawValue
        try lockForMigration(descriptor, path)
        var opened = stat()
        var current = stat()
        guard fstat(descriptor, &opened) == 0, lstat(path, &current) == 0,
            opened.st_ino == current.st_ino, opened.st_dev == current.st_dev
        else { return }  // migrated (or replaced) while this one waited: look again
        // Read as `import` reads JSON: the world streamed from the file into the new one.
        let source = try StreamedState(path)
        let original = path + ".v1.json"
        var existing = stat()
        if lstat(original, &existing) == 0 {
            throw StateFileError(path, .unwritable("it is a version-1 file to migrate, and \(original) is in the way"))
        }
        let world = source.streamsWorld ? writing(source.writeWorld(into:)) : nil
        do {
            _ = try place(source.state, at: path, world: world) { temporary throws(StateFileError) in
                try keep(path, as: original, descriptor, placing: temporary)
            }
        } catch {
            throw source.failure(error)
        }
    }

    /// Keeps the version-1 file at `path` (open as `descriptor`) as `original` and renames the new
    /// file `temporary` over `path`.
    private static func keep(_ path: String, as original: String, _ descriptor: Int32, placing temporary: String)
        throws(StateFileError) -> Bool
    {
        guard link(path, original) == 0 else {
            throw StateFileError(
                path, .unwritable("cannot keep the original as \(original): \(StatePath.lastError)"))
        }
        fchmod(descriptor, 0o600)
        guard rename(temporary, path) == 0 else {
            let reason = StatePath.lastError
            unlink(original)
            throw StateFileError(path, .unwritable("cannot migrate it: \(reason)"))
        }
        StatePath.syncFolder(of: path)
        return true
    }

    /// Takes an exclusive `flock` on the original JSON file, waiting up to ``lockWaitSeconds``.
    private static func lockForMigration(_ descriptor: Int32, _ path: String) throws(StateFileError) {
        let retryMicroseconds: UInt32 = 20_000
        for _ in 0...(lockWaitSeconds * 1_000_000 / Int(retryMicroseconds)) {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
            usleep(retryMicroseconds)
        }
        throw StateFileError(path, .locked(seconds: lockWaitSeconds))
    }

    // MARK: SQLite

    private static func pragma(_ name: String, _ database: Database, _ path: String) throws(StateFileError) -> Int {
        do {
            return try database.integerPragma(name)
        } catch {
            throw failure(error, path, reading: true)
        }
    }

    private static func dataVersion(_ database: Database, _ path: String) throws(StateFileError) -> Int {
        try pragma("data_version", database, path)
    }

    /// A storage error as a state file error: busy means another omnipanel holds the lock; a damaged
    /// file is not a usable state; anything else could not be read or written.
    static func failure(_ error: any Error, _ path: String, reading: Bool) -> StateFileError {
        if let error = error as? StateFileError { return error }
        guard let error = error as? StorageError else { return StateFileError(path, .unwritable("\(error)")) }
        if error.isBusy { return StateFileError(path, .locked(seconds: lockWaitSeconds)) }
        let reason =
            error.message.hasPrefix(path + ": ") ? String(error.message.dropFirst(path.count + 2)) : error.message
        switch error.code & 0xFF {
        case SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_FORMAT: return StateFileError(path, .invalid(reason))
        default: return StateFileError(path, reading ? .unreadable(reason) : .unwritable(reason))
        }
    }
}
