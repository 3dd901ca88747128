import ProfileCorpus

/// A skill tag many posts carry but almost none names in its title or description is a
/// scraping artifact (a tag every post of one search was given), not what those clients ask
/// for: it is never suggested. A post names a tag when it holds one of the tag's names (the
/// tag, its canonical name or an alias, as a phrase), the initialism of a name of three words
/// or more (`SEO` for `Search Engine Optimization`), or a distinctive word of a name of several
/// words (`SPSS` in `IBM SPSS`). The test is made among all the posts carrying the tag and
/// among the fitting posts carrying it when enough do: `Search Engine Optimization` is named
/// by 8 of its 152 posts on four-tracks (the web posts tagged with it), and by none of the
/// 22 data posts that got it from a data search and fit a Power BI profile.
extension Corpus {
    /// The least share of the posts carrying a tag that must name it.
    static let minNamedShare = 0.05
    /// Posts carrying a tag below which the test is not made (too few to tell).
    static let minCarriersForTextTest = 20
    /// Fitting posts carrying a tag from which the test is made among them alone.
    static let minFitCarriersForTextTest = 10

    /// The terms of the corpus whose presence in a post names the tag `display`, which
    /// `carriers` posts carry: each of its names as a phrase of up to three words; the
    /// initialism of a name of three words or more (two-letter ones are ambiguous, `AI` for
    /// Adobe Illustrator: the alias table lists those it means); and each word of a name of
    /// several words that fewer posts use than carry the tag (a word more posts use, such as
    /// `data` or `analytics`, means many things).
    func namingTerms(of display: String, carriers: Int) -> [UInt32] {
        var keys: [String] = []
        for name in CorpusSection.names(of: display, aliases: canonicalizer.aliases) {
            let stems = CorpusText.stems(name)
            if (1...3).contains(stems.count) { keys.append(stems.joined(separator: " ")) }
            guard stems.count > 1 else { continue }
            if stems.count >= 3 {
                keys += CorpusText.stems(String(stems.compactMap(\.first)))
            }
            keys += stems.filter { stem in
                stats.termIndex[stem].map { Int(stats.documentFrequency[Int($0)]) < carriers } ?? false
            }
        }
        var seen = Set<UInt32>()
        return keys.compactMap { stats.termIndex[$0] }.filter { seen.insert($0).inserted }
    }
}
