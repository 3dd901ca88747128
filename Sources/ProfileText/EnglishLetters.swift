/// Letter classes shared by the Porter2 stemmer and the syllable heuristic.
enum EnglishLetters {
    /// Whether a lowercase ASCII byte is a vowel as Porter2 counts them (`y` included).
    static func isVowel(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
             UInt8(ascii: "y"):
            return true
        default:
            return false
        }
    }
}
