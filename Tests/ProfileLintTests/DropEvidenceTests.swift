import Testing
@testable import ProfileCorpus
@testable import ProfileRules

/// A skill is told to drop only when the fit is large enough to show it rare: the upper bound of
/// its share's Wilson interval under twice the drop share.
@Suite struct DropEvidenceTests {
    @Test func theIntervalHoldsTheShareAndNarrowsWithTheSample() {
        let small = WilsonInterval(share: 1.0 / 24, size: 24), large = WilsonInterval(share: 10.0 / 240, size: 240)
        #expect(small.lower < 1.0 / 24 && 1.0 / 24 < small.upper)
        #expect(large.upper - large.lower < small.upper - small.lower)
        #expect(abs(small.upper - 0.202) < 0.001 && abs(small.lower - 0.0074) < 0.001)
        #expect(WilsonInterval(share: 0, size: 0) == WilsonInterval(share: 0.5, size: 0))
    }

    @Test func oneOfTwentyFourIsNoEvidenceOfRarityButNoneOfSixtyFiveIs() {
        let limit = Suggestions.dropEvidenceFactor * 0.05
        #expect(WilsonInterval(share: 1.0 / 24, size: 24).upper >= limit)
        #expect(WilsonInterval(share: 0, size: 24).upper >= limit)
        #expect(WilsonInterval(share: 0, size: 65).upper < limit)
        #expect(WilsonInterval(share: 3.0 / 152, size: 152).upper < limit)
    }
}
