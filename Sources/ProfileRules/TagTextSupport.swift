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
        let carriers = stats.posts(withTag: tag.id)
        guard carriers.count >= Self.minCarriersForTextTest else { return true }
        let names = CorpusSection.names(of: tag.display, aliases: canonicalizer.aliases).map(CorpusText.stems)
        guard names.contains(where: { $0.count == 1 }) else { return true }
        let terms = names.filter { !$0.isEmpty && $0.count <= 3 }.compactMap { stats.termIndex[$0.joined(separator: " ")] }
        let named = carriers.lazy.filter { post in
            let ids = self.stats.terms(ofPost: Int(post)).ids
            return terms.contains { BM25.find($0, in: ids) != nil }
        }.count
        return Double(named) >= Self.minNamedShare * Double(carriers.count)
    }
}
