/// English Porter2 (Snowball) stemmer.
/// STUB (returns the word); replaced by the real Porter2 implementation.
public enum Stemmer {
    public static func stem(_ word: String) -> String { word }
}
