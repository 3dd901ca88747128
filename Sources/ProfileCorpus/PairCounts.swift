extension CorpusStats {
    /// Counts of co-occurring tag pairs (`a << 32 | b`, a < b), in an open-addressing table
    /// with a multiplicative hash: the fold adds every pair of every post's tags on one thread,
    /// and a `[UInt64: UInt32]` spent most of that time in SipHash.
    struct PairCounts {
        /// `empty` marks a free slot: no pair has it (its halves would be equal).
        private static let empty = UInt64.max
        private var keys = [UInt64](repeating: PairCounts.empty, count: 1 << 10)
        private var counts = [UInt32](repeating: 0, count: 1 << 10)
        private var count = 0
        private var shift: UInt64 = 54

        /// Counts one more occurrence of `pair`.
        mutating func add(_ pair: UInt64) {
            var slot = Int(truncatingIfNeeded: (pair &* 0x9E37_79B9_7F4A_7C15) >> shift)
            let mask = keys.count - 1
            while keys[slot] != Self.empty {
                if keys[slot] == pair {
                    counts[slot] += 1
                    return
                }
                slot = (slot + 1) & mask
            }
            keys[slot] = pair
            counts[slot] = 1
            count += 1
            // At most three quarters full, as `Dictionary` is: the same memory as the dictionary it replaces.
            if count * 4 > keys.count * 3 { grow() }
        }

        /// The pairs in increasing order, and their counts.
        func sorted() -> (pairs: [UInt64], counts: [UInt32]) {
            let order = keys.indices.filter { keys[$0] != Self.empty }.sorted { keys[$0] < keys[$1] }
            return (order.map { keys[$0] }, order.map { counts[$0] })
        }

        private mutating func grow() {
            let (oldKeys, oldCounts) = (keys, counts)
            keys = [UInt64](repeating: Self.empty, count: oldKeys.count * 2)
            counts = [UInt32](repeating: 0, count: oldKeys.count * 2)
            shift -= 1
            count = 0
            for slot in oldKeys.indices where oldKeys[slot] != Self.empty {
                var target = Int(truncatingIfNeeded: (oldKeys[slot] &* 0x9E37_79B9_7F4A_7C15) >> shift)
                while keys[target] != Self.empty { target = (target + 1) & (keys.count - 1) }
                keys[target] = oldKeys[slot]
                counts[target] = oldCounts[slot]
                count += 1
            }
        }
    }
}
