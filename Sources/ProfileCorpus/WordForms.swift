import Foundation
import ProfileText

extension CorpusStats {
    /// The forms of every spelling one statistics build has met, shared by its workers: each
    /// distinct spelling is normalized, stemmed and interned once per build (each worker's own
    /// lexicon had formed most of the vocabulary again), and stems and normalized words get one
    /// id for the whole build, so chunks carry those ids and the fold maps nothing. A worker
    /// reads it through its `WordLexicon`, which asks here only for a spelling it has not seen
    /// (under the lock); ids depend on which worker met a string first, never a result.
    final class WordForms: @unchecked Sendable {
        private let lock = NSLock()
        private var spellings = SpellingTable()
        private var words: [WordLexicon.Word] = []
        private var stems = Interned(), normalizedWords = Interned()
        /// Lexicons not in use: an analyser takes one for its chunk and gives it back when done.
        private var free: [WordLexicon] = []
        /// Spellings beyond which the table of spellings starts again (tests set it low).
        private let spellingLimit: Int

        init(spellingLimit: Int = WordLexicon.spellingLimit) {
            self.spellingLimit = spellingLimit
        }

        /// The forms of a written word whose spelling hash is `hash`. The forms are made outside
        /// the lock (two workers meeting a new spelling at once may both make them; the first
        /// stored wins, and both are equal).
        func word(_ written: UnsafeBufferPointer<UInt8>, hash: UInt64) -> WordLexicon.Word {
            if let known = locked({ spellings.find(written, hash: hash).map { words[Int($0)] } }) {
                return known
            }
            var word: WordLexicon.Word?
            let isASCII = TextAnalyzer.withASCIIForms(of: written) { normalized, stem, isNumber in
                let function = WordLexicon.functionWords.flags(of: normalized)
                word = store(written, hash: hash) {
                    WordLexicon.Word(stem: stems.id(ascii: stem), normalized: normalizedWords.id(ascii: normalized),
                                     stemIsPart: WordLexicon.isKeyPart(stem),
                                     isEdge: function & WordLexicon.FunctionWords.stopWord == 0 && !isNumber,
                                     languages: UInt8(truncatingIfNeeded: function))
                }
            }
            if isASCII, let word { return word }
            let forms = TextAnalyzer.forms(of: String(decoding: written, as: UTF8.self))
            let languages = LanguageIdentifier.mask(ofNormalized: forms.normalized)
            return store(written, hash: hash) {
                WordLexicon.Word(stem: stems.id(forms.stem), normalized: normalizedWords.id(forms.normalized),
                                 stemIsPart: WordLexicon.isKeyPart(forms.stem.utf8),
                                 isEdge: !forms.isStopWord && !forms.isNumber, languages: languages)
            }
        }

        /// The word stored for `written`: the one already there, else `make()`'s (made under the
        /// lock, where it interns its forms).
        private func store(_ written: UnsafeBufferPointer<UInt8>, hash: UInt64,
                           _ make: () -> WordLexicon.Word) -> WordLexicon.Word {
            locked {
                let (id, isNew) = spellings.id(of: written, hash: hash)
                if isNew { words.append(make()) }
                let word = words[Int(id)]
                // Bounds memory on a corpus with an unbounded vocabulary: the ids stay, only
                // spellings met again are formed again.
                if spellings.count > spellingLimit { (spellings, words) = (SpellingTable(), []) }
                return word
            }
        }

        /// `body` under the lock, asked for a few times before waiting for it: it is held for a
        /// few hundred instructions, and waiting put the worker to sleep (a context switch each
        /// time the two workers met there, about a thousand per analysis).
        private func locked<Result>(_ body: () -> Result) -> Result {
            var tries = 0
            while !lock.try() {
                tries += 1
                guard tries < Self.tries else {
                    lock.lock()
                    break
                }
            }
            defer { lock.unlock() }
            return body()
        }
        private static let tries = 200

        /// Runs `body` on the stems (their strings and ids), under the lock.
        func withStems<Result>(_ body: (inout Interned) -> Result) -> Result {
            locked { body(&stems) }
        }

        /// The stems and the normalized words by id (for the terms' texts once the workers are done).
        var strings: (stems: [String], normalizedWords: [String]) {
            locked { (stems.strings, normalizedWords.strings) }
        }

        /// A lexicon for one chunk: one a chunk before warmed, else a new one.
        func takeLexicon() -> WordLexicon {
            locked { free.popLast() } ?? WordLexicon()
        }

        /// Keeps `lexicon` for a later chunk unless it has grown past its limit.
        func giveBack(_ lexicon: WordLexicon) {
            guard lexicon.count <= WordLexicon.spellingLimit else { return }
            locked { free.append(lexicon) }
        }
    }
}
