import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// A tagged post whose tags say what it is about fits without the word guard: it shares at
/// least `minTagsAlone` tags with the section, at least `minTagShare` of its own. Short posts
/// name few of the profile's words; four of its skills are a stack, not an accident.
@Suite struct FitTagsAloneTests {
    static let skills = ["Machine Learning", "Deep Learning", "Computer Vision", "PyTorch", "Python", "TensorFlow"]

    /// 20 posts naming the niche's work; 10 terse posts carrying four of the section's tags and
    /// one other, naming none of its words; 10 terse posts carrying three; 10 terse posts
    /// carrying four of the section's tags among eleven (a share of 0.36); 20 web posts.
    static let corpus: Corpus = {
        var posts = TestCorpus()
        for index in 0..<20 {
            posts.add("Computer vision model \(index)", "Train a deep learning model for image detection in PyTorch, batch \(index).",
                      ["Machine Learning", "Deep Learning", "Computer Vision", "PyTorch"])
        }
        for index in 0..<10 {
            posts.add("Expert needed \(index)", "Help wanted soon, ticket \(index).",
                      ["Machine Learning", "Deep Learning", "PyTorch", "TensorFlow", "Consulting"])
        }
        for index in 0..<10 {
            posts.add("Quick help \(index)", "Short call this week, ticket \(index).",
                      ["Machine Learning", "Python", "TensorFlow", "Consulting", "Bookkeeping"])
        }
        for index in 0..<10 {
            posts.add("Agency help \(index)", "Long term partner wanted, ticket \(index).",
                      ["Machine Learning", "Deep Learning", "PyTorch", "Python", "Consulting", "Bookkeeping", "Sales",
                       "Marketing", "Copywriting", "Logo Design", "Video Editing"])
        }
        for index in 0..<20 {
            posts.add("Landing page \(index)", "A React landing page for our brand \(index).", ["React", "JavaScript", "Web Design"])
        }
        return posts.corpus()
    }()

    static func fit(criterion: FitCriterion = FitCriterion()) throws -> Fit {
        let text = "title: Computer Vision Engineer\nskills: [\(skills.joined(separator: ", "))]\n"
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: text)).profile)
        return corpus.fit(ProfileQuery(section: profile.general, corpus: corpus), criterion: criterion)
    }

    static func posts(_ fit: Fit, _ range: Range<Int>) -> [Int] { fit.posts.filter(range.contains).sorted() }

    @Test func fourSharedTagsMakingUpTheShareFitWhateverTheWords() throws {
        let fit = try Self.fit()
        #expect(Self.posts(fit, 0..<20).count == 20)
        #expect(Self.posts(fit, 20..<30) == Array(20..<30), "\(fit.posts)")
        // Their words score nothing on the title and the shared tags: the tags decided.
        let scores = Dictionary(uniqueKeysWithValues: zip(fit.posts, fit.wordScores))
        #expect((20..<30).allSatisfy { (scores[$0] ?? 1) < FitCriterion().minWordScore }, "\(scores)")
    }

    @Test func fewerSharedTagsOrTooSmallAShareStillNeedTheWords() throws {
        let fit = try Self.fit()
        // Three shared tags of five pass the share test, but the words do not.
        #expect(Self.posts(fit, 30..<40).isEmpty, "\(fit.posts)")
        // Four shared tags among eleven are under the 40% share: the tags do not decide.
        #expect(Self.posts(fit, 40..<50).isEmpty, "\(fit.posts)")
        #expect(Self.posts(fit, 50..<70).isEmpty)
    }

    @Test func theParameterSetsHowManyTagsDecide() throws {
        #expect(Self.posts(try Self.fit(criterion: FitCriterion(minTagsAlone: 5)), 20..<30).isEmpty)
        #expect(Self.posts(try Self.fit(criterion: FitCriterion(minTagsAlone: 3)), 30..<40) == Array(30..<40))
        let rule = try RuleLoader.load(SourceFile(path: "corpus-fit.yml",
                                                  text: KindHarness.ruleFile("kind: corpus-fit\nmin_tags_alone: 5", id: "corpus-fit")))
        #expect(try CorpusFitCheck(rule: rule).criterion.minTagsAlone == 5)
    }
}
