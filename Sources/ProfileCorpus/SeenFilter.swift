extension CorpusStats {
    /// A one-bit-per-slot filter of term keys (a Bloom filter with one hash): `contains` is
    /// never false for a key inserted, and rarely true for one that was not. `TermVocabulary`
    /// uses it to tell a new term from one it evicted.
    struct SeenFilter {
        private var words: [UInt64]
        private let shift: UInt64

        /// `bits` must be a power of two.
        init(bits: Int) {
            words = [UInt64](repeating: 0, count: max(1, bits / 64))
            shift = UInt64(64 - (words.count * 64).trailingZeroBitCount)
        }

        mutating func insert(_ key: IDTriple) {
            let bit = slot(key)
            words[bit >> 6] |= 1 << UInt64(bit & 63)
        }

        func contains(_ key: IDTriple) -> Bool {
            let bit = slot(key)
            return words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
        }

        private func slot(_ key: IDTriple) -> Int {
            Int(truncatingIfNeeded: key.mixed >> shift)
        }
    }
}
