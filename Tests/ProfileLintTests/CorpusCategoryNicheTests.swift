import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// `niche-focus` with `check: categories`: a tag is read where the profile uses it, and a
/// second niche takes more than one tag. The corpus: 20 Android posts, 6 Android posts that
/// also store data in SQLite, 12 web posts tagged SQLite, 6 web posts tagged Git, 20 BI
/// posts. Most posts tagged SQLite are web posts (12 of 18); beside Android's tags all are
/// Android posts. Git is on web posts only, and never beside an Android tag.
@Suite struct CorpusCategoryNicheTests {
    static func posts() -> [JobPost] {
        var posts: [JobPost] = []
        func add(_ count: Int, _ title: String, _ skills: [String], _ category: String) {
            for _ in 0..<count { posts.append(SmallCorpus.post(posts.count, title: title, skills: skills, category: category)) }
        }
        add(20, "Android app", ["Android", "Kotlin", "Mobile App Development"], "mobile")
        add(6, "Android offline storage", ["Android", "Kotlin", "SQLite"], "mobile")
        add(12, "Web app", ["React", "Node.js", "SQLite"], "web")
        add(6, "Web repository", ["React", "Git"], "web")
        add(20, "Sales reports", ["SQL", "Microsoft Power BI", "Dashboard"], "data")
        return posts
    }

    static let corpus = SmallCorpus.make(posts())

    static func check(nicheTags: Int = 2) throws -> NicheFocusCheck {
        try NicheFocusCheck(rule: KindHarness.rule("kind: niche-focus\ncheck: categories\nfield: skills\nmin_niche_tags: \(nicheTags)"))
    }

    static func section(_ skills: String) throws -> (ProfileSection, LintContext) {
        let profile = try SmallCorpus.profile("title: Freelancer\nskills: [\(skills)]")
        let context = LintContext(profile: profile, corpus: corpus)
        #expect(CorpusSection(profile.general, context: context) != nil, "the profile must fit enough posts, or the test proves nothing")
        return (profile.general, context)
    }

    static func findings(_ skills: String, nicheTags: Int = 2) throws -> [Finding] {
        let (section, context) = try Self.section(skills)
        return try check(nicheTags: nicheTags).check(section, context: context)
    }

    static func spread(_ skills: String, nicheTags: Int = 2) throws -> NicheFocusCheck.CategorySpread? {
        let (section, context) = try Self.section(skills)
        return try check(nicheTags: nicheTags).categorySpread(try #require(CorpusSection(section, context: context)))
    }

    @Test func aTagCountsForTheCategoryOfThePostsWhereTheProfileUsesIt() throws {
        // Beside Android and Kotlin, SQLite is on Android posts only: one niche, even when one
        // tag makes a niche.
        let android = try #require(try Self.spread("Android, Kotlin, Mobile App Development, SQLite", nicheTags: 1))
        #expect(android.groups.map(\.category) == ["mobile"])
        #expect(android.groups.first?.skills.contains("SQLite") == true)
        #expect(try Self.findings("Android, Kotlin, Mobile App Development, SQLite", nicheTags: 1).isEmpty)
        // Beside web tags the same tag is a web tag.
        let web = try #require(try Self.spread("React, Node.js, SQLite", nicheTags: 1))
        #expect(web.groups.map(\.category) == ["web"] && web.groups.first?.skills.count == 3)
    }

    @Test func aTagTooRarelyBesideTheProfileIsReadOnAllItsPosts() throws {
        // No post carries Git beside an Android tag: Git counts where all its posts are, web.
        let spread = try #require(try Self.spread("Android, Kotlin, Git", nicheTags: 1))
        #expect(spread.groups.map(\.category) == ["mobile", "web"])
        #expect(try Self.findings("Android, Kotlin, Git", nicheTags: 1).count == 1)
    }

    @Test func oneTagOfAnotherCategoryIsAStraySkillNotASecondNiche() throws {
        // Two stray tags in two other categories made three "niches" of 3, 1 and 1 tags.
        let skills = "Android, Kotlin, Mobile App Development, Git, SQL"
        #expect(try Self.findings(skills, nicheTags: 1).count == 1)
        #expect(try Self.findings(skills).isEmpty)
        let spread = try #require(try Self.spread(skills))
        #expect(spread.groups.map(\.category) == ["mobile"])
        #expect(spread.stray.map(\.skill).sorted() == ["Git", "SQL"])
        #expect(spread.entropy == 0)
    }

    @Test func twoTagsOfEachMakeTwoNichesAndTheStrayOneIsNamed() throws {
        let finding = try #require(try Self.findings("Android, Kotlin, SQL, Microsoft Power BI, Git").first)
        #expect(finding.arguments["spread"] == "2 in data, 2 in mobile")
        #expect(finding.notes.contains { $0.message.hasPrefix("not a niche (fewer than 2 of your skills, or under 15% of them, in its category") && $0.message.hasSuffix("'Git' (web)") })
    }

    @Test func twoTagsAmongManySkillsAreADomainNotASecondNiche() throws {
        // Fifteen skills: four Android ones, two BI tags, nine the corpus does not know. Two of
        // fifteen is under `min_niche_share` (0.15): the BI tags are stray, not a second niche.
        let skills = "Android, Kotlin, Mobile App Development, SQLite, SQL, Microsoft Power BI, Jira, Figma, Scrum, Trello, Notion, Slack, Miro, Asana, Zoom"
        let (section, context) = try Self.section(skills)
        let corpusSection = try #require(CorpusSection(section, context: context))
        let spread = try #require(try Self.check().categorySpread(corpusSection))
        #expect(spread.groups.map(\.category) == ["mobile"])
        #expect(spread.stray.map(\.skill).sorted() == ["Microsoft Power BI", "SQL"])
        #expect(try Self.check().check(section, context: context).isEmpty)
        // Without the share, two tags make a niche and the profile reads as two.
        let anyShare = try NicheFocusCheck(rule: KindHarness.rule("kind: niche-focus\ncheck: categories\nfield: skills\nmin_niche_share: 0"))
        #expect(anyShare.check(section, context: context).count == 1)
    }

    @Test func theNicheSizeIsAParameter() {
        let error = KindHarness.loadError(KindHarness.ruleFile("kind: niche-focus\ncheck: categories\nfield: skills\nmin_niche_tags: 0"))
        #expect(error?.contains("min_niche_tags") == true, "\(error ?? "no error")")
    }
}
