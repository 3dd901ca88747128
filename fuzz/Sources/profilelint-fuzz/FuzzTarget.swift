import Foundation
import ProfileLint

/// One kind of untrusted input profilelint reads, and what the fuzzer does with a test input
/// of that kind: the whole path a real run takes (load, check, report), so a crash, trap or
/// hang anywhere along it is found, not only in the parser.
enum FuzzTarget: String, CaseIterable, Sendable {
    case profileYAML = "profile-yaml"
    case profileJSON = "profile-json"
    case rules
    case config
    case baseline
    case corpusCSV = "corpus-csv"
    case corpusJSON = "corpus-json"
    case corpusJSONL = "corpus-jsonl"
    case corpusMarkdown = "corpus-markdown"
    case corpusCache = "corpus-cache"
    case lsp
    /// Checks the driver itself (not a campaign target): an input starting with `crash`
    /// traps, one starting with `hang` never ends.
    case harnessCheck = "harness-check"

    /// The targets a campaign runs.
    static let campaignTargets = allCases.filter { $0 != .harnessCheck }

    /// Runs one input. Every outcome but a crash or a hang is fine: errors are what bad
    /// input should get.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .profileYAML: FileTargets.profile(bytes, path: "fuzz/profile.yaml")
        case .profileJSON: FileTargets.profile(bytes, path: "fuzz/profile.json")
        case .rules: FileTargets.ruleFile(bytes)
        case .config: FileTargets.configuration(bytes)
        case .baseline: FileTargets.baseline(bytes)
        case .corpusCSV: CorpusTarget.run(bytes, path: "fuzz/posts.csv")
        case .corpusJSON: CorpusTarget.run(bytes, path: "fuzz/posts.json")
        case .corpusJSONL: CorpusTarget.run(bytes, path: "fuzz/posts.jsonl")
        case .corpusMarkdown: CorpusTarget.run(bytes, path: Self.markdownPath(bytes))
        case .corpusCache: CacheTarget.run(bytes)
        case .lsp: LSPTarget.run(bytes)
        case .harnessCheck: Self.checkHarness(bytes)
        }
    }

    /// Markdown and plain text share a reader; the input's length picks the extension, so
    /// both names are exercised.
    private static func checkHarness(_ bytes: [UInt8]) {
        if bytes.starts(with: Array("crash".utf8)) { fatalError("harness-check: crashing as asked") }
        while bytes.starts(with: Array("hang".utf8)) { Thread.sleep(forTimeInterval: 1) }
    }

    private static func markdownPath(_ bytes: [UInt8]) -> String {
        bytes.count.isMultiple(of: 2) ? "fuzz/posts.md" : "fuzz/posts.txt"
    }
}
