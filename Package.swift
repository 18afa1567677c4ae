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

        // libedit, through a tiny C shim for its variadic calls.
        .systemLibrary(
            name: "CLibEdit",
            path: "Sources/CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "CEditLine", dependencies: ["CLibEdit"]),
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
