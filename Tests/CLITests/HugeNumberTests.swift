import Foundation
import Testing

/// Numbers at the edge of a 64-bit integer from the command line and from a configuration:
/// each is used (a limit no run reaches) or refused with a message, never a crash.
@Suite struct HugeNumberTests {
    static let largest = "9223372036854775807"
    static let exampleJobs = CLI.root.appendingPathComponent("examples/jobs").path
    static let profile = CLI.root.appendingPathComponent("examples/strong-profile.yaml").path

    @Test func largestCountsOnTheCommandLineAreLimitsNotCrashes() throws {
        let runs: [[String]] = [
            ["suggest", Self.profile, "--corpus", Self.exampleJobs, "--no-cache", "--limit", Self.largest],
            ["suggest", Self.profile, "--corpus", Self.exampleJobs, "--no-cache", "--show-posts", Self.largest],
            ["suggest", Self.profile, "--corpus", Self.exampleJobs, "--no-cache", "--format", "json", "--fit-posts", Self.largest],
            ["lint", "clean.yaml", "--jobs", Self.largest, "--max-warnings", Self.largest],
        ]
        for arguments in runs {
            let output = try CLI.run(arguments, environment: CLI.environment(defaultRules: true))
            #expect(output.status == 0 || output.status == 1, "\(arguments): status \(output.status)\n\(output.stderr)")
            #expect(!output.stdout.isEmpty, "\(arguments)")
        }
    }

    @Test func aCorpusFileLimitPastWhatBytesHoldIsAUsageError() throws {
        let output = try CLI.run(["lint", "clean.yaml", "--corpus", Self.exampleJobs, "--corpus-max-file-mb", Self.largest])
        #expect(output.status == 2)
        #expect(output.stderr.contains("--corpus-max-file-mb must be between 1 and 512"), "\(output.stderr)")
        // Past 512 MiB one post could outgrow the 32-bit lengths the ICU bridges take.
        let past = try CLI.run(["lint", "clean.yaml", "--corpus", Self.exampleJobs, "--corpus-max-file-mb", "513"])
        #expect(past.status == 2)
        #expect(past.stderr.contains("--corpus-max-file-mb must be between 1 and 512"), "\(past.stderr)")
    }

    @Test func aPhoneDigitCountPastAnyPhoneNumberIsALocatedError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("huge-numbers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("rules:\n  contact-info: {min_phone_digits: \(Self.largest)}\n".utf8)
            .write(to: directory.appendingPathComponent(".profilelint.yml"))
        try Data("title: Data Analyst\n".utf8).write(to: directory.appendingPathComponent("profile.yaml"))
        let output = try CLI.run(["lint", "profile.yaml"], in: directory, environment: CLI.environment(defaultRules: true))
        #expect(output.status == 2)
        #expect(output.stderr.contains(".profilelint.yml:2:36: error: 'min_phone_digits' must be between 5 and 30"), "\(output.stderr)")
    }
}
