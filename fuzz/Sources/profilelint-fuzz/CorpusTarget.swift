import ProfileLint

/// One corpus file of job posts, read as `lint --corpus` reads it: parsed by the reader of
/// its extension, mapped to post fields, de-duplicated, turned into statistics, then used by
/// the corpus rules and the insights (rates, fit) on the sample profile, reported as HTML.
enum CorpusTarget {
    static func run(_ bytes: [UInt8], path: String) {
        let loaded = CorpusLoader.load([CorpusFile(path: path, bytes: bytes)], mapper: mapper, workers: 1)
        let stats = CorpusStats.build(loaded, workers: 1)
        let rules = SharedPipeline.builtInSession.ruleSet
        let result = Linter(ruleSet: rules, corpus: Corpus(stats: stats)).lint(SharedPipeline.sampleProfile, insights: true)
        _ = HTMLReporter(options: ReportOptions()).report([result], rules: rules)
        _ = TextReporter(options: ReportOptions(showSource: true)).report([result], rules: rules)
    }

    /// The default column names (a custom map is the configuration target's business).
    private static let mapper: PostFieldMapper = {
        do {
            return try PostFieldMapper()
        } catch {
            fatalError("the default column map is invalid: \(error)")
        }
    }()
}
