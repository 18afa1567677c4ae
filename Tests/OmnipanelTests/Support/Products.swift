import Foundation

/// Where the package and its built products are, for tests that run the real `omnipanel`.
enum Products {
    /// The package's root directory (it holds `Package.swift`).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The directory the test bundle was built into, which also holds the `omnipanel` executable:
    /// `$OMNIPANEL_PRODUCTS` when set, else the test runner's own directory, else `.build/debug`.
    static let directory: URL = {
        if let override = ProcessInfo.processInfo.environment["OMNIPANEL_PRODUCTS"] {
            return URL(fileURLWithPath: override)
        }
        let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = runner.deletingLastPathComponent()
        // On Darwin the runner sits inside `<products>/<name>.xctest/Contents/MacOS`.
        while directory.path != "/", !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("omnipanel").path) {
            directory.deleteLastPathComponent()
        }
        return directory.path == "/" ? packageRoot.appendingPathComponent(".build/debug") : directory
    }()

    /// The built `omnipanel` executable.
    static var omnipanel: URL { directory.appendingPathComponent("omnipanel") }
}

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
