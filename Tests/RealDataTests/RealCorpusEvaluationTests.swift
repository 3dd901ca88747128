import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Profiles written for the evaluation, one per track of `four-tracks-2400.csv`, and one that
/// mixes the four.
enum TrackProfiles {
    static let android = """
        title: Android Developer | Kotlin and Flutter Apps for iOS and Android
        overview: |
          I build and ship mobile apps: native Android in Kotlin and Java, cross-platform apps in
          Flutter, with Firebase login, push notifications and Google Play releases.
        skills: [Android, Kotlin, Java, Flutter, Mobile App Development, Android App Development, iOS, Firebase, Smartphone]
        """
    static let ai = """
        title: AI Engineer | LLM Chatbots, AI Agents and Machine Learning in Python
        overview: |
          I build AI features: chatbots and AI agents on OpenAI and open models, retrieval over your
          documents, and machine learning models in Python with PyTorch and TensorFlow.
        skills: [Artificial Intelligence, Machine Learning, Python, Chatbot Development, AI Agent Development, Deep Learning, Natural Language Processing, TensorFlow]
        """
    static let dataAnalyst = """
        title: Data Analyst | Excel, SQL and Power BI Dashboards and Reports
        overview: |
          I turn spreadsheets and databases into reports people use: data cleaning, analysis in Excel
          and Python, SQL queries, and Power BI dashboards with clear data visualization.
        skills: [Data Analysis, Microsoft Excel, SQL, Microsoft Power BI, Data Visualization, Business Analysis, Financial Analysis, Statistics]
        """
    static let javascript = """
        title: JavaScript Developer | React, Node.js and TypeScript Web Apps
        overview: |
          I build web applications end to end: React and Next.js front ends, Node.js and Express
          APIs, HTML and CSS that work on every browser, and WordPress sites when that fits.
        skills: [JavaScript, React, Node.js, TypeScript, HTML, CSS, Web Development, Next.js, API Integration]
        """
    static let mixed = """
        title: Developer, Data Analyst and AI Engineer
        overview: |
          I do a bit of everything: Android apps, machine learning models, Excel and Power BI
          reports, and React websites.
        skills: [Android, Kotlin, Machine Learning, Deep Learning, Microsoft Excel, Microsoft Power BI, React, Node.js]
        """

    static func profile(_ text: String) throws -> Profile {
        try #require(ProfileLoader.load(SourceFile(path: "profile.yaml", text: text)).profile)
    }
}

@Suite struct RealCorpusEvaluationTests {
    @Test(arguments: [
        ("android_developer", TrackProfiles.android), ("artificial_intelligence", TrackProfiles.ai),
        ("data_analyst", TrackProfiles.dataAnalyst), ("javascript_developer", TrackProfiles.javascript),
    ])
    func eachTrackProfileFitsMostlyItsOwnTrack(_ track: String, _ text: String) throws {
        let corpus = RealData.fourTracksCorpus
        let profile = try TrackProfiles.profile(text)
        let fit = corpus.fit(ProfileQuery(section: profile.general, corpus: corpus))
        #expect(fit.isEnough && fit.count < corpus.stats.postCount / 4, "\(track): \(fit.summary)")
        let counts = corpus.categoryCounts(fit.posts)
        let own = counts.first { $0.category == track }?.count ?? 0
        // The relevance criterion, not a share of the corpus: mostly the profile's own track.
        #expect(Double(own) >= 0.8 * Double(fit.count), "\(track): \(counts)")
        #expect(counts.first?.category == track, "\(track): \(counts)")
    }

    @Test func focusedProfilesScoreClearlyHigherOnNicheFocusThanTheMixedOne() throws {
        let corpus = RealData.fourTracksCorpus
        let rule = try RuleLoader.load(SourceFile(path: "niche.yml", text: """
            id: niche
            kind: niche-focus
            check: categories
            severity: warning
            message: m
            rationale: r
            """))
        let check = try NicheFocusCheck(rule: rule)
        func score(_ text: String) throws -> Double {
            let profile = try TrackProfiles.profile(text)
            return try #require(check.score(profile.general, context: LintContext(profile: profile, corpus: corpus)))
        }
        let mixed = try score(TrackProfiles.mixed)
        for text in [TrackProfiles.android, TrackProfiles.ai, TrackProfiles.dataAnalyst, TrackProfiles.javascript] {
            let focused = try score(text)
            #expect(focused >= mixed + 25, "focused \(focused) vs mixed \(mixed)")
        }
        #expect(mixed < 50)
        // The mixed profile's categories finding fires; a focused one's does not.
        let mixedProfile = try TrackProfiles.profile(TrackProfiles.mixed)
        #expect(!check.check(mixedProfile.general, context: LintContext(profile: mixedProfile, corpus: corpus)).isEmpty)
        let focusedProfile = try TrackProfiles.profile(TrackProfiles.dataAnalyst)
        #expect(check.check(focusedProfile.general, context: LintContext(profile: focusedProfile, corpus: corpus)).isEmpty)
    }

    @Test func suggestRanksTagsByWhatMarksTheFitInTheDataAnalystCorpus() throws {
        let corpus = RealData.dataAnalystCorpus
        let profile = try TrackProfiles.profile("""
            title: Data Analyst
            overview: I analyse business data and build reports.
            skills: [Data Analysis, Microsoft Excel]
            """)
        let suggestions = Suggestions.make(for: profile.general, corpus: corpus, keywords: KeywordCoverageCheck(), limit: 8)
        // Tags whose posts carry fewer of the profile's tags are listed apart as alternatives.
        #expect(suggestions.addTags.count >= 2, "\(suggestions.text())")
        #expect(suggestions.addTags.count + suggestions.alternativeTags.count >= 3, "\(suggestions.text())")

        // Independent count: the raw JSON, duplicates (same title and description) once.
        let data = try Data(contentsOf: URL(fileURLWithPath: RealData.dataAnalyst))
        let posts = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        var seen = Set<String>()
        var tagCounts: [String: Int] = [:]
        for post in posts {
            let key = "\(post["title"] ?? "")\u{1}\(post["description"] ?? "")"
            guard seen.insert(key).inserted else { continue }
            for tag in Set(post["skills"] as? [String] ?? []) { tagCounts[tag, default: 0] += 1 }
        }
        #expect(seen.count == corpus.stats.postCount)
        let fit = Double(suggestions.fitSize), rest = Double(suggestions.corpusSize - suggestions.fitSize)
        var weights: [Double] = []
        for item in suggestions.alternativeTags { #expect(tagCounts[item.text] == item.corpusPosts, "\(item.text)") }
        for item in suggestions.addTags {
            #expect(tagCounts[item.text] == item.corpusPosts, "\(item.text)")
            // share × ln(lift), lift against the other posts with add-one smoothing.
            let share = Double(item.posts) / fit
            let lift = share / ((Double(item.corpusPosts - item.posts) + 1) / (rest + 1))
            #expect(lift >= 1.5, "\(item.text)")
            weights.append(share * log(lift))
        }
        #expect(weights == weights.sorted(by: >), "\(suggestions.addTags)")
        #expect(!suggestions.addTags.contains { ["Data Analysis", "Microsoft Excel"].contains($0.text) })
    }
}
