import Foundation

/// Words that praise or pad a post without naming any work (`seamlessly`, `innovative`,
/// `passionate`), and the verbs every request uses (`add`, `make`, `need`): never advice,
/// whatever their counts. Matched as written (case-folded), not
/// by stem, so `secure` is filler and `security` is not.
enum FillerWords {
    static let words: Set<String> = Set("""
        seamless seamlessly innovative innovation secure securely maintain maintaining key senior junior passionate passion
        love hear create creating cutting robust efficient efficiently effective effectively modern quality top best great
        excellent amazing awesome exciting excited talented dedicated motivated reliable smooth smoothly friendly ensure
        ensuring deliver delivering leverage leveraging utilize world-class next level growing fast paced rapidly oriented
        proven ideal perfect successful professional expertise expert hire hiring join joining opportunity exceptional
        outstanding unique impactful engaging intuitive comprehensive various multiple different strong thrive thriving
        collaborate collaborative collaboration elegant stunning beautiful seasoned skilled highly eager enthusiastic
        committed hardworking talent rockstar ninja guru dream fun
        add adding make involve involves involving need needs needed want wants looking
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Whether a term, as written (`termDisplays`), starts or ends with a filler word.
    static func marks(_ written: String) -> Bool {
        let words = written.split(separator: " ")
        guard let first = words.first, let last = words.last else { return false }
        return Self.words.contains(String(first)) || Self.words.contains(String(last))
    }
}
