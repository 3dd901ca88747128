import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// The relevance criterion and the advice built on it, on a small made-up corpus: 12 Android
/// posts, 3 untagged posts about Android apps, 30 web posts, and 2 web posts that also carry an
/// Android tag. Every title ends in a site suffix, as scraped feeds do.
@Suite struct FitCriterionTests {
    static let corpus: Corpus = {
        var posts = TestCorpus(urlBase: "https://jobs.example.com/")
        func add(_ title: String, _ description: String, _ skills: [String]) {
            posts.add(title + " - Jobsite", description, skills)
        }
        let apps = ["fitness tracker", "parking meter", "recipe planner", "bus timetable", "plant care", "expense log"]
        for index in 0..<12 {
            add("Kotlin Android app for a \(apps[index % 6]) \(index)",
                "An Android developer to build a native app in Kotlin with Jetpack Compose screens and Play Store release. Seamlessly innovative. Version \(index).",
                ["Android", "Kotlin", index % 2 == 0 ? "Jetpack Compose" : "Mobile App Development"])
        }
        for index in 0..<3 {
            add("Android app update for a \(apps[index]) \(index)",
                "A mobile developer for our Kotlin Android app: Jetpack Compose fixes before the Play Store review.", [])
        }
        for index in 0..<30 {
            add("React web page \(index)", "A React and JavaScript landing page with CSS animations \(index). Seamlessly innovative.",
                ["React", "JavaScript", "CSS"])
        }
        for index in 0..<2 {
            add("Web shop with an Android wrapper \(index)", "A React and JavaScript shop with CSS, wrapped for Android \(index).",
                ["React", "JavaScript", "CSS", "HTML", "Android"])
        }
        return posts.corpus()
    }()

    /// A rule with its own id (a rule set takes each id once).
    static func rule(_ id: String, _ body: String, message: String = "found") throws -> Rule {
        try RuleLoader.load(SourceFile(path: "\(id).yml", text: KindHarness.ruleFile(body, id: id, message: message)))
    }

    static let android = "title: Android Developer\noverview: Native apps in Kotlin.\nskills: [Android, Kotlin, Mobile App Development]\n"

    static func section(_ text: String, criterion: FitCriterion = FitCriterion()) throws -> (Profile, CorpusSection) {
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: text)).profile)
        let context = LintContext(profile: profile, corpus: corpus, fitCriterion: criterion)
        return (profile, try #require(CorpusSection.any(profile.general, context: context)))
    }

    @Test func fitIsTheRelevantPostsNotAShareOfTheCorpus() throws {
        let (_, section) = try Self.section(Self.android)
        let titles = section.fit.posts.map { Self.corpus.stats.titles[$0] }
        // The 12 tagged Android posts and the 3 untagged ones (on their words); no web post,
        // not even those with one Android tag among four web tags.
        #expect(section.fit.count == 15, "\(titles)")
        #expect(titles.allSatisfy { $0.contains("Android") && !$0.contains("Web shop") }, "\(titles)")
        #expect(section.fit.tagShares.filter { $0 == nil }.count == 3)
        #expect(section.fit.isEnough)
        #expect(section.fit.summary == "15 of 47 posts fit (32%)")
        #expect(section.fit.scores == section.fit.scores.sorted(by: >))
    }

    @Test func aNarrowProfileFitsPostsCarryingItsWholeStack() throws {
        // One tag of the four web tags: under a third of the post's tag weight, but the whole
        // of the profile's.
        let (_, section) = try Self.section("title: React Web Pages\nskills: [React]\n")
        #expect(section.fit.count == 32)
        let strict = try Self.section("title: React Web Pages\nskills: [React]\n",
                                      criterion: FitCriterion(minTagShare: 0.9, minProfileShare: 1.1)).1
        #expect(strict.fit.count == 0)
    }

    @Test func wordsTheCorpusDoesNotKnowWeighAsUnseen() throws {
        let (_, section) = try Self.section("title: Beekeeping Consultant for Android Apiaries\nskills: [Beekeeping]\n")
        // Only 'android' is known, one word of five: no post reaches the word score alone.
        #expect(section.fit.count == 0)
    }

    @Test func tooFewFittingPostsGiveOneFindingAndSilenceTheOtherCorpusRules() throws {
        let fit = try Self.rule("fit", "kind: corpus-fit\nmin_fitting_posts: 20", message: "{count} of {corpus_size} fit")
        let gaps = try Self.rule("gaps", "kind: skill-coverage\ncheck: missing\nmin_share: 0.1")
        let ruleSet = try RuleSet(rules: [fit, gaps])
        #expect(ruleSet.fitCriterion.minFittingPosts == 20)
        let result = Linter(ruleSet: ruleSet, corpus: Self.corpus).lint(SourceFile(path: "p.yaml", text: Self.android))
        #expect(result.diagnostics.map(\.message) == ["only 15 of 47 fit"])
        #expect(result.diagnostics.first?.notes.contains { $0.message.hasPrefix("the fitting posts include '") } == true)
        // With enough posts, no corpus-fit finding and the advice comes back.
        let enough = try RuleSet(rules: [try Self.rule("fit", "kind: corpus-fit\nmin_fitting_posts: 10"), gaps])
        let advised = Linter(ruleSet: enough, corpus: Self.corpus).lint(SourceFile(path: "p.yaml", text: Self.android))
        #expect(advised.diagnostics.count == 1)
        #expect(advised.fits.first?.fitting == 15)
    }

    @Test func fitReportLocatesEveryFittingPost() throws {
        let (_, section) = try Self.section(Self.android)
        let report = FitReport(section: "profile", fit: section.fit, stats: Self.corpus.stats)
        #expect(report.posts.count == 15 && report.fitting == 15 && report.corpusPosts == 47 && report.enough)
        let first = try #require(report.posts.first)
        #expect(first.path == "jobs.csv" && first.id.map { $0.hasPrefix("p") } == true)
        #expect(first.url == "https://jobs.example.com/\(first.line - 1)")
        #expect(report.posts.contains { $0.tagShare == nil })
        let lines = FitReport.textLines(report.posts)
        #expect(lines[0].contains("(jobs.csv:\(first.line); "))
        #expect(lines.filter { $0.contains("; tags ") && $0.contains("%, words ") }.count == 12)
        #expect(lines.filter { $0.contains("; words ") }.count == 3)
    }

    @Test func boilerplateAndFillerAreNeverAdvice() throws {
        let (_, section) = try Self.section(Self.android)
        let titleTerms = Self.corpus.characteristicTerms(section.fit, minShare: 0.05, ignore: [], limit: 30, titlesOnly: true)
        let bodyTerms = Self.corpus.characteristicTerms(section.fit, minShare: 0.05, ignore: [], limit: 30)
        let all = (titleTerms + bodyTerms).map { $0.display.lowercased() }
        #expect(!all.isEmpty)
        // 'jobsite' is in every title: boilerplate; 'seamlessly innovative' is filler.
        #expect(!all.contains { $0.contains("jobsite") || $0.contains("seamlessly") || $0.contains("innovative") }, "\(all)")
        #expect(all.contains { $0.contains("jetpack compose") }, "\(all)")
        let jobsite = try #require(Self.corpus.stats.termIndex["jobsit"])
        #expect(Self.corpus.isBoilerplate(jobsite))
    }

    @Test func tagsAreRankedByWhatMarksTheFit() throws {
        let (_, section) = try Self.section(Self.android)
        let tags = Self.corpus.distinctiveTags(section.fit, minShare: 0.05, minLift: 1.5).map(\.display)
        #expect(tags.first == "Kotlin" || tags.first == "Android", "\(tags)")
        #expect(tags.contains("Jetpack Compose"))
        // Web tags are on none of the fitting posts.
        #expect(!tags.contains("JavaScript") && !tags.contains("React"))
    }

    @Test func fragmentsOfATagAreNotKeywords() {
        #expect(KeywordCoverageCheck.isFragment("power bi", ofAny: ["microsoft power bi"]))
        #expect(!KeywordCoverageCheck.isFragment("power bi", ofAny: ["power bi"]))
        #expect(!KeywordCoverageCheck.isFragment("power", ofAny: ["powerpoint"]))
    }

    @Test func offNicheSkillsAndTwoNicheTitles() throws {
        let skills = try Self.rule("skills", "kind: off-niche\ncheck: skills", message: "{skill}: {corpus}")
        let title = try Self.rule("title", "kind: off-niche\ncheck: title", message: "{part} {part_posts} / {other} {other_posts}")
        // At a 50% tag share the two web shops wrapped for Android (2 of their 5 tags are the
        // profile's: Android, CSS) do not fit, so CSS is carried by no fitting post.
        let fit = try Self.rule("fit", "kind: corpus-fit\nmin_tag_share: 0.5")
        let ruleSet = try RuleSet(rules: [fit, skills, title])
        let text = "title: Android Developer and Wedding Florist\nskills: [Android, Kotlin, Mobile App Development, Floristry, CSS]\n"
        let result = Linter(ruleSet: ruleSet, corpus: Self.corpus).lint(SourceFile(path: "p.yaml", text: text))
        #expect(result.diagnostics.map(\.message).sorted() == [
            "CSS: 32 other posts of the corpus carry it",
            "Floristry: no post of the whole corpus carries it either",
            "Wedding Florist 0 / Android Developer 15",
        ])
        #expect(OffNicheCheck.parts(of: "Power BI Developer | SQL, Excel & Python - Reports") == ["Power BI Developer", "SQL", "Excel", "Python", "Reports"])
        #expect(OffNicheCheck.parts(of: "Full-Stack Developer") == ["Full-Stack Developer"])
    }
}
