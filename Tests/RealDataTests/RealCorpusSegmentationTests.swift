import Testing
@testable import ProfileText

/// The ASCII word scanner and the phrase numbering without sentences give exactly the ICU
/// path's words and phrases on every title and description of both real corpora.
@Suite struct RealCorpusSegmentationTests {
    @Test(arguments: [RealData.fourTracks, RealData.dataAnalyst])
    func fastPathsMatchICUOnEveryPost(path: String) throws {
        let posts = try RealData.loadPosts(path).posts
        #expect(posts.count > 300)
        var words = 0, mismatches: [String] = []
        for post in posts {
            for var text in [post.title, post.description] {
                let start = String(text.prefix(80))
                text.withUTF8 { bytes in
                    let fast = Tokenizer.wordRanges(in: bytes)
                    var phrased: [(Range<Int>, Int)] = [], segmented: [(Range<Int>, Int)] = []
                    TextAnalyzer.segmentPhrases(bytes) { phrased.append(($0, $1)) }
                    _ = TextAnalyzer.segment(bytes) { range, _, phrase in segmented.append((range, phrase)) }
                    let sameWords = fast == Tokenizer.icuWordRanges(in: bytes)
                    let samePhrases = phrased.elementsEqual(segmented) { $0 == $1 } && phrased.map(\.0) == fast
                    if !sameWords || !samePhrases { mismatches.append(start) }
                    words += fast.count
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) texts differ, first: \(mismatches.prefix(3))")
        #expect(words > 50_000)
    }
}
