import ProfileLint

/// A damaged corpus cache file, opened as a warm lint opens one and read by the corpus rules
/// and the insights on the sample profile. The input is XORed into the sections of a valid
/// cache file from its first bytes' offset on (the header is kept: a damaged header is refused
/// before anything else is read, which the cache tests cover), so the sections' ids, offsets,
/// counts and strings take any value; whatever they hold must be read in bounds.
enum CacheTarget {
    static let key = "fuzz"

    /// A small made-up corpus of mobile and web posts (enough to fit the sample profile).
    static let valid: [UInt8] = {
        let kinds = [("iOS habit app in SwiftUI", "Swift|SwiftUI|iOS", "mobile"), ("Android tracker in Kotlin", "Kotlin|Android", "mobile"),
                     ("Flutter shop app", "Flutter|Dart", "mobile"), ("React sales dashboard", "React|TypeScript", "web")]
        var csv = "id,title,description,skills,category,hourly_min,hourly_max,url\n"
        for index in 0..<24 {
            let kind = kinds[index % kinds.count]
            csv += "p\(index),\(kind.0) \(index),\"We need a \(kind.0) with reminders, sync and a store release, part \(index).\","
                + "\(kind.1),\(kind.2),\(20 + index),60,https://example.com/p\(index)\n"
        }
        do {
            let loaded = CorpusLoader.load([CorpusFile(path: "fuzz/posts.csv", bytes: Array(csv.utf8))], mapper: try PostFieldMapper(),
                                           workers: 1)
            if let bytes = CorpusCache.encode(CorpusStats.build(loaded, workers: 1), key: key) { return bytes }
        } catch {}
        fatalError("the fuzz corpus cannot be cached")
    }()

    static func run(_ bytes: [UInt8]) {
        guard let cached = CorpusCache.open(bytes: damaged(by: bytes), key: key) else { return }
        let rules = SharedPipeline.builtInSession.ruleSet
        let corpus = Corpus(stats: cached.stats, bm25: cached.bm25, fromCache: true)
        let result = Linter(ruleSet: rules, corpus: corpus).lint(SharedPipeline.sampleProfile, insights: true)
        _ = HTMLReporter(options: ReportOptions()).report([result], rules: rules)
    }

    /// `valid` with `patch` XORed in after the header, from the offset its first two bytes give.
    static func damaged(by patch: [UInt8]) -> [UInt8] {
        var file = valid
        let header = CorpusCache.headerBytes(key: key)
        let body = file.count - header
        guard patch.count > 2, body > 0 else { return file }
        let start = Int(patch[0]) << 8 | Int(patch[1])
        for (index, byte) in patch.dropFirst(2).enumerated() { file[header + (start + index) % body] ^= byte }
        return file
    }
}
