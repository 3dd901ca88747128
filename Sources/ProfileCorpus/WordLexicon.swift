import Foundation
import ProfileText

extension CorpusStats {
    /// The forms of the written words one worker has seen (normalized word, stem, whether it
    /// may start or end an n-gram), kept from chunk to chunk: a chunk of 2,000 posts holds
    /// about 20,000 distinct spellings, most of them seen by the chunks before, and
    /// normalizing, stemming and interning each again in every chunk cost more than looking it
    /// up. Forms are a pure function of the spelling, so what a lexicon has seen cannot change
    /// a result. A chunk numbers its stems and words itself (first seen, first numbered), via
    /// the marks below, which it clears when it is done.
    struct WordLexicon {
        struct Word {
            var stem: UInt32
            var normalized: UInt32
            var stemIsPart: Bool
            var isEdge: Bool
            /// The languages whose function words hold the word (`LanguageIdentifier.mask`).
            var languages: UInt8
        }

        /// Spellings beyond which a lexicon is dropped before its next chunk, so its memory
        /// stays bounded on a corpus with an unbounded vocabulary (numbers, typos, links).
        static let spellingLimit = 1 << 18

        /// Which lexicon this is (numbered by the pool; 0 for one made elsewhere): the builder
        /// remembers the global ids of each lexicon's stems and words under it.
        let serial: Int
        private(set) var spellings = SpellingTable()
        private(set) var words: [Word] = []
        private(set) var stems = Interned(), normalizedWords = Interned()
        /// Per word, stem and normalized word: its chunk id + 1 in the chunk being analysed, 0
        /// when that chunk has not used it yet.
        var wordMarks: [UInt32] = [], stemMarks: [UInt32] = [], normalizedMarks: [UInt32] = []

        init(serial: Int = 0) {
            self.serial = serial
        }

        /// The lexicon id of a written word whose spelling hash is `hash`.
        mutating func word(_ written: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt32 {
            let (id, isNew) = spellings.id(of: written, hash: hash)
            guard isNew else { return id }
            let word = asciiWord(written) ?? otherWord(String(decoding: written, as: UTF8.self))
            words.append(word)
            wordMarks.append(0)
            if word.stem == stemMarks.count { stemMarks.append(0) }
            if word.normalized == normalizedMarks.count { normalizedMarks.append(0) }
            return id
        }

        /// The forms of an ASCII spelling, from its bytes (nearly every spelling): the same as
        /// `otherWord`'s, which the tests check on every word of the real corpora and on random
        /// ones, without a string made for each form.
        private mutating func asciiWord(_ written: UnsafeBufferPointer<UInt8>) -> Word? {
            var word: Word?
            _ = TextAnalyzer.withASCIIForms(of: written) { normalized, stem, isNumber in
                let function = Self.functionWords.flags(of: normalized)
                word = Word(stem: stems.id(ascii: stem), normalized: normalizedWords.id(ascii: normalized),
                            stemIsPart: Self.isKeyPart(stem), isEdge: function & FunctionWords.stopWord == 0 && !isNumber,
                            languages: UInt8(truncatingIfNeeded: function))
            }
            return word
        }

        /// The forms of any spelling, from the strings `TextAnalyzer` makes.
        private mutating func otherWord(_ written: String) -> Word {
            let forms = TextAnalyzer.forms(of: written)
            return Word(stem: stems.id(forms.stem), normalized: normalizedWords.id(forms.normalized),
                        stemIsPart: Self.isKeyPart(forms.stem.utf8), isEdge: !forms.isStopWord && !forms.isNumber,
                        languages: LanguageIdentifier.mask(ofNormalized: forms.normalized))
        }

        /// Stop words and function words (`StopWords`, `LanguageIdentifier.masks`) by their bytes:
        /// per word, its language mask (low byte) and `stopWord`. Every key is in normalized form
        /// (NFC), so an ASCII normalized word equals one as a `String` exactly when the bytes do.
        private struct FunctionWords {
            static let stopWord: UInt16 = 0x100
            private var table = SpellingTable()
            private var flags: [UInt16] = []

            init() {
                for word in StopWords.words { add(word, Self.stopWord) }
                for (word, mask) in LanguageIdentifier.masks { add(word, UInt16(mask)) }
            }

            private mutating func add(_ word: String, _ flag: UInt16) {
                var word = word
                let id = Int(word.withUTF8 { table.id(of: $0).id })
                if id == flags.count { flags.append(0) }
                flags[id] |= flag
            }

            /// The flags of a normalized word, 0 when it is no function word.
            func flags(of normalized: UnsafeBufferPointer<UInt8>) -> UInt16 {
                table.find(normalized).map { flags[Int($0)] } ?? 0
            }
        }
        private static let functionWords = FunctionWords()

        /// Prefetches the spelling slot for `hash` (see `TermIndex.prefetch`, also why `mutating`).
        mutating func prefetch(hash: UInt64) {
            spellings.prefetch(hash: hash)
        }

        /// Whether a stem is one part of a term key: non-empty, without a space.
        static func isKeyPart(_ stem: some Collection<UInt8>) -> Bool {
            !stem.isEmpty && !stem.contains(UInt8(ascii: " "))
        }
    }

    /// The lexicons not in use, shared by every thread: an analyser takes one for its chunk
    /// and gives it back when done, so each worker thread finds one it (or another) warmed.
    final class WordLexiconPool: @unchecked Sendable {
        static let shared = WordLexiconPool()

        private let lock = NSLock()
        private var free: [WordLexicon] = []
        private var made = 0

        func take() -> WordLexicon {
            lock.lock()
            defer { lock.unlock() }
            if let lexicon = free.popLast() { return lexicon }
            made += 1
            return WordLexicon(serial: made)
        }

        /// Keeps `lexicon` for a later chunk unless it has grown past its limit, and says
        /// whether it kept it (a lexicon dropped here analyses no later chunk). Its marks must
        /// be clear.
        func giveBack(_ lexicon: consuming WordLexicon) -> Bool {
            guard lexicon.spellings.count <= WordLexicon.spellingLimit else { return false }
            lock.lock()
            free.append(lexicon)
            lock.unlock()
            return true
        }
    }

    /// Strings numbered in first-seen order: the stems and normalized words of one chunk.
    /// Most arrive through a lexicon mark, new to the chunk, and are appended without a
    /// dictionary; the index by string is built only if a caller looks one up by its text.
    struct ChunkStrings {
        private(set) var strings: [String] = []
        /// Per string, its id in the chunk's lexicon, `.max` when it came from elsewhere.
        private(set) var sources: [UInt32] = []
        private var index: [String: UInt32]?

        /// The id of `string` (lexicon id `source`), which the caller has not added before (but
        /// `id(of:)` may have).
        mutating func add(_ string: String, source: UInt32 = .max) -> UInt32 {
            if let known = index?[string] { return known }
            let id = UInt32(strings.count)
            strings.append(string)
            sources.append(source)
            index?[string] = id
            return id
        }

        /// The id of `string`, added when new.
        mutating func id(of string: String) -> UInt32 {
            if index == nil {
                index = Dictionary(uniqueKeysWithValues: strings.enumerated().map { ($1, UInt32($0)) })
            }
            return add(string)
        }
    }
}
