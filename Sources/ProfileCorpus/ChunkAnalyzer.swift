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
    }

    /// One chunk's analysis, numbered chunk-locally in first-seen order. A term is identified
    /// by its stems (the key `stem stem stem`); its display is the normalized words of its first
    /// occurrence.
    struct Chunk: Sendable {
        var stems: [String] = []
        var normalizedWords: [String] = []
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
        /// Per post (flat): the distinct terms of the title.
        var titleStart: [Int] = [0]
        var titleTerms: [UInt32] = []
        /// Per post: (canonical key, spelling) of each tag.
        var postTags: [[(String, String)]] = []
    }

    /// Analyses a chunk of posts: words are looked up by their written form (each distinct
    /// spelling is normalized and stemmed once), n-grams become id triples, and counts are kept
    /// in arrays indexed by term id (no per-post dictionaries).
    struct ChunkAnalyzer {
        private var chunk = Chunk()
        private var spellings: SpellingTable
        private var words: [ChunkWord] = []
        private var stems = Interned(), normalizedWords = Interned()
        private var termIndex: TermIndex
        /// Per term: the last post (chunk-local) that counted it, where in `postTerms`, and the
        /// last post whose title had it.
        private var lastPost: [Int32] = []
        private var slot: [Int32] = []
        private var lastTitle: [Int32] = []
        /// The words of the text being analysed and their phrase indexes.
        private var textWords: [UInt32] = []
        private var textPhrases: [Int] = []

        /// `textBytes`: the UTF-8 size of the chunk's titles and descriptions. It sizes the
        /// tables for what posts show (chunks of the real and generated corpora: one distinct
        /// term per 16 to 19 bytes of text, one distinct spelling per 66 to 155), so that
        /// they seldom grow; a table much larger than needed would be slower (sparser).
        init(textBytes: Int = 0) {
            spellings = SpellingTable(capacity: textBytes / 64)
            termIndex = TermIndex(capacity: textBytes / 16)
            let terms = textBytes / 16
            chunk.termKeys.reserveCapacity(terms)
            chunk.termWords.reserveCapacity(terms)
            chunk.termLengths.reserveCapacity(terms)
            lastPost.reserveCapacity(terms)
            slot.reserveCapacity(terms)
            lastTitle.reserveCapacity(terms)
        }

        /// The UTF-8 size of the analysed text of `posts`.
        static func textBytes(_ posts: some Sequence<JobPost>) -> Int {
            posts.reduce(0) { $0 + $1.title.utf8.count + $1.description.utf8.count }
        }

        /// The chunk's analysis, once every post is added.
        consuming func finish() -> Chunk {
            chunk.stems = stems.strings
            chunk.normalizedWords = normalizedWords.strings
            return chunk
        }

        mutating func add(_ post: JobPost, canonicalizer: TagCanonicalizer) {
            let postIndex = Int32(chunk.postLengths.count)
            var length: UInt32 = 0
            add(post.title, post: postIndex, isTitle: true, length: &length)
            add(post.description, post: postIndex, isTitle: false, length: &length)
            chunk.postStart.append(chunk.postTerms.count)
            chunk.titleStart.append(chunk.titleTerms.count)
            chunk.postLengths.append(length)
            chunk.postTags.append(post.skills.map { (canonicalizer.key($0), $0) })
        }

        private mutating func add(_ text: String, post: Int32, isTitle: Bool, length: inout UInt32) {
            segment(text)
            let words = self.words, textWords = self.textWords, textPhrases = self.textPhrases
            NGrams.forEachSpan(count: textWords.count, phrase: { textPhrases[$0] },
                               isEdge: { words[Int(textWords[$0])].isEdge }) { first, last in
                let span = textWords[first...last]
                let normalized = triple(span.lazy.map { words[Int($0)].normalized })
                let term = span.allSatisfy { words[Int($0)].stemIsPart }
                    ? termID(triple(span.lazy.map { words[Int($0)].stem }), words: normalized, length: span.count)
                    : termID(termKey(span.map { stems.strings[Int(words[Int($0)].stem)] }.joined(separator: " ")),
                             words: normalized, length: span.count)
                if lastPost[Int(term)] != post {
                    lastPost[Int(term)] = post
                    slot[Int(term)] = Int32(chunk.postTerms.count)
                    chunk.postTerms.append(term)
                    chunk.postCounts.append(1)
                } else {
                    let index = Int(slot[Int(term)])
                    if chunk.postCounts[index] != UInt16.max { chunk.postCounts[index] += 1 }
                }
                if isTitle && lastTitle[Int(term)] != post {
                    lastTitle[Int(term)] = post
                    chunk.titleTerms.append(term)
                }
                if first == last { length += 1 }
            }
        }

        /// Fills `textWords` and `textPhrases` with the words of `text`.
        private mutating func segment(_ text: String) {
            textWords.removeAll(keepingCapacity: true)
            textPhrases.removeAll(keepingCapacity: true)
            var text = text
            text.withUTF8 { bytes in
                TextAnalyzer.segmentPhrases(bytes) { range, phrase in
                    textWords.append(wordID(UnsafeBufferPointer(rebasing: bytes[range])))
                    textPhrases.append(phrase)
                }
            }
        }

        /// The id of a written word (spelling ids are word ids: each new spelling adds one word).
        private mutating func wordID(_ written: UnsafeBufferPointer<UInt8>) -> UInt32 {
            let (id, isNew) = spellings.id(of: written)
            guard isNew else { return id }
            let forms = TextAnalyzer.forms(of: String(decoding: written, as: UTF8.self))
            words.append(ChunkWord(stem: stems.id(forms.stem), normalized: normalizedWords.id(forms.normalized),
                                   stemIsPart: Self.isKeyPart(forms.stem[...]),
                                   isEdge: !forms.isStopWord && !forms.isNumber))
            return id
        }

        /// The key of an n-gram whose stems are not all key parts.
        private mutating func termKey(_ key: String) -> TermKey {
            let parts = key.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count <= 3, parts.allSatisfy(Self.isKeyPart) else { return .text(key) }
            return .parts(triple(parts.map { stems.id(String($0)) }))
        }

        private static func isKeyPart(_ stem: Substring) -> Bool {
            !stem.isEmpty && !stem.utf8.contains(UInt8(ascii: " "))
        }

        /// The id of the term with key parts `stems` (the common case, no enum on the hot path).
        private mutating func termID(_ stems: IDTriple, words: IDTriple, length: Int) -> UInt32 {
            let id = termIndex.id(of: stems, orNew: UInt32(chunk.termKeys.count))
            guard id == chunk.termKeys.count else { return id }
            return newTerm(.parts(stems), words: words, length: length)
        }

        private mutating func termID(_ key: TermKey, words: IDTriple, length: Int) -> UInt32 {
            let id = termIndex.id(of: key, orNew: UInt32(chunk.termKeys.count))
            guard id == chunk.termKeys.count else { return id }
            return newTerm(key, words: words, length: length)
        }

        private mutating func newTerm(_ key: TermKey, words: IDTriple, length: Int) -> UInt32 {
            let id = UInt32(chunk.termKeys.count)
            chunk.termKeys.append(key)
            chunk.termWords.append(words)
            chunk.termLengths.append(UInt8(length))
            lastPost.append(-1)
            slot.append(0)
            lastTitle.append(-1)
            return id
        }

        private func triple<Span: Collection>(_ ids: Span) -> IDTriple where Span.Element == UInt32 {
            var iterator = ids.makeIterator()
            return IDTriple(first: iterator.next() ?? IDTriple.absent, second: iterator.next() ?? IDTriple.absent,
                            third: iterator.next() ?? IDTriple.absent)
        }
    }
}
