import ArgumentParser
import Foundation
import ProfileLint
import Testing
@testable import profilelint

/// `LintCommand.plain` reads a plain lint invocation into the same values as argument-parser
/// (every property, the option groups' included), and leaves everything else to it.
@Suite struct PlainLintArgumentsTests {
    /// Every value of a parsed command, as its property wrappers describe them.
    static func values(_ command: LintCommand) -> String {
        "\(command) rules: \(command.ruleOptions) corpus: \(command.corpusOptions)"
    }

    @Test(arguments: [
        [], ["examples/"], ["few-skills.yaml", "clean.yaml"], ["examples/", "--corpus", "examples/jobs"],
        ["--corpus", "jobs.csv", "a.yaml", "--corpus", "more-jobs", "b.json"], ["a.yaml", "--corpus", "jobs"],
        ["rules"], ["lint"], ["x=y"], ["some dir/with space.yaml"], ["--corpus", "jobs"],
    ])
    func readsAPlainInvocationAsArgumentParserDoes(_ arguments: [String]) throws {
        let plain = try #require(LintCommand.plain(arguments))
        let parsed = try LintCommand.parse(arguments)
        #expect(Self.values(plain) == Self.values(parsed))
        #expect(plain.files == parsed.files && plain.corpusOptions.paths == parsed.corpusOptions.paths)
    }

    /// The comparison sees the values: a default left out or changed would show.
    @Test func theComparedDescriptionHoldsEveryValue() throws {
        let described = Self.values(try #require(LintCommand.plain(["a.yaml", "--corpus", "jobs"])))
        for value in ["a.yaml", "jobs", "text", "error", "auto", "\(FitReport.defaultPostLimit)", "\(CorpusOptions.defaultMaxFileMiB)"] {
            #expect(described.contains(value), "\(value) in \(described)")
        }
        #expect(!described.contains("definition"))
    }

    @Test(arguments: [
        ["--format", "json", "a.yaml"], ["a.yaml", "--no-cache"], ["-"], ["--", "a.yaml"], ["--corpus"],
        ["--corpus", "--format"], ["--corpus", "-x"], ["--corpus=jobs", "a.yaml"], ["help"], ["a.yaml", "help"], [""],
        ["-q", "a.yaml"], ["--help"], ["--version"], ["a.yaml", "--bogus"]
    ])
    func leavesEverythingElseToArgumentParser(_ arguments: [String]) {
        #expect(LintCommand.plain(arguments) == nil)
    }

    /// A validation error (a profile given as the corpus) is argument-parser's to report.
    @Test func leavesAValidationErrorToArgumentParser() {
        let profile = CLI.root.appendingPathComponent("examples/strong-profile.yaml").path
        #expect(LintCommand.plain(["a.yaml", "--corpus", profile]) == nil)
        #expect(throws: (any Error).self) { try LintCommand.parse(["a.yaml", "--corpus", profile]) }
    }
}
