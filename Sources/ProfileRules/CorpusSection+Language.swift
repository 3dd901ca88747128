import ProfileCorpus
import ProfileModel

/// Word-based advice (keywords, title wording and their written forms) reads only the fitting
/// posts in the section's language: the phrases of a Spanish post are no wording for an
/// English profile. Tags stay language-independent (a Spanish Power BI post is still evidence
/// for the `Power BI` tag), so the fit itself and the tag advice use every fitting post.
extension CorpusSection {
    /// `ignore` and the stop words of the section's language (as term keys), for word-based advice.
    func wordIgnore(_ ignore: Set<String>) -> Set<String> {
        ignore.union(LanguageIdentifier.stopWordKeys(language))
    }

    /// The terms that mark the fitting posts in the section's language (`Corpus.characteristicTerms`
    /// over `wordFit`, without the language's stop words), their rarity judged among the posts in
    /// that language or of no clear language: word advice in one place for every kind.
    func wordTerms(minShare: Double, ignore: Set<String>, limit: Int, titlesOnly: Bool = false, minLift: Double = 1) -> [Evidence] {
        corpus.characteristicTerms(wordFit.fit, minShare: minShare, ignore: wordIgnore(ignore), limit: limit,
                                   titlesOnly: titlesOnly, minLift: minLift, language: language)
    }

    /// "the wording advice reads the 134 fitting posts in English or of no clear language; 150
    /// fitting posts in other languages (100 Spanish, 50 German) are left out", nil when none is.
    static func languageNote(_ wordFit: (fit: Fit, leftOut: [PostLanguage: Int]), language: PostLanguage) -> Note? {
        guard !wordFit.leftOut.isEmpty else { return nil }
        return Note(languageSentence(wordFit, language: language))
    }

    /// The sentence of `languageNote`, for the suggest report as well.
    static func languageSentence(_ wordFit: (fit: Fit, leftOut: [PostLanguage: Int]), language: PostLanguage) -> String {
        let total = wordFit.leftOut.values.reduce(0, +)
        let parts = wordFit.leftOut.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { "\($0.value.grouped) \($0.key.name)" }.joined(separator: ", ")
        let posts = total == 1 ? "fitting post" : "fitting posts"
        return "the wording advice reads the \(wordFit.fit.count.grouped) fitting posts in \(language.name) or of no clear "
            + "language; \(total.grouped) \(posts) in other languages (\(parts)) are left out"
    }
}
