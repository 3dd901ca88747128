import ProfileModel

/// Drops repeated posts as the mapped posts arrive, in post order, a file at a time: each
/// post's text and URL are checked and recorded as it comes (on the calling thread, while the
/// workers map the posts after it); whether the file's ids count (`DuplicateFilter.IDCheck`)
/// is known only at the file's end, which then drops the posts that repeat an earlier id.
struct PostSieve {
    private(set) var loaded = LoadedPosts(posts: [], issues: [], duplicates: 0)
    /// The current file's problems met while mapping its posts.
    private var fileIssues: [CorpusIssue] = []
    private var ids = DuplicateFilter.IDCheck()
    /// Where the current file's posts start in `loaded.posts`, and the positions of those that
    /// repeat an earlier post's id only (dropped if the file's ids are trusted).
    private var fileStart = 0
    private var repeatedIDs: [Int] = []

    /// The next post of the current file (nil when it is skipped), with the problems met
    /// mapping it.
    mutating func add(_ post: consuming JobPost?, keys: DuplicateFilter.Keys?, issues: [CorpusIssue],
                      filter: inout DuplicateFilter) {
        fileIssues += issues
        guard let post, let keys else { return }
        ids.add(post, content: keys.content)
        let repeats = filter.repeats(post, keys: keys)
        if repeats.byText {
            loaded.duplicates += 1
            return
        }
        if repeats.byID { repeatedIDs.append(loaded.posts.count) }
        loaded.posts.append(post)
    }

    /// Ends the current file, whose reading met `parseIssues`: its issues sorted by line, its
    /// ids trusted or not.
    mutating func endFile(parseIssues: [CorpusIssue], filter: inout DuplicateFilter) {
        var issues = AmbiguousAmount.oncePerFile(parseIssues + fileIssues)
        let trustIDs = ids.trusted(issues: &issues)
        loaded.issues += issues.enumerated().sorted {
            ($0.element.location.line, $0.element.location.column, $0.offset) < ($1.element.location.line, $1.element.location.column, $1.offset)
        }.map(\.element)
        filter.endFile(trustIDs: trustIDs)
        if trustIDs, !repeatedIDs.isEmpty {
            let dropped = Set(repeatedIDs)
            let kept = loaded.posts[fileStart...].indices.filter { !dropped.contains($0) }.map { loaded.posts[$0] }
            loaded.posts.replaceSubrange(fileStart..., with: kept)
            loaded.duplicates += dropped.count
        }
        fileIssues = []
        ids = DuplicateFilter.IDCheck()
        repeatedIDs = []
        fileStart = loaded.posts.count
    }
}
