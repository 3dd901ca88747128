/// How the corpus's categories read a section's skill tags, and how many fitting posts carry one
/// that marks a niche of the corpus: the fit's support.
///
/// A niche cut to a small part of a corpus keeps the posts of other niches that use its common
/// skills: on a corpus holding 5% JavaScript posts, a React profile fitted 55 posts of which
/// 36% were JavaScript ones, the others AI and mobile posts carrying `React`, `JavaScript`,
/// `HTML`, which that corpus's AI and mobile searches returned more often than its JavaScript
/// one. No test of one post tells them apart (they are the same posts in the whole corpus);
/// the fit as a whole does: when most of its posts carry only skills the corpus's categories
/// all use, the niche is thin in this corpus, and the advice would be the other niches'.
extension Corpus {
    /// Categories whose posts' tag distributions overlap by at least this much are one niche
    /// (the subcategories of one search); the default of `corpus-category-spread`'s
    /// `min_sibling_overlap`.
    package static let siblingOverlap = 0.5
    /// A tag is judged by its categories only with at least this many posts having one.
    static let minJudgedTagPosts = 5
    /// The categories tell tags apart when at least this share of the tag uses of categorized
    /// posts are of tags that mark a category; else (categories that are no niches, such as an
    /// experience level) no tag is judged by them.
    static let minMarkedUses = 0.5
    /// More categories than this are not grouped into siblings (pairwise overlaps), and the
    /// support is not judged: a column of that many values is no set of niches.
    static let maxJudgedCategories = 64

    /// How the categories read a tag.
    package enum TagReach: Sendable, Equatable {
        /// At least `FitCriterion.minCategoryShare` of its categorized posts are in one category
        /// (siblings joined): the index of that group of categories.
        case marks(Int)
        /// Its posts spread over the categories.
        case spread
        /// Fewer than `minJudgedTagPosts` of its posts have a category.
        case unjudged
    }

    /// Per tag id, how the categories read it; nil when the corpus has no categories, more than
    /// `maxJudgedCategories`, categories that are all siblings of one another, or categories
    /// that do not tell its tags apart (`minMarkedUses`).
    /// Memoized per share (in a box: the memo cannot hold a nil).
    package func tagReaches(minShare: Double) -> [TagReach]? {
        memoized(TagReachKey(minShare: minShare)) { Reaches(byTag: readTags(minShare: minShare)) }.byTag
    }

    /// `tagReaches`, computed.
    private func readTags(minShare: Double) -> [TagReach]? {
        let categories = stats.categories.count
        guard categories > 1, categories <= Self.maxJudgedCategories else { return nil }
        let groups = siblingGroups((0..<Int32(categories)).map { $0 }, minOverlap: Self.siblingOverlap)
        guard groups.count > 1 else { return nil }
        var groupOf = [Int](repeating: 0, count: categories)
        for (group, members) in groups.enumerated() {
            for member in members { groupOf[Int(member)] = group }
        }
        var reaches = [TagReach](repeating: .unjudged, count: stats.tagKeys.count)
        var uses = 0, marked = 0
        var byGroup = [Int](repeating: 0, count: categories)
        // Each tag's posts by category, read from the categories' distributions (ascending by
        // tag, walked with a cursor each) rather than from the tag's postings again.
        let distributions = categoryTagUses()
        var cursors = [Int](repeating: 0, count: categories)
        for tag in reaches.indices {
            for index in byGroup.indices { byGroup[index] = 0 }
            for (category, uses) in distributions.enumerated() where cursors[category] < uses.tags.count
                && uses.tags[cursors[category]] == UInt32(tag) {
                byGroup[groupOf[category]] += uses.counts[cursors[category]]
                cursors[category] += 1
            }
            let total = byGroup.reduce(0, +)
            guard total >= Self.minJudgedTagPosts else { continue }
            let top = byGroup.indices.max { (byGroup[$0], $1) < (byGroup[$1], $0) } ?? 0
            let marks = Double(byGroup[top]) / Double(total) >= minShare
            reaches[tag] = marks ? .marks(top) : .spread
            uses += total
            if marks { marked += total }
        }
        guard uses > 0, Double(marked) / Double(uses) >= Self.minMarkedUses else { return nil }
        return reaches
    }

    /// How many of `posts` are evidence of the section's niche: all but the tagged posts whose
    /// section tags (`query.tags`) all spread over the corpus's categories; nil when the
    /// categories judge no tag (`tagReaches`). A post fitting on words, or carrying a section
    /// tag the categories cannot judge, counts.
    func support(of posts: [Int], query: FitQuery, criterion: FitCriterion) -> Int? {
        guard let reaches = tagReaches(minShare: criterion.minCategoryShare) else { return nil }
        // A query of words alone (a title part's): no post shares a section tag, all count.
        guard !query.tags.isEmpty else { return posts.count }
        let wanted = TagSet(query.tags, tagCount: stats.tagKeys.count)
        return posts.count(where: { post in
            var shares = false, marked = false
            stats.tags(ofPost: post).forEachID { tag in
                guard wanted.contains(tag) else { return }
                shares = true
                if reaches[Int(tag)] != .spread { marked = true }
            }
            return !shares || marked
        })
    }

    /// The section's tags the fitting posts carry that spread over the corpus's categories,
    /// those most fitting posts carry first: what a thin fit is made of.
    package func spreadTags(of fit: Fit, query: FitQuery) -> [String] {
        guard let reaches = tagReaches(minShare: fit.criterion.minCategoryShare) else { return [] }
        let wanted = Set(query.tags.filter { Int($0) < reaches.count && reaches[Int($0)] == .spread })
        var counts: [UInt32: Int] = [:]
        for post in fit.posts {
            stats.tags(ofPost: post).forEachID { tag in if wanted.contains(tag) { counts[tag, default: 0] += 1 } }
        }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { stats.tagDisplays[Int($0.key)] }
    }

    /// The group of categories most of the fit's posts point to: per fitting post, the groups
    /// its section tags mark, each once; nil when the categories judge no tag or no fitting post
    /// carries a marking section tag. The niche a suggested tag must not lie outside
    /// (`distinctiveTags`).
    func mainGroup(of fit: Fit, sectionTags: Set<UInt32>) -> Int? {
        guard let reaches = tagReaches(minShare: fit.criterion.minCategoryShare) else { return nil }
        // Groups are indices below the number of categories: counted in a table, each post's
        // groups once (the post seen last marks a group counted for it), no set per post. The
        // posts are read in corpus order (their tag rows ascending).
        var counts = [Int](repeating: 0, count: stats.categories.count)
        var countedFor = [Int](repeating: -1, count: stats.categories.count)
        let wanted = TagSet(Array(sectionTags), tagCount: stats.tagKeys.count)
        for post in postsInCorpusOrder(fit) {
            stats.tags(ofPost: post).forEachID { tag in
                guard wanted.contains(tag), Int(tag) < reaches.count, case .marks(let group) = reaches[Int(tag)],
                      countedFor[group] != post else { return }
                countedFor[group] = post
                counts[group] += 1
            }
        }
        // The most posts; ties to the lowest group.
        var best: Int?
        for group in counts.indices where counts[group] > 0 && counts[group] > best.map({ counts[$0] }) ?? 0 { best = group }
        return best
    }

    /// Whether `tag` marks a group of categories other than `group`: another niche's tag.
    func marksOtherGroup(_ tag: UInt32, than group: Int?, minShare: Double) -> Bool {
        guard let group, let reaches = tagReaches(minShare: minShare), Int(tag) < reaches.count,
              case .marks(let marked) = reaches[Int(tag)] else { return false }
        return marked != group
    }

    /// The memo key of `tagReaches`.
    private struct TagReachKey: Hashable {
        var minShare: Double
    }

    /// What `tagReaches` memoizes.
    private struct Reaches {
        var byTag: [TagReach]?
    }
}
