import Foundation
import ProfileCorpus

extension CorpusSection {
    /// The tags on at least a fifth of the fitting posts: a post carrying one is of the
    /// niche, whether or not it fits.
    var commonTags: Set<UInt32> {
        Set(corpus.fitTags(fit).filter { 5 * $0.inFit >= fit.count }.map(\.id))
    }

    /// Whether a skill is central to the niche of the fitting posts however few of them write
    /// its name: at least `Evidence.minSupport` fitting posts carry or name it and they mark the
    /// fit (at `minLift`, at the lower bound of what the fit supports, as a suggested tag must);
    /// or, as `corpus-off-niche-skills` reads it, a companion of it (a tag on at least half of
    /// its posts, and on `Evidence.minSupport` of them) is on `companionShare` of the fitting
    /// posts. `Android Studio`, named by 3 of an Android profile's 182 fitting posts of
    /// `four-tracks-2400.csv` and by 1 other post, is the niche's tool, not a skill to drop;
    /// `Logo Design` beside Power BI work is not, nor a skill one fitting post names, or whose
    /// companions are the tags of one or two posts: one client's wording is no niche's.
    func isCentral(_ skill: String, minLift: Double, companionShare: Double) -> Bool {
        corpus.marksFit(inFit: fitPostsNaming(skill), inCorpus: corpusPostsNaming(skill), fit: fit, minLift: minLift)
            || nicheCompanion(of: skill, share: companionShare, minPosts: Evidence.minSupport) != nil
    }
}
