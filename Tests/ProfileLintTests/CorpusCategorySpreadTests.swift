import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// `niche-focus` with `check: categories` on a small labelled corpus: SQL is clearly `data`
/// (10 posts), Flutter clearly `mobile` (10), Blog Writing clearly `writing` (8); Magento has
/// too few posts (2 data, 1 mobile), Copywriting is a tie (4 data, 4 mobile) and Excel has no
/// clear majority (6 data, 5 mobile). The tests of how one tag is counted set
/// `min_niche_tags: 1`, so that one tag of a category is a niche; the tests of niches use the
/// default, 2.
@Suite struct CorpusCategorySpreadTests {
    static func posts(labelled: Bool = true) -> [JobPost] {
        var posts: [JobPost] = []
        func add(_ count: Int, _ title: String, _ skills: [String], _ category: String) {
            for _ in 0..<count {
                posts.append(SmallCorpus.post(posts.count, title: title, skills: skills, category: labelled ? category : nil))
            }
        }
        add(10, "SQL reporting", ["SQL"], "data")
        add(10, "Flutter screens", ["Flutter"], "mobile")
        add(8, "Blog articles", ["Blog Writing"], "writing")
        add(2, "Magento shop data", ["Magento"], "data")
        add(1, "Magento shop app", ["Magento"], "mobile")
        add(4, "Copywriting for dashboards", ["Copywriting"], "data")
        add(4, "Copywriting for apps", ["Copywriting"], "mobile")
        add(6, "Excel models", ["Excel"], "data")
        add(5, "Excel app data", ["Excel"], "mobile")
        return posts
    }

    static let corpus = SmallCorpus.make(posts())

    static func check(_ extra: String = "") throws -> NicheFocusCheck {
        try NicheFocusCheck(rule: KindHarness.rule("kind: niche-focus\ncheck: categories\nfield: skills\nmax_entropy: 0.45\nmin_posts: 5\nmin_share: 0.6\n\(extra)"))
    }

    static func findings(_ skills: String, corpus: Corpus = corpus, nicheTags: Int = 1) throws -> [Finding] {
        let profile = try SmallCorpus.profile("title: Freelancer\nskills: [\(skills)]")
        // Any number of fitting posts is enough here: profiles made of the tied and rare tags
        // are thin in this corpus (few of their posts carry a tag marking a category), and
        // these tests are about how the spread check counts those tags.
        let context = LintContext(profile: profile, corpus: corpus, fitCriterion: FitCriterion(minFittingPosts: 1))
        #expect(CorpusSection(profile.general, context: context) != nil, "the profile must fit some posts, or the test proves nothing")
        return try check("min_niche_tags: \(nicheTags)").check(profile.general, context: context)
    }

    @Test func tagsWithFewPostsTiesOrNoClearMajorityCountForNothing() throws {
        // Magento, Copywriting and Excel would each have counted for a category by plurality.
        #expect(try Self.findings("SQL, Magento, Copywriting, Excel").isEmpty)
        #expect(try Self.findings("Flutter, Magento, Copywriting, Excel").isEmpty)
    }

    @Test func tagsInTwoClearCategoriesAreReportedWithWhatWasNotCounted() throws {
        let finding = try #require(try Self.findings("SQL, Flutter, Copywriting, Magento").first)
        #expect(finding.arguments["categories"] == "2")
        #expect(finding.arguments["spread"] == "1 in data, 1 in mobile")
        #expect(finding.arguments["entropy"] == "0.50")
        #expect(finding.notes.contains { $0.message.hasSuffix("data: 'SQL'; mobile: 'Flutter'") })
        #expect(finding.notes.contains { $0.message.hasSuffix("or no clear majority): 'Copywriting', 'Magento'") })
    }

    @Test func aProfileInOneCategoryOrNoneIsNotToldToPickANiche() throws {
        #expect(try Self.findings("Blog Writing, Copywriting, Magento").isEmpty)
        #expect(try Self.findings("Copywriting, Excel, Magento").isEmpty)
    }

    @Test func withoutCategoriesThereIsNoFindingAndTheScoreIsCohesionAlone() throws {
        let unlabelled = SmallCorpus.make(Self.posts(labelled: false))
        #expect(unlabelled.stats.categories.isEmpty)
        #expect(try Self.findings("SQL, Flutter", corpus: unlabelled).isEmpty)
        let profile = try SmallCorpus.profile("title: Freelancer\nskills: [SQL, Flutter]")
        // No post carries both tags: co-occurrence 0, so the score is 0 without a category term,
        // and with one it is 50 × (1 − 0.5): two even niches.
        let single = try Self.check("min_niche_tags: 1")
        #expect(single.score(profile.general, context: LintContext(profile: profile, corpus: unlabelled)) == 0)
        #expect(single.score(profile.general, context: LintContext(profile: profile, corpus: Self.corpus)) == 25)
        // SQL counts for data, Copywriting for nothing: one category, no spread.
        let focused = try SmallCorpus.profile("title: Freelancer\nskills: [SQL, Copywriting]")
        #expect(single.score(focused.general, context: LintContext(profile: focused, corpus: Self.corpus)) == 50)
        // With niches of two tags, SQL alone is no niche: the score is cohesion alone.
        #expect(try Self.check().score(focused.general, context: LintContext(profile: focused, corpus: Self.corpus)) == 0)
    }

    @Test func theSpreadReadsTheSameWithManyLabels() throws {
        // Ten more labels: two tags in two even categories read 0.5 all the same.
        let filler = (0..<10).flatMap { label in
            (0..<2).map { SmallCorpus.post(1000 + label * 2 + $0, title: "Other work \(label)", skills: ["Other \(label)"], category: "other-\(label)") }
        }
        let corpus = SmallCorpus.make(Self.posts() + filler)
        #expect(corpus.stats.categories.count == 13)
        let finding = try #require(try Self.findings("SQL, Flutter", corpus: corpus).first)
        #expect(finding.arguments["entropy"] == "0.50")
    }

    /// Two even niches of three tags each are reported whatever the number of labels: the
    /// spread is measured against four even niches, not against the most the tags and labels
    /// allow (which read 0.39 here, with six tags over thirteen labels, under the threshold).
    @Test func twoEvenNichesAreReportedInACorpusWithManyLabels() throws {
        var posts: [JobPost] = []
        for (skill, category) in [("SQL", "data"), ("Tableau", "data"), ("Power BI", "data"),
                                  ("Flutter", "mobile"), ("Kotlin", "mobile"), ("SwiftUI", "mobile")] {
            for _ in 0..<6 { posts.append(SmallCorpus.post(posts.count, title: "\(skill) work", skills: [skill], category: category)) }
        }
        for label in 0..<11 {
            for _ in 0..<2 { posts.append(SmallCorpus.post(posts.count, title: "Other work \(label)", skills: ["Other \(label)"], category: "other-\(label)")) }
        }
        let corpus = SmallCorpus.make(posts)
        #expect(corpus.stats.categories.count == 13)
        let finding = try #require(try Self.findings("SQL, Tableau, Power BI, Flutter, Kotlin, SwiftUI", corpus: corpus, nicheTags: 2).first)
        #expect(finding.arguments["categories"] == "2")
        #expect(finding.arguments["entropy"] == "0.50")
        // One niche of three tags is not reported, however many labels.
        #expect(try Self.findings("SQL, Tableau, Power BI", corpus: corpus, nicheTags: 2).isEmpty)
    }

    /// A one-topic corpus labelled by subcategory: 16 `Data Analysis` and 16 `Data
    /// Visualization` posts sharing three of their five tags, and 16 `Mobile` posts.
    static let subcategories: Corpus = {
        var posts: [JobPost] = []
        func add(_ title: String, _ skills: [String], _ category: String) {
            for _ in 0..<16 { posts.append(SmallCorpus.post(posts.count, title: title, skills: skills, category: category)) }
        }
        add("Power BI analysis", ["Microsoft Power BI", "SQL", "DAX", "Microsoft Excel", "Data Analysis"], "Data Analysis")
        add("Power BI dashboards", ["Microsoft Power BI", "SQL", "DAX", "Data Visualization", "Dashboard"], "Data Visualization")
        add("Flutter screens", ["Flutter", "Dart"], "Mobile")
        return SmallCorpus.make(posts)
    }()

    @Test func siblingCategoriesThatShareMostTagsAreOneNiche() throws {
        let corpus = Self.subcategories
        let ids = Dictionary(uniqueKeysWithValues: corpus.stats.categories.enumerated().map { ($0.element, Int32($0.offset)) })
        let (analysis, visualization, mobile) = try (#require(ids["Data Analysis"]), #require(ids["Data Visualization"]), #require(ids["Mobile"]))
        #expect(abs(corpus.categoryTagOverlap(analysis, visualization) - 0.6) < 1e-9)
        #expect(corpus.categoryTagOverlap(analysis, mobile) == 0)
        #expect(corpus.siblingGroups([analysis, mobile, visualization], minOverlap: 0.5) == [[analysis, visualization], [mobile]])
        let skills = "Data Visualization, Dashboard, Microsoft Excel, Data Analysis"
        #expect(try Self.findings(skills, corpus: corpus).isEmpty)
        // Only the sibling test keeps them together: with an overlap no pair reaches, two categories.
        let profile = try SmallCorpus.profile("title: Freelancer\nskills: [\(skills)]")
        let strict = try Self.check("min_sibling_overlap: 1")
        #expect(strict.check(profile.general, context: LintContext(profile: profile, corpus: corpus)).first?.arguments["categories"] == "2")
    }

    @Test func siblingsStillSpreadAgainstAnotherNiche() throws {
        let finding = try #require(try Self.findings("Data Visualization, Data Analysis, Flutter, Dart", corpus: Self.subcategories).first)
        #expect(finding.arguments["spread"] == "2 in Data Analysis + Data Visualization, 2 in Mobile")
        #expect(finding.notes.contains { $0.message.hasPrefix("'Data Analysis', 'Data Visualization' share most of their tags") })
    }

    @Test func numericLabelsReadAsCategoriesNotCounts() throws {
        let coded = SmallCorpus.make(Self.posts().map { post in
            var post = post
            post.category = ["data": "3", "mobile": "1", "writing": "7"][post.category ?? ""] ?? post.category
            return post
        })
        let finding = try #require(try Self.findings("SQL, Flutter", corpus: coded).first)
        #expect(finding.arguments["spread"] == "1 in category 1, 1 in category 3")
        #expect(NicheFocusCheck.label("Data Analysis") == "Data Analysis" && NicheFocusCheck.label("12") == "category 12")
    }

    @Test func whenTooFewFitNoNicheAdviceIsGiven() throws {
        // Fewer than 50 posts fit either profile: `corpus-fit` says so, and neither the
        // categories nor the rarely paired skills are read from other niches' posts.
        func findings(_ skills: String, check: NicheFocusCheck) throws -> [Finding] {
            let profile = try SmallCorpus.profile("title: Freelancer\nskills: [\(skills)]")
            let context = LintContext(profile: profile, corpus: Self.corpus, fitCriterion: FitCriterion(minFittingPosts: 50))
            #expect(CorpusSection.any(profile.general, context: context)?.fit.isEnough == false)
            return check.check(profile.general, context: context)
        }
        // Each tag is on 8 or 10 posts paired with none of the others: too few to show a share
        // under 10%, enough to show one under 30% (upper bounds 0.32 and 0.28, under 0.6).
        let rare = try NicheFocusCheck(rule: KindHarness.rule("kind: niche-focus\ncheck: rare-skills\nfield: skills\nmin_posts: 2\nmin_cooccurrence: 0.3"))
        for skills in ["SQL, Flutter", "SQL, Flutter, Blog Writing", "Blog Writing, Copywriting, Excel, Beekeeping"] {
            #expect(try findings(skills, check: Self.check("min_niche_tags: 1")).isEmpty, "\(skills)")
            #expect(try findings(skills, check: rare).isEmpty, "\(skills)")
        }
        // With enough fitting posts the same profiles are judged.
        #expect(try Self.findings("SQL, Flutter").count == 1)
        let profile = try SmallCorpus.profile("title: Freelancer\nskills: [SQL, Flutter, Blog Writing]")
        #expect(rare.check(profile.general, context: LintContext(profile: profile, corpus: Self.corpus)).count == 3)
    }

    @Test func minShareMustBeAMajority() {
        let error = KindHarness.loadError(KindHarness.ruleFile("kind: niche-focus\ncheck: categories\nfield: skills\nmin_share: 0.4"))
        #expect(error?.contains("min_share") == true, "\(error ?? "no error")")
    }
}
