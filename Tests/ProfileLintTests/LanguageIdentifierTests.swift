import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileModel

/// The function-word identifier on texts written for these tests, one per language, and on
/// texts too short or too mixed to tell.
@Suite struct LanguageIdentifierTests {
    static let samples: [(PostLanguage, String)] = [
        (.english, "We are looking for an analyst to build the monthly sales reports for our team and to help us with the data."),
        (.spanish, "Buscamos un analista para crear los informes de ventas del equipo y ayudar con la limpieza de los datos."),
        (.portuguese, "Procuramos um analista para criar os relatórios de vendas da equipe e ajudar com a limpeza dos dados do projeto."),
        (.french, "Nous recherchons un analyste pour créer les rapports des ventes de notre équipe et nous aider avec le nettoyage des données."),
        (.german, "Wir suchen einen Analysten für die Erstellung der Berichte und die Bereinigung der Daten, auch mit unserem Team."),
        (.italian, "Cerchiamo un analista per creare i report delle vendite della nostra squadra e per aiutare con la pulizia dei dati."),
        (.dutch, "Wij zoeken een analist voor het maken van de rapporten van ons team en om ons te helpen met het opschonen van de data."),
    ]

    @Test(arguments: samples.indices)
    func tellsEachLanguage(_ index: Int) {
        let (language, text) = Self.samples[index]
        #expect(LanguageIdentifier.identify([text]) == language, "\(text)")
    }

    @Test func shortTextIsUnknown() {
        #expect(LanguageIdentifier.identify(["Power BI Developer"]) == .unknown)
        #expect(LanguageIdentifier.identify(["Analista de datos"]) == .unknown)
        #expect(LanguageIdentifier.identify([""]) == .unknown)
    }

    /// Half English, half Spanish: neither leads the other by `minLead`.
    @Test func mixedTextIsUnknown() {
        let mixed = "We need the reports for our team and the data. Buscamos los informes de las ventas y los datos del equipo."
        #expect(LanguageIdentifier.identify([mixed]) == .unknown)
    }

    /// A Spanish sentence inside a long English text does not change the text's language.
    @Test func aForeignPhraseInALongTextKeepsItsLanguage() {
        let text = Self.samples[0].1 + " " + Self.samples[0].1 + " Our motto: los datos para todos."
        #expect(LanguageIdentifier.identify([text]) == .english)
    }

    @Test func accentsAreFolded() {
        #expect(LanguageIdentifier.mask(ofNormalized: "fur") != 0, "für, folded")
        #expect(LanguageIdentifier.mask(ofNormalized: "nao") != 0, "não, folded")
        #expect(LanguageIdentifier.mask(ofNormalized: "dashboard") == 0)
    }

    /// The stop words of a language, as corpus term keys; none for English, whose stop words
    /// the analysis already keeps off term edges.
    @Test func stopWordKeys() {
        let spanish = LanguageIdentifier.stopWordKeys(.spanish)
        #expect(spanish.contains("para") && spanish.contains("los") && spanish.contains("del"))
        #expect(LanguageIdentifier.stopWordKeys(.english).isEmpty)
        #expect(LanguageIdentifier.stopWordKeys(.unknown).isEmpty)
    }

    /// The corpus build stores each post's language, the same on any number of threads.
    @Test func theBuildStoresEachPostsLanguage() {
        let posts = Self.samples.enumerated().map { index, sample in
            JobPost(title: "Report \(index)", description: sample.1, skills: ["Reporting"],
                    location: PostLocation(path: "jobs.csv", line: index + 2))
        } + [JobPost(title: "Power BI", description: "Dashboards", skills: [], location: PostLocation(path: "jobs.csv", line: 9))]
        let loaded = LoadedPosts(posts: posts, issues: [], duplicates: 0)
        let stats = CorpusStats.build(loaded, workers: 1)
        #expect((0..<stats.postCount).map(stats.language(ofPost:)) == Self.samples.map(\.0) + [.unknown])
        #expect(CorpusStats.build(loaded, workers: 3) == stats)
    }

    @Test func profileLanguageFallsBackToEnglish() throws {
        let spanish = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: """
            title: Analista de datos
            overview: Creo los informes de ventas para las empresas y ayudo con la limpieza de los datos del equipo.
            """)).profile)
        let empty = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: "title: Analista de datos\n")).profile)
        let corpus = Corpus(stats: CorpusStats.build(LoadedPosts(posts: [], issues: [], duplicates: 0)))
        #expect(ProfileQuery(section: spanish.general, corpus: corpus).language == .spanish)
        #expect(ProfileQuery(section: empty.general, corpus: corpus).language == .english)
    }

    @Test func countsAreGroupedInThrees() {
        #expect(2350.grouped == "2,350")
        #expect(999.grouped == "999")
        #expect(1_000_000.grouped == "1,000,000")
        #expect((-12000).grouped == "-12,000")
        #expect(0.grouped == "0")
    }
}
