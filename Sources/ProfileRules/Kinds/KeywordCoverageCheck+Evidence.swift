import ProfileCorpus

extension KeywordCoverageCheck {
    /// Whether the fitting posts support a term as the niche's keyword. A term naming a skill
    /// tag of the corpus is a skill whatever its counts: the lift test alone. A word naming none
    /// (`industry`, `systems`, `code`) has only its counts to show that it is the niche's, so
    /// they must hold at the lower bound of what the fit supports, as a suggested tag's do
    /// (`Evidence.isDistinctive`): in 6 of 16 fitting posts and 13% of the others, a word is 2.9
    /// times as common in the fit but supports only 1.4, what chance gives a common word on a
    /// small fit; in 35 of 98 and 9%, 4 times and 3.
    func isSupported(_ term: Evidence, corpus: Corpus) -> Bool {
        corpus.namesTag(term) || term.isDistinctive(minLift: minLift)
    }
}
