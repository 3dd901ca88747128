import ProfileText

/// The language a post or a profile is written in, told by its function words
/// (`LanguageIdentifier`). Stored per post as its raw value (0: unknown).
package enum PostLanguage: UInt8, Sendable, CaseIterable, Comparable {
    case unknown = 0, english, spanish, portuguese, french, german, italian, dutch

    /// The languages with a function-word profile, in mask-bit order (bit `rawValue - 1`).
    package static let identified: [PostLanguage] = allCases.filter { $0 != .unknown }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The language's English name, as reports print it.
    package var name: String {
        switch self {
        case .unknown: "unknown"
        case .english: "English"
        case .spanish: "Spanish"
        case .portuguese: "Portuguese"
        case .french: "French"
        case .german: "German"
        case .italian: "Italian"
        case .dutch: "Dutch"
        }
    }

    /// The ISO 639-1 code (`en`, `es`), `und` for unknown, as machine formats print it.
    package var code: String {
        switch self {
        case .unknown: "und"
        case .english: "en"
        case .spanish: "es"
        case .portuguese: "pt"
        case .french: "fr"
        case .german: "de"
        case .italian: "it"
        case .dutch: "nl"
        }
    }

    /// The language's most frequent function words (articles, prepositions, conjunctions,
    /// pronouns, auxiliaries), as written; they are compared in `Normalizer.normalizeTerm`
    /// form (case and accents folded: `für` is `fur`). This project's own lists, short on
    /// purpose: they tell a language, and (except English, which has `StopWords`) they are the
    /// language's stop words for the advice. Empty for `unknown`.
    package var functionWords: [String] {
        switch self {
        case .unknown: []
        case .english:
            ["the", "and", "of", "to", "a", "an", "in", "for", "is", "are", "with", "on", "that", "this", "we", "you",
             "our", "your", "be", "will", "have", "has", "as", "at", "by", "from", "it", "or", "not", "who", "can",
             "which", "their", "they", "us", "would", "should", "into", "about", "what", "been", "was", "were"]
        case .spanish:
            ["el", "la", "los", "las", "de", "del", "y", "en", "un", "una", "unos", "con", "por", "para", "que", "es",
             "son", "se", "lo", "su", "sus", "al", "como", "mas", "pero", "este", "esta", "estos", "nuestro",
             "nuestra", "nuestros", "nuestras", "buscamos", "tu", "usted", "muy", "sin", "sobre", "entre", "hasta",
             "desde", "tambien", "o", "e", "a", "no"]
        case .portuguese:
            ["o", "os", "a", "as", "de", "do", "da", "dos", "das", "e", "é", "em", "no", "na", "nos", "nas", "um",
             "uma", "com", "por", "para", "pelo", "pela", "que", "se", "seu", "sua", "ao", "aos", "não", "mais",
             "mas", "são", "nosso", "nossa", "nossos", "nossas", "você", "voce", "estamos", "procuramos", "também",
             "sobre", "entre", "até", "ou"]
        case .french:
            ["le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "sont", "en", "dans", "pour", "avec",
             "sur", "par", "qui", "que", "nous", "vous", "pas", "au", "aux", "ce", "cette", "ces", "son", "sa", "ses",
             "notre", "nos", "votre", "vos", "plus", "mais", "ou", "il", "elle", "être", "avez", "avons", "recherchons",
             "chez", "entre"]
        case .german:
            ["der", "die", "das", "und", "ist", "sind", "für", "mit", "von", "zu", "zur", "zum", "den", "dem", "des",
             "ein", "eine", "einen", "einem", "einer", "nicht", "auf", "wir", "sie", "ich", "es", "im", "bei",
             "auch", "oder", "als", "wie", "werden", "wird", "unsere", "unser", "unseren", "ihre", "ihr", "aus",
             "nach", "suchen", "über", "sowie", "haben", "hast", "du"]
        case .italian:
            ["il", "lo", "la", "gli", "le", "di", "del", "della", "dei", "delle", "e", "è", "un", "una", "per",
             "con", "che", "non", "nel", "nella", "sono", "da", "al", "alla", "su", "come", "anche", "più",
             "nostro", "nostra", "nostri", "siamo", "questo", "questa", "cerchiamo", "tra", "fra", "o", "ed", "ha",
             "hai", "sei", "tuo", "tua"]
        case .dutch:
            ["de", "het", "een", "van", "en", "in", "is", "op", "te", "voor", "met", "zijn", "niet", "dat", "die",
             "wij", "we", "ons", "onze", "je", "jij", "jouw", "u", "naar", "bij", "ook", "aan", "om", "of", "als",
             "er", "door", "wordt", "worden", "zoeken", "heb", "hebben", "kan", "kunnen", "maar", "tot", "uit"]
        }
    }
}
