import SessionPanel
import SystemIO

/// A large world imported once into a database in the cache folder and reused while its files are
/// unchanged, so the second start with it is instant.
///
/// One cache database per list of world files (named by a hash of their absolute paths). It records
/// each file's identity (device, inode, size, modification and change times) and the hash of its
/// bytes. At start, equal identities mean the cache is used without reading the files; a file whose
/// identity changed is hashed, and the cache is still used if the bytes are the same (a `touch`, a
/// copy back); otherwise the files are imported again into a new database that replaces the old one
/// by `rename`, so a reader never sees half an import. A cache written since by anything but omnipanel
/// (its modification time tells, ``soundStamp``) is checked (`PRAGMA quick_check`) before it is reused:
/// a damaged one is imported again rather than failing every run. Caches unused for 30 days are
/// removed (``removeUnused(in:now:)``).
public enum WorldCache {
    /// The layout of a cache database, kept as its `PRAGMA user_version`: a cache written in another
    /// layout is imported again (1 had no ranks; 2 keeps contacts, accounts and cases ranked; 3 adds
    /// queues, agents, quick replies, dispositions and articles, with their search indexes; 4 adds the
    /// quick-reply tags and the search indexes' prefixes; 5 gives work items their keys, visitor numbers
    /// and stream counts).
    static let formatVersion = 5

    /// The cache folder: `$XDG_CACHE_HOME/omnipanel`, or `~/.cache/omnipanel`; `nil` without either.
    public static func folder(environment: [String: String]) -> String? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/omnipanel" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/omnipanel" }
        return nil
    }

    /// The world in `paths` from the cache in `folder`, imported first when the cache is missing, stale or
    /// damaged. Something other than a file at the cache's name is left alone: the world is imported
    /// into memory, and `warn` told why.
    public static func catalog(
        for paths: [String], in folder: String?, warn: (String) -> Void = { _ in }
    ) throws(WorldFiles.Failure) -> SQLiteWorldCatalog {
        var sources: [WorldFiles.Source] = []
        for path in paths { sources.append(try WorldFiles.source(path)) }
        guard let folder, makeFolder(folder) else { return try importInMemory(paths) }
        var key = ContentHash()
        for path in paths {
            var absolute = Array(absolutePath(path).utf8) + [0]
            absolute.withUnsafeMutableBytes { key.add(UnsafeRawBufferPointer($0)) }
        }
        let cachePath = folder + "/world-" + key.value + ".sqlite"
        var status = stat()
        if lstat(cachePath, &status) == 0 && status.st_mode & S_IFMT != S_IFREG {
            warn("the world cache \(WorldFiles.shown(cachePath)) is not a regular file; the world is read without it")
            return try importInMemory(paths)
        }
        let catalog: SQLiteWorldCatalog
        if let cached = reuse(cachePath, sources) {
            catalog = cached
        } else {
            catalog = try rebuild(cachePath, sources)
        }
        markUsed(cachePath)
        removeUnused(in: folder, now: time(nil))
        return catalog
    }

    /// The cache at `path` if it holds an import of exactly these files, unchanged, and is sound; `nil` otherwise.
    static func reuse(_ path: String, _ sources: [WorldFiles.Source]) -> SQLiteWorldCatalog? {
        guard let catalog = try? SQLiteWorldCatalog(readingOnly: path),
            (try? catalog.database.integerPragma("user_version")) == formatVersion,
            isStampedSound(path) || (try? isSound(catalog.database)) == true,
            let recorded = try? recordedSources(catalog.database),
            recorded.map(\.path) == sources.map(\.path)
        else { return nil }
        let changed = sources.indices.filter { recorded[$0].identity != sources[$0].identity }
        if changed.isEmpty { return catalog }
        for index in changed {
            guard let hash = try? WorldFiles.contentHash(sources[index].path), hash == recorded[index].contentHash
            else { return nil }
        }
        // The same bytes under a new identity: remember it, so the next start reads nothing.
        guard let writable = try? Database(path: path, mode: .readWrite),
            (try? record(sources, with: recorded.map(\.contentHash), in: writable)) != nil
        else { return catalog }
        return catalog
    }

    /// Whether `database` passes SQLite's `quick_check`: every page and b-tree well formed. It reads
    /// the whole file (a quarter of a second for 400,000 records), so only a cache someone else wrote is checked.
    private static func isSound(_ database: Database) throws(StorageError) -> Bool {
        let check = try database.prepare("PRAGMA quick_check(1)")
        return try check.step() && check.string(at: 0) == "ok"
    }

    /// Imports the files into a new database beside `path` and renames it into place.
    static func rebuild(_ path: String, _ sources: [WorldFiles.Source]) throws(WorldFiles.Failure) -> SQLiteWorldCatalog
    {
        let temporary = path + ".import-\(getpid())"
        unlink(temporary)
        do {
            // The reading thread and the writing thread take turns with it (PipelinedWorldWriter).
            let database = try Database(path: temporary, mode: .create, oneThreadAtATime: true)
            // A cache is rebuilt, not repaired: no journal, no syncing while importing; the rename publishes it
            // whole. A 16 MiB page cache is enough for rows written in key order, and it also bounds each of
            // the sorter's runs (two threads sort them), keeping the import's memory below a big file's size.
            try database.execute(
                """
                PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -16384; PRAGMA threads = 2;
                PRAGMA user_version = \(formatVersion)
                """)
            let hashes = try database.transaction { () throws(WorldFiles.Failure) -> [String?] in
                try Self.importFiles(sources.map(\.path), into: database)
            }
            try record(sources, with: hashes, in: database)
        } catch {
            unlink(temporary)
            throw failure(error)
        }
        guard rename(temporary, path) == 0 else {
            let problem = SystemError.current
            unlink(temporary)
            throw WorldFiles.Failure("cannot write the world cache \(WorldFiles.shown(path)): \(problem)")
        }
        do {
            return try SQLiteWorldCatalog(readingOnly: path)
        } catch {
            throw WorldFiles.Failure("cannot read the world cache: \(error.message)")
        }
    }

    /// Imports `paths` into an in-memory database (when there is no cache folder).
    static func importInMemory(_ paths: [String]) throws(WorldFiles.Failure) -> SQLiteWorldCatalog {
        do {
            let database = try Database(path: ":memory:", mode: .create)
            _ = try database.transaction { () throws(WorldFiles.Failure) -> [String?] in
                try importFiles(paths, into: database)
            }
            return SQLiteWorldCatalog(database: database)
        } catch {
            throw failure(error)
        }
    }

    /// `error` as a world file failure: one already is; a database error is about the cache.
    private static func failure(_ error: any Error) -> WorldFiles.Failure {
        if let failure = error as? WorldFiles.Failure { return failure }
        return WorldFiles.Failure("cannot write the world cache: \((error as? StorageError)?.message ?? "\(error)")")
    }

    /// Streams every file into `database`'s world tables; returns each file's content hash.
    private static func importFiles(_ paths: [String], into database: Database) throws(WorldFiles.Failure) -> [String?]
    {
        let writer: WorldWriter
        do {
            writer = try WorldWriter(into: database)
        } catch {
            throw WorldFiles.Failure("cannot write the world cache: \(error.message)")
        }
        // Reading on this thread, inserting on another (two cores: about a third faster).
        let pipeline = PipelinedWorldWriter(into: writer)
        defer { pipeline.stop() }
        var hashes: [String?] = []
        for path in paths {
            let read = Result { () throws(WorldFiles.Failure) in try WorldFiles.read(path, into: pipeline) }
            do {
                try pipeline.drain()  // a record the writer refused comes before a reading error after it
            } catch {
                let failure = WorldFiles.Failure("world file \(WorldFiles.shown(path)): \(error.message)")
                throw located(writer, in: Array(paths[...hashes.count]), otherwise: failure)
            }
            hashes.append(try read.get())
        }
        do {
            try writer.finish()
        } catch {
            let names = paths.map(WorldFiles.shown).joined(separator: ", ")
            let failure = WorldFiles.Failure("world file\(paths.count > 1 ? "s" : "") \(names): \(error.message)")
            throw located(writer, in: paths, otherwise: failure)
        }
        return hashes
    }

    /// `failure`, or for a key `writer` found twice, the failure naming where in `paths` it is (read again
    /// only now: the import keeps no lines).
    private static func located(_ writer: WorldWriter, in paths: [String], otherwise failure: WorldFiles.Failure)
        -> WorldFiles.Failure
    {
        guard let (kind, key) = writer.duplicate else { return failure }
        return WorldFiles.duplicateFailure(kind, key: key, in: paths, otherwise: failure)
    }

    private static func recordedSources(_ database: Database) throws(StorageError) -> [WorldFiles.Source] {
        let statement = try database.prepare("SELECT path, identity, content_hash FROM world_sources ORDER BY position")
        var sources: [WorldFiles.Source] = []
        while try statement.step() {
            let identity = (statement.string(at: 1) ?? "").split(separator: " ").compactMap { Int($0) }
            sources.append(
                WorldFiles.Source(
                    path: statement.string(at: 0) ?? "", identity: identity, contentHash: statement.string(at: 2)))
        }
        return sources
    }

    private static func record(_ sources: [WorldFiles.Source], with hashes: [String?], in database: Database)
        throws(StorageError)
    {
        try database.execute(
            """
            CREATE TABLE IF NOT EXISTS world_sources (
                position INTEGER PRIMARY KEY, path TEXT NOT NULL, identity TEXT NOT NULL, content_hash TEXT);
            DELETE FROM world_sources;
            """)
        let insert = try database.prepare(
            "INSERT INTO world_sources (position, path, identity, content_hash) VALUES (?1, ?2, ?3, ?4)")
        for (position, source) in sources.enumerated() {
            try insert.bind(position, at: 1)
            try insert.bind(source.path, at: 2)
            try insert.bind(source.identity.map(String.init).joined(separator: " "), at: 3)
            try insert.bind(hashes[position], at: 4)
            try insert.step()
            insert.reset()
        }
    }

    /// Creates `folder` and its parents (0700) unless they exist; `false` when it cannot be used.
    private static func makeFolder(_ folder: String) -> Bool {
        var path = ""
        for part in folder.split(separator: "/") {
            path += "/" + part
            if mkdir(path, 0o700) != 0 && errno != EEXIST { return false }
        }
        var status = stat()
        return lstat(folder, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR && status.st_uid == getuid()
    }

    private static func absolutePath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let folder = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: folder, as: UTF8.self) + "/" + path
    }
}
