// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "profilelint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "profilelint", targets: ["profilelint"]),
        .library(name: "ProfileLint", targets: ["ProfileLint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C shim over the system ICU; the only place that includes <unicode/*.h>.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        // Text layer: normalization, segmentation, stemming, n-grams, aliases.
        .target(name: "ProfileText", dependencies: ["CICU"]),
        // The library: sources, model, loaders, corpus, rules, diagnostics, reporters.
        .target(name: "ProfileLint", dependencies: ["ProfileText", .product(name: "Yams", package: "Yams")]),
        // Language Server Protocol front end.
        .target(name: "ProfileLintServer", dependencies: ["ProfileLint"]),
        // The thin command-line front end.
        .executableTarget(
            name: "profilelint",
            dependencies: [
                "ProfileLint", "ProfileLintServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmark harness (benchmarks/run.sh drives it; not part of the product).
        .executableTarget(
            name: "profilelint-bench",
            dependencies: ["ProfileLint", "ProfileText", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "benchmarks/Sources/profilelint-bench"
        ),
        .testTarget(name: "ProfileTextTests", dependencies: ["ProfileText"], exclude: ["oracles"]),
        .testTarget(name: "ProfileLintTests", dependencies: ["ProfileLint"]),
        .testTarget(name: "RuleExampleTests", dependencies: ["ProfileLint"]),
        .testTarget(name: "CLITests", dependencies: ["profilelint"]),
        .testTarget(name: "RealDataTests", dependencies: ["ProfileLint"]),
        .testTarget(name: "ProfileLintServerTests", dependencies: ["ProfileLintServer", "ProfileLint", "profilelint"]),
    ],
    swiftLanguageModes: [.v6]
)
