// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "omnipanel",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "omnipanel", targets: ["omnipanel"]),
        .library(name: "SessionPanel", targets: ["SessionPanel"]),
        .library(name: "JSONCoding", targets: ["JSONCoding"]),
    ],
    dependencies: [
        // The command line: options, subcommands, help, usage errors, shell completion scripts.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        // JSON, pure: a value tree, a strict parser with line and column errors, a Codable encoder and
        // decoder over it, the terminal-safe one-line writer and the state file's indented printer,
        // and the errors' wording. The core imports it `internal`ly: none of it is SessionPanel's API.
        .target(name: "JSONCoding", path: "Sources/JSON"),

        // The pure core: model, command table, parser, session manager, renderers.
        .target(name: "SessionPanel", dependencies: ["JSONCoding"]),

        // libedit, loaded with dlopen when the interactive prompt starts (scripts never map it),
        // through a C shim that also wraps its variadic calls. Building needs <histedit.h> (libedit-dev);
        // nothing links against libedit, so no systemLibrary target (its pkg-config adds -ledit).
        // The line editor knows nothing of sessions: its completer hands it a TabCompletion of its own.
        .target(name: "CEditLine"),
        .target(name: "LineEditor", dependencies: ["CEditLine", "SystemIO"]),

        // POSIX at the edges: the one platform import, read and write loops, private files created
        // safely (mkstemp, O_NOFOLLOW, 0600, regular files we own), descriptors 0–2 kept open.
        .target(name: "SystemIO"),

        // SQLite's C API from the system library (libsqlite3-dev), and the storage edge built on it:
        // a thin connection wrapper, the world's tables and the world catalog over them.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "Storage", dependencies: ["CSQLite", "JSONCoding", "SessionPanel", "SystemIO"]),

        // The thin executable: the command line (swift-argument-parser), the REPL loop, script running, files.
        .executableTarget(
            name: "omnipanel",
            dependencies: [
                "SessionPanel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                "LineEditor",
                "Storage",
                "SystemIO",
            ]
        ),

        .testTarget(name: "JSONCodingTests", dependencies: ["JSONCoding"]),
        .testTarget(name: "SessionPanelTests", dependencies: ["SessionPanel", "JSONCoding"]),
        .testTarget(
            name: "StorageTests", dependencies: ["Storage", "SessionPanel", "SystemIO", "CSQLite", "JSONCoding"]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
        // The executable's pure parts (command-line parsing, completion candidates), in process.
        .testTarget(name: "OmnipanelTests", dependencies: ["omnipanel", "TestSupport"]),
        // End to end: the built binary as a child process, in a real terminal (tmux) and real shells.
        // Slow; the fast loop skips them: `swift test --skip EndToEndTests`.
        .testTarget(name: "EndToEndTests", dependencies: ["omnipanel", "Storage", "JSONCoding", "TestSupport"]),
        // What more than one test target needs: a fresh temporary directory.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SystemIOTests", dependencies: ["SystemIO"]),
    ],
    swiftLanguageModes: [.v6]
)
