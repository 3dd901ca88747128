import Foundation
import ProfileText

/// The n-grams of texts analysed recently, shared by every thread. A lint asks for the same
/// texts again and again: each corpus rule, in its check and in its score, analyses the
/// section's texts and the titles and tags of the posts that fit it, and the language server
/// re-lints mostly unchanged profiles. Analysis is a pure function of the text, so a memo
/// cannot change a result; it is emptied when it grows past `capacity` texts, which bounds
/// its memory in a long-running server.
final class NGramMemo: @unchecked Sendable {
    static let shared = NGramMemo(capacity: 20_000)

    private let capacity: Int
    private let lock = NSLock()
    private var known: [String: [NGram]] = [:]

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The n-grams of `text`, analysed by `analyze` unless it is known.
    func ngrams(_ text: String, analyze: (String) -> [NGram]) -> [NGram] {
        lock.lock()
        let found = known[text]
        lock.unlock()
        if let found { return found }
        let result = analyze(text)
        lock.lock()
        if known.count >= capacity { known.removeAll(keepingCapacity: true) }
        known[text] = result
        lock.unlock()
        return result
    }
}
