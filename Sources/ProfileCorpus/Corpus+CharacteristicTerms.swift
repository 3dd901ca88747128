import Foundation

extension Corpus {
    /// Whether a term is boilerplate of the whole corpus: in more than half of all titles or
    /// of all posts (a site suffix such as `- Upwork`, `developer` in a developer feed), or a
    /// phrase starting or ending with a word in more than half of all titles.
    func isBoilerplate(_ term: UInt32) -> Bool {
        let half = stats.postCount / 2
        guard stats.postCount >= 4 else { return false }
        if Int(stats.titleDocumentFrequency[Int(term)]) > half || Int(stats.documentFrequency[Int(term)]) > half { return true }
        let words = stats.termKeys[Int(term)].split(separator: " ")
        guard words.count > 1 else { return false }
        return [words.first, words.last].contains { word in
            guard let word, let id = stats.termIndex[String(word)] else { return false }
            return Int(stats.titleDocumentFrequency[Int(id)]) > half
        }
    }

    /// Terms that mark the fitting posts, strongest first: in at least `minShare` of them and
    /// at least `minPosts` (support), at least `minLift` times as common there as in the other
    /// posts (`Evidence.lift`), ranked by `share × ln(lift)`. A corpus made mostly of the fit
    /// has no background to compare with; there the lift is taken against the whole corpus.
    /// With `titlesOnly`, the same over title terms (the wording clients use).
    ///
    /// Never reported: terms in `ignore` or starting or ending with one (`analyst needed`),
    /// filler (`FillerWords`), and boilerplate (`isBoilerplate`). A fragment gives way to its
    /// phrase: a word or bigram at least half of whose fitting posts (and `minPosts`) also
    /// contain one longer n-gram holding it (`power` in `power bi`) is reported as that phrase; a phrase holding a
    /// term already reported is dropped. Each term's display is its most common written form
    /// in the fitting posts' titles and tags (`Power BI`).
    ///
    /// With `language`, a term's posts outside the fit are counted among the posts in that
    /// language or of no clear language (`languageBackground`) when the corpus has others: the
    /// fit is then the fitting posts in that language (`Fit.inLanguage`).
    package func characteristicTerms(_ fit: Fit, minShare: Double, ignore: Set<String>, limit: Int,
                                    titlesOnly: Bool = false, minLift: Double = 1, minPosts: Int = Evidence.minSupport,
                                    language: PostLanguage? = nil) -> [Evidence] {
        guard fit.count > 0 else { return [] }
        let key = CharacteristicTermsKey(posts: fit.postsKey, minShare: minShare, ignore: ignore, limit: limit,
                                         titlesOnly: titlesOnly, minLift: minLift, minPosts: minPosts, language: language)
        return memoized(key) {
            let counts = withTermCountTable { table in
                FitTermCounts(posts: postsInCorpusOrder(fit), stats: stats, titles: titlesOnly, minimum: Self.smallestCount(fit, key: key),
                              table: &table)
            }
            return characteristicTerms(fit, index: counts, key: key)
        }
    }

    /// Everything `characteristicTerms` depends on besides the corpus: its memo key.
    struct CharacteristicTermsKey: Hashable {
        var posts: FitPostsKey
        var minShare: Double
        var ignore: Set<String>
        var limit: Int
        var titlesOnly: Bool
        var minLift: Double
        var minPosts: Int
        var language: PostLanguage?
    }

    /// The candidate threshold: a term must be in this many fitting posts to be reported.
    static func threshold(_ fit: Fit, key: CharacteristicTermsKey) -> Int {
        max(key.minPosts, Int((key.minShare * Double(fit.count)).rounded(.up)))
    }

    /// The fewest fitting posts holding a term that `characteristicTerms` looks at: as a
    /// candidate (`threshold`) or as a phrase that may take a candidate's place (the container
    /// floor: each of up to two steps needs half of the posts before it).
    static func containerFloor(_ fit: Fit, key: CharacteristicTermsKey) -> Int {
        max(2, key.minPosts, (threshold(fit, key: key) + 3) / 4)
    }

    /// The smallest count `characteristicTerms` reads: terms in fewer fitting posts need not be counted.
    static func smallestCount(_ fit: Fit, key: CharacteristicTermsKey) -> Int {
        min(threshold(fit, key: key), containerFloor(fit, key: key))
    }

    /// `characteristicTerms`, computed from the fit's term counts (`index`: at least every term
    /// in `smallestCount` fitting posts or more). Phrases in fewer than `containerFloor`
    /// fitting posts are not looked at as containers: nil is the smallest count that can change
    /// the result; 2 looks at all (what the tests compare with, with every term counted).
    func characteristicTerms(_ fit: Fit, index: FitTermCounts, key: CharacteristicTermsKey, containerFloor: Int? = nil) -> [Evidence] {
        let (ignore, titlesOnly, minPosts) = (key.ignore, key.titlesOnly, key.minPosts)
        let background = key.language.flatMap { languageBackground($0, titlesOnly: titlesOnly) }
        let backgroundSize = background?.postCount ?? stats.postCount
        func isExcluded(_ term: UInt32) -> Bool {
            let key = stats.termKeys[Int(term)]
            let words = key.split(separator: " ").map(String.init)
            return ignore.contains(key) || words.first.map(ignore.contains) == true || words.last.map(ignore.contains) == true
                || FillerWords.marks(stats.termDisplays[Int(term)]) || isBoilerplate(term)
        }
        func evidence(_ term: UInt32, inFit: Int) -> Evidence {
            let frequency = Int(titlesOnly ? stats.titleDocumentFrequency[Int(term)] : stats.documentFrequency[Int(term)])
            let inCorpus = background?.frequency(of: term, corpusFrequency: frequency) ?? frequency
            var item = Evidence(id: term, key: stats.termKeys[Int(term)], display: stats.termDisplays[Int(term)], inFit: inFit,
                                fitSize: fit.count, inCorpus: max(inCorpus, inFit), corpusSize: backgroundSize, weight: 0,
                                scope: background?.scope)
            item.weight = item.markerWeight + 1e-6 * item.fitShare
            return item
        }
        let threshold = Self.threshold(fit, key: key)
        var candidates: [Evidence] = []
        for place in index.ids.indices where index.count(at: place) >= threshold && !isExcluded(index.ids[place]) {
            let candidate = evidence(index.ids[place], inFit: index.count(at: place))
            if candidate.lift >= max(key.minLift, 1) || fit.count > backgroundSize - fit.count { candidates.append(candidate) }
        }
        candidates.sort { ($0.weight, $1.key) > ($1.weight, $0.key) }

        // The most frequent longer n-gram holding each shorter one, among the fitting posts' terms.
        // Ties go to the lower term id (first seen in the corpus), so the choice is stable. Only
        // phrases that can take a candidate's place (below) are looked at: a candidate is in at
        // least `threshold` posts, and each of up to two steps needs half of the posts before it.
        let floor = containerFloor ?? Self.containerFloor(fit, key: key)
        var container: [String: (term: UInt32, inFit: Int)] = [:]
        for place in index.ids.indices where index.count(at: place) >= floor
            && stats.termLengths[Int(index.ids[place])] > 1 {
            let (term, inFit) = (index.ids[place], index.count(at: place))
            for part in Self.subGrams(of: stats.termKeys[Int(term)]) {
                if let known = container[part], (known.inFit, term) >= (inFit, known.term) { continue }
                container[part] = (term, inFit)
            }
        }
        var chosen: [Evidence] = []
        var chosenKeys = Set<String>()
        for var candidate in candidates {
            var dropped = false
            // Up to two steps: `power` → `power bi` → `microsoft power bi`.
            for _ in 0..<2 {
                guard let longer = container[candidate.key], 2 * longer.inFit >= candidate.inFit,
                      longer.inFit >= minPosts else { break }
                // A fragment of an excluded phrase (`key` of `key responsibilities`) is dropped.
                if isExcluded(longer.term) {
                    dropped = true
                    break
                }
                // The phrase takes the fragment's rank, even where it alone would miss the lift.
                let weight = candidate.weight
                candidate = evidence(longer.term, inFit: longer.inFit)
                candidate.weight = weight
            }
            let words = " \(candidate.key) "
            let pairs = Set(Self.subGrams(of: candidate.key).filter { $0.contains(" ") })
            // Dropped: a phrase holding a reported term, or overlapping a reported phrase by two
            // words (`driven decision making` after `data driven decision`).
            if dropped || chosenKeys.contains(candidate.key) || chosen.contains(where: { words.contains(" \($0.key) ") })
                || chosen.contains(where: { !pairs.isDisjoint(with: Self.subGrams(of: $0.key)) }) { continue }
            chosen.append(candidate)
            chosenKeys.insert(candidate.key)
            if chosen.count >= key.limit { break }
        }
        let displays = surfaceForms(of: chosen, in: fit)
        return chosen.map { term in
            var term = term
            term.display = displays[term.key] ?? term.display
            return term
        }
    }

    /// The contiguous shorter n-grams of a 2- or 3-word key (`a b c` → `a`, `b`, `c`, `a b`, `b c`).
    static func subGrams(of key: String) -> [String] {
        let words = key.split(separator: " ").map(String.init)
        // A key of one word has none (a damaged cache can pair a 1-word key with length 3).
        guard words.count > 1 else { return [] }
        var parts: [String] = []
        for length in 1..<words.count {
            for start in 0...(words.count - length) {
                parts.append(words[start..<(start + length)].joined(separator: " "))
            }
        }
        return parts
    }
}
