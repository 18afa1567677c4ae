import Foundation

/// Programs the tests run, found on `PATH`.
enum Tool {
    /// The full path of `name` on `PATH`, if it is installed.
    static func path(_ name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether `name` is installed.
    static func isInstalled(_ name: String) -> Bool { path(name) != nil }
}
