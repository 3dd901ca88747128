import ProfileText

extension CorpusStats {
    /// The forms of the written words one worker has seen (normalized word, stem, whether it
    /// may start or end an n-gram), kept from chunk to chunk: a chunk of 2,000 posts holds
    /// about 20,000 distinct spellings, most of them seen by the chunks before. It caches what
    /// the build's `WordForms` gave, so a worker finds a known spelling without a lock. Forms
    /// are a pure function of the spelling, so what a lexicon has seen cannot change a result.
    struct WordLexicon {
        struct Word {
            /// The stem and normalized word, as ids of the build's `WordForms`.
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

        private var spellings = SpellingTable()
        /// By lexicon id (what `word` returns).
        private(set) var words: [Word] = []

        var count: Int { spellings.count }

        /// The lexicon id of a written word whose spelling hash is `hash`, asking `forms` when
        /// the spelling is new here.
        mutating func word(_ written: UnsafeBufferPointer<UInt8>, hash: UInt64, forms: WordForms) -> UInt32 {
            let (id, isNew) = spellings.id(of: written, hash: hash)
            if isNew { words.append(forms.word(written, hash: hash)) }
            return id
        }

        /// Stop words and function words (`StopWords`, `LanguageIdentifier.masks`) by their bytes:
        /// per word, its language mask (low byte) and `stopWord`. Every key is in normalized form
        /// (NFC), so an ASCII normalized word equals one as a `String` exactly when the bytes do.
        struct FunctionWords {
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
        static let functionWords = FunctionWords()

        /// Prefetches the spelling slot for `hash` (see `TermIndex.prefetch`, also why `mutating`).
        mutating func prefetch(hash: UInt64) {
            spellings.prefetch(hash: hash)
        }

        /// Whether a stem is one part of a term key: non-empty, without a space.
        static func isKeyPart(_ stem: some Collection<UInt8>) -> Bool {
            !stem.isEmpty && !stem.contains(UInt8(ascii: " "))
        }
    }
}
