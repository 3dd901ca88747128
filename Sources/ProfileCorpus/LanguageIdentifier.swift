import ProfileText

/// Tells the language of a text by its function words (`PostLanguage.functionWords`).
///
/// Each word of the text that is a function word of one or more languages gives each of them
/// `1 / k` (k: how many lists hold it, so `de`, in five lists, says little and `los` much).
/// The language with the highest score is the text's when the text holds at least
/// `minFunctionWords` function words and that score is at least `minLead` times the next
/// language's; otherwise the text is `unknown` (too short, or mixed). The corpus build counts each
/// post's title and description this way (`Tally`, fed from the words it reads anyway), so it
/// costs one table look-up per word.
package enum LanguageIdentifier {
    /// Function words a text needs before its language is told.
    package static let minFunctionWords: Float = 4
    /// How many times the next language's score the leading one needs (below it the text is
    /// mixed). A share of all scores was tried: `de`, `la`, `con` are in several lists, and a
    /// plain Spanish overview fell short of 0.6.
    package static let minLead: Float = 2

    /// Per language (bit `rawValue - 1`), its function words in normalized form.
    static let masks: [String: UInt8] = {
        var masks: [String: UInt8] = [:]
        for language in PostLanguage.identified {
            for word in language.functionWords {
                masks[Normalizer.normalizeTerm(word), default: 0] |= bit(language)
            }
        }
        return masks
    }()

    /// What a word with mask `m` gives each language: `weights[m]`.
    static let weights: [SIMD8<Float>] = (0..<256).map { mask in
        let count = Float(mask.nonzeroBitCount)
        var weight = SIMD8<Float>()
        for index in 0..<8 where mask & (1 << index) != 0 { weight[index] = 1 / count }
        return weight
    }

    static func bit(_ language: PostLanguage) -> UInt8 { 1 << (language.rawValue - 1) }

    /// The languages whose function words hold `normalized` (a mask; 0 for none).
    package static func mask(ofNormalized normalized: String) -> UInt8 {
        masks[normalized] ?? 0
    }

    /// The function-word scores of a text, added word by word.
    package struct Tally: Sendable {
        var scores = SIMD8<Float>()

        package init() {}

        /// Counts a word whose mask (`mask(ofNormalized:)`) is `mask`.
        @inline(__always)
        package mutating func add(mask: UInt8) {
            if mask != 0 { scores += LanguageIdentifier.weights[Int(mask)] }
        }

        /// The language the words counted so far tell.
        package var language: PostLanguage {
            let total = scores.sum()
            guard total >= LanguageIdentifier.minFunctionWords else { return .unknown }
            var best = 0, second: Float = 0
            for index in 1..<PostLanguage.identified.count {
                if scores[index] > scores[best] {
                    second = scores[best]
                    best = index
                } else {
                    second = max(second, scores[index])
                }
            }
            guard scores[best] >= LanguageIdentifier.minLead * second else { return .unknown }
            return PostLanguage.identified[best]
        }
    }

    /// The language of `texts` together (`unknown` when too short or mixed).
    package static func identify(_ texts: [String]) -> PostLanguage {
        var tally = Tally()
        for text in texts {
            for term in TextAnalyzer.analyze(text).terms { tally.add(mask: mask(ofNormalized: term.normalized)) }
        }
        return tally.language
    }

    /// Stem keys of the language's stop words, as corpus term keys are written (`para`, `los`):
    /// a suggestion starting or ending with one is not advice. English has its stop words in
    /// the analysis already (none is a term's edge), so this is empty for it and for unknown.
    package static func stopWordKeys(_ language: PostLanguage) -> Set<String> {
        guard language != .english else { return [] }
        return Set(language.functionWords.flatMap { CorpusText.stems($0) })
    }
}
