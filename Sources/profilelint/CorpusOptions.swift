import ArgumentParser
import Foundation
import ProfileLint

/// The job-post corpus options shared by `lint` and `suggest`.
struct CorpusOptions: ParsableArguments {
    @Option(name: .customLong("corpus"), help: ArgumentHelp("A job-post file or directory (repeatable).", valueName: "path"), completion: .file())
    var paths: [String] = []

    @Option(name: .customLong("column"),
            help: ArgumentHelp("Read a post field from another column, as FIELD=COLUMN (repeatable; like the config's column_map).",
                               valueName: "field=column"))
    var columns: [String] = []

    @Option(name: .customLong("corpus-max-file-mb"),
            help: ArgumentHelp("The largest corpus file read, in MiB (1 to 512); a larger one is an error.", valueName: "MiB"))
    var maxFileMiB: Int = Self.defaultMaxFileMiB

    @Flag(name: .customLong("no-cache"), help: "Do not read or write the cache (corpus statistics and lint results).")
    var noCache = false

    /// `--corpus-max-file-mb` when not given.
    static let defaultMaxFileMiB = CorpusFile.defaultMaxBytes >> 20

    /// The largest `--corpus-max-file-mb`: the ICU bridges pass text lengths as 32-bit
    /// integers and the normalizer's buffer is three times its input, so one post must stay
    /// well under 700 MB; 512 MiB keeps every post of an accepted file within that.
    static let maxFileMiBLimit = 512

    /// `--corpus-max-file-mb` in bytes; outside 1...512 is a usage error.
    func maxFileBytes() throws -> Int {
        guard maxFileMiB >= 1, maxFileMiB <= Self.maxFileMiBLimit else {
            throw ValidationError("--corpus-max-file-mb must be between 1 and \(Self.maxFileMiBLimit)")
        }
        return maxFileMiB << 20
    }

    /// A profile given as `--corpus` is a usage error (`CorpusProfileCheck`).
    func validate() throws {
        try CorpusProfileCheck.refuseProfiles(paths)
    }

    /// The `--column` pairs as a map; a malformed pair is a usage error.
    func columnMap() throws -> [String: String] {
        var map: [String: String] = [:]
        for pair in columns {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--column expects FIELD=COLUMN, got '\(pair)'")
            }
            map[parts[0]] = parts[1]
        }
        return map
    }

    /// Prints the problems of `session`'s corpus on standard error: skipped posts as located
    /// warnings, cache trouble as plain warnings, and (with `warnWhenEmpty`) a warning when it
    /// holds no post at all (the corpus rules then find nothing). Returns whether the corpus
    /// holds posts (nil: no corpus). Throws (exit 2) after printing them when a file could not
    /// be read as job posts at all: advice from the rest would silently leave it out.
    @discardableResult
    func reportProblems(of session: LintSession, warnWhenEmpty: Bool = true) throws(CLIError) -> Bool? {
        guard let corpus = session.linter.corpus else { return nil }
        Self.printIssues(corpus.issues)
        for warning in corpus.cacheWarnings { StandardError.write("profilelint: warning: \(warning)") }
        let unread = Set(corpus.issues.filter { $0.severity == .error }.map(\.location.path))
        if !unread.isEmpty {
            let files = unread.count == 1 ? "a file" : "\(unread.count) files"
            throw CLIError("the job-post corpus \(describedPaths(of: session)) has \(files) that cannot be read as job posts (see above)")
        }
        guard corpus.stats.postCount > 0 else {
            if warnWhenEmpty { StandardError.write("profilelint: warning: the job-post corpus \(describedPaths(of: session)) holds no posts; the corpus rules have nothing to compare with") }
            return false
        }
        return true
    }

    /// The most problems printed per corpus file: a scraped file with one bad column in every
    /// row would otherwise bury the output under thousands of the same warning.
    static let issuesShownPerFile = 20

    /// Prints `issues` (in file order), at most `issuesShownPerFile` of each file, then how many
    /// more that file has. Errors are always printed.
    static func printIssues(_ issues: [CorpusIssue]) {
        var shown: [String: Int] = [:]
        var hidden: [(path: String, count: Int)] = []
        for issue in issues {
            let path = issue.location.path
            if issue.severity == .error || shown[path, default: 0] < issuesShownPerFile {
                StandardError.write(issue.description)
                shown[path, default: 0] += 1
            } else if hidden.last?.path == path {
                hidden[hidden.count - 1].count += 1
            } else {
                hidden.append((path, 1))
            }
        }
        for (path, count) in hidden {
            StandardError.write("\(path): warning: \(count) more problem\(count == 1 ? "" : "s") in this file not shown (the first \(issuesShownPerFile) are above)")
        }
    }

    /// The corpus paths in force for `session`, quoted: `--corpus`, else the configuration's.
    func describedPaths(of session: LintSession) -> String {
        let written = paths.isEmpty ? (session.configuration?.corpus.map(\.written) ?? []) : paths
        return written.map { "'\($0)'" }.joined(separator: ", ")
    }
}
