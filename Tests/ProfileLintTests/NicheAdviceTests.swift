import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules
import ProfileText

/// Off-niche skills and suggested tags on a small made-up corpus whose bookkeeping niche is a
/// minority: 15 bookkeeping posts (8 tagged `Bookkeeping`, 7 `Accounting`, 3 also `Data
/// Entry`, 5 `Finance`), 2 posts tagged `Payroll Compliance` beside `Accounting` whose text is
/// about something else, 20 finance posts (4 naming it: a tag no post names is not suggested,
/// `TagTextSupportTests`), and 300 Shopify posts of another niche, 40 of them
/// tagged `Data Entry` (and naming it, so it is not a scraping artifact).
@Suite struct NicheAdviceTests {
    static let corpus: Corpus = {
        var posts = TestCorpus()
        func add(_ title: String, _ description: String, _ skills: [String]) { posts.add(title, description, skills) }
        let firms = ["bakery", "dental clinic", "law office", "garage", "florist", "gym", "cafe"]
        for index in 0..<15 {
            let google = index % 3 == 0 ? " Reports go to our Google Spreadsheets." : ""
            add("QuickBooks bookkeeper for a \(firms[index % 7]) \(index)",
                "Monthly bookkeeping in QuickBooks: reconcile the bank feed and close the month.\(google) Batch \(index).",
                ["QuickBooks", index % 2 == 0 ? "Bookkeeping" : "Accounting"] + (index % 4 == 0 ? ["Xero"] : [])
                    + (index % 2 == 0 && index < 6 ? ["Data Entry"] : []) + (index % 2 == 0 && index >= 6 ? ["Finance"] : []))
        }
        for index in 0..<2 {
            add("Quarterly filings for a shop \(index)", "State forms due each quarter for a shop in Ohio \(index).",
                ["Payroll Compliance", "Accounting"])
        }
        for index in 0..<20 {
            let named = index % 5 == 0 ? " The finance lead reviews it." : ""
            add("Cash flow forecast \(index)", "A three-year forecast for a startup's seed round \(index).\(named)", ["Finance", "Financial Modeling"])
        }
        for index in 0..<300 {
            add("Product listing upload \(index)", "Copy product details into the store admin\(index < 40 ? " (data entry)" : ""), batch \(index).",
                ["Product Listings", "Shopify"] + (index < 40 ? ["Data Entry"] : []))
        }
        let aliases = try? SkillAliases([SkillAliases.Group(canonical: "Google Sheets", aliases: ["GSheets", "Google Spreadsheets"])])
        return posts.corpus(canonicalizer: TagCanonicalizer(aliases: aliases))
    }()

    static let bookkeeper = "title: QuickBooks Bookkeeper\noverview: Monthly books for small firms.\nskills: [QuickBooks, Bookkeeping]\n"

    static func lint(_ text: String, _ rules: [(id: String, body: String)]) throws -> [String] {
        let loaded = try rules.map { rule in
            let message = rule.body.contains("skill-coverage") ? "{tag}" : "{skill}"
            return try RuleLoader.load(SourceFile(path: "\(rule.id).yml", text: KindHarness.ruleFile(rule.body, id: rule.id, message: message)))
        }
        return Linter(ruleSet: try RuleSet(rules: loaded), corpus: corpus).lint(SourceFile(path: "p.yaml", text: text)).diagnostics
            .map(\.message).sorted()
    }

    @Test func theFitIsTheBookkeepingPosts() throws {
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: Self.bookkeeper)).profile)
        let fit = Self.corpus.fit(ProfileQuery(section: profile.general, corpus: Self.corpus))
        #expect(fit.count == 15, "\(fit.posts.map { Self.corpus.stats.titles[$0] })")
    }

    @Test func aSkillTheFittingPostsNameByAnotherAliasIsNotOffNiche() throws {
        // 'Google Sheets' is no post's tag; 5 fitting posts write 'Google Spreadsheets', an alias of it.
        let text = Self.bookkeeper.replacingOccurrences(of: "Bookkeeping]", with: "Bookkeeping, Google Sheets, GSheets]")
        #expect(try Self.lint(text, [("skills", "kind: off-niche\ncheck: skills")]).isEmpty)
        let names = CorpusSection.names(of: "GSheets", aliases: Self.corpus.canonicalizer.aliases)
        #expect(names == ["GSheets", "Google Sheets", "Google Spreadsheets"])
    }

    @Test func aRareTagWhoseCompanionsAreInTheNicheIsNotOffNiche() throws {
        // 'Payroll Compliance' is on 2 posts, neither fitting, both beside 'Accounting', which
        // 7 of the 15 fitting posts carry; 'Shopify' is beside 'Product Listings', on none of them.
        let text = Self.bookkeeper.replacingOccurrences(of: "Bookkeeping]", with: "Bookkeeping, Payroll Compliance, Shopify]")
        let found = try Self.lint(text, [("skills", "kind: off-niche\ncheck: skills")])
        #expect(found == ["Shopify"], "\(found)")
        // With a companion share above what 'Accounting' reaches, the rare tag is off-niche too.
        let strict = try Self.lint(text, [("skills", "kind: off-niche\ncheck: skills\nmin_companion_share: 0.6")])
        #expect(strict == ["Payroll Compliance", "Shopify"], "\(strict)")
    }

    @Test func aRareInNicheTagIsLeftToTheRareSkillsRule() throws {
        // 'Payroll Compliance' is in the niche (by its companion) but pairs with none of the
        // profile's tags: the rare-skills rule judges it; 'Shopify' is the off-niche rule's.
        // None of its 2 posts could as well be one in three: at the default share (0.1) the
        // rule says nothing; asked whether under half of its posts pair it (0 of 2: at most
        // 66%, under twice 50%), it reports it.
        let text = Self.bookkeeper.replacingOccurrences(of: "Bookkeeping]", with: "Bookkeeping, Payroll Compliance, Shopify]")
        #expect(try Self.lint(text, [("rare", "kind: niche-focus\ncheck: rare-skills\nmin_posts: 2")]).isEmpty)
        let rare = try Self.lint(text, [("rare", "kind: niche-focus\ncheck: rare-skills\nmin_posts: 2\nmin_cooccurrence: 0.5")])
        #expect(rare == ["Payroll Compliance"], "\(rare)")
        #expect(try Self.lint(text, [("skills", "kind: off-niche\ncheck: skills")]) == ["Shopify"])
    }

    @Test func aTagOfAnotherNicheThatAFewFittingPostsCarryIsNotSuggested() throws {
        // 'Data Entry' is on 3 of the 15 fitting posts and 1.6 times as common there as in the
        // rest, but 3 posts of 15 support a lift of only 0.6 (the lower bound of their share),
        // and only 3 of its 43 posts (7%) carry one of the profile's tags, not even twice the
        // 4.5% of all 337 posts that do: the other niche's tag, removed by either test.
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: Self.bookkeeper)).profile)
        let fit = Self.corpus.fit(ProfileQuery(section: profile.general, corpus: Self.corpus))
        let dataEntry = try #require(Self.corpus.fitTags(fit).first { $0.display == "Data Entry" })
        #expect(dataEntry.lift >= 1.5 && dataEntry.supportedLift < 1, "\(dataEntry.lift) \(dataEntry.supportedLift)")
        #expect(!Self.corpus.distinctiveTags(fit, minShare: 0.05, minLift: 1.5).map(\.display).contains("Data Entry"))
        let all = Self.corpus.distinctiveTags(fit, minShare: 0.05, minLift: 0.5).map(\.display)
        #expect(all.contains("Data Entry"), "\(all)")
        let suggestions = Suggestions.make(for: profile.general, corpus: Self.corpus, keywords: KeywordCoverageCheck())
        // 'Finance' is on 5 of its 25 posts beside the profile's tags, under half, but that is
        // 20%, four times the share of all posts: a broader tag of the niche, still suggested.
        #expect(suggestions.addTags.map(\.text) == ["Accounting", "Xero", "Finance"], "\(suggestions.addTags)")
        let gaps = try Self.lint(Self.bookkeeper, [("gaps", "kind: skill-coverage\ncheck: missing\nmin_share: 0.1")])
        #expect(gaps == ["Accounting", "Finance", "Xero"], "\(gaps)")
        // With the lift test loosened, the co-occurrence test alone still keeps it out.
        let loose = try Self.lint(Self.bookkeeper, [("gaps", "kind: skill-coverage\ncheck: missing\nmin_share: 0.1\nmin_lift: 0.5")])
        #expect(loose == ["Accounting", "Finance", "Xero"], "\(loose)")
        let looser = try Self.lint(Self.bookkeeper, [("gaps", "kind: skill-coverage\ncheck: missing\nmin_share: 0.1\nmin_lift: 0.5\nmin_cooccurrence: 0")])
        #expect(looser == ["Accounting", "Data Entry", "Finance", "Xero"], "\(looser)")
    }

    @Test func aSkillTheFittingPostsNameIsNotSuggestedToDrop() throws {
        // No post tags 'Google Sheets', but 5 of the 15 fitting posts name it by an alias;
        // 'Logo Design' is on no post and in no text.
        let text = Self.bookkeeper.replacingOccurrences(of: "Bookkeeping]", with: "Bookkeeping, Google Sheets, Logo Design]")
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: text)).profile)
        let suggestions = Suggestions.make(for: profile.general, corpus: Self.corpus, keywords: KeywordCoverageCheck())
        #expect(suggestions.fitSize == 15)
        #expect(suggestions.dropTags.map(\.text) == ["Logo Design"], "\(suggestions.dropTags)")
    }

    @Test func aSuggestedTagNeedsTheSupportOfEnoughFittingPosts() {
        // About the same lift (2.3 and 2.2) from 8 of 29 fitting posts and from 40 of 145: the
        // small fit supports a lift of 1.2 only, the large one 1.6.
        func tag(_ inFit: Int, _ fitSize: Int) -> Evidence {
            Evidence(id: 0, key: "t", display: "T", inFit: inFit, fitSize: fitSize, inCorpus: inFit + 219, corpusSize: 1866, weight: 0)
        }
        let small = tag(8, 29), large = tag(40, 145)
        #expect(abs(small.lift - large.lift) < 0.2 && small.lift > 2.2)
        #expect(!small.isDistinctive(minLift: 1.5) && large.isDistinctive(minLift: 1.5), "\(small.supportedLift) \(large.supportedLift)")
        #expect(small.supportedLift < large.supportedLift && large.supportedLift < large.lift)
    }
}
