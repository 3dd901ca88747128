import ProfileCorpus
import ProfileModel

/// `corpus-fit`: how posts are judged to fit a profile section (its parameters are the
/// `FitCriterion` every corpus rule uses), and one finding when too few posts fit for the
/// corpus to support advice. The other corpus rules then stay silent for that section rather
/// than give advice built from posts of other niches.
package struct CorpusFitCheck: CheckKind {
    package static let name = "corpus-fit"
    package static let summary = "Whether enough posts of the corpus fit the section for the other corpus rules to have evidence."
    static let defaults = FitCriterion()
    static let minTagShare = Parameter.number("min_tag_share", default: defaults.minTagShare, min: 0.01, max: 1,
                                              "A tagged post fits when at least this share of its skill tags are the section's...")
    static let minProfileShare = Parameter.number("min_profile_share", default: defaults.minProfileShare, min: 0.01, max: 1,
                                                  "...or it carries at least this share of the section's skill tags.")
    static let minWeightedShare = Parameter.number("min_weighted_share", default: defaults.minWeightedShare, min: 0.01, max: 1,
                                                   "...or two or more shared tags make up this share of its tags' rarity weight...")
    static let minWordScore = Parameter.number("min_word_score", default: defaults.minWordScore, min: 0, max: 10,
                                               "...and its words score at least this much against the section's title and the skills the post shares with it.")
    static let minTextOnlyScore = Parameter.number("min_text_only_score", default: defaults.minTextOnlyScore, min: 0.01, max: 10,
                                                   "A post that shares no tag fits when its words alone score at least this much.")
    static let minTagsAlone = Parameter.integer("min_tags_alone", default: defaults.minTagsAlone, min: 1, max: 1_000,
                                                "A tagged post sharing at least this many skill tags (at least min_tag_share of its own) fits whatever its words score.")
    static let minCategoryShare = Parameter.number("min_category_share", default: defaults.minCategoryShare, min: 0.5, max: 1,
                                                   "A skill tag marks a category of the corpus when at least this share of its posts with a category are in one (sibling categories joined); when fewer than min_fitting_posts fitting posts carry such a skill of the section's, the niche is thin in this corpus and the corpus rules stay silent.")
    static let minFittingPosts = Parameter.integer("min_fitting_posts", default: defaults.minFittingPosts, min: 1, max: 1_000_000,
                                                   "Fewer fitting posts than this are not evidence: the corpus rules stay silent and this rule says so.")
    package static let parameters = [minTagShare.spec, minProfileShare.spec, minWeightedShare.spec, minWordScore.spec, minTextOnlyScore.spec, minTagsAlone.spec, minFittingPosts.spec, minCategoryShare.spec]
    package static let needsField = false
    package static let argumentNames = ["count", "corpus_size", "share", "minimum"]

    package let criterion: FitCriterion

    package init(rule: Rule) throws(RuleFileError) {
        let parameters = rule.parameters
        criterion = FitCriterion(
            minTagShare: try parameters.value(Self.minTagShare),
            minProfileShare: try parameters.value(Self.minProfileShare),
            minWeightedShare: try parameters.value(Self.minWeightedShare),
            minWordScore: try parameters.value(Self.minWordScore),
            minTextOnlyScore: try parameters.value(Self.minTextOnlyScore),
            minTagsAlone: try parameters.value(Self.minTagsAlone),
            minFittingPosts: try parameters.value(Self.minFittingPosts),
            minCategoryShare: try parameters.value(Self.minCategoryShare))
    }

    package func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        guard let corpusSection = CorpusSection.any(section, context: context), !corpusSection.fit.isEnough else { return [] }
        let fit = corpusSection.fit
        let corpus = corpusSection.corpus
        let evidence = fit.isThin ? fit.support ?? fit.count : fit.count
        var notes = [Note(criterion.explanation)]
        if fit.isThin, let support = fit.support {
            let spread = corpus.spreadTags(of: fit, query: corpusSection.query.fitQuery).prefix(5).map { "'\($0)'" }
            notes.append(Note("\(fit.count.grouped) posts fit, but \(support == 0 ? "none" : "only \(support.grouped)") of them carry one of this profile's skills "
                + "that mark a category of the corpus (at least \(Percent.format(criterion.minCategoryShare)) of the posts carrying it in one); "
                + "the others share only skills used across its categories"
                + (spread.isEmpty ? "" : " (\(spread.joined(separator: ", ")))")
                + ": in this corpus the niche is thin, and advice from these posts would be other niches'"))
        }
        if !fit.posts.isEmpty {
            let examples = fit.posts.prefix(3).map(corpus.postReference).joined(separator: ", ")
            notes.append(Note(fit.count == 1 ? "the one fitting post: \(examples)" : "the fitting posts include \(examples)"))
        }
        notes.append(Note("the corpus rules give no advice for this profile: posts from other niches would mislead"))
        notes.append(Note("add job posts of this niche to the corpus (such as the results of a marketplace search for your title), or lower 'min_fitting_posts'"))
        return [Finding(range: corpusSection.titleRange,
                        fieldPath: section.fullPath(corpusSection.query.title == nil ? "" : "title"),
                        arguments: ["count": evidence == 0 ? "none" : "only \(evidence.grouped)", "corpus_size": fit.corpusSize.grouped,
                                    "share": fit.summary, "minimum": "\(criterion.minFittingPosts)"],
                        notes: notes)]
    }
}
