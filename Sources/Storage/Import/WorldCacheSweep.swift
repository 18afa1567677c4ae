import SystemIO

/// Removing world caches nobody uses any more, and only those.
///
/// A world's cache is named by its files' paths, so a world whose content changed is imported into a
/// new database that replaces the old one by `rename`: the old import is gone at once. What is left
/// are the caches of worlds no longer opened (moved, deleted, or given in another combination); each
/// use of a cache sets its modification time, and one not used for ``unusedDays`` days is removed the
/// next time a large world is opened. An import that never finished (a crash, a kill) leaves its
/// temporary file, removed once it is a day old.
///
/// Only our own files go: names of our making (`world-` + 16 hex digits + `.sqlite`, or that followed by
/// `.import-` + a process id), regular files (never a symbolic link, which is not followed either), owned
/// by this user, in the cache folder opened without following a link.
extension WorldCache {
    /// How long a cache may go unused before it is removed.
    public static let unusedDays = 30
    /// How long an unfinished import's temporary file is kept (no import takes this long).
    static let unfinishedImportSeconds = 24 * 60 * 60

    /// Removes from `folder` the caches unused for ``unusedDays`` days and the unfinished imports a day
    /// old, as of `now` (seconds since 1970); returns the names removed. Anything it cannot read or
    /// remove is left as it is.
    @discardableResult
    public static func removeUnused(in folder: String, now: Int) -> [String] {
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folderDescriptor >= 0 else { return [] }
        defer { close(folderDescriptor) }
        guard let directory = fdopendir(dup(folderDescriptor)) else { return [] }
        defer { closedir(directory) }
        var removed: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let kind = FileKind(name) else { continue }
            var status = stat()
            guard fstatat(folderDescriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0,
                status.st_mode & S_IFMT == S_IFREG, status.st_uid == geteuid()
            else { continue }
            let age = now - Int(status.st_mtim.tv_sec)
            let limit = kind == .cache ? unusedDays * 24 * 60 * 60 : unfinishedImportSeconds
            if age > limit && unlinkat(folderDescriptor, name, 0) == 0 { removed.append(name) }
        }
        return removed.sorted()
    }

    /// Marks the cache at `path` as used now (its modification time), without following a link, and as
    /// sound: the time's nanoseconds are ``soundStamp``.
    static func markUsed(_ path: String) {
        let now = timespec(tv_sec: time(nil), tv_nsec: soundStamp)
        _ = utimensat(AT_FDCWD, path, [now, now], AT_SYMLINK_NOFOLLOW)
    }

    /// The nanoseconds of a cache's modification time while no one but omnipanel has written it since
    /// it was built or checked (``markUsed(_:)``): any other write sets the time anew, and the cache is
    /// checked again (``WorldCache/reuse(_:_:)``). A multiple of 1,000, kept by file systems that store
    /// microseconds; one that keeps less has every cache checked each time, which is only slower.
    static let soundStamp = 271_828_000

    /// Whether the cache at `path` was last written by omnipanel (see ``soundStamp``).
    static func isStampedSound(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mtim.tv_nsec == soundStamp
    }

    /// The kinds of file of ours in the cache folder, told by their names.
    enum FileKind: Equatable {
        /// `world-0123456789abcdef.sqlite`
        case cache
        /// `world-0123456789abcdef.sqlite.import-4242`
        case unfinishedImport

        init?(_ name: String) {
            let bytes = Array(name.utf8)
            let prefix = Array("world-".utf8)
            let suffix = Array(".sqlite".utf8)
            let hashEnd = prefix.count + 16
            guard bytes.count >= hashEnd + suffix.count, bytes.starts(with: prefix),
                bytes[prefix.count..<hashEnd].allSatisfy(Self.isHexDigit),
                bytes[hashEnd...].starts(with: suffix)
            else { return nil }
            let rest = bytes[(hashEnd + suffix.count)...]
            if rest.isEmpty {
                self = .cache
                return
            }
            let marker = Array(".import-".utf8)
            let process = rest.dropFirst(marker.count)
            guard rest.starts(with: marker), !process.isEmpty, process.allSatisfy({ (0x30...0x39).contains($0) })
            else { return nil }
            self = .unfinishedImport
        }

        private static func isHexDigit(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte)
        }
    }
}
