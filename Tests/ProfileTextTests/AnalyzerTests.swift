import Foundation
import Testing
@testable import ProfileText

@Suite struct StopWordTests {
    @Test func knowsFunctionWordsOnly() {
        for word in ["the", "and", "of", "you're", "don't", "with", "we"] { #expect(StopWords.contains(word), "\(word)") }
        for word in ["python", "design", "data", "react", "The"] { #expect(!StopWords.contains(word), "\(word)") }
        #expect((150...250).contains(StopWords.words.count))
    }
}

@Suite struct TextAnalyzerTests {
    @Test func analysesEveryForm() {
        let text = "Résumés for C# developers.\nWe’re building Node.js APIs in 2024"
        let terms = TextAnalyzer.analyze(text).terms
        #expect(terms.map(\.text) == ["Résumés", "for", "C#", "developers", "We’re", "building", "Node.js", "APIs", "in", "2024"])
        #expect(terms.map(\.normalized) == ["resumes", "for", "c#", "developers", "we're", "building", "node.js", "apis", "in", "2024"])
        #expect(terms.map(\.stem) == ["resum", "for", "c#", "develop", "we'r", "build", "node.js", "api", "in", "2024"])
        #expect(terms.map(\.isStopWord) == [false, true, false, false, true, false, false, false, true, false])
        #expect(terms.map(\.isNumber) == [false, false, false, false, false, false, false, false, false, true])
        #expect(terms.map(\.sentence) == [0, 0, 0, 0, 1, 1, 1, 1, 1, 1])
        let bytes = Array(text.utf8)
        for term in terms { #expect(String(decoding: bytes[term.range], as: UTF8.self) == term.text) }
    }

    @Test func phrasesBreakAtPunctuationButNotHyphens() {
        let terms = TextAnalyzer.analyze("full-stack web apps, Python (Django) and SQL").terms
        #expect(terms.map(\.phrase) == [0, 0, 0, 0, 1, 2, 3, 3])
    }

    @Test func aReusedAnalyzerGivesTheSameTerms() {
        let texts = ["Résumés and résumé writing", "Writing C# and Node.js", "résumé, RÉSUMÉ; writing!"]
        var analyzer = TextAnalyzer()
        analyzer.cacheLimit = 3
        for _ in 0..<2 {
            for text in texts {
                #expect(analyzer.analyze(text).terms == TextAnalyzer.analyze(text).terms)
            }
        }
    }

    /// `analyze(_:)` sizes its word table for the text at once; an analyzer whose table grows
    /// word by word gives the same terms and sentences: the example profiles, repeated words
    /// past each growth of the table, random texts of words, punctuation and non-ASCII letters.
    @Test func aTableSizedForTheTextGivesTheSameAnalysis() throws {
        var texts = try ["strong-profile.yaml", "weak-profile.yaml", "android-profile.json"].map {
            try String(contentsOf: TestData.packageRoot.appendingPathComponent("examples/\($0)"), encoding: .utf8)
        }
        let pieces = ["data", "Data", "résumé", "C#", "node.js", "the", "2024", "3.5", "Ünïcode", "ok.", " ", ", ", "\n", "-", "x"]
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        for _ in 0..<200 { texts.append((0..<next(80)).map { _ in pieces[next(pieces.count)] }.joined(separator: next(2) == 0 ? " " : "")) }
        texts.append((0..<3_000).map { "word\($0 % 700) " }.joined())
        texts.append("")
        for text in texts {
            var growing = TextAnalyzer()
            let expected = growing.analyze(text)
            let sized = TextAnalyzer.analyze(text)
            #expect(sized.terms == expected.terms && sized.sentences == expected.sentences, "\(text.prefix(80))")
        }
    }

    @Test func emptyText() {
        let analysed = TextAnalyzer.analyze("")
        #expect(analysed.terms.isEmpty)
        #expect(analysed.sentences.isEmpty)
    }
}

@Suite struct NGramTests {
    private func grams(_ text: String, _ maxLength: Int = 3) -> [String] {
        NGrams.extract(from: TextAnalyzer.analyze(text).terms, maxLength: maxLength).map(\.text)
    }

    @Test func contentWordsWithinAPhrase() {
        #expect(grams("machine learning models") == [
            "machine", "machine learning", "machine learning models", "learning", "learning models", "models",
        ])
    }

    @Test func stopWordsOnlyInside() {
        #expect(grams("the return on investment") == [
            "return", "return on investment", "investment",
        ])
    }

    @Test func neverCrossSentencesOrPunctuation() {
        #expect(grams("Python, SQL. Tableau dashboards") == ["python", "sql", "tableau", "tableau dashboards", "dashboards"])
        #expect(grams("I code.\nYou test") == ["code", "test"])
    }

    @Test func numbersAreNotEdges() {
        #expect(grams("5 years of Excel") == ["years", "years of excel", "excel"])
        #expect(grams("Excel 2019") == ["excel"])
    }

    @Test func keysUseStemsAndRangesSpanTheWords() {
        let text = "Building dashboards"
        let all = NGrams.extract(from: TextAnalyzer.analyze(text).terms)
        #expect(all.map(\.key) == ["build", "build dashboard", "dashboard"])
        #expect(all[1].range == 0..<text.utf8.count)
        #expect(NGrams.extract(from: TextAnalyzer.analyze(text).terms, maxLength: 1).count == 2)
        #expect(NGrams.extract(from: TextAnalyzer.analyze(text).terms, maxLength: 0).isEmpty)
    }
}

@Suite struct SkillAliasTests {
    private func table() throws -> SkillAliases {
        try SkillAliases([
            .init(canonical: "React", aliases: ["React.js", "ReactJS"]),
            .init(canonical: "Google Ads", aliases: ["Google AdWords", "AdWords"]),
            .init(canonical: "SEO", aliases: ["Search Engine Optimization"]),
            .init(canonical: "Go", aliases: ["Golang"]),
            .init(canonical: "R", aliases: []),
            .init(canonical: "C", aliases: []),
            .init(canonical: "C#", aliases: ["C Sharp"]),
            .init(canonical: "C++", aliases: ["CPP"]),
            .init(canonical: "Artificial Intelligence", aliases: ["AI"]),
        ])
    }

    @Test func matchesByNormalizedKey() throws {
        let aliases = try table()
        for tag in ["React", "react", "React.js", "ReactJS", "react js", "REACT.JS", " React "] {
            #expect(aliases.canonical(for: tag) == "React", "\(tag)")
        }
        #expect(aliases.canonical(for: "google adwords") == "Google Ads")
        #expect(aliases.canonical(for: "Search-Engine Optimization") == "SEO")
        #expect(aliases.canonical(for: "seo") == "SEO")
        #expect(aliases.canonical(for: "golang") == "Go")
        #expect(aliases.canonical(for: "c sharp") == "C#")
        #expect(aliases.canonical(for: "c#") == "C#")
        #expect(aliases.canonical(for: "C++") == "C++")
        #expect(aliases.canonical(for: "Kotlin") == nil)
    }

    @Test func shortNamesMatchOnlyExactly() throws {
        let aliases = try table()
        #expect(aliases.canonical(for: "Go") == "Go")
        #expect(aliases.canonical(for: "go") == nil)
        #expect(aliases.canonical(for: "GO") == nil)
        #expect(aliases.canonical(for: "R") == "R")
        #expect(aliases.canonical(for: "r") == nil)
        #expect(aliases.canonical(for: "C") == "C")
        #expect(aliases.canonical(for: "AI") == "Artificial Intelligence")
        #expect(aliases.canonical(for: "ai") == nil)
        #expect(aliases.canonical(for: "A.I.") == nil)
    }

    @Test func keys() {
        #expect(SkillAliases.normalizedKey("React.js") == "react")
        #expect(SkillAliases.normalizedKey("ReactJS") == "react")
        #expect(SkillAliases.normalizedKey("react js") == "react")
        #expect(SkillAliases.normalizedKey("Node.js") == "node")
        #expect(SkillAliases.normalizedKey("JS") == "js")
        #expect(SkillAliases.normalizedKey("CI/CD") == "cicd")
        #expect(SkillAliases.normalizedKey("C#") == "c#")
        #expect(SkillAliases.normalizedKey("Résumé Writing") == "resumewriting")
        #expect(SkillAliases.normalizedKey("Ｐｙｔｈｏｎ") == "python")
    }

    @Test func findsMentionsInText() throws {
        let aliases = try SkillAliases([
            .init(canonical: "Google Ads", aliases: ["Google AdWords", "AdWords"]),
            .init(canonical: "Google Analytics", aliases: ["GA4"]),
            .init(canonical: "SEO", aliases: ["Search Engine Optimization"]),
            .init(canonical: "React", aliases: ["React.js"]),
            .init(canonical: "Go", aliases: ["Golang"]),
        ])
        let text = "Run Google AdWords and search engine optimization; go build APIs in Go, React.js, GA4. Google, ads."
        let mentions = aliases.mentions(in: TextAnalyzer.analyze(text).terms)
        #expect(mentions.map(\.canonical) == ["Google Ads", "SEO", "Go", "React", "Google Analytics"])
        let bytes = Array(text.utf8)
        #expect(mentions.map { String(decoding: bytes[$0.range], as: UTF8.self) } == [
            "Google AdWords", "search engine optimization", "Go", "React.js", "GA4",
        ])
    }

    @Test func reportsANameClaimedByTwoGroups() {
        #expect(throws: SkillAliases.Conflict(name: "React JS", firstGroup: 0, secondGroup: 1)) {
            try SkillAliases([
                .init(canonical: "React", aliases: ["ReactJS"]),
                .init(canonical: "React Native", aliases: ["React JS"]),
            ])
        }
    }
}
