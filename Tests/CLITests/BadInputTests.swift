import Foundation
import Testing

/// What a newcomer meets with bad input: each case exits 1 (a finding in a profile) or 2
/// (usage, unreadable path) with a clear, located message, never a crash or a silent skip.
@Suite struct BadInputTests {
    /// A scratch directory holding `files`, removed by `remove()`.
    struct Scratch {
        let url: URL

        init(_ files: [String: [UInt8]]) throws {
            url = try CLI.temporaryDirectory()
            for (name, bytes) in files { try Data(bytes).write(to: url.appendingPathComponent(name)) }
        }

        func remove() { try? FileManager.default.removeItem(at: url) }
    }

    @Test func aCommentCannotHideASyntaxError() throws {
        let scratch = try Scratch(["p.yaml": Array("# profilelint-disable parse-error\ntitle: [Data\n".utf8)])
        defer { scratch.remove() }
        let output = try CLI.run(["lint", "p.yaml"], in: scratch.url)
        #expect(output.status == 1)
        #expect(output.stdout.contains("p.yaml:") && output.stdout.contains("[parse-error]"), "\(output.stdout)")
    }

    @Test func brokenProfilesAreLocatedFindingsThatExitOne() throws {
        let scratch = try Scratch([
            "empty.yaml": [],
            "binary.yaml": [0x00, 0x92, 0xFF, 0x10, 0x80, 0x01],
            "program.yaml": Array("\u{7F}ELF".utf8) + [0x02, 0x01, 0x01, 0x00, 0x00, 0x00] + Array("text".utf8),
            "list.yaml": Array("- title: a\n- title: b\n".utf8),
            "latin1.yaml": Array("title: caf".utf8) + [0xE9] + Array(" owner\n".utf8),
            "huge.yaml": Array(("title: Big\noverview: |\n" + String(repeating: "  a line of overview text\n", count: 45_000)).utf8),
        ])
        defer { scratch.remove() }
        let expected = [
            "empty.yaml": "empty.yaml:1:1: error: the file is empty",
            "binary.yaml": "binary.yaml:1:1: error: the file is binary (it holds NUL bytes), not YAML or JSON text",
            "program.yaml": "program.yaml:1:8: error: the file is binary (it holds NUL bytes), not YAML or JSON text",
            "list.yaml": "list.yaml:1:1: error: a profile must be a map of fields, not a list [invalid-type]",
            "latin1.yaml": "latin1.yaml:1:11: error: invalid UTF-8",
            "huge.yaml": "huge.yaml:1:1: error: the file is 1.1 MiB; the limit is 1 MiB",
        ]
        for (name, message) in expected {
            let output = try CLI.run(["lint", name], in: scratch.url)
            #expect(output.status == 1, "\(name)")
            #expect(output.stdout.hasPrefix(message), "\(name): \(output.stdout)")
        }
    }

    /// A profile given as `--corpus` (to lint or suggest) is a usage error naming the keys that
    /// tell; a one-post YAML corpus and a list of freelancer profiles are still corpora.
    @Test func aProfileGivenAsTheCorpusIsAUsageError() throws {
        let profile = "title: Data Analyst\noverview: I build dashboards.\nhourly_rate: 40\nskills: [SQL]\n"
        let scratch = try Scratch([
            "me.yaml": Array(profile.utf8),
            "post.yaml": Array("title: SQL analyst\ndescription: Build our reports.\nskills: [SQL]\nhourly_rate: 30\n".utf8),
            "freelancers.yaml": Array(("- " + profile.split(separator: "\n").joined(separator: "\n  ") + "\n").utf8),
        ])
        defer { scratch.remove() }
        for command in ["lint", "suggest"] {
            let output = try CLI.run([command, "me.yaml", "--corpus", "me.yaml"], in: scratch.url)
            #expect(output.status == 2 && output.stdout.isEmpty, "\(command)")
            #expect(output.stderr.hasPrefix("profilelint: error: --corpus 'me.yaml' is a profile (it has 'overview', 'hourly_rate'), not job posts; "
                + "give the profile as the file to check"), "\(command): \(output.stderr)")
        }
        for corpus in ["post.yaml", "freelancers.yaml"] {
            let output = try CLI.run(["lint", "me.yaml", "--corpus", corpus, "--no-cache"], in: scratch.url)
            #expect(output.status == 0 || output.status == 1, "\(corpus): \(output.stderr)")
            #expect(!output.stderr.contains("is a profile"), "\(corpus)")
        }
    }

    @Test func negativeNumbersReachValidationInsteadOfReadingAsOptions() throws {
        let cases: [([String], String)] = [
            (["lint", "--max-warnings", "-1", "clean.yaml"], "profilelint: error: --max-warnings must be 0 or more\n"),
            (["lint", "--jobs", "-2", "clean.yaml"], "profilelint: error: --jobs must be 1 or more\n"),
            (["suggest", "--limit", "-3", "clean.yaml"], "profilelint: error: --limit must be at least 1\n"),
        ]
        for (arguments, message) in cases {
            let output = try CLI.run(arguments)
            #expect(output.status == 2, "\(arguments)")
            #expect(output.stderr.hasPrefix(message), "\(arguments): \(output.stderr)")
        }
    }

    @Test func aMistypedCommandNamesTheCommands() throws {
        let output = try CLI.run(["lnit"])
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("profilelint: error: 'lnit' does not exist and is not a command (lint, rules, explain, suggest"))
        let path = try CLI.run(["missing/profile.yaml"])
        #expect(path.stderr == "profilelint: error: 'missing/profile.yaml' does not exist\n")
    }

    @Test func anUnwritableOutputSaysWhy() throws {
        let underAFile = try CLI.run(["lint", "clean.yaml", "--output", "clean.yaml/report.txt"])
        #expect(underAFile.status == 2)
        #expect(underAFile.stderr == "profilelint: error: cannot write 'clean.yaml/report.txt': 'clean.yaml' is not a directory\n")
        let scratch = try Scratch([:])
        defer { scratch.remove() }
        let readOnly = scratch.url.appendingPathComponent("report.txt").path
        try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: false)
        let ontoADirectory = try CLI.run(["lint", "clean.yaml", "--output", readOnly])
        #expect(ontoADirectory.status == 2)
        #expect(ontoADirectory.stderr.hasPrefix("profilelint: error: cannot write '\(readOnly)': "))
    }

    @Test func suggestReportsMissingAndBrokenProfilesLikeLint() throws {
        let missing = try CLI.run(["suggest", "nope.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "profilelint: error: 'nope.yaml' does not exist\n")
        let scratch = try Scratch(["list.yaml": Array("- a\n".utf8)])
        defer { scratch.remove() }
        let broken = try CLI.run(["suggest", "list.yaml"], in: scratch.url)
        #expect(broken.status == 1)
        #expect(broken.stderr == "list.yaml:1:1: error: a profile must be a map of fields, not a list [invalid-type]\n")
    }

    @Test func aMissingConfigurationIsLocatedForEveryCommand() throws {
        for arguments in [["rules"], ["explain", "skills-min"], ["suggest", "clean.yaml"], ["lint", "clean.yaml"]] {
            let output = try CLI.run(arguments + ["--config", "nope.yml"])
            #expect(output.status == 2, "\(arguments)")
            #expect(output.stderr.hasPrefix("nope.yml:1:1: error: the configuration file does not exist"), "\(arguments): \(output.stderr)")
        }
        let examples = CLI.root.appendingPathComponent("examples").path
        let directory = try CLI.run(["rules", "--config", examples])
        #expect(directory.status == 2)
        #expect(directory.stderr.hasPrefix("\(examples):1:1: error: the configuration file is a directory, not a file"), "\(directory.stderr)")
    }

    @Test func aCorpusFileWithUnknownColumnsStopsEveryCommand() throws {
        let scratch = try Scratch(["posts.csv": Array("title,description\nReport builder,Weekly sales report\n".utf8),
                                   "export.csv": Array("foo,bar\n1,2\n3,4\n".utf8)])
        defer { scratch.remove() }
        let jobs = scratch.url.path
        let located = "\(jobs)/export.csv:1:1: error: no column is read as a post's title or description (columns: 'foo', 'bar')"
        for command in ["lint", "suggest"] {
            let output = try CLI.run([command, "clean.yaml", "--corpus", jobs, "--no-cache"])
            #expect(output.status == 2, "\(command)")
            #expect(output.stderr.hasPrefix(located), "\(command): \(output.stderr)")
            #expect(output.stderr.hasSuffix("profilelint: error: the job-post corpus '\(jobs)' has a file that cannot be read as job posts (see above)\n"), "\(command): \(output.stderr)")
        }
        let mapped = try CLI.run(["suggest", "clean.yaml", "--corpus", jobs, "--column", "title=foo", "--no-cache"])
        #expect(mapped.status == 0, "\(mapped.stderr)")
    }

    @Test func manyProblemsInOneCorpusFileAreCapped() throws {
        let rows = (1...30).map { "Report \($0),Weekly numbers \($0),negotiable" }
        let scratch = try Scratch(["jobs.csv": Array(("title,description,hourly_min\n" + rows.joined(separator: "\n") + "\n").utf8)])
        defer { scratch.remove() }
        let corpus = scratch.url.appendingPathComponent("jobs.csv").path
        let output = try CLI.run(["lint", "clean.yaml", "--corpus", corpus, "--no-cache"])
        let lines = output.stderr.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.contains("'hourly_min' is not a number: 'negotiable'; ignored") }.count == 20, "\(output.stderr)")
        #expect(lines.last == "\(corpus): warning: 10 more problems in this file not shown (the first 20 are above)", "\(output.stderr)")
    }

    @Test func aCorpusWithoutPostsIsNeverSilent() throws {
        let scratch = try Scratch(["header-only.csv": Array("id,title,description\n".utf8)])
        defer { scratch.remove() }
        let corpus = scratch.url.appendingPathComponent("header-only.csv").path
        let lint = try CLI.run(["lint", "clean.yaml", "--corpus", corpus, "--no-cache"])
        #expect(lint.status == 0)
        #expect(lint.stderr == "profilelint: warning: the job-post corpus '\(corpus)' holds no posts; the corpus rules have nothing to compare with\n")
        let suggest = try CLI.run(["suggest", "clean.yaml", "--corpus", corpus, "--no-cache"])
        #expect(suggest.status == 2)
        #expect(suggest.stderr == "profilelint: error: the job-post corpus '\(corpus)' holds no posts; nothing to suggest from\n")
    }
}

/// Oversized inputs are refused from their size before they are read: a sparse 3 GiB file
/// (no disk used) would otherwise take seconds and gigabytes of memory.
@Suite struct OversizedInputTests {
    /// A sparse file of `size` bytes at `url`.
    static func sparse(_ url: URL, size: UInt64) throws {
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: size)
        try handle.close()
    }

    @Test func aHugeProfileIsALocatedFindingThatExitsOne() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.sparse(directory.appendingPathComponent("huge.yaml"), size: 3 << 30)
        let output = try CLI.run(["lint", "huge.yaml"], in: directory)
        #expect(output.status == 1)
        #expect(output.stdout.hasPrefix("huge.yaml:1:1: error: the file is 3 GiB; the limit is 1 MiB"), "\(output.stdout)")
    }

    @Test func aProfileOnStandardInputIsReadOnlyToTheLimit() throws {
        let output = try CLI.run(["lint", "-"], input: Data(repeating: 0x23, count: (1 << 20) + 10))
        #expect(output.status == 1)
        #expect(output.stdout.hasPrefix("<stdin>:1:1: error: the input is larger than the limit of 1 MiB"), "\(output.stdout)")
    }

    @Test func aHugeCorpusFileExitsTwoNamingItAndItsSize() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("title: Data analyst\n".utf8).write(to: directory.appendingPathComponent("profile.yaml"))
        try Self.sparse(directory.appendingPathComponent("posts.csv"), size: 3 << 30)
        let output = try CLI.run(["lint", "--no-cache", "--corpus", "posts.csv", "profile.yaml"], in: directory)
        #expect(output.status == 2)
        #expect(output.stderr.contains("corpus file 'posts.csv' is too large: the file is 3 GiB; the limit is 256 MiB"), "\(output.stderr)")
        try Self.sparse(directory.appendingPathComponent("posts.csv"), size: (1 << 20) + 1)
        let lowered = try CLI.run(["lint", "--no-cache", "--corpus-max-file-mb", "1", "--corpus", "posts.csv", "profile.yaml"], in: directory)
        #expect(lowered.status == 2)
        #expect(lowered.stderr.contains("the file is 1,048,577 bytes; the limit is 1,048,576 bytes"), "\(lowered.stderr)")
        let refused = try CLI.run(["lint", "--corpus-max-file-mb", "0", "profile.yaml"], in: directory)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--corpus-max-file-mb must be between 1 and 512"), "\(refused.stderr)")
    }
}
