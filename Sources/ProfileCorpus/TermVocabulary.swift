extension CorpusStats {
    /// Where a term first occurs: the post (in corpus order), its place among the post's distinct
    /// terms in first-seen order, its count there and whether the title has it. Terms are
    /// numbered by this place, so sorting by it gives the single-pass numbering.
    struct Occurrence {
        var post: UInt32
        var ordinal: UInt32
        var count: UInt16
        var inTitle: Bool

        var place: UInt64 { UInt64(post) << 32 | UInt64(ordinal) }
    }

    /// Every term the corpus has shown so far, with its first occurrence and document frequency
    /// (later occurrences are stored in the builder's rows).
    ///
    /// Memory stays bounded by the terms that are kept: once the table is large, n-grams seen in
    /// one post only are evicted (`evictRare`) to a `TermSpill` file with their first
    /// occurrence, and a `SeenFilter` remembers them. A term that is not in the table but may have
    /// been evicted comes back as *promoted*; `recover` reads the spill at the end and gives
    /// promoted terms their true first occurrence. Unigrams and text keys are never evicted.
    struct TermVocabulary {
        private(set) var keys: [TermKey] = []
        private(set) var words: [IDTriple] = []
        private(set) var lengths: [UInt8] = []
        private(set) var frequency: [UInt32] = []
        private(set) var first: [Occurrence] = []
        /// Terms added after an eviction while the filter had seen their key (never evicted).
        private var promoted: [Bool] = []
        private var index = TermIndex()
        private var seen: SeenFilter?
        private var spill = TermSpill()
        /// The table size that triggers the next eviction (doubles after each one).
        private(set) var evictionLimit: Int

        init(evictionLimit: Int) {
            self.evictionLimit = evictionLimit
        }

        var count: Int { keys.count }
        var hasEvicted: Bool { seen != nil }
        /// Terms evicted so far, and terms added back since (for tests and benchmarks).
        var evictedCount: Int { spill.count }
        var promotedCount: Int { promoted.lazy.filter { $0 }.count }

        /// Room for `count` terms before an array or the index grows, asked for before the
        /// first term (growing by doubling copies each array and touches fresh memory each time).
        mutating func reserveCapacity(_ count: Int) {
            guard keys.isEmpty else { return }
            keys.reserveCapacity(count)
            words.reserveCapacity(count)
            lengths.reserveCapacity(count)
            frequency.reserveCapacity(count)
            first.reserveCapacity(count)
            promoted.reserveCapacity(count)
            index = TermIndex(capacity: count)
        }

        /// The id of `key`, counting an occurrence; a new key gets `occurrence` as its first.
        mutating func occur(_ key: TermKey, words: IDTriple, length: UInt8, at occurrence: Occurrence) -> (id: UInt32, isNew: Bool) {
            let next = UInt32(keys.count)
            let id = index.id(of: key, orNew: next)
            guard id == next else {
                frequency[Int(id)] += 1
                return (id, false)
            }
            keys.append(key)
            self.words.append(words)
            lengths.append(length)
            frequency.append(1)
            first.append(occurrence)
            if let seen, Self.isEvictable(key, length: length), case .parts(let triple) = key {
                promoted.append(seen.contains(triple))
            } else {
                promoted.append(false)
            }
            return (id, true)
        }

        /// Starts loading the table slot of `key` (see `TermIndex.prefetch`).
        mutating func prefetch(_ key: TermKey) {
            if case .parts(let triple) = key { index.prefetch(triple) }
        }

        mutating func countAgain(_ id: UInt32) {
            frequency[Int(id)] += 1
        }

        /// Whether a term may be evicted when seen once: an n-gram with a key of ids.
        private static func isEvictable(_ key: TermKey, length: UInt8) -> Bool {
            if case .parts = key { return length > 1 }
            return false
        }

        /// Moves the terms seen in one post only (n-grams, never promoted) to the spill; returns
        /// the new id of every old id (`UInt32.max` for evicted ones) for the caller's rows.
        mutating func evictRare() -> [UInt32] {
            if seen == nil { seen = SeenFilter(bits: 1 << 30) }
            var newID = [UInt32](repeating: .max, count: keys.count)
            var kept = 0
            var index = TermIndex()
            for id in keys.indices {
                if frequency[id] == 1, !promoted[id], Self.isEvictable(keys[id], length: lengths[id]),
                   case .parts(let triple) = keys[id] {
                    seen?.insert(triple)
                    spill.append(TermSpill.Record(key: triple, words: words[id], occurrence: first[id], length: lengths[id]))
                    continue
                }
                newID[id] = UInt32(kept)
                _ = index.id(of: keys[id], orNew: UInt32(kept))
                keys[kept] = keys[id]
                words[kept] = words[id]
                lengths[kept] = lengths[id]
                frequency[kept] = frequency[id]
                first[kept] = first[id]
                promoted[kept] = promoted[id]
                kept += 1
            }
            keys.removeSubrange(kept...)
            words.removeSubrange(kept...)
            lengths.removeSubrange(kept...)
            frequency.removeSubrange(kept...)
            first.removeSubrange(kept...)
            promoted.removeSubrange(kept...)
            self.index = index
            evictionLimit = max(evictionLimit, kept * 2)
            return newID
        }

        /// Reads the spill back: a promoted term's spilled record is its true first occurrence
        /// (it precedes the promotion), so the record becomes its first and the occurrence it
        /// had becomes an ordinary one, passed to `displaced`. Other records were seen once.
        /// False when the spill could not be read back whole.
        mutating func recover(_ displaced: (_ id: UInt32, _ occurrence: Occurrence) -> Void) -> Bool {
            let spill = self.spill
            return spill.forEach { record in
                guard let id = index.existingID(of: record.key).map(Int.init), promoted[id] else { return }
                displaced(UInt32(id), first[id])
                first[id] = record.occurrence
                words[id] = record.words
                frequency[id] += 1
            }
        }
    }
}
