import Foundation

/// The forms of every spelling the process has analysed through `TextAnalyzer.analyze(_:)`,
/// shared by its threads. A lint analyses the same words many times over (a section's texts
/// by several rules, each tag and skill name in each rule that reads it), each time with a
/// fresh analyzer: stemming and normalizing them again was a tenth of a warm lint's work.
/// The table is split into stripes, each behind its own lock, so that the lint's threads
/// rarely wait for each other.
final class SharedWordForms: @unchecked Sendable {
    /// The process's table.
    static let table = SharedWordForms()

    /// The most spellings a stripe remembers; it is cleared when full (a long-running language
    /// server sees ever new words).
    let stripeLimit: Int

    private final class Stripe: @unchecked Sendable {
        let lock = NSLock()
        var forms: [String: WordForms] = [:]
    }

    private let stripes: [Stripe]

    init(stripes count: Int = 16, stripeLimit: Int = 20_000) {
        stripes = (0..<count).map { _ in Stripe() }
        self.stripeLimit = stripeLimit
    }

    /// `TextAnalyzer.forms(of: written)`, computed once per spelling.
    func forms(of written: String) -> WordForms {
        let stripe = stripes[Int(UInt(bitPattern: written.hashValue) % UInt(stripes.count))]
        if let known = stripe.lock.withLock({ stripe.forms[written] }) { return known }
        let forms = TextAnalyzer.forms(of: written)
        stripe.lock.withLock {
            if stripe.forms.count >= stripeLimit { stripe.forms.removeAll(keepingCapacity: true) }
            stripe.forms[written] = forms
        }
        return forms
    }

    /// How many spellings the table holds.
    var count: Int { stripes.reduce(0) { total, stripe in total + stripe.lock.withLock { stripe.forms.count } } }
}
