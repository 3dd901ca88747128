/// The best few of many scores without sorting them all: a corpus of 100,000 posts scores
/// every post for a query, and a rule reads the top 300.
enum TopScores {
    /// The indices of the `limit` highest positive `scores`, best first, ties by lower index
    /// (what a stable sort of all of them by descending score would put first). A heap of the
    /// `limit` best so far, its worst at the root: O(n log limit).
    static func best(_ scores: [Double], limit: Int) -> [Int] {
        guard limit > 0 else { return [] }
        /// Whether post `a` ranks before post `b`.
        func before(_ a: Int, _ b: Int) -> Bool { scores[a] != scores[b] ? scores[a] > scores[b] : a < b }
        var heap: [Int] = []
        heap.reserveCapacity(min(limit, scores.count))
        func siftDown(from start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1, right = left + 1
                var worst = parent
                if left < heap.count, before(heap[worst], heap[left]) { worst = left }
                if right < heap.count, before(heap[worst], heap[right]) { worst = right }
                guard worst != parent else { return }
                heap.swapAt(parent, worst)
                parent = worst
            }
        }
        // Posts come in ascending order, so a full heap takes a post only on a higher score
        // than its worst (on a tie the earlier post ranks first): most posts cost a comparison.
        // The heap is filled first, with the first `limit` positive scores; after that its
        // worst is positive, so that one comparison also leaves out the posts scoring 0, and
        // the scan tests one rarely taken branch per post, not also one taken about every
        // other post on a corpus of common words.
        scores.withUnsafeBufferPointer { scores in
            var post = 0
            while post < scores.count && heap.count < limit {
                if scores[post] > 0 {
                    heap.append(post)
                    var child = heap.count - 1
                    while child > 0, before(heap[(child - 1) / 2], heap[child]) {
                        heap.swapAt(child, (child - 1) / 2)
                        child = (child - 1) / 2
                    }
                }
                post += 1
            }
            guard heap.count == limit else { return }
            var worst = scores[heap[0]]
            while post < scores.count {
                if scores[post] > worst {
                    heap[0] = post
                    siftDown(from: 0)
                    worst = scores[heap[0]]
                }
                post += 1
            }
        }
        return heap.sorted(by: before)
    }
}
