import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// A tag many posts carry but none names in its text (a tag a scraper gave every post of one
/// search) is never suggested; a tag the posts also name is.
@Suite struct TagTextSupportTests {
    /// 40 bookkeeping posts: all tagged `Ledgerly` (named in 20 texts) and `Vaultbase` (named in
    /// none); 60 posts of another niche.
    static let corpus: Corpus = {
        var posts: [JobPost] = []
        for index in 0..<40 {
            let named = index % 2 == 0 ? " We keep the books in Ledgerly." : ""
            posts.append(JobPost(title: "Bookkeeper for monthly close \(index)",
                                 description: "Reconcile accounts and prepare the monthly close.\(named)",
                                 skills: ["Bookkeeping", "Ledgerly", "Vaultbase"],
                                 location: PostLocation(path: "jobs.csv", line: index + 2)))
        }
        for index in 40..<100 {
            posts.append(SmallCorpus.post(index, title: "Mobile game level design", skills: ["Unity", "Level Design"]))
        }
        return SmallCorpus.make(posts)
    }()

    @Test func aTagNoTextNamesIsNotSuggested() throws {
        let tags = ["Ledgerly", "Vaultbase", "Unity"].compactMap { name in
            Self.corpus.stats.tagIndex[Self.corpus.canonicalizer.key(name)].map { (name, $0) }
        }
        #expect(tags.count == 3)
        let supported = tags.map { name, id in
            Self.corpus.isNamedInText(Evidence(id: id, key: name.lowercased(), display: name, inFit: 0, fitSize: 0,
                                               inCorpus: 0, corpusSize: 100, weight: 0))
        }
        #expect(supported == [true, false, true], "Unity is tagged on 60 posts that name it")

        let profile = try SmallCorpus.profile("title: Bookkeeper\noverview: I reconcile accounts and close the books every month.\nskills: [Bookkeeping]\n")
        let suggestions = Suggestions.make(for: profile.general, corpus: Self.corpus, keywords: KeywordCoverageCheck())
        #expect(suggestions.fitSize == 40, "\(suggestions.text())")
        #expect(suggestions.addTags.map(\.text) == ["Ledgerly"], "\(suggestions.text())")
    }

    /// 30 posts tagged with one multi-word tag, `naming` of them writing `phrase` in their text.
    static func judged(_ tag: String, namedAs phrase: String, by naming: Int, fit: Fit? = nil) throws -> Bool {
        let posts = (0..<30).map { index in
            let named = index < naming ? " We ask for \(phrase) experience." : ""
            return JobPost(title: "Bookkeeper \(index)", description: "Monthly close of the ledgers.\(named)",
                           skills: ["Bookkeeping", tag], location: PostLocation(path: "jobs.csv", line: index + 2))
        }
        let corpus = SmallCorpus.make(posts)
        let id = try #require(corpus.stats.tagIndex[corpus.canonicalizer.key(tag)])
        return corpus.isNamedInText(Evidence(id: id, key: tag.lowercased(), display: tag, inFit: 30, fitSize: 30,
                                             inCorpus: 30, corpusSize: 30, weight: 0), in: fit)
    }

    /// A tag of several words is named by its phrase, its initialism (three words or more) or
    /// a word of it fewer posts use than carry the tag; never by a word many posts use.
    @Test func multiWordTagsAreJudgedByPhraseInitialismAndDistinctiveWord() throws {
        #expect(try Self.judged("Month End Close", namedAs: "month end close", by: 3), "its phrase")
        #expect(try Self.judged("Month End Close", namedAs: "MEC", by: 3), "its initialism")
        #expect(try Self.judged("Quillbook Ledger", namedAs: "Quillbook", by: 3), "its distinctive word")
        #expect(try !Self.judged("Month End Close", namedAs: "nothing", by: 0), "30 posts, none naming it")
        #expect(try !Self.judged("Quillbook Ledger", namedAs: "the ledger", by: 30),
                "'ledger' is in every post: it names nothing")
        #expect(try !Self.judged("Month End Close", namedAs: "month end close", by: 1), "1 of 30 is under 5%")
        #expect(try !Self.judged("Accounts Payable", namedAs: "AP", by: 30),
                "a two-letter initialism is ambiguous: only the alias table gives those")
    }

    /// A tag the corpus's posts name often enough, but the fitting posts carrying it never do,
    /// came to the niche's posts from their search: it is not named for that fit.
    @Test func theFittingCarriersMustNameItToo() throws {
        let firstTwenty = Fit(posts: Array(0..<20), scores: Array(repeating: 1, count: 20), corpusSize: 30)
        #expect(try Self.judged("Month End Close", namedAs: "month end close", by: 10))
        #expect(try !Self.judged("Month End Close", namedAs: "month end close", by: 10, fit: Fit(
            posts: Array(10..<30), scores: Array(repeating: 1, count: 20), corpusSize: 30)), "none of posts 10-29 names it")
        #expect(try Self.judged("Month End Close", namedAs: "month end close", by: 10, fit: firstTwenty))
    }

    @Test func tooFewCarriersToTell() {
        let posts = (0..<10).map {
            JobPost(title: "Bookkeeper \($0)", description: "Monthly close.", skills: ["Bookkeeping", "Vaultbase"],
                    location: PostLocation(path: "jobs.csv", line: $0 + 2))
        }
        let corpus = SmallCorpus.make(posts)
        let id = try? #require(corpus.stats.tagIndex[corpus.canonicalizer.key("Vaultbase")])
        #expect(corpus.isNamedInText(Evidence(id: id ?? 0, key: "vaultbase", display: "Vaultbase", inFit: 10, fitSize: 10,
                                              inCorpus: 10, corpusSize: 10, weight: 0)))
    }
}
