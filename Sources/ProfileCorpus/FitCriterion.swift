import Foundation
import ProfileModel

/// When a job post fits a profile section: an absolute relevance test that looks at the post
/// and the section, so a profile whose niche is rare in the corpus gets the few posts of its
/// niche (and is told when they are too few), never the closest posts of other niches.
///
/// A post carrying skill tags fits when its words reach `minWordScore` and its tags pass one of:
/// at least `minTagShare` of its tags are the section's (canonical keys, counted); it carries
/// at least `minProfileShare` of the section's tags (a narrow profile fits the posts that use
/// its whole stack; tags the corpus never uses count only as `FitQuery.profileShareTags` says);
/// or it shares at least two tags with the section and they make up
/// `minWeightedShare` of its tag weight, each tag weighing its rarity in the corpus (idf), so two
/// specific tags among several common ones count. The first two read the post and the section
/// only. The third depends on the corpus, and asks for two shared tags because of it: with
/// rarity weights alone, cutting a niche to a small share of the corpus made its tags rare and
/// heavy, and posts of other niches carrying one of them began to fit. A post without tags (or
/// any post, when the section lists no tag the corpus knows) fits on its words alone, when they
/// reach `minTextOnlyScore`.
///
/// The word score is the post's Okapi BM25 score for a set of words (each distinct word once),
/// divided by the score of a post of average length that uses each of those words once: 1 means
/// "as relevant as a post naming all of them"; a post that names the rarest words repeatedly can
/// exceed 1. For a tagged post the words are the section's title words and the words of the tags
/// the post shares with it (its guard, built per post): the skills it does not share say nothing
/// about it, and counting them made a profile listing 15 skills need more of a short post's
/// words than one listing 5. A post fitting on words alone is scored on all the section's title
/// and skill words.
///
/// A tagged post needs no word score when its tags say it alone: it shares at least
/// `minTagsAlone` tags with the section and they are at least `minTagShare` of its tags. Short
/// posts ('AI Expert', three lines) name few of the section's words, and the guard dropped
/// them although their tags were four or more of the profile's: on a four-niche corpus, 73 AI
/// posts of that kind, none of another niche, while the shared-tag ranking the fit is measured
/// against kept them.
package struct FitCriterion: Sendable, Hashable {
    /// The share of a post's tags the section must list (tagged posts).
    package var minTagShare: Double
    /// The share of the section's tags a post may carry instead.
    package var minProfileShare: Double
    /// The share of a post's tag weight (idf) two or more shared tags may make up instead.
    package var minWeightedShare: Double
    /// The word score a tagged post also needs on its guard words (its text is about the same work).
    package var minWordScore: Double
    /// The word score a post fits by when tags cannot decide.
    package var minTextOnlyScore: Double
    /// Shared tags (at least `minTagShare` of the post's) that make a post fit whatever its
    /// words: the mirror of fitting on words alone.
    package var minTagsAlone: Int
    /// Fewer fitting posts than this are not evidence: the corpus rules give no advice.
    package var minFittingPosts: Int
    /// The share of a tag's categorized posts one category (siblings joined) needs for the tag
    /// to mark it: fitting posts carrying only section tags that mark none are no evidence of
    /// the niche (`Corpus.support(of:query:criterion:)`).
    package var minCategoryShare: Double

    /// Shared tags the weighted share needs: one tag that is rare only because its niche is a
    /// small part of the corpus must not make a post of another niche fit.
    static let minWeightedSharedTags = 2

    package init(minTagShare: Double = 0.4, minProfileShare: Double = 0.7, minWeightedShare: Double = 0.33,
                minWordScore: Double = 0.1, minTextOnlyScore: Double = 0.3, minTagsAlone: Int = 4, minFittingPosts: Int = 15,
                minCategoryShare: Double = 0.6) {
        self.minTagShare = minTagShare
        self.minProfileShare = minProfileShare
        self.minWeightedShare = minWeightedShare
        self.minWordScore = minWordScore
        self.minTextOnlyScore = minTextOnlyScore
        self.minTagsAlone = minTagsAlone
        self.minFittingPosts = minFittingPosts
        self.minCategoryShare = minCategoryShare
    }

    /// One sentence for notes and reports.
    package var explanation: String {
        "a post fits when at least \(Percent.format(minTagShare)) of its skill tags are the profile's, "
            + "it carries at least \(Percent.format(minProfileShare)) of the profile's, "
            + "or two or more shared tags make up \(Percent.format(minWeightedShare)) of its tags' weight (rarer tags weigh more), "
            + "and its words score at least " + String(format: "%.2f", minWordScore) + " on the profile's title and the skills it shares with it "
            + "(not needed when it shares \(minTagsAlone) or more tags, at least \(Percent.format(minTagShare)) of its own); "
            + "a post without tags fits when its words score at least " + String(format: "%.2f", minTextOnlyScore)
    }

    /// Whether a tagged post passes the tag test: `shared` of its `postTags` tags are among the
    /// section's `profileTags`, making up `weightedShare` of its idf weight (computed only when needed).
    func tagsPass(shared: Int, postTags: Int, profileTags: Int, weightedShare: @autoclosure () -> Double) -> Bool {
        guard shared > 0 else { return false }
        return Double(shared) / Double(postTags) >= minTagShare
            || Double(shared) / Double(max(profileTags, 1)) >= minProfileShare
            || (shared >= Self.minWeightedSharedTags && weightedShare() >= minWeightedShare)
    }

    /// Whether a tagged post's tags decide alone, without its word score: `shared` of its
    /// `postTags` tags are the section's, at least `minTagsAlone` and `minTagShare` of them.
    func tagsDecide(shared: Int, postTags: Int) -> Bool {
        shared >= minTagsAlone && Double(shared) / Double(max(postTags, 1)) >= minTagShare
    }
}

/// What a section asks of the corpus: its skill tags the corpus knows (canonical tag ids) and
/// its core words (unigram term ids of the title and skills; the overview's when those give
/// fewer than two), each sorted and distinct, and how many of each the corpus does not know
/// (they count among the section's words, so a profile naming work no post names fits nothing,
/// and among its tags while it has fewer than two known ones, see `profileShareTags`). The fit
/// memo key.
package struct FitQuery: Sendable, Hashable {
    package var tags: [UInt32]
    package var words: [UInt32]
    /// The title's known words, sorted and distinct: with the words of the tags a post shares,
    /// what that post's word guard reads (`Relevance.guardScore`).
    package var titleWords: [UInt32]
    var unknownTags: Int
    var unknownWords: Int

    /// Known tags the section needs before its unknown ones stop counting in the profile share.
    static let minKnownTags = 2

    /// How many of the section's tags the profile-share test divides by. A tag no post of the
    /// corpus carries says nothing about which of its posts fit (the off-niche rule reports
    /// it), so it does not count once the section has `minKnownTags` known tags: a Power BI
    /// profile that also lists four skills a Power BI corpus never tags fits the posts carrying
    /// its Power BI tags. With fewer known tags the unknown ones count, so that one common tag
    /// (`Python` beside `Beekeeping`) cannot make a profile about other work fit every post
    /// carrying it.
    var profileShareTags: Int {
        max(tags.count, min(tags.count + unknownTags, Self.minKnownTags))
    }

    /// Whether the section lists skills, known to the corpus or not: then a tagged post fits only
    /// by sharing one.
    var listsTags: Bool { !tags.isEmpty || unknownTags > 0 }

    package init(tags: [UInt32], words: [UInt32], titleWords: [UInt32] = [], unknownTags: Int = 0, unknownWords: Int = 0) {
        self.tags = Array(Set(tags)).sorted()
        self.words = Array(Set(words)).sorted()
        self.titleWords = Array(Set(titleWords)).sorted()
        self.unknownTags = unknownTags
        self.unknownWords = unknownWords
    }
}

extension Corpus {
    /// The fit query of a text alone: its words, no tags (a title part, a portfolio item).
    package func wordQuery(_ text: String) -> FitQuery {
        let stems = Set(CorpusText.stems(text))
        let ids = stems.compactMap { stats.termIndex[$0] }
        return FitQuery(tags: [], words: ids, unknownWords: stems.count - ids.count)
    }
}
