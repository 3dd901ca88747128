/// A fit's posts as a memo key, hashed once when the fit is made: the memos of what a fit
/// derives (its tag index, the posts holding some terms, its characteristic terms and tags) are
/// looked up thousands of times in one lint, and hashing tens of thousands of post indices on
/// every look-up cost more than some of the work the memos save.
package struct FitPostsKey: Hashable, Sendable {
    let posts: [Int]
    private let hash: Int

    init(_ posts: [Int]) {
        self.posts = posts
        hash = posts.hashValue
    }

    package static func == (one: FitPostsKey, other: FitPostsKey) -> Bool {
        one.hash == other.hash && one.posts == other.posts
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(hash)
    }
}
