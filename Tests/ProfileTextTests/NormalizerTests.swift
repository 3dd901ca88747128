import Testing
@testable import ProfileText

@Suite struct NormalizerTests {
    @Test func foldsWidthAndCase() {
        #expect(Normalizer.caseFold("Ｓｗｉｆｔ") == "swift")
        #expect(Normalizer.caseFold("SWIFT") == "swift")
        #expect(Normalizer.caseFold("ﬁle") == "file")
    }
}
