extension CorpusStats {
    /// The language of post `post`'s title and description (`unknown` when too short or mixed).
    package func language(ofPost post: Int) -> PostLanguage {
        post < postLanguage.count ? PostLanguage(rawValue: postLanguage[post]) ?? .unknown : .unknown
    }
}

extension Fit {
    /// The fitting posts in `language` or of unknown language, in the same order with their
    /// scores (word-based advice reads only these: a Spanish post's phrases are no wording for
    /// an English profile), and how many fitting posts in each other language were left out.
    /// The fit itself when none is left out.
    package func inLanguage(_ language: PostLanguage, stats: CorpusStats) -> (fit: Fit, leftOut: [PostLanguage: Int]) {
        var leftOut: [PostLanguage: Int] = [:]
        var kept: [Int] = []
        for (index, post) in posts.enumerated() {
            let postLanguage = stats.language(ofPost: post)
            if postLanguage == .unknown || postLanguage == language {
                kept.append(index)
            } else {
                leftOut[postLanguage, default: 0] += 1
            }
        }
        guard !leftOut.isEmpty else { return (self, [:]) }
        var fit = Fit(posts: kept.map { posts[$0] }, scores: kept.map { scores[$0] }, corpusSize: corpusSize, criterion: criterion)
        fit.tagShares = kept.map { tagShares[$0] }
        fit.wordScores = kept.map { wordScores[$0] }
        return (fit, leftOut)
    }
}

extension ProfileQuery {
    /// The language of the section's title and overview; English when they are too short to
    /// tell (or mixed): profiles on these marketplaces are mostly written in English.
    package var language: PostLanguage {
        let told = LanguageIdentifier.identify([title?.text, overview?.text].compactMap { $0 })
        return told == .unknown ? .english : told
    }
}
