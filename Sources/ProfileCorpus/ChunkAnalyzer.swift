import ProfileText

extension CorpusStats {
    /// A distinct written word of a chunk: its stem and normalized form (chunk ids), whether
    /// the stem is one key part (non-empty, without a space), and whether the word may start or
    /// end an n-gram.
    struct ChunkWord {
        var stem: UInt32
        var normalized: UInt32
        var stemIsPart: Bool
        var isEdge: Bool
        var languages: UInt8
    }

    /// One chunk's analysis, numbered chunk-locally in first-seen order. A term is identified
    /// by its stems (the key `stem stem stem`); its display is the normalized words of its first
    /// occurrence.
    struct Chunk: Sendable {
        var stems: [String] = []
        var normalizedWords: [String] = []
        /// The lexicon that analysed the chunk, and the ids of the stems and words in it
        /// (`.max` for one that came from elsewhere): see `Builder.globalIDs`.
        var lexicon = 0
        /// Whether the pool dropped that lexicon after this chunk (no later chunk uses it).
        var lexiconRetired = false
        var stemSources: [UInt32] = []
        var normalizedSources: [UInt32] = []
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
    /// spelling is normalized and stemmed once per worker, see `WordLexicon`), n-grams become
    /// id triples, and counts are kept
    /// in arrays indexed by term id (no per-post dictionaries).
    struct ChunkAnalyzer {
        private var chunk = Chunk()
        private var lexicon = WordLexiconPool.shared.take()
        /// The chunk's words (by chunk word id), stems and normalized words, and the lexicon
        /// ids it has marked (cleared in `finish`).
        private var words: [ChunkWord] = []
        private var stems = ChunkStrings(), normalizedWords = ChunkStrings()
        private var markedWords: [UInt32] = [], markedStems: [UInt32] = [], markedNormalized: [UInt32] = []
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
        /// The words of the text being analysed (chunk word ids and as found), and its n-grams.
        private var textWords: [UInt32] = []
        private var spellings: [Spelling] = []
        private var grams: [Gram] = []
        /// Per word of the text, its phrase and whether it may start or end an n-gram, and the
        /// n-grams' first and last words (`NGrams.appendSpans`).
        private var phrases: [Int32] = [], edges: [Bool] = []
        private var spans: [(first: Int32, last: Int32)] = []
        /// Lookups between asking for a table slot (`prefetch`) and probing it: enough for the
        /// load to arrive, few enough that the slot is still cached.
        private static let lookahead = 8

        /// `textBytes`: the UTF-8 size of the chunk's titles and descriptions. It sizes the
        /// tables for what posts show (chunks of the real and generated corpora: one distinct
        /// term per 16 to 19 bytes of text), so that they seldom grow; a table much larger than
        /// needed would be slower (sparser).
        init(textBytes: Int = 0, canonicalizer: TagCanonicalizer = TagCanonicalizer()) {
            self.canonicalizer = canonicalizer
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
            chunk.stems = stems.strings
            chunk.normalizedWords = normalizedWords.strings
            (chunk.lexicon, chunk.stemSources, chunk.normalizedSources) = (lexicon.serial, stems.sources, normalizedWords.sources)
            for word in markedWords { lexicon.wordMarks[Int(word)] = 0 }
            for stem in markedStems { lexicon.stemMarks[Int(stem)] = 0 }
            for word in markedNormalized { lexicon.normalizedMarks[Int(word)] = 0 }
            var done = WordLexicon()
            swap(&done, &lexicon)
            chunk.lexiconRetired = !WordLexiconPool.shared.giveBack(done)
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
            segment(text)
            collectGrams()
            // Buffers of local copies (each a retain, not a copy): array subscripts and appends on
            // `self` checked bounds and uniqueness per word and per n-gram, most of the loop's cost.
            let grams = self.grams, words = self.words, textWords = self.textWords
            words.withUnsafeBufferPointer { words in
                textWords.withUnsafeBufferPointer { textWords in
                    for word in textWords { language.add(mask: words[Int(word)].languages) }
                    grams.withUnsafeBufferPointer { grams in
                        for index in grams.indices {
                            if index + Self.lookahead < grams.count, let ahead = grams[index + Self.lookahead].stems {
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
        private mutating func termID(_ stems: IDTriple?, _ first: Int, _ last: Int, words: UnsafeBufferPointer<ChunkWord>,
                                     textWords: UnsafeBufferPointer<UInt32>) -> UInt32 {
            let key: TermKey
            if let stems {
                let id = termIndex.id(of: stems, orNew: UInt32(chunk.termKeys.count))
                guard id == chunk.termKeys.count else { return id }
                key = .parts(stems)
            } else {
                key = termKey((first...last).map { self.stems.strings[Int(words[Int(textWords[$0])].stem)] }
                    .joined(separator: " "))
                let id = termIndex.id(of: key, orNew: UInt32(chunk.termKeys.count))
                guard id == chunk.termKeys.count else { return id }
            }
            let normalized = Self.triple(first, last) { words[Int(textWords[$0])].normalized }
            return newTerm(key, words: normalized, length: last - first + 1)
        }

        /// Fills `grams` with the n-grams of the words in `textWords`, in text order.
        private mutating func collectGrams() {
            let count = textWords.count
            if phrases.count < count {
                phrases = [Int32](repeating: 0, count: count * 2)
                edges = [Bool](repeating: false, count: count * 2)
            }
            spans.removeAll(keepingCapacity: true)
            let words = self.words, textWords = self.textWords, spellings = self.spellings
            words.withUnsafeBufferPointer { words in
                textWords.withUnsafeBufferPointer { textWords in
                    phrases.withUnsafeMutableBufferPointer { phrases in
                        edges.withUnsafeMutableBufferPointer { edges in
                            for index in 0..<count {
                                phrases[index] = Int32(truncatingIfNeeded: spellings[index].phrase)
                                edges[index] = words[Int(textWords[index])].isEdge
                            }
                            NGrams.appendSpans(phrases: UnsafeBufferPointer(rebasing: phrases[..<count]),
                                               edges: UnsafeBufferPointer(rebasing: edges[..<count]), to: &spans)
                        }
                    }
                    grams = Self.grams(of: spans, words: words, textWords: textWords)
                }
            }
        }

        /// The n-grams of `spans`, written into a new array of their exact size.
        private static func grams(of spans: [(first: Int32, last: Int32)], words: UnsafeBufferPointer<ChunkWord>,
                                  textWords: UnsafeBufferPointer<UInt32>) -> [Gram] {
            [Gram](unsafeUninitializedCapacity: spans.count) { buffer, initialized in
                for (index, (first, last)) in spans.enumerated() {
                    var isKey = true
                    for word in Int(first)...Int(last) where !words[Int(textWords[word])].stemIsPart { isKey = false }
                    let stems = isKey ? triple(Int(first), Int(last)) { words[Int(textWords[$0])].stem } : nil
                    buffer.initializeElement(at: index, to: Gram(first: first, last: last, stems: stems))
                }
                initialized = spans.count
            }
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

        /// Fills `textWords` and `spellings` with the words of `text`. Spellings are hashed
        /// as they are found and looked up afterwards, each slot asked for a few words ahead.
        private mutating func segment(_ text: String) {
            textWords.removeAll(keepingCapacity: true)
            spellings.removeAll(keepingCapacity: true)
            var text = text
            text.withUTF8 { bytes in
                TextAnalyzer.segmentPhrases(bytes) { range, phrase in
                    spellings.append(Spelling(range: range, hash: SpellingTable.hash(UnsafeBufferPointer(rebasing: bytes[range])),
                                              phrase: phrase))
                }
                for index in spellings.indices {
                    if index + Self.lookahead < spellings.count {
                        lexicon.prefetch(hash: spellings[index + Self.lookahead].hash)
                    }
                    textWords.append(wordID(UnsafeBufferPointer(rebasing: bytes[spellings[index].range]),
                                            hash: spellings[index].hash))
                }
            }
        }

        /// The chunk id of a written word, numbered when the chunk first sees it.
        private mutating func wordID(_ written: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt32 {
            let word = Int(lexicon.word(written, hash: hash))
            let mark = lexicon.wordMarks[word]
            if mark != 0 { return mark - 1 }
            let forms = lexicon.words[word]
            let stem = Self.chunkID(forms.stem, marks: &lexicon.stemMarks, strings: lexicon.stems.strings,
                                    chunkStrings: &stems, marked: &markedStems)
            let normalized = Self.chunkID(forms.normalized, marks: &lexicon.normalizedMarks,
                                          strings: lexicon.normalizedWords.strings,
                                          chunkStrings: &normalizedWords, marked: &markedNormalized)
            words.append(ChunkWord(stem: stem, normalized: normalized, stemIsPart: forms.stemIsPart,
                                   isEdge: forms.isEdge, languages: forms.languages))
            lexicon.wordMarks[word] = UInt32(words.count)
            markedWords.append(UInt32(word))
            return UInt32(words.count - 1)
        }

        /// The chunk id of the lexicon string `id` (a stem or a normalized word), numbered when
        /// the chunk first uses it.
        private static func chunkID(_ id: UInt32, marks: inout [UInt32], strings: [String],
                                    chunkStrings: inout ChunkStrings, marked: inout [UInt32]) -> UInt32 {
            let mark = marks[Int(id)]
            if mark != 0 { return mark - 1 }
            let chunkID = chunkStrings.add(strings[Int(id)], source: id)
            marks[Int(id)] = chunkID + 1
            marked.append(id)
            return chunkID
        }

        /// The key of an n-gram whose stems are not all key parts.
        private mutating func termKey(_ key: String) -> TermKey {
            let parts = key.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count <= 3, parts.allSatisfy({ WordLexicon.isKeyPart($0.utf8) }) else { return .text(key) }
            let ids = parts.map { stems.id(of: String($0)) }
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
