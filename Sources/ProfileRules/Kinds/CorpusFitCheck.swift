import ProfileCorpus
import ProfileModel

/// `corpus-fit`: how posts are judged to fit a profile section (its parameters are the
/// `FitCriterion` every corpus rule uses), and one finding when too few posts fit for the
/// corpus to support advice. The other corpus rules then stay silent for that section rather
/// than give advice built from posts of other niches.
package struct CorpusFitCheck: CheckKind {
    package static let name = "corpus-fit"
    package static let parameterKeys = ["min_tag_share", "min_profile_share", "min_word_score", "min_text_only_score", "min_fitting_posts"]
    package static let needsField = false
    package static let argumentNames = ["count", "corpus_size", "share", "minimum"]

    package let criterion: FitCriterion

    package init(rule: Rule) throws(RuleFileError) {
        let defaults = FitCriterion()
        criterion = FitCriterion(
            minTagShare: try rule.parameters.double("min_tag_share", default: defaults.minTagShare, in: 0.01...1),
            minProfileShare: try rule.parameters.double("min_profile_share", default: defaults.minProfileShare, in: 0.01...1),
            minWordScore: try rule.parameters.double("min_word_score", default: defaults.minWordScore, in: 0...10),
            minTextOnlyScore: try rule.parameters.double("min_text_only_score", default: defaults.minTextOnlyScore, in: 0.01...10),
            minFittingPosts: try rule.parameters.int("min_fitting_posts", default: defaults.minFittingPosts, in: 1...1_000_000))
    }

    package func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        guard let corpusSection = CorpusSection.any(section, context: context), !corpusSection.fit.isEnough else { return [] }
        let fit = corpusSection.fit
        let corpus = corpusSection.corpus
        var notes = [Note(criterion.explanation)]
        if !fit.posts.isEmpty {
            let examples = fit.posts.prefix(3).map(corpus.postReference).joined(separator: ", ")
            notes.append(Note(fit.count == 1 ? "the one fitting post: \(examples)" : "the fitting posts include \(examples)"))
        }
        notes.append(Note("the corpus rules give no advice for this profile: posts from other niches would mislead"))
        notes.append(Note("add job posts of this niche to the corpus (such as the results of a marketplace search for your title), or lower 'min_fitting_posts'"))
        return [Finding(range: corpusSection.titleRange,
                        fieldPath: section.fullPath(corpusSection.query.title == nil ? "" : "title"),
                        arguments: ["count": fit.count == 0 ? "none" : "only \(fit.count)", "corpus_size": "\(fit.corpusSize)",
                                    "share": fit.summary, "minimum": "\(criterion.minFittingPosts)"],
                        notes: notes)]
    }
}
