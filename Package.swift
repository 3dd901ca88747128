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
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // C shim over the system ICU; the only place that includes <unicode/*.h>.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        // Text layer: normalization, segmentation, stemming, n-grams, aliases.
        .target(name: "ProfileText", dependencies: ["CICU"]),
        // Model layer: source files and positions, the node tree, the profile and its schema,
        // YAML/JSON loading, the core diagnostic types.
        .target(name: "ProfileModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Corpus layer: job posts, their readers, statistics, cache, BM25 and fit.
        .target(name: "ProfileCorpus", dependencies: ["CICU", "ProfileModel", "ProfileText"]),
        // Rules layer: rule files, parameters, check kinds, the linter, corpus suggestions.
        .target(name: "ProfileRules", dependencies: ["ProfileCorpus", "ProfileModel", "ProfileText"]),
        // Pipeline layer and library API: configuration, suppressions, baseline, fixes, the
        // session both front ends share, reporters. Re-exports the layers below.
        .target(
            name: "ProfileLint",
            dependencies: ["ProfileRules", "ProfileCorpus", "ProfileModel", "ProfileText"]
        ),
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
        // Writes the built-in rule pack (rule texts and their parsed trees) into
        // Sources/ProfileRules/BuiltInRules; scripts/generate-rule-pack runs it.
        .executableTarget(name: "generate-rule-pack", dependencies: ["ProfileModel"], path: "scripts/Sources/generate-rule-pack"),
        // Fuzzing driver (fuzz/run.sh drives it; not part of the product): a seeded mutation
        // driver, or a libFuzzer target when built with `-Xswiftc -sanitize=fuzzer -Xswiftc -DLIBFUZZER`.
        .executableTarget(
            name: "profilelint-fuzz",
            dependencies: ["ProfileLint", "ProfileLintServer", "ProfileText"],
            path: "fuzz/Sources/profilelint-fuzz"
        ),
        .testTarget(
            name: "ProfileTextTests",
            dependencies: ["ProfileText", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["oracles"]
        ),
        .testTarget(
            name: "ProfileLintTests",
            dependencies: ["ProfileLint", "ProfileRules", "ProfileCorpus", "ProfileModel",
                           .product(name: "PropertyBased", package: "swift-property-based"),
                           .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(name: "RuleExampleTests", dependencies: ["ProfileLint", "ProfileRules", "ProfileCorpus", "ProfileModel"]),
        .testTarget(name: "CLITests", dependencies: ["profilelint", "profilelint-fuzz"]),
        .testTarget(name: "RealDataTests", dependencies: ["ProfileLint", "ProfileRules", "ProfileCorpus", "ProfileModel", "ProfileText"]),
        .testTarget(name: "ProfileLintServerTests", dependencies: ["ProfileLintServer", "ProfileLint", "profilelint"]),
    ],
    swiftLanguageModes: [.v6]
)
