import Testing
@testable import ProfileCorpus

/// URLs decide duplicates; the byte path for ASCII URLs must give the same key as the
/// character path every other URL takes.
@Suite struct DuplicateFilterTests {
    @Test func urlKeysDropSchemeQueryFragmentWWWAndTrailingSlashes() {
        #expect(DuplicateFilter.normalizedURL(" HTTPS://www.Example.com/Jobs/~01/?ref=x#top ") == "Example.com/Jobs/~01")
        #expect(DuplicateFilter.normalizedURL("http://WWW.x.io//") == "x.io")
        #expect(DuplicateFilter.normalizedURL("https://münchen.example/Stelle/") == "münchen.example/Stelle")
        #expect(DuplicateFilter.normalizedURL("  \t ") == "")
    }

    @Test func asciiURLKeysEqualTheCharacterPath() {
        let pieces = ["https://", "HTTP://", "http://", "www.", "WWW.", "example.com", "/", "//", "?", "#", "a=b", " ", "\t",
                      "\r\n", "Path", "~01", ".", "ww", "h", "https:/", "x"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<4_000 {
            var url = ""
            for _ in 0..<Int(state % 7) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                url += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            #expect(DuplicateFilter.asciiNormalizedURL(url) == DuplicateFilter.unicodeNormalizedURL(url), "\(url.debugDescription)")
        }
    }
}
