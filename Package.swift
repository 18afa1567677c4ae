// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "omnipanel",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "omnipanel", targets: ["omnipanel"]),
        .library(name: "SessionPanel", targets: ["SessionPanel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The pure core: model, command table, parser, session manager, renderers.
        .target(name: "SessionPanel"),

        // libedit, loaded with dlopen when the interactive prompt starts (scripts never map it),
        // through a C shim that also wraps its variadic calls. Building needs <histedit.h> (libedit-dev);
        // nothing links against libedit, so no systemLibrary target (its pkg-config adds -ledit).
        .target(name: "CEditLine"),
        .target(name: "LineEditor", dependencies: ["CEditLine"]),

        // The thin executable: argument parsing, the REPL loop, script running.
        .executableTarget(
            name: "omnipanel",
            dependencies: [
                "SessionPanel",
                "LineEditor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "SessionPanelTests", dependencies: ["SessionPanel"]),
        .testTarget(name: "OmnipanelTests", dependencies: ["omnipanel"]),
    ],
    swiftLanguageModes: [.v6]
)
