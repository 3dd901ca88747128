import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// `off-niche` `check: title` on a corpus shaped like freelancer headlines: a title and skill
/// tags per post, no description. 30 Power BI headlines (none names DAX: headlines are too
/// short), 20 logo designers (four tags each, so one shared tag does not make them fit a
/// Power BI profile that lists `Logo Design`), 40 Android developers, and 6 Fabric engineers
/// tagged `Microsoft Power BI` among four other tags (they do not fit a Power BI profile).
@Suite struct TwoNicheTitleTests {
    static let corpus: Corpus = {
        var posts = TestCorpus()
        let focus = ["Dashboards", "Data Models", "Reports", "KPI Dashboards", "Data Visualization"]
        for index in 0..<30 {
            posts.add("Power BI Developer | \(focus[index % 5]) \(index)", "",
                      ["Microsoft Power BI", "Data Visualization", index % 2 == 0 ? "Dashboard" : "SQL"])
        }
        for index in 0..<20 {
            posts.add("Logo Designer | Brand Identity \(index)", "", ["Logo Design", "Brand Identity", "Adobe Illustrator", "Graphic Design"])
        }
        for index in 0..<40 {
            posts.add("Android App Developer \(index)", "", ["Android", "Kotlin"])
        }
        for index in 0..<6 {
            posts.add("Fabric Lakehouse Engineer \(index)", "", ["Microsoft Power BI", "Azure", "Data Engineering", "ETL", "Apache Spark"])
        }
        return posts.corpus()
    }()

    /// The parts the rule reports, for a profile with this title and these skills.
    static func reported(title: String, skills: [String], overview: String = "Reports.") throws -> [String] {
        let rule = try RuleLoader.load(SourceFile(path: "title.yml", text: KindHarness.ruleFile("kind: off-niche\ncheck: title", id: "title",
                                                                                                   message: "{part}")))
        let text = "title: \(title)\noverview: \(overview)\nskills: [\(skills.joined(separator: ", "))]\n"
        return Linter(ruleSet: try RuleSet(rules: [rule]), corpus: corpus).lint(SourceFile(path: "p.yaml", text: text)).diagnostics.map(\.message)
    }

    static let powerBI = ["Microsoft Power BI", "Data Visualization", "Dashboard", "SQL"]

    @Test func aToolOfTheNicheThatTheSkillsListIsNotASecondNiche() throws {
        #expect(try Self.reported(title: "Power BI Developer | Dashboards, DAX and Data Models", skills: Self.powerBI + ["DAX"]).isEmpty)
    }

    @Test func aPartNeitherTheCorpusNorTheProfileSupportsIsASecondNiche() throws {
        // Without the DAX skill nothing places 'DAX' in the niche; no post names weddings either.
        #expect(try Self.reported(title: "Power BI Developer | Dashboards, DAX and Data Models", skills: Self.powerBI) == ["DAX"])
        #expect(try Self.reported(title: "Power BI Developer and Wedding Videographer", skills: Self.powerBI) == ["Wedding Videographer"])
    }

    @Test func aPartWhosePostsAreElsewhereIsASecondNicheEvenWhenTheSkillsListIt() throws {
        // 20 logo headlines outside the fit: the corpus says logo design is another niche.
        #expect(try Self.reported(title: "Power BI Developer and Logo Designer", skills: Self.powerBI + ["Logo Design"]) == ["Logo Designer"])
        #expect(try Self.reported(title: "Power BI Developer / Android App Developer", skills: Self.powerBI) == ["Android App Developer"])
    }

    @Test func wordsTwoPartsShareDoNotMakeThemMatchTheSamePosts() throws {
        // 'Developer' is in both parts: only 'Android App' tells the Android part's posts.
        #expect(try Self.reported(title: "Power BI Developer and Android App Developer", skills: Self.powerBI) == ["Android App Developer"])
    }

    @Test func postsOutsideTheFitWithTheNichesTagsAreNoEvidenceOfAnotherNiche() throws {
        // The Fabric posts carry 'Microsoft Power BI', a tag of every fitting post: the niche's own.
        #expect(try Self.reported(title: "Power BI Developer | Dashboards and Fabric", skills: Self.powerBI + ["Microsoft Fabric"]).isEmpty)
        // Without the skill, nothing places 'Fabric' in the niche but the overview can.
        #expect(try Self.reported(title: "Power BI Developer | Dashboards and Fabric", skills: Self.powerBI) == ["Fabric"])
        #expect(try Self.reported(title: "Power BI Developer | Dashboards and Fabric", skills: Self.powerBI,
                                  overview: "Power BI dashboards on Fabric lakehouses.").isEmpty)
    }

    @Test func twoPartsThatBothFitButMatchPostsOfDifferentTagsAreTwoNiches() throws {
        // The skills span both niches, so both parts match many fitting posts: no part is weak,
        // but the Android posts and the Power BI posts share no tag.
        let both = Self.powerBI + ["Android", "Kotlin"]
        let reported = try Self.reported(title: "Android App Developer and Power BI Developer", skills: both)
        #expect(reported == ["Power BI Developer"], "\(reported)")
        // Parts of one niche match posts with the same tags: one niche.
        #expect(try Self.reported(title: "Power BI Developer | KPI Dashboards and Data Models", skills: Self.powerBI).isEmpty)
        #expect(try Self.reported(title: "Power BI Developer | KPI Dashboards and Data Models", skills: both).isEmpty)
    }

    @Test func anotherOccupationIsASecondNicheEvenWhenTheProfileNamesItsWords() throws {
        // No post names weddings; the skills and the overview do, but a videographer is another line of work.
        #expect(try Self.reported(title: "Power BI Developer and Wedding Videographer", skills: Self.powerBI + ["Wedding Videography"],
                                  overview: "Power BI dashboards, and wedding videography on weekends.") == ["Wedding Videographer"])
        // The same occupation with a tool the profile lists is one niche.
        #expect(try Self.reported(title: "Power BI Developer | Tableau Developer", skills: Self.powerBI + ["Tableau"]).isEmpty)
        #expect(OffNicheCheck.occupation(of: "Logo Designers") == "designer" && OffNicheCheck.occupation(of: "Data Models") == nil)
    }

    @Test func supportNeedsEveryWordOfThePart() {
        #expect(OffNicheCheck.isSupported("DAX", by: ["DAX", "SQL"]))
        #expect(OffNicheCheck.isSupported("Logo Designer", by: ["Logo Design"]))
        #expect(!OffNicheCheck.isSupported("Wedding Videographer", by: ["Microsoft Power BI", "Video Editing"]))
        #expect(!OffNicheCheck.isSupported("and", by: ["and"]))
    }

    /// 57 Power BI posts, 3 more about report design, and 40 Android posts; no post of the
    /// corpus names logos.
    static let designCorpus: Corpus = {
        var posts = TestCorpus()
        for index in 0..<40 {
            posts.add("Android App Developer \(index)", "Kotlin screens for an Android app.", ["Android", "Kotlin"])
        }
        for index in 0..<57 {
            posts.add("Power BI Developer for monthly reports \(index)", "Monthly Power BI reports and dashboards from SQL.", powerBI)
        }
        for index in 0..<3 {
            posts.add("Power BI report design \(index)", "Design the report pages: a design review and a new page design for the dashboards.", powerBI)
        }
        return posts.corpus()
    }()

    @Test func aPartMatchingFewerFittingPostsThanAreEvidenceIsWeak() throws {
        // 'Logo Designer' matches the 3 design posts of the 60 fitting ones (5%, over the 2%
        // share) on 'design' alone: fewer than `min_part_posts` (5) are no evidence that the
        // part is this niche's, and a designer is another line of work than a developer.
        let rule = try RuleLoader.load(SourceFile(path: "title.yml", text: KindHarness.ruleFile("kind: off-niche\ncheck: title", id: "title",
                                                                                                   message: "{part} {part_posts} of {fit}")))
        let text = "title: Power BI Developer and Logo Designer\noverview: Power BI reports, and logos for small shops.\nskills: [\((Self.powerBI + ["Logo Design"]).joined(separator: ", "))]\n"
        let result = Linter(ruleSet: try RuleSet(rules: [rule]), corpus: Self.designCorpus).lint(SourceFile(path: "p.yaml", text: text))
        let finding = try #require(result.diagnostics.first)
        #expect(finding.message == "Logo Designer 3 of the 60 fitting posts", "\(finding.message)")
        #expect(finding.notes.first?.message == "'Logo Designer' names another line of work than 'Power BI Developer' (designer, not developer)")
        // A part the niche's posts match often enough is the niche's.
        let niche = "title: Power BI Developer | Reports and Dashboards\noverview: Reports.\nskills: [\(Self.powerBI.joined(separator: ", "))]\n"
        #expect(Linter(ruleSet: try RuleSet(rules: [rule]), corpus: Self.designCorpus).lint(SourceFile(path: "p.yaml", text: niche)).diagnostics.isEmpty)
    }
}
