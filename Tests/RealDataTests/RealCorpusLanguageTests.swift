import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// `four-tracks-2400.csv` with 150 data posts in Spanish and German added at test time (written
/// for this test from templates, each with its own reference number, tagged as the data
/// track's Power BI posts are). Before posts had a language, the Power BI profile's title
/// wording and keywords became foreign phrases (`Power BI para`, `de datos para`, `BI
/// Entwickler für`); now an English profile gets none, and a Spanish one gets Spanish wording.
@Suite struct RealCorpusLanguageTests {
    static let sectors = [("retail", "comercio minorista", "Einzelhandel"), ("logistics", "logística", "Logistik"),
                          ("banking", "banca", "Bankwesen"), ("insurance", "seguros", "Versicherungen"),
                          ("healthcare", "salud", "Gesundheitswesen"), ("energy", "energía", "Energie")]

    /// The Spanish (100) and German (50) posts, as JSON Lines.
    static func foreignPosts() -> String {
        var lines: [String] = []
        func add(_ title: String, _ description: String, _ reference: Int) {
            let post: [String: Any] = ["title": title, "description": description, "track_name": "data_analyst",
                                       "skills": ["Microsoft Power BI", "Data Visualization", "DAX", "SQL", "Dashboard"],
                                       "url": "https://jobs.example/post/\(reference)"]
            let data = (try? JSONSerialization.data(withJSONObject: post, options: [.sortedKeys])) ?? Data()
            lines.append(String(decoding: data, as: UTF8.self))
        }
        for index in 0..<100 {
            let sector = sectors[index % sectors.count].1
            let titles = ["Desarrollador Power BI para empresa de \(sector)", "Analista de datos para los informes de \(sector)",
                          "Consultor de Power BI para paneles de ventas", "Experto en DAX para el modelo de datos de \(sector)"]
            add(titles[index % titles.count],
                "Buscamos un especialista en Power BI para crear los paneles de control de nuestra empresa de \(sector). "
                    + "El proyecto incluye la conexión con SQL Server, el modelo de los datos y las medidas DAX para los informes "
                    + "mensuales. Necesitamos a alguien con experiencia en la visualización de datos que trabaje con el equipo "
                    + "de finanzas y que explique los resultados a la dirección. Referencia \(5000 + index).", 5000 + index)
        }
        for index in 0..<50 {
            let sector = sectors[index % sectors.count].2
            let titles = ["Power BI Entwickler für \(sector)", "Datenanalyst für die Berichte im \(sector)",
                          "Berater für Power BI Dashboards und DAX"]
            add(titles[index % titles.count],
                "Wir suchen einen erfahrenen Power BI Entwickler für die Erstellung von Dashboards für unser Team im \(sector). "
                    + "Die Daten kommen aus dem SQL Server und aus Excel, und die Berichte sollen mit DAX Kennzahlen aufgebaut "
                    + "werden. Sie arbeiten mit unserem Controlling zusammen und erstellen ein sauberes Datenmodell für die "
                    + "Geschäftsführung. Referenznummer \(7000 + index).", 7000 + index)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The mixed corpus, loaded once (no cache).
    static let corpus: Corpus = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("languages-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let foreign = directory.appendingPathComponent("foreign.jsonl")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(foreignPosts().utf8).write(to: foreign)
            return try Corpus.load(paths: [RealData.fourTracks, foreign.path])
        } catch {
            fatalError("\(error)")
        }
    }()

    /// Words of the foreign templates no English post would put in its wording.
    static let foreignWords: Set<String> = ["para", "de", "los", "las", "datos", "empresa", "paneles", "informes", "desarrollador",
                                            "analista", "buscamos", "consultor", "fur", "für", "die", "entwickler", "berichte",
                                            "datenanalyst", "wir", "suchen", "und", "im", "kennzahlen", "berater"]

    static func words(_ texts: [String]) -> Set<String> {
        Set(texts.flatMap { $0.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init) })
    }

    static func profile(_ text: String) throws -> Profile {
        try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: text)).profile)
    }

    static let englishProfile = """
        title: Power BI Developer | Dashboards, DAX and Data Models
        overview: |
          I build Power BI reports that managers trust: clean data models, DAX measures, scheduled
          refresh from SQL Server and Excel, and dashboards that answer one question per page.
        skills: [Microsoft Power BI, DAX, Data Visualization, Business Intelligence, Dashboard, SQL, Data Modeling]
        """

    @Test func theForeignPostsAreToldAndFitByTheirTags() throws {
        let stats = Self.corpus.stats
        #expect(stats.postCount == 2350 + 150)
        let languages = (0..<stats.postCount).map(stats.language(ofPost:))
        #expect(languages.suffix(150).prefix(100).allSatisfy { $0 == .spanish })
        #expect(languages.suffix(50).allSatisfy { $0 == .german })
        let english = languages.prefix(2350).count { $0 == .english }
        #expect(english >= 2300, "four-tracks posts are English (\(english) of 2,350 told so)")
        #expect(languages.prefix(2350).count { $0 != .english && $0 != .unknown } <= 5)
        let profile = try Self.profile(Self.englishProfile)
        let query = ProfileQuery(section: profile.general, corpus: Self.corpus)
        let fit = Self.corpus.fit(query)
        #expect(fit.posts.count { $0 >= 2350 } >= 100, "a Spanish Power BI post is evidence for the tags")
    }

    @Test func anEnglishProfileIsSuggestedNoForeignPhrase() throws {
        let profile = try Self.profile(Self.englishProfile)
        let suggestions = Suggestions.make(for: profile.general, corpus: Self.corpus, keywords: KeywordCoverageCheck())
        let wording = suggestions.titleWording.map(\.text) + suggestions.missingKeywords.map(\.text)
        #expect(!wording.isEmpty)
        #expect(Self.words(wording).isDisjoint(with: Self.foreignWords), "\(wording)")
        let leftOut = suggestions.otherLanguagePosts ?? [:]
        #expect((leftOut["es"] ?? 0) >= 90 && (leftOut["de"] ?? 0) >= 40, "\(leftOut)")
        // The lint's keyword and title findings, as the CLI would print them.
        var rules: [Rule] = []
        for (kind, message) in [("keyword-coverage", "{term}"), ("title-match", "{phrases}")] {
            rules.append(try RuleLoader.load(SourceFile(path: "\(kind).yml", text: """
                id: \(kind)
                severity: warning
                message: "\(message)"
                rationale: For tests.
                kind: \(kind)
                """)))
        }
        let found = try Linter(ruleSet: RuleSet(rules: rules), corpus: Self.corpus)
            .lint(SourceFile(path: "p.yaml", text: Self.englishProfile)).diagnostics
        #expect(!found.isEmpty)
        #expect(Self.words(found.map(\.message)).isDisjoint(with: Self.foreignWords), "\(found.map(\.message))")
        #expect(found.allSatisfy { $0.notes.contains { $0.message.contains("in other languages") } })
    }

    @Test func aSpanishProfileGetsSpanishWordingFromTheSpanishPosts() throws {
        let profile = try Self.profile("""
            title: Consultor Power BI
            overview: |
              Creo los modelos y las medidas DAX para que la dirección tenga sus cifras cada semana, con
              la conexión a SQL Server y la actualización de los datos de la empresa.
            skills: [Microsoft Power BI, DAX, Data Visualization, Business Intelligence, Dashboard, SQL, Data Modeling]
            """)
        let suggestions = Suggestions.make(for: profile.general, corpus: Self.corpus, keywords: KeywordCoverageCheck())
        #expect(suggestions.language == "es")
        let wording = suggestions.titleWording.map(\.text) + suggestions.missingKeywords.map(\.text)
        let spanish: Set<String> = ["paneles", "informes", "desarrollador", "analista", "datos", "empresa", "experto", "ventas",
                                    "especialista", "finanzas", "control", "visualizacion", "visualización", "mensuales"]
        #expect(!Self.words(wording).isDisjoint(with: spanish), "\(wording)")
        #expect(Self.words(wording).isDisjoint(with: ["entwickler", "berichte", "fur", "für", "die", "und"]), "\(wording)")
        let stop = LanguageIdentifier.stopWordKeys(.spanish)
        for text in wording {
            let stems = CorpusText.stems(text)
            #expect(!(stems.first.map(stop.contains) ?? false) && !(stems.last.map(stop.contains) ?? false), "\(text)")
        }
        #expect((suggestions.otherLanguagePosts?["de"] ?? 0) >= 40)
    }
}
