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
            return (carriers.count < Self.minCarriersForTextTest || isNamed(by: carriers, holdingAny: terms), terms)
        }
        guard corpusWide.named, let fit else { return corpusWide.named }
        let inFit = fitPosts(carrying: tag.id, in: fit)
        return inFit.count < Self.minFitCarriersForTextTest
            || isNamed(by: inFit, holdingAny: corpusWide.terms)
    }

    /// Whether enough of `carriers` (at least `minNamedShare` of them) hold one of `terms`:
    /// counted until there are enough, since most tags are named by many of their posts.
    private func isNamed<Carriers: Collection<UInt32>>(by carriers: Carriers, holdingAny terms: [UInt32]) -> Bool {
        let needed = Self.neededNamingPosts(carriers.count)
        return count(of: carriers, holdingAny: terms, enough: needed) >= needed
    }

    /// The least number of posts, of `carriers`, that names a tag: the smallest n with
    /// n ≥ `minNamedShare` × `carriers`.
    static func neededNamingPosts(_ carriers: Int) -> Int {
        Int((minNamedShare * Double(carriers)).rounded(.up))
    }

    /// The memo key of `isNamedInText`'s corpus-wide half.
    private struct NamedInTextKey: Hashable {
        var tag: UInt32
        var display: String
    }
}
