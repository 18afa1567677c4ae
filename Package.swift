// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "omnipanel",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "omnipanel", targets: ["omnipanel"]),
        .library(name: "SessionPanel", targets: ["SessionPanel"]),
    ],
    targets: [
        // The pure core: model, command table, parser, session manager, renderers.
        .target(name: "SessionPanel"),

        // The program's own command line, pure: the table of options and subcommands, the parser,
        // help, and shell completion (scripts and candidates).
        .target(name: "CommandLineInterface", dependencies: ["SessionPanel"]),

        // libedit, through a tiny C shim for its variadic calls.
        .systemLibrary(
            name: "CLibEdit",
            path: "Sources/CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "CEditLine", dependencies: ["CLibEdit"]),
        .target(name: "LineEditor", dependencies: ["CEditLine"]),

        // The thin executable: the REPL loop, script running, files.
        .executableTarget(
            name: "omnipanel",
            dependencies: [
                "SessionPanel",
                "CommandLineInterface",
                "LineEditor",
            ]
        ),

        .testTarget(name: "SessionPanelTests", dependencies: ["SessionPanel"]),
        .testTarget(name: "CommandLineInterfaceTests", dependencies: ["CommandLineInterface"]),
        .testTarget(name: "OmnipanelTests", dependencies: ["omnipanel"]),
    ],
    swiftLanguageModes: [.v6]
)
