// swift-tools-version: 6.1
// Micro-benchmarks of the pure core (parse, apply, render, complete) at 10 to 10,000 sessions.
// A package of its own so that `swift build` and `swift test` at the root never build it.
// Run: cd Benchmarks && swift package benchmark
// Guard: scripts/bench-thresholds checks the core benchmarks' allocations against Thresholds/ (update: record them).
import PackageDescription

let package = Package(
    name: "omnipanel-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "omnipanel", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "CoreBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SessionPanel", package: "omnipanel"),
            ],
            path: "Benchmarks/CoreBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // omnipanel's JSON coder against FoundationEssentials' (issue 12: does it earn its place?).
        .executableTarget(
            name: "JSONBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SessionPanel", package: "omnipanel"),
                .product(name: "JSONCoding", package: "omnipanel"),
            ],
            path: "Benchmarks/JSONBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
