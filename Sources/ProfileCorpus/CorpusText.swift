import ProfileText

/// The terms the corpus statistics count in a text, from ProfileText's analyzer: n-grams of
/// 1-3 words (`NGrams.extract`: within one phrase, never starting or ending with a stop word
/// or number), keyed by their stems; the unigrams are also the BM25 tokens.
package enum CorpusText {
    /// The n-grams of a text (memoized: see `NGramMemo`).
    static func ngrams(_ text: String) -> [NGram] {
        NGramMemo.shared.ngrams(text) { NGrams.extract(from: TextAnalyzer.analyze($0).terms) }
    }

    /// The stems of the content words, in order (the BM25 tokens).
    package static func stems(_ text: String) -> [String] {
        ngrams(text).compactMap { $0.stems.count == 1 ? $0.key : nil }
    }

    /// The n-gram keys of a text.
    package static func keys(_ text: String) -> Set<String> {
        Set(ngrams(text).map(\.key))
    }
}

/// Canonical keys for skill tags, so `Power BI`, `power-bi` and `PowerBI` (and, with an alias
/// table, `React.js` and `React`) count as one tag: `SkillAliases.normalizedKey` of the
/// alias table's canonical name when it knows the tag, else of the tag.
package struct TagCanonicalizer: Sendable {
    package let aliases: SkillAliases?

    package init(aliases: SkillAliases? = nil) {
        self.aliases = aliases
    }

    /// The canonical key of a tag.
    package func key(_ tag: String) -> String {
        SkillAliases.normalizedKey(aliases?.canonical(for: tag) ?? tag)
    }

    /// The tag as written, case-folded with spaces collapsed: two spellings of one tag
    /// (`PowerBI`, `Power BI`) differ here.
    package func spelling(_ tag: String) -> String {
        Normalizer.caseFold(tag).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// What distinguishes one alias table from another in cache keys.
    var fingerprint: String {
        guard let aliases else { return "no-aliases" }
        return aliases.groups.map { ([$0.canonical] + $0.aliases).joined(separator: "\u{1}") }.joined(separator: "\u{2}")
    }
}
