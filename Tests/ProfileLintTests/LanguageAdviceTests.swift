import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Word-based advice on a small corpus of sales-dashboard posts, 20 in English and 20 in
/// Spanish (all tagged alike), beside 30 mobile-app posts: an English profile gets wording from
/// the English posts only, a Spanish one from the Spanish posts, and both fit all 40.
@Suite struct LanguageAdviceTests {
    static let sectors = ["retail", "logistics", "banking", "insurance", "healthcare"]
    static let sectoresES = ["comercio", "transporte", "banca", "seguros", "salud"]

    static let corpus: Corpus = {
        var posts: [JobPost] = []
        func add(_ title: String, _ description: String, _ skills: [String]) {
            posts.append(JobPost(title: title, description: description, skills: skills,
                                 location: PostLocation(path: "jobs.csv", line: posts.count + 2)))
        }
        for index in 0..<20 {
            let sector = sectors[index % 5]
            add("Sales dashboard developer for \(sector) company \(index)",
                "We need monthly sales dashboards in Power BI and SQL for our \(sector) team, with revenue forecasts and the margin by region. "
                    + "You will connect the warehouse and publish the reports to the managers. Reference \(index).",
                ["Microsoft Power BI", "Dashboard", "SQL"])
            let sectorES = sectoresES[index % 5]
            add("Desarrollador de paneles de ventas para empresa de \(sectorES) \(index)",
                "Buscamos un especialista en Power BI y SQL para crear los paneles de ventas de nuestra empresa de \(sectorES), con las previsiones "
                    + "de ingresos y el margen por región. Los informes son para la gerencia y el equipo de finanzas. Referencia \(index).",
                ["Microsoft Power BI", "Dashboard", "SQL"])
        }
        for index in 0..<30 {
            add("Flutter app \(index)", "A mobile project with Flutter screens and a login page \(index).", ["Flutter", "Dart"])
        }
        let loaded = LoadedPosts(posts: posts, issues: [], duplicates: 0)
        return Corpus(stats: CorpusStats.build(loaded))
    }()

    static let criterion = FitCriterion(minFittingPosts: 10)

    static func section(_ text: String) throws -> (CorpusSection, ProfileSection, LintContext) {
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: text)).profile)
        let context = LintContext(profile: profile, corpus: corpus, fitCriterion: criterion)
        return (try #require(CorpusSection(profile.general, context: context)), profile.general, context)
    }

    static let english = """
        title: Reporting Analyst
        overview: I build the reports that managers read each week, and I keep the numbers right for the whole team.
        skills: [Microsoft Power BI, Dashboard, SQL]
        """
    static let spanish = """
        title: Analista de informes
        overview: Creo los informes que la dirección lee cada semana y cuido los números de todo el equipo.
        skills: [Microsoft Power BI, Dashboard, SQL]
        """

    /// Words only the Spanish posts use.
    static let spanishWords: Set<String> = ["paneles", "ventas", "empresa", "previsiones", "ingresos", "margen", "gerencia",
                                            "finanzas", "desarrollador", "informes", "especialista"]

    static func words(_ texts: [String]) -> Set<String> {
        Set(texts.flatMap { $0.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init) })
    }

    @Test func postsAreToldApart() {
        let stats = Self.corpus.stats
        let languages = (0..<40).map(stats.language(ofPost:))
        #expect(languages.enumerated().allSatisfy { $0.element == ($0.offset % 2 == 0 ? .english : .spanish) }, "\(languages)")
    }

    @Test func anEnglishProfileGetsNoSpanishWording() throws {
        let (section, profileSection, context) = try Self.section(Self.english)
        #expect(section.language == .english)
        #expect(section.fit.count == 40, "tags fit posts in either language")
        #expect(section.wordFit.fit.count == 20)
        #expect(section.wordFit.leftOut == [.spanish: 20])
        let keywords = KeywordCoverageCheck(ignore: []).coverage(section).map(\.term.display)
        #expect(!keywords.isEmpty)
        #expect(Self.words(keywords).isDisjoint(with: Self.spanishWords), "\(keywords)")
        let suggestions = Suggestions.make(for: profileSection, corpus: Self.corpus, keywords: KeywordCoverageCheck(ignore: []),
                                           criterion: Self.criterion)
        let wording = suggestions.titleWording.map(\.text) + suggestions.missingKeywords.map(\.text)
        #expect(!suggestions.titleWording.isEmpty)
        #expect(Self.words(wording).isDisjoint(with: Self.spanishWords), "\(wording)")
        #expect(suggestions.otherLanguagePosts == ["es": 20])
        #expect(suggestions.text().contains("20 fitting posts in other languages (20 Spanish) are left out"), "\(suggestions.text())")
        let findings = KeywordCoverageCheck(ignore: []).check(profileSection, context: context)
        #expect(findings.contains { $0.notes.contains { $0.message.contains("20 Spanish") } })
    }

    @Test func aSpanishProfileGetsSpanishWordingWithoutItsStopWords() throws {
        let (section, profileSection, _) = try Self.section(Self.spanish)
        #expect(section.language == .spanish)
        #expect(section.wordFit.leftOut == [.english: 20])
        let suggestions = Suggestions.make(for: profileSection, corpus: Self.corpus, keywords: KeywordCoverageCheck(ignore: []),
                                           criterion: Self.criterion)
        let wording = suggestions.titleWording.map(\.text) + suggestions.missingKeywords.map(\.text)
        #expect(!Self.words(wording).isDisjoint(with: Self.spanishWords), "\(wording)")
        #expect(Self.words(wording).isDisjoint(with: ["sales", "dashboards", "revenue", "forecasts"]), "\(wording)")
        let stop = LanguageIdentifier.stopWordKeys(.spanish)
        for text in wording {
            let edges = [CorpusText.stems(text).first, CorpusText.stems(text).last].compactMap { $0 }
            #expect(edges.allSatisfy { !stop.contains($0) } && !stop.contains(text.lowercased()), "\(text)")
        }
    }

    /// A corpus in one language gives the same advice as before: nothing is left out.
    @Test func aCorpusInOneLanguageLeavesNothingOut() throws {
        let (section, _, _) = try Self.section(Self.english)
        let english = Fit(posts: section.fit.posts.filter { Self.corpus.stats.language(ofPost: $0) == .english },
                          scores: [], corpusSize: 70)
        let restricted = english.inLanguage(.english, stats: Self.corpus.stats)
        #expect(restricted.leftOut.isEmpty && restricted.fit.posts == english.posts)
    }
}

/// A word's rarity is judged among the posts in the section's language. The corpus: 20 Spanish
/// sales-dashboard posts and 25 Spanish mobile-app posts, every Spanish title opening with
/// "Proyecto urgente", beside 60 English dashboard posts and 60 English app posts. For a
/// Spanish profile, "proyecto urgente" is on every fitting post in Spanish and on no English
/// post: against the whole corpus it looked six times as common in the fit as elsewhere, but
/// the Spanish posts outside the fit use it just as much.
@Suite struct LanguageRarityTests {
    static let corpus: Corpus = {
        var posts = TestCorpus()
        let sectores = ["comercio", "transporte", "banca", "seguros", "salud"]
        for index in 0..<20 {
            posts.add("Proyecto urgente: paneles de ventas en Power BI para \(sectores[index % 5]) \(index)",
                      "Buscamos un especialista para crear los paneles de ventas de nuestra empresa de \(sectores[index % 5]), con las "
                        + "previsiones de ingresos y el margen por región. Los informes son para la gerencia y el equipo. Referencia \(index).",
                      ["Microsoft Power BI", "Dashboard", "SQL"])
        }
        for index in 0..<25 {
            posts.add("Proyecto urgente: aplicación móvil para \(sectores[index % 5]) \(index)",
                      "Buscamos un desarrollador para crear la aplicación móvil de nuestra empresa de \(sectores[index % 5]), con las "
                        + "pantallas de inicio y el pago de los pedidos. La aplicación es para los clientes y el equipo. Referencia \(index).",
                      ["Flutter", "Dart"])
        }
        for index in 0..<60 {
            posts.add("Sales dashboards in Power BI for a store \(index)",
                      "We need monthly sales dashboards in Power BI and SQL for our team, with the margin by region and "
                        + "the reports for the managers. Reference \(index).", ["Microsoft Power BI", "Dashboard", "SQL"])
            posts.add("Flutter app for a store \(index)",
                      "We need a mobile app in Flutter for our customers, with a login page and the payment of the orders. "
                        + "Reference \(index).", ["Flutter", "Dart"])
        }
        return posts.corpus()
    }()

    static let spanish = """
        title: Analista de datos
        overview: Creo los informes que la dirección lee cada semana y cuido los números de todo el equipo.
        skills: [Microsoft Power BI, Dashboard, SQL]
        """

    static func section(_ text: String) throws -> (CorpusSection, ProfileSection) {
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: text)).profile)
        let context = LintContext(profile: profile, corpus: corpus, fitCriterion: LanguageAdviceTests.criterion)
        return (try #require(CorpusSection(profile.general, context: context)), profile.general)
    }

    @Test func aGeneralPhraseOfTheLanguageIsNotWording() throws {
        let (section, profileSection) = try Self.section(Self.spanish)
        #expect(section.language == .spanish)
        #expect(section.wordFit.fit.count == 20 && section.wordFit.leftOut == [.english: 60], "\(section.wordFit.leftOut)")
        let background = try #require(Self.corpus.languageBackground(.spanish, titlesOnly: true))
        #expect(background.postCount == 45)
        // Judged against every post, the phrase marks the fit; judged among the Spanish posts, it does not.
        let allPosts = Self.corpus.characteristicTerms(section.wordFit.fit, minShare: 0.03, ignore: section.wordIgnore([]), limit: 20,
                                                       titlesOnly: true, minLift: 1.5)
        #expect(allPosts.contains { $0.key == "proyecto urgent" }, "\(allPosts.map(\.key))")
        let spanishPosts = section.wordTerms(minShare: 0.03, ignore: [], limit: 20, titlesOnly: true, minLift: 1.5)
        #expect(!spanishPosts.contains { $0.key.contains("urgent") || $0.key.contains("proyecto") }, "\(spanishPosts.map(\.key))")
        #expect(spanishPosts.contains { $0.key.contains("panel") }, "\(spanishPosts.map(\.key))")
        let spanishTerm = try #require(spanishPosts.first)
        #expect(spanishTerm.corpusSize == 45 && spanishTerm.sentence.hasSuffix("of the 45 posts in Spanish or of no clear language)"))

        let suggestions = Suggestions.make(for: profileSection, corpus: Self.corpus, keywords: KeywordCoverageCheck(ignore: []),
                                           criterion: LanguageAdviceTests.criterion)
        let wording = suggestions.titleWording.map(\.text) + suggestions.missingKeywords.map(\.text)
        #expect(!wording.isEmpty && !wording.contains { $0.lowercased().contains("urgente") }, "\(wording)")
        #expect(suggestions.wordCorpusSize == 45)
        #expect(suggestions.text().contains("of 45 in Spanish)"), "\(suggestions.text())")
    }

    @Test func aCorpusInOneLanguageIsItsOwnBackground() {
        var posts = TestCorpus()
        for index in 0..<20 {
            posts.add("Sales dashboards in Power BI \(index)", "We need monthly sales dashboards in Power BI for the team \(index).",
                      ["Microsoft Power BI"])
        }
        #expect(posts.corpus().languageBackground(.english, titlesOnly: false) == nil)
    }
}
