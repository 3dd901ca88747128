import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileModel
@testable import ProfileRules

/// `suggest --limit N` cuts each list to its first N, whatever N: a small limit never empties
/// a list a larger one fills (the title wording was asked for twice the limit, all of which
/// the title could cover).
@Suite struct SuggestionLimitTests {
    /// 24 bookkeeping posts whose titles all say "QuickBooks Bookkeeper", most "Payroll",
    /// some "Bank Reconciliation" or "Year-End Audit" (phrases: a lone common word is not title
    /// wording), each for its own client, beside 120 posts of another niche.
    static let corpus: Corpus = {
        var posts = TestCorpus()
        for index in 0..<24 {
            var title = "QuickBooks Bookkeeper"
            if index < 18 { title += ". Payroll" }
            if index % 2 == 0 { title += ". Bank Reconciliation" }
            if index % 3 == 0 { title += ". Year-End Audit" }
            posts.add(title + " (client \(index))", "Monthly books in QuickBooks for a firm, batch \(index).",
                      ["QuickBooks", "Bookkeeping", "Payroll"])
        }
        for index in 0..<120 {
            posts.add("Product photo retouching \(index)", "Retouch product photos for a store, batch \(index).", ["Photo Editing", "Photoshop"])
        }
        return posts.corpus()
    }()

    @Test func aSmallLimitIsThePrefixOfALargerOne() throws {
        let text = "title: QuickBooks Bookkeeper. Payroll\nskills: [QuickBooks, Bookkeeping, Payroll]\n"
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: text)).profile)
        let all = Suggestions.make(for: profile.general, corpus: Self.corpus, keywords: KeywordCoverageCheck(), limit: 10)
        #expect(all.notice == nil && all.titleWording.count >= 2, "\(all.titleWording)")
        // The case this guards: the two strongest title terms (what `--limit 1` asked for at
        // first) are the title's own, so none of them is suggested.
        let fit = Self.corpus.fit(ProfileQuery(section: profile.general, corpus: Self.corpus))
        let strongest = Self.corpus.characteristicTerms(fit, minShare: 0.03, ignore: KeywordCoverageCheck().ignore, limit: 2,
                                                        titlesOnly: true, minLift: 1.5)
        #expect(strongest.count == 2 && Set(strongest.map(\.display)).isDisjoint(with: all.titleWording.map(\.text)),
                "\(strongest.map(\.display)) \(all.titleWording.map(\.text))")
        for limit in 1...3 {
            let cut = Suggestions.make(for: profile.general, corpus: Self.corpus, keywords: KeywordCoverageCheck(), limit: limit)
            #expect(cut.titleWording == Array(all.titleWording.prefix(limit)), "limit \(limit): \(cut.titleWording)")
            #expect(cut.missingKeywords == Array(all.missingKeywords.prefix(limit)), "limit \(limit)")
            #expect(cut.addTags == Array(all.addTags.prefix(limit)), "limit \(limit)")
        }
    }
}
