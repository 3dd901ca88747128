import Foundation

/// How often a term or tag appears in the fitting posts and in the whole corpus.
package struct Evidence: Sendable, Equatable {
    /// Term or tag id.
    package var id: UInt32
    /// Canonical key (term stems, or tag key).
    package var key: String
    /// Readable form.
    package var display: String
    /// Fitting posts containing it, and how many posts fit.
    package var inFit: Int
    package var fitSize: Int
    /// Posts of the whole corpus containing it, and the corpus size.
    package var inCorpus: Int
    package var corpusSize: Int
    /// Ranking weight (see the function that produced it).
    package var weight: Double
    /// The posts the corpus counts are of when not the whole corpus ("in Spanish or of no clear
    /// language", `LanguageBackground`), else nil.
    package var scope: String?

    /// The fewest fitting posts any advice rests on (a suggested tag or term, a skill kept as
    /// central to the niche): one client's wording or tagging is never advice.
    package static let minSupport = 3

    package var fitShare: Double { fitSize > 0 ? Double(inFit) / Double(fitSize) : 0 }
    var corpusShare: Double { corpusSize > 0 ? Double(inCorpus) / Double(corpusSize) : 0 }
    /// Posts outside the fit containing it, and how many posts are outside the fit.
    var inRest: Int { max(0, inCorpus - inFit) }
    var restSize: Int { max(0, corpusSize - fitSize) }

    /// How many times as common it is in the fit as in the other posts (add-one smoothed);
    /// against the whole corpus when the other posts are fewer than the fitting ones (too
    /// few to compare with), where it cannot exceed 1 / corpus share.
    var lift: Double {
        guard fitSize > 0 else { return 0 }
        guard restSize >= fitSize else { return corpusShare > 0 ? fitShare / corpusShare : 1 }
        return fitShare / (Double(inRest + 1) / Double(restSize + 1))
    }

    /// What marks the niche: `share × ln(lift)`, frequent in the fit and distinctive of it.
    package var markerWeight: Double { fitShare * log(max(lift, 1)) }

    /// The lift the fitting posts support: the lower bound of the fit share's 95% Wilson
    /// interval over the rest's share. A tag on 8 of 29 fitting posts and 12% of the rest has a
    /// lift of 2.3 but supports only 1.2: a few posts of a small fit say little.
    var supportedLift: Double {
        guard fitSize > 0 else { return 0 }
        let lower = WilsonInterval(share: fitShare, size: fitSize).lower
        return lift * lower / max(fitShare, .leastNonzeroMagnitude)
    }

    /// Whether it is at least `minLift` times as common in the fit as in the other posts, at
    /// the lower bound of what the fit supports; always true when the other posts are fewer
    /// than the fitting ones.
    package func isDistinctive(minLift: Double) -> Bool {
        restSize < fitSize || supportedLift >= minLift
    }

    /// "3.9 times as common as in the other 48 posts (9% of them)", or "in none of the other
    /// 48 posts"; nil when every post fits.
    package var contrast: String? {
        guard restSize > 0 else { return nil }
        let others = restSize == 1 ? "the other post" : "the other \(restSize.grouped) posts"
        guard inRest > 0 else { return "in none of \(others)" }
        let restShare = Double(inRest) / Double(restSize)
        let ratio = fitShare / restShare
        if ratio < 1.2 { return "about as common as in \(others) (\(Percent.format(restShare)) of them)" }
        let times = ratio >= 10 ? "\(Int(ratio.rounded()))" : String(format: "%.1f", ratio)
        return "\(times) times as common as in \(others) (\(Percent.format(restShare)) of them)"
    }

    /// "in 212 of the 300 fitting posts (71%; 18% of all 2,350 posts)"; "of the 1,250 posts in
    /// Spanish or of no clear language" when the counts are of a language's posts.
    package var sentence: String {
        let fit = fitSize == 1 ? "the fitting post" : "the \(fitSize.grouped) fitting posts"
        let all = scope.map { "the \(corpusSize.grouped) posts \($0)" } ?? "all \(corpusSize.grouped) posts"
        return "in \(inFit.grouped) of \(fit) (\(Percent.format(fitShare)); \(Percent.format(corpusShare)) of \(all))"
    }
}

/// Formats a share as a whole percentage.
package enum Percent {
    package static func format(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}

extension Corpus {
    /// The written form of each term key: its most common spelling in the skill tags of the
    /// fitting posts where it is the whole tag (`React Native`, `Flutter`) or has capitals
    /// inside a word (`Power BI` of `Microsoft Power BI`), else its most common spelling in
    /// their titles, lowercased unless it has capitals inside a word (`iOS`, `SQL`), since
    /// tags and titles capitalize every word. Keys found in neither are left out. Only the
    /// titles holding one of the terms are read, each distinct title once (`titlesHolding`).
    func surfaceForms(of terms: [Evidence], in fit: Fit) -> [String: String] {
        let keys = Set(terms.map(\.key))
        guard !keys.isEmpty else { return [:] }
        // A gram's key is built only when its first stem starts one of the keys: most grams of
        // a title start none, and joining their stems was most of the time spent here.
        func forms(_ texts: [(text: String, weight: Int)], keys: Set<String>) -> [String: String] {
            let firstStems = Set(keys.map { String($0.prefix { $0 != " " }) })
            var counts: [String: [String: Int]] = [:]
            for (text, weight) in texts {
                var utf8: [UInt8]?
                for gram in CorpusText.ngrams(text) where gram.stems.first.map(firstStems.contains) == true {
                    let key = gram.key
                    guard keys.contains(key) else { continue }
                    let bytes = utf8 ?? Array(text.utf8)
                    utf8 = bytes
                    guard gram.range.upperBound <= bytes.count,
                          let written = String(validating: bytes[gram.range], as: UTF8.self) else { continue }
                    counts[key, default: [:]][written, default: 0] += weight
                }
            }
            return counts.compactMapValues { forms in forms.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key }
        }
        let tags = fitTags(fit)
        let wholeTags = Set(tags.map { tagStemKey($0.id) })
        let fromTags = forms(tags.map { ($0.display, $0.inFit) }, keys: keys).filter { key, form in
            wholeTags.contains(key) || Self.hasInnerCapitals(form)
        }
        // A key a tag writes is shown as the tag writes it: titles are read for the other keys only.
        let titleKeys = keys.subtracting(fromTags.keys)
        guard !titleKeys.isEmpty else { return fromTags }
        let fromTitles = forms(titlesHolding(Set(terms.filter { titleKeys.contains($0.key) }.map(\.id)), in: fit),
                               keys: titleKeys).mapValues { form in
            Self.hasInnerCapitals(form) ? form : form.lowercased()
        }
        return fromTitles.merging(fromTags) { _, tag in tag }
    }

    /// The distinct titles (by their bytes: `DistinctTitles`) of the fitting posts whose titles
    /// hold one of `terms`, each with how many of those posts have it, in the order of their
    /// first post in the corpus: one pass over the fitting posts' title rows in corpus order
    /// (`postsInCorpusOrder`). A title reposted many times is read once. (Titles equal as
    /// strings but not in bytes, differently normalized, are two entries: `surfaceForms` sums
    /// the weights of each written form, so it reads the same forms and counts either way.)
    func titlesHolding(_ terms: Set<UInt32>, in fit: Fit) -> [(text: String, weight: Int)] {
        let termCount = stats.termKeys.count
        var wanted = [UInt64](repeating: 0, count: (termCount + 63) / 64)
        for term in terms where Int(term) < termCount { wanted[Int(term) >> 6] |= 1 << UInt64(term & 63) }
        var titles = DistinctTitles(stats.titles)
        for post in postsInCorpusOrder(fit) {
            var holds = false
            stats.titleTerms(ofPost: post).forEachID { id in
                if wanted[Int(id >> 6)] & (1 << UInt64(id & 63)) != 0 { holds = true }
            }
            if holds { titles.add(post) }
        }
        return titles.list
    }

    /// Whether a word of the text has a capital after its first letter (`iOS`, `SQL`, `PowerBI`).
    static func hasInnerCapitals(_ text: String) -> Bool {
        text.split(separator: " ").contains { word in word.dropFirst().contains { $0.isUppercase } }
    }

    /// Skill tags of the fitting posts, most used first (ties by tag order); memoized.
    package func fitTags(_ fit: Fit) -> [Evidence] {
        memoized(FitTagsKey(posts: fit.postsKey)) {
            let index = fitIndex(fit)
            return index.ids.indices.map { place in
                let (tag, inFit) = (index.ids[place], index.count(at: place))
                return Evidence(id: tag, key: stats.tagKeys[Int(tag)], display: stats.tagDisplays[Int(tag)], inFit: inFit,
                                fitSize: fit.count, inCorpus: Int(stats.tagFrequency[Int(tag)]), corpusSize: stats.postCount,
                                weight: Double(inFit))
            }.sorted { ($0.inFit, $1.id) > ($1.inFit, $0.id) }
        }
    }

    /// The memo key of `fitTags`.
    private struct FitTagsKey: Hashable {
        var posts: FitPostsKey
    }


    /// The category distribution of a set of posts: (category, posts), most posts first.
    package func categoryCounts(_ posts: [Int]) -> [(category: String, count: Int)] {
        var counts: [Int32: Int] = [:]
        for post in posts where stats.postCategory[post] >= 0 { counts[stats.postCategory[post], default: 0] += 1 }
        return counts.map { (stats.categories[Int($0.key)], $0.value) }
            .sorted { ($0.count, $1.category) > ($1.count, $0.category) }
    }

    /// A post's title and place for evidence notes: "'Power BI report' (jobs.csv:12)".
    package func postReference(_ post: Int) -> String {
        "'\(stats.titles[post].prefix(70))' (\(stats.location(ofPost: post)))"
    }

    /// The tag ids of profile skills that the corpus knows.
    package func tagIDs(_ skills: [String]) -> [UInt32?] {
        skills.map { stats.tagIndex[canonicalizer.key($0)] }
    }
}

extension Corpus {
    /// How many distinct titles the fitting posts whose titles hold the term `term` have,
    /// counting up to `limit`: two titles are one when the words of one (4 or more) are all in
    /// the other and the other adds at most half as many (case folded): one client reposting a
    /// job under one title, or under that title and a suffix ('... - Quicksight'), is one
    /// piece of evidence.
    static let minRepostWords = 4

    package func distinctTitles(holding term: UInt32, in fit: Fit, limit: Int) -> Int {
        // Shortest first, so that a title and its suffixed reposts meet their common title first.
        let holding = fit.posts.filter { BM25.find(term, in: stats.titleTerms(ofPost: $0)) != nil }
            .map { Set(stats.titles[$0].lowercased().split { !$0.isLetter && !$0.isNumber }) }
            .sorted { $0.count < $1.count }
        var titles: [Set<Substring>] = []
        // A short title ('Data Analyst') is not a repost of every longer one holding it: only a
        // title of at least `minRepostWords` words, grown by at most half its length, is.
        func isRepost(_ words: Set<Substring>, of title: Set<Substring>) -> Bool {
            title.count >= Self.minRepostWords && 2 * (words.count - title.count) <= title.count && title.isSubset(of: words)
        }
        for words in holding where !titles.contains(where: { isRepost(words, of: $0) }) {
            titles.append(words)
            if titles.count >= limit { break }
        }
        return titles.count
    }
}

/// Small statistics helpers.
package enum Statistics {
    /// The `p`-th percentile (0-100) of ascending values, interpolating linearly between
    /// closest ranks (numpy's default method).
    package static func percentile(_ sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = (p / 100) * Double(sorted.count - 1)
        let low = Int(rank.rounded(.down)), high = Int(rank.rounded(.up))
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - Double(low))
    }

    /// Shannon entropy of a distribution divided by ln(`outcomes`): 0 = all in one
    /// outcome, 1 = spread evenly over all. 0 when there are fewer than 2 outcomes.
    package static func normalizedEntropy(_ weights: [Double], outcomes: Int) -> Double {
        // Summed in sorted order: callers pass dictionary values, whose order changes from
        // run to run, and floating-point sums in another order can differ in the last digit.
        let sorted = weights.sorted()
        let total = sorted.reduce(0, +)
        guard outcomes >= 2, total > 0 else { return 0 }
        var entropy = 0.0
        for weight in sorted where weight > 0 {
            let p = weight / total
            entropy -= p * log(p)
        }
        return entropy / log(Double(outcomes))
    }
}
