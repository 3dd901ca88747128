/// The forms of every spelling the process has analysed through `TextAnalyzer.analyze(_:)`,
/// shared by its threads. A lint analyses the same words many times over (a section's texts
/// by several rules, each tag and skill name in each rule that reads it), each time with a
/// fresh analyzer: stemming and normalizing them again was a tenth of a warm lint's work.
/// The table is split into stripes, each behind its own lock, so that the lint's threads
/// rarely wait for each other.
final class SharedWordForms: Sendable {
    /// The process's table.
    static let table = SharedWordForms()

    /// Each stripe is cleared when it holds `stripeLimit` spellings.
    private let stripes: [LockedMemo<String, WordForms>]

    init(stripes count: Int = 16, stripeLimit: Int = 20_000) {
        stripes = (0..<count).map { _ in LockedMemo(limit: stripeLimit) }
    }

    /// `TextAnalyzer.forms(of: written)`, computed once per spelling.
    func forms(of written: String) -> WordForms {
        let stripe = stripes[Int(UInt(bitPattern: written.hashValue) % UInt(stripes.count))]
        return stripe.value(for: written) { TextAnalyzer.forms(of: $0) }
    }

    /// How many spellings the table holds.
    var count: Int { stripes.reduce(0) { $0 + $1.count } }
}
