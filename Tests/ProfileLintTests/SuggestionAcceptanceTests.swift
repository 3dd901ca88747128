import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// What a demanding user rejects in `suggest`: a tag restating a listed skill, a lone common
/// word as title wording, a title phrase from one client's reposts, and the advice to drop a
/// skill the title names.
@Suite struct SuggestionAcceptanceTests {
    /// 30 Android posts (each tagged with the broader `App Development` and `Python Script`
    /// beside the niche's tags, titled with 'platform' and with `Figma`), one client's job
    /// posted 8 times under one title (three times with a suffix), and 40 posts of other work.
    static let corpus: Corpus = {
        var posts = TestCorpus()
        for index in 0..<30 {
            let title = index % 2 == 0 ? "Android platform app \(index)" : "Android app with Figma screens \(index)"
            posts.add(title, "Build our Android app in Kotlin with Jetpack Compose and Firebase, part \(index).",
                      ["Android", "Kotlin", "App Development", "Python Script", "Figma", index % 3 == 0 ? "Firebase" : "Google Play"])
        }
        let suffixes = ["", "", "", " - Quicksight", " in Kotlin", "", " with Firebase", ""]
        for index in 0..<8 {
            posts.add("Android expert to help automate a series of reports" + suffixes[index],
                      "Automate our Android reports in Kotlin, job \(index).", ["Android", "Kotlin", "Firebase"])
        }
        for index in 0..<40 {
            posts.add("Wedding video \(index)", "Cut a wedding film with music \(index).", ["Video Editing", "Adobe Premiere Pro"])
        }
        return posts.corpus()
    }()

    static func suggestions(_ text: String) throws -> Suggestions {
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: text)).profile)
        return Suggestions.make(for: profile.general, corpus: corpus, keywords: KeywordCoverageCheck())
    }

    static let profile = "title: Android Developer (Kotlin, Jetpack Compose)\n"
        + "skills: [Android, Kotlin, Mobile App Development, Python, Jetpack Compose]\n"

    @Test func aTagRestatingAListedSkillIsNotSuggested() throws {
        let suggestions = try Self.suggestions(Self.profile)
        #expect(suggestions.fitSize >= 15)
        let added = suggestions.addTags.map(\.text)
        #expect(!added.contains("App Development") && !added.contains("Python Script"), "\(added)")
        #expect(added.contains("Figma"), "a tag that says something new stays: \(added)")
        #expect(Suggestions.restates("Data Analytics", anyOf: ["Data Analysis"], aliases: nil))
        #expect(Suggestions.restates("API", anyOf: ["API Integration"], aliases: nil))
        #expect(!Suggestions.restates("JavaScript", anyOf: ["Java"], aliases: nil))
        #expect(!Suggestions.restates("Web Design", anyOf: ["Web Development"], aliases: nil))
    }

    @Test func aLoneCommonWordIsNotTitleWordingButASkillNameIs() throws {
        let wording = try Self.suggestions(Self.profile).titleWording.map(\.text)
        #expect(!wording.contains { $0.lowercased() == "platform" }, "\(wording)")
        #expect(wording.contains { $0.lowercased().contains("figma") }, "\(wording)")
        let corpus = Self.corpus
        func term(_ key: String) throws -> Evidence {
            let id = try #require(corpus.stats.termIndex[key])
            return Evidence(id: id, key: key, display: corpus.stats.termDisplays[Int(id)], inFit: 1, fitSize: 1, inCorpus: 1,
                            corpusSize: 1, weight: 0)
        }
        #expect(!Suggestions.isTitleWording(try term("platform"), corpus: corpus))
        #expect(Suggestions.isTitleWording(try term("figma"), corpus: corpus))
    }

    @Test func onePhraseOfOneClientsRepostsIsNotTitleWording() throws {
        let wording = try Self.suggestions(Self.profile).titleWording.map { $0.text.lowercased() }
        #expect(!wording.contains { $0.contains("series") || $0.contains("automate") }, "\(wording)")
        let term = try #require(Self.corpus.stats.termIndex["seri"] ?? Self.corpus.stats.termIndex["series"])
        let fit = Self.corpus.fit(FitQuery(tags: [], words: [term]), criterion: FitCriterion(minTextOnlyScore: 0.01))
        #expect(fit.count == 8)
        #expect(Self.corpus.distinctTitles(holding: term, in: fit, limit: 3) == 1)
    }

    @Test func aSkillTheTitleNamesIsNotToDropUnlessNoFittingPostHasIt() throws {
        // 'Jetpack Compose' (in the title) is named by the fitting posts' text, under 5% of
        // them as a tag (none); 'Python' (not in the title) is neither carried nor named.
        let suggestions = try Self.suggestions(Self.profile)
        let dropped = suggestions.dropTags.map(\.text)
        #expect(!dropped.contains("Jetpack Compose"), "\(dropped)")
        #expect(dropped.contains("Python"), "\(dropped)")
        // A title naming a second niche no fitting post has: its skill is still to drop.
        let twoNiches = try Self.suggestions("title: Android Developer and Logo Designer\n"
                                             + "skills: [Android, Kotlin, Firebase, Logo Design]\n")
        #expect(twoNiches.dropTags.map(\.text).contains("Logo Design"))
        #expect(Suggestions.titleNames("Jetpack Compose", title: "Android Developer (Kotlin, Jetpack Compose)", aliases: nil))
        #expect(!Suggestions.titleNames("Firebase", title: "Android Developer (Kotlin, Jetpack Compose)", aliases: nil))
    }
}
