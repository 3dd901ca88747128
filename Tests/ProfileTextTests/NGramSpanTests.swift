import PropertyBased
import Testing
@testable import ProfileText

/// `NGrams.appendSpans` (the n-gram rule on buffers, as the corpus analysis calls it) against
/// the rule written out: every run of 1 to `maxLength` words of one phrase that starts and ends
/// with an edge word, by start, then by length.
@Suite struct NGramSpanTests {
    static func naiveSpans(_ words: [(phrase: Int32, isEdge: Bool)], maxLength: Int) -> [(first: Int32, last: Int32)] {
        var spans: [(first: Int32, last: Int32)] = []
        for first in words.indices {
            for last in first..<min(words.count, first + max(0, maxLength))
            where words[first...last].allSatisfy({ $0.phrase == words[first].phrase })
                && words[first].isEdge && words[last].isEdge {
                spans.append((Int32(first), Int32(last)))
            }
        }
        return spans
    }

    static let words = zip(Gen.int32(in: 0...3), Gen<Bool?>.element(of: [true, true, false]).map { $0 ?? true })
        .array(of: 0...30)
        .map { pairs in
            // Phrase indexes never decrease along a text.
            var phrase: Int32 = 0
            return pairs.map { step, isEdge -> (phrase: Int32, isEdge: Bool) in
                if step == 0 { phrase += 1 }
                return (phrase, isEdge)
            }
        }

    @Test func equalsTheRuleWrittenOut() async {
        await propertyCheck(count: 3000, input: Self.words, Gen.int(in: 0...NGrams.Window.span)) { words, maxLength in
            var spans: [(first: Int32, last: Int32)] = []
            let phrases = words.map(\.phrase), edges = words.map(\.isEdge)
            phrases.withUnsafeBufferPointer { phrases in
                edges.withUnsafeBufferPointer { NGrams.appendSpans(phrases: phrases, edges: $0, maxLength: maxLength, to: &spans) }
            }
            let expected = Self.naiveSpans(words, maxLength: maxLength)
            #expect(spans.elementsEqual(expected) { $0 == $1 }, "\(words) max \(maxLength)")
        }
    }
}
