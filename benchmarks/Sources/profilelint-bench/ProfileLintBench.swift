import ArgumentParser

/// The benchmark harness behind `benchmarks/run.sh`: each subcommand times one measurement
/// over a corpus several times and prints one JSON line with the seconds of every run.
@main
struct ProfileLintBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profilelint-bench",
        abstract: "Time profilelint's corpus analysis and the case-folding ceiling (used by benchmarks/run.sh).",
        subcommands: [AnalyzeBenchmark.self, CaseFoldBenchmark.self, CacheLoadBenchmark.self]
    )
}

/// Options shared by the subcommands.
struct BenchmarkOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Corpus files or directories.", valueName: "path"))
    var paths: [String]

    @Option(help: "How many times to repeat the measurement.")
    var runs = 5

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
    }
}
