import Foundation
import Testing

/// The short fuzzing run of the test suite: every fuzz target runs its seeds, then a fixed
/// number of mutated inputs from a fixed seed (the same inputs on every run), in the debug
/// build of `profilelint-fuzz`. A crash, a trap or an input slower than the per-input
/// timeout fails the test and leaves the input in a temporary directory. The deep run is
/// `fuzz/run.sh` (release build, a time budget per target, the YAML test suite as seeds).
@Suite struct FuzzSmokeTests {
    static let fuzzer = CLI.executable("profilelint-fuzz")

    /// Inputs per target, seeds included: about 20 s of CPU in all on a debug build (the
    /// corpus targets build statistics and an HTML report per input, so they get fewer).
    static let runs: [String: Int] = [
        "profile-yaml": 300, "profile-json": 250, "rules": 500, "config": 150, "baseline": 300,
        "corpus-csv": 60, "corpus-json": 60, "corpus-jsonl": 60, "corpus-markdown": 60, "corpus-cache": 60, "lsp": 500,
    ]

    static func run(_ arguments: [String]) throws -> CLI.Output {
        try CLI.run(arguments, in: CLI.root, executable: fuzzer)
    }

    @Test func everyTargetHasARunBudget() throws {
        let listed = try Self.run(["--list"]).stdout.split(separator: "\n").map(String.init)
        #expect(listed.sorted() == Self.runs.keys.sorted())
    }

    @Test(arguments: runs.keys.sorted())
    func targetSurvivesItsMutatedSeeds(_ target: String) throws {
        let artifacts = try CLI.temporaryDirectory()
        let runs = try #require(Self.runs[target])
        let result = try Self.run([target, "--runs", "\(runs)", "--seed", "1", "--seeds", "fuzz/seeds/\(target)",
                                   "--timeout", "30", "--max-len", "4096", "--artifacts", artifacts.path])
        #expect(!result.signaled && result.status == 0, "\(target) failed; the input is in \(artifacts.path):\n\(result.stderr)")
        #expect(result.stdout.contains("\(target): \(runs) inputs"), "\(result.stdout)")
        if result.status == 0 { try? FileManager.default.removeItem(at: artifacts) }
    }

    /// The crash handler and the watchdog work: a trapping input kills the run and is saved,
    /// a hanging one stops it with status 3 and is saved.
    @Test func aCrashOrAHangFailsTheRunAndKeepsTheInput() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in [("crash", "crash here"), ("hang", "hang here")] {
            let seed = directory.appendingPathComponent("\(name).txt")
            try Data(text.utf8).write(to: seed)
            let result = try Self.run(["harness-check", "--runs", "5", "--seeds", seed.path, "--timeout", "1",
                                       "--artifacts", directory.path])
            let saved = directory.appendingPathComponent(name == "crash" ? "crash-harness-check" : "timeout-harness-check")
            #expect(FileManager.default.contents(atPath: saved.path) == Data(text.utf8), "\(result.stderr)")
            #expect(result.signaled == (name == "crash"), "\(result.stderr)")
            #expect(result.status == (name == "crash" ? SIGILL : 3) || name == "crash" && result.status == SIGTRAP, "\(result.stderr)")
        }
    }

    /// An input file is replayed as given; an unknown target is a usage error.
    @Test func replaysAnInputAndRefusesAnUnknownTarget() throws {
        let replay = try Self.run(["profile-yaml", "--replay", "fuzz/seeds/profile-yaml/deep.yaml"])
        #expect(replay.status == 0 && replay.stdout.contains("deep.yaml: no crash"), "\(replay.stderr)")
        let unknown = try Self.run(["no-such-target"])
        #expect(unknown.status == 2 && unknown.stderr.contains("the first argument must be a target"), "\(unknown.stderr)")
    }
}
