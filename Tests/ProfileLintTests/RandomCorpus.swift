@testable import ProfileCorpus

/// Small random corpora for property tests: posts made of a few words of a small vocabulary
/// (so words and phrases repeat across posts), a few tags each from a small set, a category
/// or none. Deterministic for a seed.
struct RandomCorpus {
    /// SplitMix64: a seeded generator, the same sequence on every platform.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Words, and phrases that make repeated bigrams and trigrams (and their fragments).
    static let words = ["dashboard", "report", "sales", "power", "data", "model", "flutter", "mobile", "screen",
                        "python", "script", "scraper", "design", "logo", "brand", "weekly", "client", "build",
                        "power bi", "power bi dashboard", "data model", "mobile app screen", "logo design", "web scraper"]
    static let tags = ["Power BI", "SQL", "Excel", "Flutter", "Dart", "Python", "Scrapy", "Logo Design", "Figma"]
    static let categories = ["data", "mobile", "design"]

    var generator: Generator

    init(seed: UInt64) {
        generator = Generator(state: seed)
    }

    /// A text of `count` words of the vocabulary.
    mutating func text(words count: ClosedRange<Int>) -> String {
        (0..<Int.random(in: count, using: &generator)).map { _ in Self.words.randomElement(using: &generator)! }
            .joined(separator: " ")
    }

    /// The statistics of `count` random posts.
    mutating func stats(posts count: Int) -> CorpusStats {
        let posts = (0..<count).map { index in
            let tags = (0..<Int.random(in: 0...4, using: &generator)).map { _ in Self.tags.randomElement(using: &generator)! }
            let category = Bool.random(using: &generator) ? Self.categories.randomElement(using: &generator) : nil
            return JobPost(title: text(words: 1...4), description: text(words: 3...12), skills: Array(Set(tags)).sorted(),
                           category: category, location: PostLocation(path: "random.jsonl", line: index + 1))
        }
        return CorpusStats.build(LoadedPosts(posts: posts, issues: [], duplicates: 0))
    }

    /// Some of `0..<count`, in a random order.
    mutating func subset(of count: Int) -> [Int] {
        Array((0..<count).filter { _ in Bool.random(using: &generator) }.shuffled(using: &generator))
    }
}
