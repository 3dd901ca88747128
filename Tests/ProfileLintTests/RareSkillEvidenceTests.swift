import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// `corpus-rare-skills` says a skill dilutes the niche only when the posts tagging it are enough
/// to show that few pair it with the profile's other tags: the drop list's evidence
/// (`WilsonInterval.showsUnder`), over the skill's posts instead of the fit.
@Suite struct RareSkillEvidenceTests {
    @Test func aShareIsShownUnderAThresholdOnlyByEnoughOfASample() {
        // 0 of 15 could still be 20% (upper bound 0.204); 0 of 16 cannot (0.194).
        #expect(!WilsonInterval.showsUnder(0.1, count: 0, of: 15) && WilsonInterval.showsUnder(0.1, count: 0, of: 16))
        #expect(!WilsonInterval.showsUnder(0.1, count: 0, of: 2) && !WilsonInterval.showsUnder(0.1, count: 0, of: 8))
        #expect(!WilsonInterval.showsUnder(0.1, count: 1, of: 24) && WilsonInterval.showsUnder(0.1, count: 1, of: 25))
        // At or over the threshold, however large the sample: not under it.
        #expect(!WilsonInterval.showsUnder(0.1, count: 100, of: 1000) && !WilsonInterval.showsUnder(0.1, count: 0, of: 0))
        // The drop list asks the same of a fit (its extra: a skill on no fitting post).
        #expect(Suggestions.showsRare(1, of: 80, share: 0.05) == WilsonInterval.showsUnder(0.05, count: 1, of: 80))
        #expect(Suggestions.showsRare(1, of: 24, share: 0.05) == WilsonInterval.showsUnder(0.05, count: 1, of: 24))
    }

    /// 40 data posts (SQL, Power BI, Excel; the first three name e-commerce) and `count` shop
    /// posts tagged `E-commerce` beside `Shopify` only.
    static func rareSkills(shopPosts count: Int) throws -> [String] {
        var posts = TestCorpus()
        for index in 0..<40 {
            let shop = index < 3 ? " Our e-commerce sales come from two shops." : ""
            posts.add("SQL and Power BI report \(index)", "Build a Power BI report on our SQL sales tables, part \(index).\(shop)",
                      ["SQL", "Microsoft Power BI", "Microsoft Excel"])
        }
        for index in 0..<count {
            posts.add("Online shop setup \(index)", "Set up our e-commerce store on Shopify, batch \(index).", ["E-commerce", "Shopify"])
        }
        let rule = try RuleLoader.load(SourceFile(path: "rare.yml", text: KindHarness.ruleFile(
            "kind: niche-focus\ncheck: rare-skills\nmin_posts: 2", id: "rare", message: "{skill} {together} {posts}")))
        let text = "title: Data Analyst\nskills: [SQL, Microsoft Power BI, Microsoft Excel, E-commerce]\n"
        return Linter(ruleSet: try RuleSet(rules: [rule]), corpus: posts.corpus()).lint(SourceFile(path: "p.yaml", text: text))
            .diagnostics.map(\.message)
    }

    @Test func aFewPostsOfATagSayNothingAndManyDo() throws {
        // Fitting posts name e-commerce, so it is not off-niche; none of its posts carry the
        // profile's other tags. 8 posts (the example corpus's) are no evidence; 16 are.
        #expect(try Self.rareSkills(shopPosts: 8).isEmpty)
        #expect(try Self.rareSkills(shopPosts: 15).isEmpty)
        #expect(try Self.rareSkills(shopPosts: 16) == ["E-commerce none 16"])
    }
}
