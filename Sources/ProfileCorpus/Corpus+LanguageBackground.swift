/// A word's rarity judged among the posts of one language. Word advice reads only the fitting
/// posts in the section's language (`Fit.inLanguage`); measured against every other post, a
/// general word of a language most of the corpus does not use looks rare (a Spanish profile's
/// `experiencia` is absent from the English posts), and the lift made it advice.
package struct LanguageBackground: Sendable, Equatable {
    /// The language (with the posts of no clear language) the words are judged in.
    package var language: PostLanguage
    /// Posts in that language or of no clear language.
    package var postCount: Int
    /// Per term, the posts in other languages holding it (in their title, for title terms).
    var foreign: [UInt32: Int]

    /// "in Spanish or of no clear language", for evidence sentences.
    package var scope: String { "in \(language.name) or of no clear language" }

    /// Posts of the background holding a term that `corpusFrequency` posts of the corpus hold.
    func frequency(of term: UInt32, corpusFrequency: Int) -> Int {
        max(0, corpusFrequency - foreign[term, default: 0])
    }
}

extension Corpus {
    /// The posts word advice for a section in `language` is judged against: those in that
    /// language or of no clear language; nil when the corpus has no post in another language
    /// (the whole corpus is the background). Memoized per language and title mode. The
    /// languages are read in place: most posts are in the section's language or none.
    package func languageBackground(_ language: PostLanguage, titlesOnly: Bool) -> LanguageBackground? {
        let background = memoized(BackgroundKey(language: language, titlesOnly: titlesOnly)) { () -> LanguageBackground in
            var foreign: [UInt32: Int] = [:]
            var foreignPosts = 0
            let languages = stats.postLanguage
            let others = languages.withUnsafeElements(0..<min(languages.count, stats.postCount)) { languages in
                languages.indices.filter { languages[$0] != PostLanguage.unknown.rawValue && languages[$0] != language.rawValue }
            }
            for post in others {
                let postLanguage = stats.language(ofPost: post)
                guard postLanguage != .unknown, postLanguage != language else { continue }
                foreignPosts += 1
                let terms = titlesOnly ? stats.titleTerms(ofPost: post) : stats.terms(ofPost: post).ids
                for term in terms { foreign[term, default: 0] += 1 }
            }
            return LanguageBackground(language: language, postCount: stats.postCount - foreignPosts, foreign: foreign)
        }
        return background.postCount < stats.postCount ? background : nil
    }

    /// The memo key of `languageBackground`.
    private struct BackgroundKey: Hashable {
        var language: PostLanguage
        var titlesOnly: Bool
    }
}
