import ProfileModel
import ProfileCorpus

/// What the corpus suggests for one profile section (`profilelint suggest`): skill tags to add
/// and to drop, title wording and missing keywords, each with its count in the fitting posts,
/// and the fitting posts themselves. When too few posts fit, one statement and no lists.
package struct Suggestions: Sendable, Codable, Equatable {
    /// One suggestion and its evidence.
    package struct Item: Sendable, Codable, Equatable {
        package var text: String
        /// Fitting posts that contain it.
        package var posts: Int
        /// Posts of the whole corpus that contain it.
        package var corpusPosts: Int

        /// snake_case, as every JSON output of profilelint.
        enum CodingKeys: String, CodingKey {
            case text, posts, corpusPosts = "corpus_posts"
        }
    }

    /// The section (`profile`, `specialized profile 1`).
    package var section: String
    /// Posts that fit the section, and the corpus size.
    package var fitSize: Int
    package var corpusSize: Int
    /// Why there are no suggestions (too few fitting posts), else nil.
    var notice: String?
    /// Tags that mark the fitting posts (by `share × ln(lift)`) that the section lacks and that
    /// live near it (as `skill-coverage` requires: `Corpus.distinctiveTags`), none restating a
    /// listed skill (`restates`).
    var addTags: [Item]
    /// Tags that pass as `addTags` do but whose fitting posts carry fewer of the section's tags
    /// than the fitting posts do (`splitAlternatives`): what clients ask for instead.
    var alternativeTags: [Item] = []
    /// The section's tags the fitting posts least carry or name (under `dropShare`), least first;
    /// one the title names only when no fitting post carries or names it.
    var dropTags: [Item]
    /// Words and phrases that mark the fitting posts' titles (at least 1.5 times as common
    /// there as in the other titles, in `minDistinctTitles` distinct titles; one word only when
    /// it names a skill tag), strongest first.
    var titleWording: [Item]
    /// Characteristic terms of the fitting posts the title, skills, overview opening and
    /// portfolio lack.
    var missingKeywords: [Item]
    /// The fitting posts: their count and share always, the best `postLimit` of them listed
    /// (`--fit-posts` in JSON, `--show-posts` in text).
    package var fit: FitReport
    /// The section's language (ISO code, `ProfileQuery.language`), and the fitting posts in
    /// other languages the title wording and keywords leave out (by code; nil when none is).
    var language = PostLanguage.english.code
    var otherLanguagePosts: [String: Int]?
    /// When the corpus has posts in other languages: the posts in the section's language or of
    /// no clear language, among which the title wording and keywords are counted and judged
    /// rare (their `corpus_posts`); nil when that is the whole corpus.
    var wordCorpusSize: Int?
    /// "1,250 in Spanish", for the text report's counts (not in JSON).
    var wordCorpusPhrase: String?
    /// The sentence saying so, for the text report (not in JSON).
    var languageSentence: String?

    /// snake_case, as every JSON output of profilelint (`field_path`, `corpus_posts`).
    enum CodingKeys: String, CodingKey {
        case section, fitSize = "fit_size", corpusSize = "corpus_size", notice, addTags = "add_tags",
             alternativeTags = "alternative_tags", dropTags = "drop_tags",
             titleWording = "title_wording", missingKeywords = "missing_keywords", fit, language,
             otherLanguagePosts = "other_language_posts", wordCorpusSize = "word_corpus_size"
    }

    /// Builds the suggestions. `keywords` gives the keyword options (generic words to ignore,
    /// minimum share, overview length); `limit` caps each list; `postLimit` how many fitting
    /// posts `fit` lists (nil: all of them).
    package static func make(for section: ProfileSection, corpus: Corpus, keywords: KeywordCoverageCheck,
                            criterion: FitCriterion = FitCriterion(), limit: Int = 10, postLimit: Int? = nil, addShare: Double = 0.05,
                            addLift: Double = 1.5, addCooccurrence: Double? = nil,
                            dropShare: Double = 0.05) -> Suggestions {
        let query = ProfileQuery(section: section, corpus: corpus)
        let fit = corpus.fit(query, criterion: criterion)
        let report = FitReport(section: section.displayName, fit: fit, stats: corpus.stats, limit: postLimit)
        var result = Suggestions(section: section.displayName, fitSize: fit.count, corpusSize: corpus.stats.postCount,
                                 notice: nil, addTags: [], dropTags: [], titleWording: [], missingKeywords: [], fit: report)
        if let shortfall = fit.shortfall {
            result.notice = shortfall + ", too few to suggest anything; add job posts of its niche to the corpus"
            return result
        }
        func item(_ evidence: Evidence) -> Item {
            Item(text: evidence.display, posts: evidence.inFit, corpusPosts: evidence.inCorpus)
        }
        let canonicalizer = corpus.canonicalizer
        let have = Set(query.skills.map { canonicalizer.key($0.text) })
        let corpusSection = CorpusSection(corpus: corpus, query: query, fit: fit)
        let tags = corpus.distinctiveTags(fit, minShare: addShare, minLift: addLift, alongside: Set(query.fitQuery.tags),
                                          minCooccurrence: addCooccurrence ?? SkillCoverageCheck.minCooccurrence.defaultValue)
            .filter { !have.contains($0.key) && corpus.isNamedInText($0, in: fit)
                && !restates($0.display, anyOf: query.skills.map(\.text), aliases: canonicalizer.aliases) }
        let split = splitAlternatives(tags, corpusSection: corpusSection)
        result.addTags = split.add.prefix(limit).map(item)
        result.alternativeTags = split.alternatives.prefix(limit).map(item)
        result.dropTags = dropTags(corpusSection, share: dropShare, minLift: addLift, limit: limit)

        let tagStems = corpusSection.tagStems
        let titleVocabulary = SectionVocabulary(texts: [query.title?.text ?? ""], skills: query.skills.map(\.text),
                                                aliases: canonicalizer.aliases)
        let wordFit = corpusSection.wordFit
        result.describeLanguage(corpusSection)
        result.titleWording = titleWording(corpusSection, ignore: keywords.ignore, minLift: addLift, limit: limit) {
            !titleVocabulary.covers($0) && !KeywordCoverageCheck.isFragment($0.key, ofAny: tagStems)
                && isTitleWording($0, corpus: corpus)
                && corpus.distinctTitles(holding: $0.id, in: wordFit.fit, limit: minDistinctTitles) >= minDistinctTitles
        }.map(item)
        result.missingKeywords = keywords.coverage(corpusSection).filter { !$0.covered }.prefix(limit).map { item($0.term) }
        return result
    }

    /// The section's language, the fitting posts in other languages that word advice leaves
    /// out, and the posts in its language among which that advice is judged rare.
    mutating func describeLanguage(_ corpusSection: CorpusSection) {
        let wordFit = corpusSection.wordFit, stats = corpusSection.stats
        language = corpusSection.language.code
        var sentences: [String] = []
        if !wordFit.leftOut.isEmpty {
            otherLanguagePosts = Dictionary(uniqueKeysWithValues: wordFit.leftOut.map { ($0.key.code, $0.value) })
            sentences.append(CorpusSection.languageSentence(wordFit, language: corpusSection.language))
        }
        if let background = corpusSection.corpus.languageBackground(corpusSection.language, titlesOnly: false) {
            wordCorpusSize = background.postCount
            wordCorpusPhrase = "\(background.postCount.grouped) in \(background.language.name)"
            sentences.append("title wording and keywords are judged rare among the \(background.postCount.grouped) posts "
                + "\(background.scope) (\((stats.postCount - background.postCount).grouped) of the corpus are in other languages)")
        }
        languageSentence = sentences.isEmpty ? nil : sentences.joined(separator: "; ")
    }

    /// The first `limit` title terms that mark the fit and that `keep` keeps. The title covers
    /// some of the strongest terms already: this asks for twice the limit, and twice as many
    /// again while the filter leaves too few and more may follow (a fixed multiple gave
    /// "(none)" at `--limit 3` and eight terms at the default 10).
    static func titleWording(_ corpusSection: CorpusSection, ignore: Set<String>, minLift: Double, limit: Int,
                             keep: (Evidence) -> Bool) -> [Evidence] {
        var asked = limit
        var kept: [Evidence] = []
        repeat {
            let (doubled, overflow) = asked.multipliedReportingOverflow(by: 2)
            asked = overflow ? Int.max : doubled
            let terms = corpusSection.wordTerms(minShare: 0.03, ignore: ignore, limit: asked, titlesOnly: true, minLift: minLift)
            kept = terms.filter(keep)
            if terms.count < asked { break }
        } while kept.count < limit && asked < Int.max
        return Array(kept.prefix(limit))
    }

    /// The human-readable report; `showPosts` lists that many of the best fitting posts.
    package func text(showPosts: Int = 0) -> String {
        var lines = ["\(section): \(fit.fitting == 1 ? "1 of \(corpusSize.grouped) posts fits" : "\(fitSize.grouped) of \(corpusSize.grouped) posts fit") (\(FitReport.percent(fit.share)) of the corpus)"]
        if showPosts > 0 {
            let shown = Array(fit.posts.prefix(showPosts))
            lines.append(shown.isEmpty ? "  (no post fits)" : "Best fitting posts (score; tag share, word score):")
            lines += FitReport.textLines(shown)
        }
        if let notice {
            lines.append("")
            lines.append("No suggestions: \(notice).")
            lines.append("  (\(fit.criterion))")
            return lines.joined(separator: "\n") + "\n"
        }
        let wordFitSize = fitSize - (otherLanguagePosts?.values.reduce(0, +) ?? 0)
        func block(_ heading: String, _ items: [Item], _ empty: String, of size: Int, among corpus: String? = nil) {
            lines.append("")
            lines.append(heading)
            if items.isEmpty { lines.append("  (\(empty))") }
            for item in items {
                lines.append("  \(item.text) — in \(item.posts.grouped) of \(size.grouped) fitting posts (\(item.corpusPosts.grouped) of \(corpus ?? "all \(corpusSize.grouped)"))")
            }
        }
        block("Skill tags to add:", addTags, "none: no tag marks these posts that your skills lack", of: fitSize)
        if !alternativeTags.isEmpty {
            block("Alternatives clients also ask for in place of your skills (list one only if you do it):",
                  alternativeTags, "none", of: fitSize)
        }
        block("Skill tags to drop or move to a specialized profile:", dropTags, "none", of: fitSize)
        if let languageSentence {
            lines.append("")
            lines.append("Languages: \(languageSentence).")
        }
        block("Title wording clients use:", titleWording, "none: no wording marks these posts' titles that your title lacks",
              of: wordFitSize, among: wordCorpusPhrase)
        block("Missing keywords (title, skills, overview opening, portfolio):", missingKeywords, "none", of: wordFitSize, among: wordCorpusPhrase)
        return lines.joined(separator: "\n") + "\n"
    }
}
