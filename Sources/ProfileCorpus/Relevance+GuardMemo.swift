extension Relevance {
    /// The guards a fit has built, by shared tags, and a cursor per guard word in its BM25
    /// postings (one fit, one thread). A fit judges its posts in corpus order, so each guard
    /// word's postings are read forward, galloping past the posts it skips
    /// (`Corpus.firstPosting`): a binary search of each guard word in every judged post's term
    /// row read tens of thousands of rows, out of order, for a few ids each.
    final class GuardMemo {
        var lists: [[UInt32]: WeightedWords] = [:]
        /// Per guard word, its slot in the cursors.
        private var slots: [UInt32: Int] = [:]
        /// Per slot, where the word's postings start and end, and the first not yet passed.
        private var starts: [Int] = [], ends: [Int] = [], cursors: [Int] = []
        /// The post scored last: a post before it sends every cursor back to its start.
        private var last = -1

        /// The cursor slot of `word` (a word with postings: non-zero idf), made the first time.
        func slot(of word: UInt32, bm25: BM25) -> Int {
            if let known = slots[word] { return known }
            let postings = bm25.postingPosts.count
            let start = Int(word) + 1 < bm25.postingStart.count ? min(Int(bm25.postingStart[Int(word)]), postings) : 0
            let end = Int(word) + 1 < bm25.postingStart.count ? max(start, min(Int(bm25.postingStart[Int(word) + 1]), postings)) : 0
            slots[word] = starts.count
            starts.append(start)
            ends.append(end)
            cursors.append(start)
            return starts.count - 1
        }

        /// `post`'s BM25 score for `words` (from `Section.guardWeights`) over the score of an
        /// average-length post using each once, nil when none weighs anything: the sums of
        /// `Relevance.wordScore`, in the same order, with each count read from the postings.
        func score(_ post: Int, words: WeightedWords, bm25: BM25) -> Double? {
            guard words.weight > 0 else { return nil }
            guard post < bm25.norms.count else { return 0 / words.weight }
            if post < last { cursors = starts }
            last = post
            let norm = bm25.norms[post]
            let counts = bm25.postingCounts
            var score = 0.0
            // The cursors and ends in place: each access to a property of this class checked
            // exclusivity at run time, per guard word of every judged post.
            bm25.postingPosts.withUnsafeElements(0..<bm25.postingPosts.count) { postings in
                cursors.withUnsafeMutableBufferPointer { cursors in
                    ends.withUnsafeBufferPointer { ends in
                        for (slot, idf) in zip(words.slots, words.idfs) {
                            let place = Corpus.firstPosting(atLeast: UInt32(post), in: postings, from: cursors[slot], to: ends[slot])
                            cursors[slot] = place
                            guard place < ends[slot], postings[place] == post, place < counts.count else { continue }
                            let frequency = Double(counts[place])
                            score += idf * (frequency * (BM25.k1 + 1) / (frequency + norm))
                        }
                    }
                }
            }
            return score / words.weight
        }
    }
}
