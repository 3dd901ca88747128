import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// A fit whose posts mostly carry only skills every category of the corpus uses is thin: the
/// corpus rules give no advice, and `corpus-fit` says how many posts carry a skill of the
/// profile's that marks a category. The corpus: 40 AI posts and 40 mobile posts that also
/// carry `React` and `JavaScript`, `web` posts carrying those and `HTML`, `CSS`, and 40 data
/// posts. `React` and `JavaScript` then spread over three categories; `HTML` and `CSS` mark
/// the web one.
@Suite struct FitSupportTests {
    static let profileText = "title: React Developer\nskills: [React, JavaScript, HTML, CSS, Node.js]"

    static func posts(web: Int, categories: (Int, String) -> String? = { _, category in category }) -> [JobPost] {
        var posts: [JobPost] = []
        func add(_ count: Int, _ title: String, _ skills: [String], _ category: String) {
            for _ in 0..<count {
                posts.append(SmallCorpus.post(posts.count, title: title, skills: skills, category: categories(posts.count, category)))
            }
        }
        add(40, "AI dashboard in React", ["Machine Learning", "Python", "Deep Learning", "React", "JavaScript"], "ai")
        add(40, "Mobile companion app in React", ["Android", "Kotlin", "Mobile App Development", "React", "JavaScript"], "mobile")
        add(web, "React front end", ["React", "JavaScript", "HTML", "CSS"], "web")
        add(40, "Sales reports", ["SQL", "Microsoft Power BI", "Dashboard"], "data")
        return posts
    }

    static func fit(_ corpus: Corpus) throws -> (Fit, ProfileSection, LintContext) {
        let profile = try SmallCorpus.profile(profileText)
        return (corpus.fit(ProfileQuery(section: profile.general, corpus: corpus)), profile.general,
                LintContext(profile: profile, corpus: corpus))
    }

    @Test func aFitOfSkillsEveryCategoryUsesIsThin() throws {
        let corpus = SmallCorpus.make(Self.posts(web: 6))
        let (fit, section, context) = try Self.fit(corpus)
        #expect(fit.count == 86, "the AI, mobile and web posts all pass the tag test: \(fit.count)")
        #expect(fit.support == 6 && fit.isThin && !fit.isEnough)
        #expect(corpus.spreadTags(of: fit, query: ProfileQuery(section: section, corpus: corpus).fitQuery) == ["React", "JavaScript"])
        #expect(CorpusSection(section, context: context) == nil, "the advice rules stay silent")
        let findings = try CorpusFitCheck(rule: KindHarness.rule("kind: corpus-fit", message: "{count} of {corpus_size} fit"))
            .check(section, context: context)
        let finding = try #require(findings.first)
        #expect(finding.arguments["count"] == "only 6")
        #expect(finding.notes.contains { $0.message.hasPrefix("86 posts fit, but only 6 of them carry one of this profile's skills")
            && $0.message.contains("('React', 'JavaScript')") })
        let suggestions = Suggestions.make(for: section, corpus: corpus, keywords: KeywordCoverageCheck())
        #expect(suggestions.notice?.hasPrefix("only 6 of the 86 fitting posts carry one of this profile's skills") == true)
        #expect(suggestions.addTags.isEmpty && suggestions.dropTags.isEmpty)
    }

    @Test func enoughPostsCarryingAMarkingSkillGiveAdvice() throws {
        let (fit, section, context) = try Self.fit(SmallCorpus.make(Self.posts(web: 30)))
        #expect(fit.count == 110 && fit.support == 30 && fit.isEnough && !fit.isThin)
        #expect(CorpusSection(section, context: context) != nil)
    }

    @Test func withoutCategoriesOrWithCategoriesThatAreNoNichesNothingIsJudged() throws {
        let plain = SmallCorpus.make(Self.posts(web: 6) { _, _ in nil })
        let (unlabelled, _, _) = try Self.fit(plain)
        #expect(unlabelled.count == 86 && unlabelled.support == nil && unlabelled.isEnough)
        // Two categories taking turns (an experience level, say): their posts carry the same
        // tags, so they are one niche, and the categories tell nothing about the tags.
        let levels = SmallCorpus.make(Self.posts(web: 6) { index, _ in index % 2 == 0 ? "entry" : "expert" })
        #expect(levels.tagReaches(minShare: FitCriterion().minCategoryShare) == nil)
        let (fit, _, _) = try Self.fit(levels)
        #expect(fit.support == nil && fit.isEnough)
    }

    @Test func siblingCategoriesCountAsOne() throws {
        // The web posts split into two subcategories of one search carrying the same tags:
        // `HTML` marks their group, not either half.
        var index = 0
        let corpus = SmallCorpus.make(Self.posts(web: 30) { _, category in
            guard category == "web" else { return category }
            index += 1
            return index % 2 == 0 ? "web: front end" : "web: pages"
        })
        let (fit, _, _) = try Self.fit(corpus)
        #expect(fit.support == 30 && fit.isEnough)
    }

    @Test func noTagMarkingAnotherCategoryThanTheFitsIsSuggested() throws {
        // The web posts are the evidence (their `HTML` and `CSS` mark the web category); the AI
        // and mobile posts' own tags mark theirs, and are those niches' advice, not this one's.
        let corpus = SmallCorpus.make(Self.posts(web: 30))
        let (fit, section, _) = try Self.fit(corpus)
        let tags = Set(ProfileQuery(section: section, corpus: corpus).fitQuery.tags)
        let suggested = corpus.distinctiveTags(fit, minShare: 0.05, minLift: 1.5, alongside: tags, minCooccurrence: 0.5).map(\.display)
        #expect(!suggested.contains { ["Machine Learning", "Python", "Deep Learning", "Android", "Kotlin"].contains($0) }, "\(suggested)")
        // Without categories nothing tells them apart: the same counts suggest them.
        let plain = SmallCorpus.make(Self.posts(web: 30) { _, _ in nil })
        let (plainFit, plainSection, _) = try Self.fit(plain)
        let plainTags = Set(ProfileQuery(section: plainSection, corpus: plain).fitQuery.tags)
        #expect(plain.distinctiveTags(plainFit, minShare: 0.05, minLift: 1.5, alongside: plainTags, minCooccurrence: 0.5)
            .contains { $0.display == "Machine Learning" })
    }

    @Test func theShareIsAParameter() throws {
        let rule = try RuleLoader.load(SourceFile(path: "corpus-fit.yml",
                                                  text: KindHarness.ruleFile("kind: corpus-fit\nmin_category_share: 0.9", id: "corpus-fit")))
        #expect(try CorpusFitCheck(rule: rule).criterion.minCategoryShare == 0.9)
    }
}
