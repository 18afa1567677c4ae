import SystemIO

/// The private file a new state file is built in beside its name (`FILE.omnipanel-XXXXXX`) before it is
/// linked into place, and the sweep of those a killed omnipanel left behind.
///
/// The builder holds an `flock` on its temporary until it is placed, so a sweep tells a file being
/// built (locked) from one left by a kill (unlocked), whatever the file's age.
struct StateTemporary {
    /// The temporary's path.
    let path: String
    /// Open on the temporary, holding its `flock` until ``release()``.
    private let lock: FileDescriptor

    /// What comes between the state file's name and `mkstemp`'s six characters: a name no one else's file has.
    static let infix = ".omnipanel-"

    /// How long (seconds since its last change) an unlocked temporary is left alone before a sweep
    /// removes it: the moment between `mkstemp` and the builder's `flock`, with a wide margin.
    static let abandonedAfter = 60

    /// Creates a new private file beside `state` (mode 0600 or stricter by the umask) that no one else
    /// can have planted, and locks it.
    init(beside state: String) throws(StateFileError) {
        var template = Array((state + Self.infix + "XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw StateFileError(state, .unwritable("cannot create a file beside it: \(StatePath.lastError)"))
        }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        lock = FileDescriptor(descriptor)
        flock(descriptor, LOCK_EX)
    }

    /// Gives up the lock (once the temporary has been placed or removed).
    func release() { try? lock.close() }

    /// Removes, beside the state file `state`, the temporaries (and SQLite's files of them) a killed
    /// omnipanel left: names of the form `FILE.omnipanel-XXXXXX`, regular files of ours with one name,
    /// unchanged for ``abandonedAfter`` seconds and not locked by an omnipanel building them. Best
    /// effort: anything that cannot be examined is left as it is.
    static func sweep(beside state: String) {
        let (folder, name) = PrivateFile.split(state)
        guard let directory = opendir(folder) else { return }
        var names: [String] = []
        while let entry = readdir(directory) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if entryName.hasPrefix(name + infix) { names.append(entryName) }
        }
        closedir(directory)
        let prefixLength = name.utf8.count + infix.utf8.count
        let temporaries = names.filter { $0.utf8.count == prefixLength + 6 }
        for temporary in temporaries { removeIfAbandoned(folder + "/" + temporary, lockedByBuilder: true) }
        // SQLite's files of a temporary whose database is gone (removed now, or placed).
        for companion in names where !temporaries.contains(companion) {
            let base = String(companion.dropLast(companion.utf8.count - prefixLength - 6))
            guard StatePath.companionSuffixes.contains(String(companion.dropFirst(prefixLength + 6))),
                access(folder + "/" + base, F_OK) != 0
            else { continue }
            removeIfAbandoned(folder + "/" + companion, lockedByBuilder: false)
        }
    }

    /// Removes `path` if it is a regular file of ours with one name, old enough, and (when a builder
    /// locks it) not locked.
    private static func removeIfAbandoned(_ path: String, lockedByBuilder: Bool) {
        guard let descriptor = try? PrivateFile.open(path, for: .reading) else { return }
        defer { try? descriptor.close() }
        var status = stat()
        guard fstat(descriptor.rawValue, &status) == 0, status.st_nlink == 1,
            time(nil) - status.st_mtim.tv_sec >= abandonedAfter,
            !lockedByBuilder || flock(descriptor.rawValue, LOCK_EX | LOCK_NB) == 0
        else { return }
        unlink(path)
    }
}
