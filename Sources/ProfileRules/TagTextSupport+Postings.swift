import ProfileCorpus

extension Corpus {
    /// `isNamedInText`, with the corpus-wide half memoized per tag and the naming posts
    /// counted from the words' postings (`Corpus.count(of:holdingAny:)`) instead of each
    /// carrier's term row: the same answer (a test compares them), asked by
    /// `corpus-skill-coverage` for every distinctive tag of each section and by `suggest`.
    func isNamedInTextFromPostings(_ tag: Evidence, in fit: Fit? = nil) -> Bool {
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

    /// The memo key of `isNamedInTextFromPostings`'s corpus-wide half.
    private struct NamedInTextKey: Hashable {
        var tag: UInt32
        var display: String
    }
}
