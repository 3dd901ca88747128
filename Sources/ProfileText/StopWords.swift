/// English stop words: common function words (articles, pronouns, auxiliaries, prepositions,
/// conjunctions, frequent adverbs and their contractions) that carry no topic on their own.
/// The list is this project's own; entries are in `Normalizer.normalizeTerm` form.
package enum StopWords {
    /// Whether a normalized term (lowercase, ASCII apostrophes) is a stop word.
    package static func contains(_ normalizedTerm: String) -> Bool {
        words.contains(normalizedTerm)
    }

    /// The whole list.
    package static let words: Set<String> = [
        // articles, determiners and quantifiers
        "a", "an", "the", "this", "that", "these", "those", "each", "every", "either", "neither", "some", "any",
        "all", "both", "few", "many", "much", "more", "most", "less", "least", "other", "another", "such", "own",
        "same", "several", "no", "nor", "not", "only", "enough",
        // pronouns
        "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "yourselves", "he", "him", "his",
        "himself", "she", "her", "hers", "herself", "it", "its", "itself", "we", "us", "our", "ours",
        "ourselves", "they", "them", "their", "theirs", "themselves", "who", "whom", "whose", "which", "what",
        "whatever", "whoever", "anyone", "anything", "someone", "something", "everyone", "everything",
        // auxiliaries and modals
        "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does",
        "did", "doing", "done", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
        "cannot", "ought",
        // prepositions
        "about", "above", "across", "after", "against", "along", "among", "around", "at", "before", "behind",
        "below", "beneath", "beside", "besides", "between", "beyond", "by", "down", "during", "except", "for",
        "from", "in", "inside", "into", "like", "near", "of", "off", "on", "onto", "out", "outside", "over",
        "per", "since", "through", "throughout", "to", "toward", "towards", "under", "until", "up", "upon",
        "via", "with", "within", "without",
        // conjunctions
        "and", "but", "or", "so", "yet", "if", "then", "than", "because", "as", "while", "whereas", "although",
        "though", "unless", "whether", "once",
        // adverbs
        "here", "there", "when", "where", "why", "how", "again", "also", "just", "very", "too", "now", "ever",
        "never", "always", "often", "already", "still", "even", "quite", "rather", "else", "further", "however",
        "etc", "e.g", "i.e",
        // contractions
        "i'm", "i've", "i'll", "i'd", "you're", "you've", "you'll", "you'd", "he's", "she's", "it's", "we're",
        "we've", "we'll", "we'd", "they're", "they've", "they'll", "they'd", "that's", "there's", "what's",
        "let's", "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't", "haven't", "hasn't",
        "hadn't", "won't", "wouldn't", "can't", "couldn't", "shouldn't", "mustn't",
    ]
}
