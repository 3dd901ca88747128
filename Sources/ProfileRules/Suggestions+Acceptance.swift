import ProfileCorpus
import ProfileModel
import ProfileText

/// What a demanding user rejects in `suggest`'s lists, read by hand on the evaluation's
/// profiles (ADVICE.md, "Suggestions read by hand"), as tests on the corpus and the section.
extension Suggestions {
    /// Distinct fitting titles a title wording must appear in: one client reposting a job
    /// under one title (`Corpus.distinctTitles`) is one piece of evidence, not eight.
    static let minDistinctTitles = 3

    /// Whether a suggested tag only restates a listed skill: its words are a part of the
    /// skill's, or the skill's a part of its own, word by word in the same stem family
    /// (`App Development` beside `Mobile App Development`, `Python Script` beside `Python`,
    /// `Data Analytics` beside `Data Analysis`). Adding it says nothing new to a client.
    static func restates(_ tag: String, anyOf skills: [String], aliases: SkillAliases?) -> Bool {
        let suggested = stems(tag, aliases: aliases)
        guard !suggested.isEmpty else { return false }
        return skills.contains { skill in
            let listed = stems(skill, aliases: aliases)
            return !listed.isEmpty && (covers(listed, suggested) || covers(suggested, listed))
        }
    }

    /// Whether the section's title names the skill (every word of it, or of its canonical
    /// name, in the same stem family): a skill the title names is the section's niche, not one
    /// to drop because few posts name it (`Jetpack Compose` for a Compose specialist). When no
    /// fitting post carries or names it, it is dropped all the same: the title names a second
    /// niche (`corpus-two-niche-title`).
    static func titleNames(_ skill: String, title: String?, aliases: SkillAliases?) -> Bool {
        guard let title else { return false }
        let titleStems = CorpusText.stems(title)
        return CorpusSection.names(of: skill, aliases: aliases).contains { name in
            let words = CorpusText.stems(name)
            return !words.isEmpty && covers(titleStems, words)
        }
    }

    /// Whether a title wording names something a client would search for: a phrase, a
    /// technical token (`AI/ML`, `MERN`, `Next.js`: a capital after the first letter, a digit or
    /// a symbol), or one word that is the name of a skill tag of the corpus (`Figma`,
    /// `Shopify`); a lone common word (`platform`, `system`, `advanced`, `fix`) is not wording
    /// for a title. A corpus without tags cannot tell: every wording stays.
    static func isTitleWording(_ term: Evidence, corpus: Corpus) -> Bool {
        guard !corpus.stats.tagFrequency.isEmpty, !term.key.contains(" "),
              !term.display.dropFirst().contains(where: { !$0.isLowercase }) else { return true }
        return corpus.namesTag(term)
    }

    /// The stems of a skill's canonical name (its own when the alias table has none).
    private static func stems(_ skill: String, aliases: SkillAliases?) -> [String] {
        CorpusText.stems(aliases?.canonical(for: skill) ?? skill)
    }

    /// Whether each of `part`'s stems has one of `whole`'s in its family.
    private static func covers(_ whole: [String], _ part: [String]) -> Bool {
        part.allSatisfy { stem in whole.contains { SectionVocabulary.sameFamily($0, stem) } }
    }
}
