import Foundation

/// Posts' titles told apart by their bytes, each with how many of the posts added have it, in
/// the order of their first post: what `Corpus.titlesHolding` lists. A title is hashed and
/// compared in place in the mapped column, and a `String` is made once per distinct title
/// (`list`), where a `String` made and hashed (with Unicode normalization) per post was most
/// of the cost of listing thousands of fitting posts' titles, most of them repeats.
struct DistinctTitles {
    private let titles: Column<String>
    /// The first post of each distinct title, and how many posts have it.
    private var posts: [Int] = []
    private var weights: [Int] = []
    /// The first distinct title (an index into `posts`) by the hash of its bytes, and per
    /// distinct title the next one of the same hash (-1: none).
    private var slots: [UInt64: Int] = [:]
    private var next: [Int] = []

    init(_ titles: Column<String>) {
        self.titles = titles
    }

    /// Counts `post`'s title: one more post of a title seen before, or a new title.
    mutating func add(_ post: Int) {
        let hash = withBytes(post, Self.hash)
        var slot = slots[hash] ?? -1
        while slot >= 0 {
            if sameBytes(posts[slot], post) {
                weights[slot] += 1
                return
            }
            slot = next[slot]
        }
        next.append(slots[hash] ?? -1)
        slots[hash] = posts.count
        posts.append(post)
        weights.append(1)
    }

    /// Each distinct title (as the column reads it) with its post count, in the order added.
    var list: [(text: String, weight: Int)] {
        zip(posts, weights).map { (titles[$0], $1) }
    }

    /// The first lane of `StableHasher` over `bytes`: equal titles hash alike, and a collision
    /// costs a second comparison, not a wrong count.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(bytes: bytes)
        return hasher.first
    }

    /// Whether the titles of posts `one` and `other` have the same bytes.
    private func sameBytes(_ one: Int, _ other: Int) -> Bool {
        withBytes(one) { first in
            withBytes(other) { second in
                first.count == second.count && (first.isEmpty || memcmp(first.baseAddress!, second.baseAddress!, first.count) == 0)
            }
        }
    }

    /// `body` with the UTF-8 bytes of `post`'s title: in place for a mapped column (no
    /// `String` made), else the stored string's.
    private func withBytes<Result>(_ post: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        if let section = titles.mappedSection {
            guard post >= 0, post < section.count else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
            return body(String.utf8(at: post, in: section))
        }
        var title = titles[post]
        return title.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }
}
