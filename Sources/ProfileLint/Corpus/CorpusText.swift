import ProfileText

/// Turns text into the terms the corpus statistics count: NFKC case folding, word
/// segmentation, Porter2 stems; stop words, numbers and punctuation end a run of words, and
/// n-grams (1-3) never cross a run boundary (so "sql. tableau" is no bigram).
///
/// One `CorpusText` per thread: it memoizes stems.
/// PARTIAL: uses `Tokenizer.words`/`Stemmer.stem` and a local stop-word list until
/// ProfileText's `TextAnalyzer`/`StopWords` land; then this file delegates to them.
struct CorpusText {
    /// A word of a run: its stem (for matching) and its folded surface form (for display).
    struct Word: Sendable {
        var stem: String
        var surface: String
    }

    static let stopWords: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
        "did", "do", "does", "doing", "down", "during", "each", "etc", "few", "for", "from", "further", "had",
        "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
        "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no",
        "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves",
        "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
        "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to",
        "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while",
        "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves",
        "also", "may", "might", "must", "shall", "us", "via", "per", "within", "without", "e.g", "i.e",
        "ll", "ve", "re", "s", "t", "d", "m",
    ]

    private var stems: [String: String] = [:]

    /// Runs of content words.
    mutating func runs(_ text: String) -> [[Word]] {
        let folded = Normalizer.caseFold(text)
        let utf8 = Array(folded.utf8)
        var runs: [[Word]] = []
        var current: [Word] = []
        var previousEnd: Int?
        for token in Tokenizer.words(folded) {
            if let end = previousEnd, !Self.onlySpaces(utf8, end, token.range.lowerBound) {
                if !current.isEmpty { runs.append(current) }
                current = []
            }
            previousEnd = token.range.upperBound
            let surface = token.text
            if Self.stopWords.contains(surface) || surface.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 || $0 == 0x2E }) {
                if !current.isEmpty { runs.append(current) }
                current = []
                continue
            }
            current.append(Word(stem: stem(surface), surface: surface))
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// The stems of the content words, in order (the BM25 tokens).
    mutating func stems(_ text: String) -> [String] {
        runs(text).flatMap { $0.map(\.stem) }
    }

    private mutating func stem(_ word: String) -> String {
        if let known = stems[word] { return known }
        let stemmed = Stemmer.stem(word)
        stems[word] = stemmed
        return stemmed
    }

    /// Whether bytes `start..<end` are only spaces or tabs (no punctuation, no line break).
    private static func onlySpaces(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard start < end else { return true }
        for index in start..<min(end, bytes.count) where bytes[index] != 0x20 && bytes[index] != 0x09 { return false }
        return true
    }

    /// The n-grams (1...`maxLength` words) of the runs: key (stems joined by a space) and
    /// display text (surfaces joined by a space).
    static func ngrams(_ runs: [[Word]], maxLength: Int = 3, _ body: (_ key: String, _ display: String, _ length: Int) -> Void) {
        for run in runs {
            for start in run.indices {
                var key = ""
                var display = ""
                for length in 1...maxLength where start + length <= run.count {
                    let word = run[start + length - 1]
                    if length > 1 { key += " "; display += " " }
                    key += word.stem
                    display += word.surface
                    body(key, display, length)
                }
            }
        }
    }
}

/// Canonical keys for skill tags, so `Power BI`, `power bi` and `POWER  BI` count as one tag.
/// PARTIAL: folds case and spacing; the skill alias table (`rules/skill-aliases.yml`) plugs in
/// here when its loader lands.
public struct TagCanonicalizer: Sendable {
    public init() {}

    /// The canonical key of a tag.
    public func key(_ tag: String) -> String {
        var key = ""
        var pendingSpace = false
        for scalar in Normalizer.caseFold(tag).unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !key.isEmpty
                continue
            }
            if pendingSpace { key.append(" "); pendingSpace = false }
            key.unicodeScalars.append(scalar)
        }
        return key
    }

    /// A looser key for finding near-duplicate tags: letters and digits only (`PowerBI` =
    /// `Power-BI` = `power bi`), with `#` and `+` kept so `C#` and `C++` stay apart from `C`.
    public func looseKey(_ tag: String) -> String {
        var loose = ""
        for scalar in key(tag).unicodeScalars
        where scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "#" || scalar == "+" {
            loose.unicodeScalars.append(scalar)
        }
        return loose
    }
}
