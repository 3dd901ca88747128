import Foundation

/// How often a term or tag appears in the fitting posts and in the whole corpus.
public struct Evidence: Sendable, Equatable {
    /// Term or tag id.
    public var id: UInt32
    /// Canonical key (term stems, or tag key).
    public var key: String
    /// Readable form.
    public var display: String
    /// Fitting posts containing it, and how many posts fit.
    public var inFit: Int
    public var fitSize: Int
    /// Posts of the whole corpus containing it, and the corpus size.
    public var inCorpus: Int
    public var corpusSize: Int
    /// Ranking weight (see the function that produced it).
    public var weight: Double

    public var fitShare: Double { fitSize > 0 ? Double(inFit) / Double(fitSize) : 0 }
    public var corpusShare: Double { corpusSize > 0 ? Double(inCorpus) / Double(corpusSize) : 0 }

    /// "in 212 of the 300 closest posts (71%; 18% of all 2350 posts)".
    public var sentence: String {
        let fit = fitSize == 1 ? "the closest post" : "the \(fitSize) closest posts"
        return "in \(inFit) of \(fit) (\(Percent.format(fitShare)); \(Percent.format(corpusShare)) of all \(corpusSize) posts)"
    }
}

/// Formats a share as a whole percentage.
public enum Percent {
    public static func format(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}

extension Corpus {
    /// Terms that characterize the fitting posts: in at least `minShare` of them and at least
    /// as common there as in the whole corpus, ranked by their contribution to the KL
    /// divergence of the fit from the corpus, `share_fit * ln(share_fit / share_corpus)`
    /// (frequent here, rarer elsewhere); with `titlesOnly`, title terms ranked by how many
    /// fitting titles use them (the wording clients use). Terms whose
    /// key is in `ignore` are skipped, as is a word or phrase inside a longer listed phrase
    /// found in at least 80% as many fitting posts.
    public func characteristicTerms(_ fit: Fit, minShare: Double, ignore: Set<String>, limit: Int,
                                    titlesOnly: Bool = false) -> [Evidence] {
        guard fit.count > 0 else { return [] }
        var counts: [UInt32: Int] = [:]
        for post in fit.posts {
            if titlesOnly {
                for term in stats.titleTerms(ofPost: post) { counts[term, default: 0] += 1 }
            } else {
                for term in stats.terms(ofPost: post).ids { counts[term, default: 0] += 1 }
            }
        }
        let threshold = max(2, Int((minShare * Double(fit.count)).rounded(.up)))
        var candidates: [Evidence] = []
        for (term, inFit) in counts where inFit >= threshold {
            let key = stats.termKeys[Int(term)]
            if ignore.contains(key) || key.split(separator: " ").allSatisfy({ ignore.contains(String($0)) }) { continue }
            let inCorpus = Int(titlesOnly ? stats.titleDocumentFrequency[Int(term)] : stats.documentFrequency[Int(term)])
            let share = Double(inFit) / Double(fit.count)
            let background = Double(max(inCorpus, inFit)) / Double(stats.postCount)
            if share < background { continue }
            let weight = titlesOnly ? share : share * log(share / background) + 1e-6 * share
            candidates.append(Evidence(id: term, key: key, display: stats.termDisplays[Int(term)], inFit: inFit,
                                       fitSize: fit.count, inCorpus: inCorpus, corpusSize: stats.postCount, weight: weight))
        }
        candidates.sort { ($0.weight, $1.key) > ($1.weight, $0.key) }
        var chosen: [Evidence] = []
        for candidate in candidates {
            let words = " \(candidate.key) "
            // A longer phrase already chosen that contains this one and is about as frequent.
            let covered = chosen.contains { longer in
                " \(longer.key) ".contains(words) && longer.key != candidate.key && Double(longer.inFit) >= 0.8 * Double(candidate.inFit)
            }
            if covered { continue }
            // A shorter term already chosen that this phrase contains, about as frequent: replace it.
            chosen.removeAll { shorter in
                words.contains(" \(shorter.key) ") && shorter.key != candidate.key && Double(candidate.inFit) >= 0.8 * Double(shorter.inFit)
            }
            chosen.append(candidate)
            if chosen.count >= limit { break }
        }
        return chosen
    }

    /// Skill tags of the fitting posts, most used first (ties by tag order).
    public func fitTags(_ fit: Fit) -> [Evidence] {
        var counts: [UInt32: Int] = [:]
        for post in fit.posts { for tag in stats.tags(ofPost: post) { counts[tag, default: 0] += 1 } }
        return counts.map { tag, inFit in
            Evidence(id: tag, key: stats.tagKeys[Int(tag)], display: stats.tagDisplays[Int(tag)], inFit: inFit,
                     fitSize: fit.count, inCorpus: Int(stats.tagFrequency[Int(tag)]), corpusSize: stats.postCount,
                     weight: Double(inFit))
        }.sorted { ($0.inFit, $1.id) > ($1.inFit, $0.id) }
    }

    /// The hourly budgets (range midpoints) of the fitting posts that give one, ascending.
    public func hourlyBudgets(_ fit: Fit) -> [Double] {
        fit.posts.compactMap { stats.hourlyMidpoint(ofPost: $0) }.filter { $0 > 0 }.sorted()
    }

    /// The category distribution of a set of posts: (category, posts), most posts first.
    public func categoryCounts(_ posts: [Int]) -> [(category: String, count: Int)] {
        var counts: [Int32: Int] = [:]
        for post in posts where stats.postCategory[post] >= 0 { counts[stats.postCategory[post], default: 0] += 1 }
        return counts.map { (stats.categories[Int($0.key)], $0.value) }
            .sorted { ($0.count, $1.category) > ($1.count, $0.category) }
    }

    /// A post's title and place for evidence notes: "'Power BI report' (jobs.csv:12)".
    public func postReference(_ post: Int) -> String {
        "'\(stats.titles[post].prefix(70))' (\(stats.location(ofPost: post)))"
    }

    /// The first fitting post containing a term (for an example in a note).
    public func firstPost(in fit: Fit, withTerm term: UInt32) -> Int? {
        fit.posts.first { BM25.find(term, in: stats.terms(ofPost: $0).ids) != nil }
    }

    /// The tag ids of profile skills that the corpus knows.
    public func tagIDs(_ skills: [String]) -> [UInt32?] {
        skills.map { stats.tagIndex[canonicalizer.key($0)] }
    }
}

/// Small statistics helpers.
public enum Statistics {
    /// The `p`-th percentile (0-100) of ascending values, interpolating linearly between
    /// closest ranks (numpy's default method).
    public static func percentile(_ sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = (p / 100) * Double(sorted.count - 1)
        let low = Int(rank.rounded(.down)), high = Int(rank.rounded(.up))
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - Double(low))
    }

    /// Shannon entropy of a distribution divided by ln(`outcomes`): 0 = all in one
    /// outcome, 1 = spread evenly over all. 0 when there are fewer than 2 outcomes.
    public static func normalizedEntropy(_ weights: [Double], outcomes: Int) -> Double {
        let total = weights.reduce(0, +)
        guard outcomes >= 2, total > 0 else { return 0 }
        var entropy = 0.0
        for weight in weights where weight > 0 {
            let p = weight / total
            entropy -= p * log(p)
        }
        return entropy / log(Double(outcomes))
    }
}
