import ProfileCorpus

extension Corpus {
    /// Whether the posts carrying `tag` name it in their text often enough: all its posts
    /// (when at least `minCarriersForTextTest` carry it) and, when at least
    /// `minFitCarriersForTextTest` posts of `fit` carry it, those posts too. The corpus-wide
    /// half is memoized per tag and the naming posts are counted from the words' postings
    /// (`Corpus.count(of:holdingAny:)`), not each carrier's term row (a test compares the two):
    /// `corpus-skill-coverage` asks it for every distinctive tag of each section.
    func isNamedInText(_ tag: Evidence, in fit: Fit? = nil) -> Bool {
        let corpusWide = memoized(NamedInTextKey(tag: tag.id, display: tag.display)) { () -> (named: Bool, terms: [UInt32]) in
            let carriers = stats.posts(withTag: tag.id)
            let terms = namingTerms(of: tag.display, carriers: carriers.count)
            return (carriers.count < Self.minCarriersForTextTest || Self.isNamed(count(of: carriers, holdingAny: terms), of: carriers.count),
                    terms)
        }
        guard corpusWide.named, let fit else { return corpusWide.named }
        let inFit = fitPosts(carrying: tag.id, in: fit)
        return inFit.count < Self.minFitCarriersForTextTest
            || Self.isNamed(count(of: inFit, holdingAny: corpusWide.terms), of: inFit.count)
    }

    /// Whether `naming` of `carriers` posts is enough of them.
    private static func isNamed(_ naming: Int, of carriers: Int) -> Bool {
        Double(naming) >= minNamedShare * Double(carriers)
    }

    /// The memo key of `isNamedInText`'s corpus-wide half.
    private struct NamedInTextKey: Hashable {
        var tag: UInt32
        var display: String
    }
}
