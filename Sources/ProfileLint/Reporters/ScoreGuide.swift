/// What each profile score measures and how to raise it, for reports that show scores.
package struct ScoreGuide: Sendable, Equatable {
    /// The score's name in `LintResult.scores` (`keyword_coverage`).
    package var name: String
    /// A short heading ("Keyword coverage").
    package var title: String
    /// One sentence on what the number measures.
    var meaning: String
    /// One sentence on how to raise it.
    var advice: String

    /// The guide for a score name; a score a custom kind adds gets a generic one.
    package static func named(_ name: String) -> ScoreGuide {
        known.first { $0.name == name } ?? ScoreGuide(
            name: name, title: name.replacingOccurrences(of: "_", with: " ").capitalizedFirst,
            meaning: "A score from 0 to 100 that the rules named '\(name)' compute.",
            advice: "Fix the findings of those rules to raise it.")
    }

    /// The built-in scores, in the order reports show them.
    static let known = [
        ScoreGuide(name: "completeness", title: "Completeness",
                   meaning: "How many of the sections clients look for the profile fills in, weighted as the marketplace weighs them.",
                   advice: "Add the sections the findings below list as missing, starting with the heaviest."),
        ScoreGuide(name: "keyword_coverage", title: "Keyword coverage",
                   meaning: "How much of the wording that marks the fitting job posts appears in the title, skills, overview opening and portfolio.",
                   advice: "Work the missing terms the findings name into the title, skills or first lines of the overview, where they are true."),
        ScoreGuide(name: "niche_focus", title: "Niche focus",
                   meaning: "How often clients ask for the profile's skills together, and how few job categories they spread over.",
                   advice: "Drop or move to a specialized profile the tags that fall outside the niche shown below."),
    ]

    /// The names of `scores` in report order: the built-in ones first, then the rest by name.
    static func ordered(_ scores: [String: Double]) -> [String] {
        let builtIn = known.map(\.name).filter { scores[$0] != nil }
        return builtIn + scores.keys.filter { !builtIn.contains($0) }.sorted()
    }

    /// A word for a rounded score, so the number never relies on colour alone.
    static func rating(_ score: Double) -> String {
        switch score.rounded() {
        case 80...: "strong"
        case 50..<80: "fair"
        default: "weak"
        }
    }
}

extension String {
    /// The string with its first character uppercased.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
