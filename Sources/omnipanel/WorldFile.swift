import SessionPanel
import Storage
import SystemIO

/// The world that `--world FILE…` names, as a catalog: a small world (under ``largeWorldBytes`` in all)
/// is read into memory; a large one is imported once into the cache database (``WorldCache``) and
/// read from there, so the second start with it is instant.
enum WorldFile {
    /// From this size on (all files together), a world goes through the cache database.
    static let largeWorldBytes = 1 << 20

    /// The world in `paths` (JSON or CSV files), or the demo world when there are none.
    static func catalog(_ paths: [String]) throws(WorldFiles.Failure) -> any WorldCatalog {
        if paths.isEmpty { return World.demo }
        var total = 0
        for path in paths { total += try WorldFiles.source(path).identity[2] }
        guard total >= largeWorldBytes else { return try inMemory(paths) }
        let environment = ["XDG_CACHE_HOME", "HOME"].reduce(into: [String: String]()) { found, name in
            found[name] = getenv(name).map { String(cString: $0) }
        }
        return try WorldCache.catalog(for: paths, in: WorldCache.folder(environment: environment)) { warning in
            Diagnostics.emit(Diagnostic(warning, severity: .warning))
        }
    }

    /// Reads every file into one in-memory world, checking it after each file.
    private static func inMemory(_ paths: [String]) throws(WorldFiles.Failure) -> World {
        let collector = WorldCollector()
        for (index, path) in paths.enumerated() {
            try WorldFiles.read(path, into: collector)
            if let problem = collector.world.problems.first {
                // A key given twice is named with its place, the files read again to find it.
                throw WorldFiles.duplicateFailure(in: Array(paths[...index]))
                    ?? WorldFiles.Failure("world file \(VisibleText.escaped(path)): \(problem)")
            }
        }
        return collector.world
    }
}
