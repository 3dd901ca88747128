import ProfileText

extension CorpusStats {
    /// One chunk's analysis, its terms numbered chunk-locally in first-seen order. A term is
    /// identified by its stems (the key `stem stem stem`, in ids of the build's `WordForms`);
    /// its display is the normalized words (the same) of its first occurrence.
    struct Chunk: Sendable {
        var termKeys: [TermKey] = []
        var termWords: [IDTriple] = []
        /// Words in the term's first occurrence.
        var termLengths: [UInt8] = []
        /// Per post (flat, post i at `postStart[i]..<postStart[i + 1]`): its terms in first-seen
        /// order and their counts.
        var postStart: [Int] = [0]
        var postTerms: [UInt32] = []
        var postCounts: [UInt16] = []
        var postLengths: [UInt32] = []
        /// Per post: its `PostLanguage` raw value.
        var postLanguages: [UInt8] = []
        /// Per post (flat): the distinct terms of the title.
        var titleStart: [Int] = [0]
        var titleTerms: [UInt32] = []
        /// The chunk's distinct tag spellings with their canonical keys, in first-seen order,
        /// and per post (flat, post i at `postTagStart[i]..<postTagStart[i + 1]`) the index of
        /// each of its tags there: the fold looks up each spelling once per chunk, not per post.
        var tags: [(key: String, spelling: String)] = []
        var postTagStart: [Int] = [0]
        var postTagRefs: [UInt32] = []
    }

    /// Analyses a chunk of posts: words are looked up by their written form (each distinct
    /// spelling is normalized and stemmed once per build, see `WordForms`, and found again in
    /// the worker's `WordLexicon`), n-grams become id triples, and counts are kept in arrays
    /// indexed by term id (no per-post dictionaries).
    struct ChunkAnalyzer {
        private var chunk = Chunk()
        private let forms: WordForms
        /// The text's words are this lexicon's ids (`textWords`).
        private var lexicon: WordLexicon
        private var termIndex: TermIndex
        /// Per term: the last post (chunk-local) that counted it, where in `postTerms`, and the
        /// last post whose title had it (one record, so counting a term costs one cache miss).
        private struct TermMark {
            var lastPost: Int32 = -1
            var slot: Int32 = 0
            var lastTitle: Int32 = -1
        }
        private var marks: [TermMark] = []
        /// How tags are canonicalized, and the index in `chunk.tags` of each spelling the chunk
        /// has met (most posts repeat a few tags).
        private let canonicalizer: TagCanonicalizer
        private var tagRefs: [String: UInt32] = [:]
        /// An n-gram of the text being analysed: its first and last word (indexes into
        /// `textWords`) and, when every stem is one key part, its key.
        private struct Gram {
            var first: Int32
            var last: Int32
            var stems: IDTriple?
        }
        /// A word of the text being analysed as segmentation finds it: its bytes, their hash
        /// and its phrase index (one record, so a word costs one append).
        private struct Spelling {
            var range: Range<Int>
            var hash: UInt64
            var phrase: Int
        }
        /// The text being analysed: its spellings, its words (chunk word ids) and its n-grams
        /// (`segment` says how many); the last two are scratch buffers sized for the longest
        /// text so far and written in place.
        private var spellings: [Spelling] = []
        private var textWords: [UInt32] = []
        private var grams: [Gram] = []
        /// Lookups between asking for a table slot (`prefetch`) and probing it: enough for the
        /// load to arrive, few enough that the slot is still cached.
        private static let lookahead = 8

        /// `textBytes`: the UTF-8 size of the chunk's titles and descriptions. It sizes the
        /// tables for what posts show (chunks of the real and generated corpora: one distinct
        /// term per 16 to 19 bytes of text), so that they seldom grow; a table much larger than
        /// needed would be slower (sparser).
        /// `forms`: the build's (a fresh one by default).
        init(textBytes: Int = 0, canonicalizer: TagCanonicalizer = TagCanonicalizer(), forms: WordForms = WordForms()) {
            self.canonicalizer = canonicalizer
            self.forms = forms
            lexicon = forms.takeLexicon()
            termIndex = TermIndex(capacity: textBytes / 16)
            let terms = textBytes / 16
            chunk.termKeys.reserveCapacity(terms)
            chunk.termWords.reserveCapacity(terms)
            chunk.termLengths.reserveCapacity(terms)
            marks.reserveCapacity(terms)
        }

        /// The UTF-8 size of the analysed text of `posts`.
        static func textBytes(_ posts: some Sequence<JobPost>) -> Int {
            posts.reduce(0) { $0 + $1.title.utf8.count + $1.description.utf8.count }
        }

        /// The chunk's analysis, once every post is added.
        consuming func finish() -> Chunk {
            var done = WordLexicon()
            swap(&done, &lexicon)
            forms.giveBack(done)
            return chunk
        }

        mutating func add(_ post: JobPost) {
            let postIndex = Int32(chunk.postLengths.count)
            var length: UInt32 = 0
            var language = LanguageIdentifier.Tally()
            add(post.title, post: postIndex, isTitle: true, length: &length, language: &language)
            add(post.description, post: postIndex, isTitle: false, length: &length, language: &language)
            chunk.postLanguages.append(language.language.rawValue)
            chunk.postStart.append(chunk.postTerms.count)
            chunk.titleStart.append(chunk.titleTerms.count)
            chunk.postLengths.append(length)
            for tag in post.skills {
                if let known = tagRefs[tag] {
                    chunk.postTagRefs.append(known)
                } else {
                    let ref = UInt32(chunk.tags.count)
                    chunk.tags.append((canonicalizer.key(tag), tag))
                    tagRefs[tag] = ref
                    chunk.postTagRefs.append(ref)
                }
            }
            chunk.postTagStart.append(chunk.postTagRefs.count)
        }

        private mutating func add(_ text: String, post: Int32, isTitle: Bool, length: inout UInt32,
                                  language: inout LanguageIdentifier.Tally) {
            let gramCount = segment(text, language: &language)
            // Buffers of local copies (each a retain, not a copy): array subscripts and appends on
            // `self` checked bounds and uniqueness per word and per n-gram, most of the loop's cost.
            let grams = self.grams, words = lexicon.words, textWords = self.textWords
            words.withUnsafeBufferPointer { words in
                textWords.withUnsafeBufferPointer { textWords in
                    grams.withUnsafeBufferPointer { grams in
                        for index in 0..<gramCount {
                            if index + Self.lookahead < gramCount, let ahead = grams[index + Self.lookahead].stems {
                                termIndex.prefetch(ahead)
                            }
                            let first = Int(grams[index].first), last = Int(grams[index].last)
                            let term = termID(grams[index].stems, first, last, words: words, textWords: textWords)
                            count(term, post: post, isTitle: isTitle)
                            if first == last { length += 1 }
                        }
                    }
                }
            }
        }

        /// The id of the n-gram of `textWords[first...last]`, whose key parts are `stems` when
        /// every stem is one; its display words are read only for a term new to the chunk.
        private mutating func termID(_ stems: IDTriple?, _ first: Int, _ last: Int, words: UnsafeBufferPointer<WordLexicon.Word>,
                                     textWords: UnsafeBufferPointer<UInt32>) -> UInt32 {
            let key: TermKey
            if let stems {
                let id = termIndex.id(of: stems, orNew: UInt32(chunk.termKeys.count))
                guard id == chunk.termKeys.count else { return id }
                key = .parts(stems)
            } else {
                let stems = (first...last).map { words[Int(textWords[$0])].stem }
                key = forms.withStems { Self.termKey(stems, in: &$0) }
                let id = termIndex.id(of: key, orNew: UInt32(chunk.termKeys.count))
                guard id == chunk.termKeys.count else { return id }
            }
            let normalized = Self.triple(first, last) { words[Int(textWords[$0])].normalized }
            return newTerm(key, words: normalized, length: last - first + 1)
        }

        /// Counts an occurrence of `term` in `post` (and in its title).
        private mutating func count(_ term: UInt32, post: Int32, isTitle: Bool) {
            let index = Int(term)
            if marks[index].lastPost != post {
                marks[index].lastPost = post
                marks[index].slot = Int32(chunk.postTerms.count)
                chunk.postTerms.append(term)
                chunk.postCounts.append(1)
            } else {
                let slot = Int(marks[index].slot)
                if chunk.postCounts[slot] != UInt16.max { chunk.postCounts[slot] += 1 }
            }
            if isTitle && marks[index].lastTitle != post {
                marks[index].lastTitle = post
                chunk.titleTerms.append(term)
            }
        }

        /// Segments `text`, looks its words up and finds its n-grams, in one pass over the words
        /// after segmentation: fills `textWords` and the first (returned) number of `grams`, in
        /// text order, and tallies the words' languages. Spellings are hashed as they are found
        /// and looked up afterwards, each slot asked for a few words ahead.
        private mutating func segment(_ text: String, language: inout LanguageIdentifier.Tally) -> Int {
            spellings.removeAll(keepingCapacity: true)
            var text = text
            return text.withUTF8 { bytes in
                TextAnalyzer.segmentPhrases(bytes) { range, phrase in
                    spellings.append(Spelling(range: range, hash: SpellingTable.hash(UnsafeBufferPointer(rebasing: bytes[range])),
                                              phrase: phrase))
                }
                let count = spellings.count
                if textWords.count < count {
                    textWords = [UInt32](repeating: 0, count: count * 2)
                    grams = [Gram](repeating: Gram(first: 0, last: 0, stems: nil), count: count * 2 * NGrams.Window.span)
                }
                // Moved out of `self` while written, so that looking words up may mutate `self` meanwhile.
                var textWords: [UInt32] = [], grams: [Gram] = []
                swap(&textWords, &self.textWords)
                swap(&grams, &self.grams)
                defer {
                    swap(&textWords, &self.textWords)
                    swap(&grams, &self.grams)
                }
                return textWords.withUnsafeMutableBufferPointer { textWords in
                    grams.withUnsafeMutableBufferPointer { grams in
                        lookUp(bytes, into: textWords, grams: grams, language: &language)
                    }
                }
            }
        }

        /// `segment`'s pass over the spellings found: writes their chunk word ids and the
        /// n-grams (`NGrams.Window`) they make, and returns how many n-grams it wrote.
        private mutating func lookUp(_ bytes: UnsafeBufferPointer<UInt8>, into textWords: UnsafeMutableBufferPointer<UInt32>,
                                     grams: UnsafeMutableBufferPointer<Gram>, language: inout LanguageIdentifier.Tally) -> Int {
            let count = spellings.count
            var window = NGrams.Window(), gramCount = 0
            // The last three words pushed into `window`, the latest last.
            let none = WordLexicon.Word(stem: 0, normalized: 0, stemIsPart: false, isEdge: false, languages: 0)
            var recent = (none, none, none)
            for index in 0..<count {
                if index + Self.lookahead < count {
                    lexicon.prefetch(hash: spellings[index + Self.lookahead].hash)
                }
                let spelling = spellings[index]
                let id = lexicon.word(UnsafeBufferPointer(rebasing: bytes[spelling.range]), hash: spelling.hash, forms: forms)
                textWords[index] = id
                let word = lexicon.words[Int(id)]
                language.add(mask: word.languages)
                recent = (recent.1, recent.2, word)
                let lengths = window.push(phrase: Int32(truncatingIfNeeded: spelling.phrase), isEdge: word.isEdge)
                gramCount = Self.write(lengths, start: index - (NGrams.Window.span - 1), recent, into: grams, at: gramCount)
            }
            for start in count - (NGrams.Window.span - 1)..<count {
                recent = (recent.1, recent.2, none)
                gramCount = Self.write(window.pushEnd(), start: start, recent, into: grams, at: gramCount)
            }
            return gramCount
        }

        /// Writes the n-grams that start at word `start` (`lengths` as `NGrams.Window` gives
        /// them; `recent` are the words from `start` on) at `grams[gramCount...]`, and returns
        /// the new count.
        private static func write(_ lengths: UInt8, start: Int, _ recent: (WordLexicon.Word, WordLexicon.Word, WordLexicon.Word),
                                  into grams: UnsafeMutableBufferPointer<Gram>, at gramCount: Int) -> Int {
            guard lengths != 0 else { return gramCount }
            var gramCount = gramCount
            var stems = IDTriple(first: recent.0.stem, second: IDTriple.absent, third: IDTriple.absent)
            var isKey = recent.0.stemIsPart
            let first = Int32(truncatingIfNeeded: start)
            if lengths & 1 != 0 {
                grams[gramCount] = Gram(first: first, last: first, stems: isKey ? stems : nil)
                gramCount += 1
            }
            (stems.second, isKey) = (recent.1.stem, isKey && recent.1.stemIsPart)
            if lengths & 2 != 0 {
                grams[gramCount] = Gram(first: first, last: first + 1, stems: isKey ? stems : nil)
                gramCount += 1
            }
            (stems.third, isKey) = (recent.2.stem, isKey && recent.2.stemIsPart)
            if lengths & 4 != 0 {
                grams[gramCount] = Gram(first: first, last: first + 2, stems: isKey ? stems : nil)
                gramCount += 1
            }
            return gramCount
        }

        /// The key of an n-gram of `stems` (ids in `interned`) that are not all key parts.
        private static func termKey(_ stems: [UInt32], in interned: inout Interned) -> TermKey {
            let key = stems.map { interned.strings[Int($0)] }.joined(separator: " ")
            let parts = key.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count <= 3, parts.allSatisfy({ WordLexicon.isKeyPart($0.utf8) }) else { return .text(key) }
            let ids = parts.map { interned.id(String($0)) }
            return .parts(Self.triple(0, ids.count - 1) { ids[$0] })
        }

        private mutating func newTerm(_ key: TermKey, words: IDTriple, length: Int) -> UInt32 {
            let id = UInt32(chunk.termKeys.count)
            chunk.termKeys.append(key)
            chunk.termWords.append(words)
            chunk.termLengths.append(UInt8(length))
            marks.append(TermMark())
            return id
        }

        /// The ids `id(first)`, ... `id(last)` of a span of one to three words.
        private static func triple(_ first: Int, _ last: Int, _ id: (Int) -> UInt32) -> IDTriple {
            IDTriple(first: id(first), second: last > first ? id(first + 1) : IDTriple.absent,
                     third: last > first + 1 ? id(first + 2) : IDTriple.absent)
        }
    }
}
