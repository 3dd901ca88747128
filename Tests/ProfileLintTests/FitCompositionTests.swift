import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Whether a post fits must not depend on the rest of the corpus: the same posts fit whether
/// the profile's niche is a quarter of the corpus or a few posts in it. Built on two corpora
/// from the same posts: the full one (20 Android posts, 40 machine-learning posts of which 12
/// also carry the `Android` tag among three learning tags, 20 web posts) and a minority one
/// keeping 2 of the Android posts and everything else.
@Suite struct FitCompositionTests {
    static let android = "title: Android Developer\noverview: Native apps in Kotlin.\nskills: [Android, Kotlin, Mobile App Development]\n"

    /// The posts of one corpus, Android posts first, keeping `androidPosts` of them.
    static func corpus(androidPosts: Int) -> Corpus {
        var posts = TestCorpus()
        let apps = ["fitness tracker", "parking meter", "recipe planner", "bus timetable", "plant care"]
        for index in 0..<androidPosts {
            posts.add("Kotlin Android app for a \(apps[index % 5]) \(index)",
                      "An Android developer to build a native Kotlin app with Compose screens, release \(index).",
                      ["Android", "Kotlin", "Mobile App Development"])
        }
        for index in 0..<40 {
            let onDevice = index % 10 < 3
            posts.add("Machine learning model \(index)",
                      "Train a PyTorch model on our data \(index)" + (onDevice ? ", then run it in our Kotlin Android app." : "."),
                      ["Machine Learning", "Python", "PyTorch"] + (onDevice ? ["Android"] : []))
        }
        for index in 0..<20 {
            posts.add("React web page \(index)", "A React landing page with CSS \(index).", ["React", "JavaScript", "CSS"])
        }
        return posts.corpus()
    }

    static func fitTitles(_ corpus: Corpus, criterion: FitCriterion = FitCriterion()) throws -> Set<String> {
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: android)).profile)
        let context = LintContext(profile: profile, corpus: corpus, fitCriterion: criterion)
        let section = try #require(CorpusSection.any(profile.general, context: context))
        return Set(section.fit.posts.map { corpus.stats.titles[$0] })
    }

    @Test func aMinorityNicheKeepsTheFitOfTheFullCorpus() throws {
        let full = try Self.fitTitles(Self.corpus(androidPosts: 20))
        let minority = try Self.fitTitles(Self.corpus(androidPosts: 2))
        // The 20 Android posts fit; the learning posts carrying `Android` (one tag of four,
        // under the 40% a post's tags must share) fit on neither corpus. On the minority
        // corpus `Android` weighs more than half of their idf weight, but the weighted test
        // needs two shared tags.
        #expect(full.count == 20 && full.allSatisfy { $0.hasPrefix("Kotlin Android app") }, "\(full.sorted())")
        #expect(minority == full.filter { $0.hasSuffix(" 0") || $0.hasSuffix(" 1") }, "\(minority.sorted())")
    }

    @Test func tagsCountTheSameWhateverTheirRarity() throws {
        // Tags are counted, not weighted by rarity: with rarity weights, `Android` (rare on the
        // minority corpus) outweighed the learning tags there, and learning posts carrying it
        // fitted on the minority corpus only. At a 25% share they fit on both, the same ones.
        let lenient = FitCriterion(minTagShare: 0.25)
        let full = try Self.fitTitles(Self.corpus(androidPosts: 20), criterion: lenient)
        let minority = try Self.fitTitles(Self.corpus(androidPosts: 2), criterion: lenient)
        let learning = full.filter { $0.hasPrefix("Machine learning") }
        #expect(learning.count == 12, "\(full.sorted())")
        #expect(minority.filter { $0.hasPrefix("Machine learning") } == learning)
    }

    @Test func twoSpecificTagsAmongCommonOnesFitByWeight() throws {
        // 10 posts with two rare tags of the profile among five common ones (2 of 7 tags, under
        // 40%; 2 of the 4 profile tags the corpus knows, under 70%; 64% of their idf weight), 40 posts
        // carrying only the common ones and 30 video posts carrying two of the profile's tags.
        var posts = TestCorpus()
        let common = ["Data Analysis", "Microsoft Excel", "SQL", "Reporting", "Dashboard"]
        for index in 0..<10 {
            posts.add("Power BI report \(index)", "A Power BI report with DAX measures \(index).", ["Microsoft Power BI", "DAX"] + common)
        }
        for index in 0..<40 {
            posts.add("Spreadsheet report \(index)", "Monthly figures in a spreadsheet \(index).", common)
        }
        for index in 0..<30 {
            posts.add("Wedding video \(index)", "Cut a wedding film \(index).", ["Video Editing", "Adobe Premiere Pro"])
        }
        let corpus = posts.corpus()
        let text = "title: Power BI Developer\nskills: [Microsoft Power BI, DAX, Video Editing, Adobe Premiere Pro, Logo Design, Blog Writing]\n"
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: text)).profile)
        let query = ProfileQuery(section: profile.general, corpus: corpus)
        func powerBI(_ fit: Fit) -> Int { fit.posts.filter { corpus.stats.titles[$0].hasPrefix("Power BI") }.count }
        #expect(powerBI(corpus.fit(query)) == 10)
        // Without the weighted test (a share of 1 admits nothing the counted tests do not).
        #expect(powerBI(corpus.fit(query, criterion: FitCriterion(minWeightedShare: 1))) == 0)
        // The video posts carry two of the profile's tags and nothing else, and name 'video':
        // their word guard reads the title's words and those two tags', so they fit (the
        // profile lists that work; `corpus-category-spread` and the two-niche title report a
        // profile of two niches). No spreadsheet post fits: it shares no tag.
        #expect(corpus.fit(query).count == 40)
    }

    @Test func tagsNoPostCarriesDoNotDiluteTheProfileShare() throws {
        // Posts carrying both Power BI tags among four others: under the 40% post share, and
        // the profile's two known tags are all of what the corpus can judge it by.
        var posts = TestCorpus()
        for index in 0..<20 {
            posts.add("Power BI dashboards \(index)", "Power BI dashboards and data visualization for finance, report \(index).",
                      ["Microsoft Power BI", "Data Visualization", "SQL", "Microsoft Excel", "Data Analysis", "Python"])
        }
        for index in 0..<20 {
            posts.add("Excel cleanup \(index)", "Clean an Excel workbook with SQL and Python, sheet \(index).",
                      ["SQL", "Microsoft Excel", "Data Analysis", "Python"])
        }
        let corpus = posts.corpus()
        let offNiche = "title: Power BI Developer and Logo Designer\n"
            + "skills: [Microsoft Power BI, Data Visualization, Logo Design, Video Editing, Blog Writing]\n"
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: offNiche)).profile)
        let query = ProfileQuery(section: profile.general, corpus: corpus)
        #expect(query.fitQuery.profileShareTags == 2)
        // The counted tests alone (the weighted one and the word guard off): 2 of the 2 known tags.
        let counted = FitCriterion(minWeightedShare: 1, minWordScore: 0)
        #expect(corpus.fit(query, criterion: counted).count == 20)
        // One known tag: the unknown ones still count, so a profile about other work does not
        // fit every post carrying its one common tag (even with no word score asked for).
        let beekeeper = "title: Beekeeping Consultant\nskills: [Python, Beekeeping, Honey Extraction]\n"
        let beekeeperProfile = try #require(ProfileLoader.load(SourceFile(path: "b.yaml", text: beekeeper)).profile)
        let beekeeperQuery = ProfileQuery(section: beekeeperProfile.general, corpus: corpus)
        #expect(beekeeperQuery.fitQuery.profileShareTags == 2)
        #expect(corpus.fit(beekeeperQuery, criterion: FitCriterion(minWeightedShare: 1, minWordScore: 0)).count == 0)
    }
}
