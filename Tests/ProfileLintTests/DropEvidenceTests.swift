import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// A skill is told to drop only when the fit is large enough to show it rare: the upper bound of
/// its share's Wilson interval under twice the drop share. A skill no fitting post carries or
/// names is off the niche at any fit size, as `corpus-off-niche-skills` reports it.
@Suite struct DropEvidenceTests {
    @Test func theIntervalHoldsTheShareAndNarrowsWithTheSample() {
        let small = WilsonInterval(share: 1.0 / 24, size: 24), large = WilsonInterval(share: 10.0 / 240, size: 240)
        #expect(small.lower < 1.0 / 24 && 1.0 / 24 < small.upper)
        #expect(large.upper - large.lower < small.upper - small.lower)
        #expect(abs(small.upper - 0.202) < 0.001 && abs(small.lower - 0.0074) < 0.001)
        #expect(WilsonInterval(share: 0, size: 0) == WilsonInterval(share: 0.5, size: 0))
    }

    @Test func oneOfTwentyFourIsNoEvidenceOfRarityButOneOfEightyIs() {
        #expect(!Suggestions.showsRare(1, of: 24, share: 0.05))
        #expect(Suggestions.showsRare(1, of: 80, share: 0.05))
        #expect(!Suggestions.showsRare(2, of: 60, share: 0.05) && Suggestions.showsRare(2, of: 80, share: 0.05))
        #expect(Suggestions.showsRare(3, of: 152, share: 0.05))
        // Over the drop share, however large the fit: not rare.
        #expect(!Suggestions.showsRare(50, of: 1000, share: 0.05))
        // None of the fitting posts: off the niche, as the off-niche finding says.
        #expect(Suggestions.showsRare(0, of: 15, share: 0.05) && !Suggestions.showsRare(0, of: 0, share: 0.05))
    }

    /// `count` Android posts, the first naming Espresso, and 150 web posts; the profile lists
    /// Espresso (one fitting post) and Logo Design (no post at all).
    static func advice(androidPosts count: Int) throws -> (drop: [String], offNiche: [String], fit: Int) {
        var posts = TestCorpus()
        for index in 0..<count {
            posts.add("Android app screens \(index)", "Build Android screens in Kotlin, part \(index).\(index == 0 ? " Add Espresso tests." : "")",
                      ["Android", "Kotlin"])
        }
        for index in 0..<150 {
            posts.add("Web shop pages \(index)", "Build React pages for a shop, part \(index).", ["React", "JavaScript"])
        }
        let corpus = posts.corpus()
        let text = "title: Android Developer\nskills: [Android, Kotlin, Espresso, Logo Design]\n"
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: text)).profile)
        let suggestions = Suggestions.make(for: profile.general, corpus: corpus, keywords: KeywordCoverageCheck())
        let rule = try RuleLoader.load(SourceFile(path: "off.yml", text: KindHarness.ruleFile("kind: off-niche\ncheck: skills", id: "off", message: "{skill}")))
        let offNiche = Linter(ruleSet: try RuleSet(rules: [rule]), corpus: corpus).lint(SourceFile(path: "p.yaml", text: text)).diagnostics.map(\.message)
        return (suggestions.dropTags.map(\.text), offNiche, suggestions.fitSize)
    }

    @Test func aSmallFitDropsOnlyWhatNoFittingPostHas() throws {
        // 1 of 24 fitting posts names Espresso: in the niche it could be 1 in 5. Logo Design is
        // on none: dropped, and reported off-niche by lint with the same evidence.
        let small = try Self.advice(androidPosts: 24)
        #expect(small.fit == 24)
        #expect(small.drop == ["Logo Design"], "\(small.drop)")
        #expect(small.offNiche == ["Logo Design"], "\(small.offNiche)")
    }

    @Test func aLargeFitShowsASkillOnOneOfItsPostsRare() throws {
        let large = try Self.advice(androidPosts: 80)
        #expect(large.fit == 80)
        #expect(large.drop == ["Logo Design", "Espresso"], "\(large.drop)")
        // Lint's off-niche finding stays for skills no fitting post has: Espresso is in the niche's text.
        #expect(large.offNiche == ["Logo Design"], "\(large.offNiche)")
    }
}
