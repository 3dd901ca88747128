import Foundation
import ProfileCorpus
import ProfileModel
import ProfileText

extension ScoreContribution {
    /// A 0-100 score as a contribution (nil, when it cannot be computed, contributes nothing).
    init(score: Double?) {
        self.init(earned: score ?? 0, possible: score == nil ? 0 : 100)
    }
}

/// What a corpus check needs for one section: the corpus, the section's query and its fit.
struct CorpusSection {
    let corpus: Corpus
    let query: ProfileQuery
    let fit: Fit
    /// The section's language (`ProfileQuery.language`), identified once: every word-based
    /// rule asks for it, and identifying it reads the title and overview again.
    let language: PostLanguage
    /// The fitting posts word-based advice reads, and the fitting posts in other languages it
    /// leaves out (by language); kept for the same reason.
    let wordFit: (fit: Fit, leftOut: [PostLanguage: Int])

    /// Nil without a corpus or when too few posts fit the section to be evidence (fewer than
    /// the criterion's `minFittingPosts`; the `corpus-fit` rule then says so, once).
    init?(_ section: ProfileSection, context: LintContext) {
        guard let section = Self.any(section, context: context), section.fit.isEnough else { return nil }
        self = section
    }

    /// The section's query and fit however few posts fit; nil without a corpus or posts.
    static func any(_ section: ProfileSection, context: LintContext) -> CorpusSection? {
        guard let corpus = context.corpus, corpus.stats.postCount > 0 else { return nil }
        return context.corpusSections.section(for: section) {
            let query = ProfileQuery(section: section, corpus: corpus)
            return CorpusSection(corpus: corpus, query: query, fit: corpus.fit(query, criterion: context.fitCriterion))
        }
    }

    init(corpus: Corpus, query: ProfileQuery, fit: Fit) {
        self.corpus = corpus
        self.query = query
        self.fit = fit
        language = query.language
        wordFit = fit.inLanguage(language, stats: corpus.stats)
    }

    var stats: CorpusStats { corpus.stats }

    /// Stem keys of the tags the fitting posts carry (on two posts or more) and of the
    /// section's skills (by canonical name too): a term inside one (`power bi` of `Microsoft
    /// Power BI`) is the tag's business, never a keyword or title wording.
    var tagStems: [String] {
        let names = query.skills.map(\.text) + query.skills.compactMap { corpus.canonicalizer.aliases?.canonical(for: $0.text) }
        return corpus.fitTags(fit).filter { $0.inFit >= 2 }.map { corpus.tagStemKey($0.id) }
            + names.map { CorpusText.stems($0).joined(separator: " ") }
    }

    /// The section's skill tags the corpus knows (canonical tag ids).
    var knownTags: Set<UInt32> { Set(query.fitQuery.tags) }

    /// Where a finding about the section as a whole points: its title, else (no title) the
    /// empty range where the section starts, as for any missing field.
    var titleRange: ByteRange { query.title?.node.range ?? missingFieldRange }

    /// The empty range at the section's start, for findings about a field it lacks.
    var missingFieldRange: ByteRange {
        ByteRange(query.sectionNode.range.lowerBound, query.sectionNode.range.lowerBound)
    }
}

extension FitReport {
    /// The section's fit under `context`'s corpus and criterion; nil without a corpus or posts.
    static func make(_ section: ProfileSection, context: LintContext, limit: Int? = nil) -> FitReport? {
        guard let corpusSection = CorpusSection.any(section, context: context) else { return nil }
        return FitReport(section: section.displayName, fit: corpusSection.fit, stats: corpusSection.stats, limit: limit)
    }
}

extension Parameter where Value == Set<String> {
    /// A list of words or phrases, read as corpus term keys (stemmed, case-folded); empty when left out.
    static func terms(_ key: String, _ doc: String) -> Self {
        let spec = ParameterSpec(key: key, type: .stringList, doc: doc)
        return Self(spec, default: []) { parameters throws(RuleFileError) in
            var keys = Set<String>()
            for phrase in try parameters.stringList(key) ?? [] {
                let stems = TextAnalyzer.analyze(phrase).terms.map(\.stem)
                if !stems.isEmpty { keys.insert(stems.joined(separator: " ")) }
            }
            return keys
        }
    }
}

/// Formats numbers for messages (and the reports that show the same numbers).
package enum Format {
    /// `$35` or `$37.50` in US dollars (or no named currency), `35 EUR` in any other (whole
    /// amounts past what `Int` holds, and non-finite ones, printed as they are rather than
    /// trapping).
    package static func money(_ value: Double, currency: String? = nil) -> String {
        let amount = !value.isFinite || value.magnitude >= 1e15 ? String(format: "%.0f", value)
            : value == value.rounded() ? "\(Int(value))" : String(format: "%.2f", value)
        guard let currency, !currency.isEmpty, currency != "USD" else { return "$" + amount }
        return "\(amount) \(currency)"
    }

    /// Two decimals.
    package static func decimal(_ value: Double) -> String { String(format: "%.2f", value) }

    /// `'a' (12), 'b' (9)`.
    static func list(_ items: [Evidence]) -> String {
        items.map { "'\($0.display)' (\($0.inFit))" }.joined(separator: ", ")
    }
}
