import ArgumentParser
import Foundation
import ProfileLint

/// `profilelint suggest PROFILE`: the skill tags, title wording and keywords the corpus suggests.
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Suggest skill tags, title wording and keywords from the job-post corpus.",
        discussion: "Without --corpus, uses the example corpus shipped with profilelint (examples/jobs).")

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The profile file (YAML or JSON).")
    var profile: String

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var corpusOptions: CorpusOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "At most this many suggestions per list.")
    var limit: Int = 10

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let ruleSet = try ruleOptions.loadRuleSet()
        var corpusPaths = corpusOptions.paths
        if corpusPaths.isEmpty {
            guard let embedded = DefaultRules.directory().map({
                (($0 as NSString).deletingLastPathComponent as NSString).appendingPathComponent("examples/jobs")
            }), FileManager.default.fileExists(atPath: embedded) else {
                throw CLIError("suggest needs a job-post corpus: pass --corpus PATH")
            }
            corpusPaths = [embedded]
        }
        guard let corpus = try corpusOptions.load(paths: corpusPaths, aliases: ruleSet.skillAliases) else {
            throw CLIError("suggest needs a job-post corpus: pass --corpus PATH")
        }
        let keywords = ruleSet.entries.lazy.compactMap { $0.check as? KeywordCoverageCheck }.first ?? KeywordCoverageCheck()
        guard let data = FileManager.default.contents(atPath: profile) else {
            throw CLIError("cannot read '\(profile)'")
        }
        let file = SourceFile(path: profile, bytes: Array(data))
        let outcome = ProfileLoader.load(file)
        guard let loaded = outcome.profile else {
            for diagnostic in outcome.diagnostics {
                let position = file.position(ofByte: diagnostic.range.lowerBound)
                StandardError.write("\(profile):\(position.line):\(position.column): \(diagnostic.severity.rawValue): \(diagnostic.message)")
            }
            throw ExitCode(1)
        }
        let suggestions = loaded.sections.map { Suggestions.make(for: $0, corpus: corpus, keywords: keywords, limit: limit) }
        switch format {
        case .text:
            print(suggestions.map(\.text).joined(separator: "\n"), terminator: "")
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let document = SuggestionsDocument(version: 1, profile: profile, sections: suggestions)
            print(String(decoding: try encoder.encode(document), as: UTF8.self))
        }
    }
}

/// The JSON output of `suggest` (schema version 1).
struct SuggestionsDocument: Encodable {
    var version: Int
    var profile: String
    var sections: [Suggestions]
}
