import Foundation

/// Okapi BM25 over the corpus's unigram terms, the same formula as PyPI `rank-bm25` 0.2.2
/// `BM25Okapi` (a test checks the scores against it):
///
///     idf(t)     = ln((N - df + 0.5) / (df + 0.5)); a negative idf is floored at
///                  epsilon * (mean idf over all words)
///     score(d,q) = Σ_{t in q} idf(t) * tf(t,d) * (k1 + 1) / (tf(t,d) + k1 * (1 - b + b * |d| / avgdl))
///
/// with k1 = 1.5 (how fast repeated words stop adding), b = 0.75 (how much long posts are
/// normalized), epsilon = 0.25: the usual defaults, which suit posts of a few hundred words.
/// A query word repeated counts again (profile titles and skills are repeated to weigh more).
public struct BM25: Sendable {
    public static let k1 = 1.5
    public static let b = 0.75
    public static let epsilon = 0.25

    /// idf per term id (0 for phrases: only single words score).
    public let idf: [Double]
    public let averageLength: Double

    public init(stats: CorpusStats) {
        let count = Double(stats.postCount)
        var idf = [Double](repeating: 0, count: stats.termKeys.count)
        var sum = 0.0
        var words = 0
        var negative: [Int] = []
        for term in stats.termKeys.indices where stats.termLengths[term] == 1 {
            let frequency = Double(stats.documentFrequency[term])
            let value = Foundation.log(count - frequency + 0.5) - Foundation.log(frequency + 0.5)
            idf[term] = value
            sum += value
            words += 1
            if value < 0 { negative.append(term) }
        }
        let floor = words > 0 ? Self.epsilon * sum / Double(words) : 0
        for term in negative { idf[term] = floor }
        self.idf = idf
        let totalLength = stats.postLength.reduce(0) { $0 + Int($1) }
        averageLength = stats.postCount > 0 ? Double(totalLength) / count : 0
    }

    /// The score of every post for `query` (term ids, repeats allowed), computed in parallel
    /// chunks (each post's score is independent, so the result does not depend on threads).
    public func scores(_ query: [UInt32], stats: CorpusStats) -> [Double] {
        // Query terms in first-seen order with their repeat counts.
        var weights: [UInt32: Int] = [:]
        var order: [UInt32] = []
        for term in query where Int(term) < idf.count && idf[Int(term)] != 0 {
            if weights[term] == nil { order.append(term) }
            weights[term, default: 0] += 1
        }
        let terms = order.map { ($0, Double(weights[$0] ?? 0)) }
        let chunks = ParallelMap.chunks(count: stats.postCount) { range in
            range.map { post in score(post: post, terms: terms, stats: stats) }
        }
        return chunks.flatMap { $0 }
    }

    func score(post: Int, terms: [(UInt32, Double)], stats: CorpusStats) -> Double {
        let (ids, counts) = stats.terms(ofPost: post)
        let norm = Self.k1 * (1 - Self.b + Self.b * Double(stats.postLength[post]) / averageLength)
        var total = 0.0
        for (term, repeats) in terms {
            guard let position = Self.find(term, in: ids) else { continue }
            let frequency = Double(counts[position])
            total += repeats * idf[Int(term)] * (frequency * (Self.k1 + 1) / (frequency + norm))
        }
        return total
    }

    /// Binary search for `term` in a sorted slice; the slice index.
    package static func find(_ term: UInt32, in ids: ArraySlice<UInt32>) -> Int? {
        var low = ids.startIndex, high = ids.endIndex
        while low < high {
            let mid = (low + high) / 2
            if ids[mid] < term { low = mid + 1 } else { high = mid }
        }
        return low < ids.endIndex && ids[low] == term ? low : nil
    }
}
