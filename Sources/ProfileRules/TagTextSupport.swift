import ProfileCorpus

/// A skill tag many posts carry but almost none names in its title or description is a
/// scraping artifact (a tag every post of one search was given), not what those clients ask
/// for: it is never suggested. Only a tag with a one-word name (`Neo4j`, `Tableau`, or a
/// one-word alias, `Excel` for `Microsoft Excel`) is judged: clients who need a tool write its
/// name, while a marketplace's category names (`Marketing Strategy`, `UX & UI`) are rarely
/// written out in a post.
extension Corpus {
    /// The least share of the posts carrying a tag that must name it.
    static let minNamedShare = 0.05
    /// Posts carrying a tag below which the test is not made (too few to tell).
    static let minCarriersForTextTest = 20

    /// Whether the posts carrying `tag` name it in their text often enough (true when too few
    /// carry it to tell, or when no name of it is one word).
    func isNamedInText(_ tag: Evidence) -> Bool {
        guard let (carriers, terms) = textTest(of: tag) else { return true }
        let named = carriers.lazy.filter { post in
            let ids = self.stats.terms(ofPost: Int(post)).ids
            return terms.contains { BM25.find($0, in: ids) != nil }
        }.count
        return Double(named) >= Self.minNamedShare * Double(carriers.count)
    }

    /// `isNamedInText`, memoized per tag, with the naming posts counted from the words'
    /// postings (`Corpus.count(of:holdingAny:)`) instead of each carrier's term row: the same
    /// answer (a test compares them), asked by `corpus-skill-coverage` for every distinctive
    /// tag of each section and by `suggest`.
    func isNamedInTextFromPostings(_ tag: Evidence) -> Bool {
        memoized(NamedInTextKey(tag: tag.id, display: tag.display)) {
            guard let (carriers, terms) = textTest(of: tag) else { return true }
            return Double(count(of: carriers, holdingAny: terms)) >= Self.minNamedShare * Double(carriers.count)
        }
    }

    /// The memo key of `isNamedInTextFromPostings`.
    private struct NamedInTextKey: Hashable {
        var tag: UInt32
        var display: String
    }

    /// The posts carrying `tag` and the term ids of its names, or nil when the test is not
    /// made (too few carriers, or no one-word name): the tag then counts as named.
    private func textTest(of tag: Evidence) -> (carriers: IDRow, terms: [UInt32])? {
        let carriers = stats.posts(withTag: tag.id)
        guard carriers.count >= Self.minCarriersForTextTest else { return nil }
        let names = CorpusSection.names(of: tag.display, aliases: canonicalizer.aliases).map(CorpusText.stems)
        guard names.contains(where: { $0.count == 1 }) else { return nil }
        let terms = names.filter { !$0.isEmpty && $0.count <= 3 }.compactMap { stats.termIndex[$0.joined(separator: " ")] }
        return (carriers, terms)
    }
}
