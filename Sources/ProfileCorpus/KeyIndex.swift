/// Key → id of the term keys or the tag keys: an open-addressing table of ids (slot = id + 1,
/// 0 = empty; a power of two of slots, at least twice the keys), probed by a hash of the key's
/// bytes and checked against the key column. Built with the statistics and stored in the
/// cache, so a warm lint looks keys up in the mapped file instead of hashing every key.
package struct KeyIndex: Sendable {
    let slots: Column<UInt32>
    let keys: Column<String>

    init(slots: Column<UInt32>, keys: Column<String>) {
        self.slots = slots
        self.keys = keys
    }

    /// The index of `keys`; nil when two keys are the same.
    init?(keys: Column<String>) {
        guard let slots = Self.slots(of: keys) else { return nil }
        self.init(slots: Column(slots), keys: keys)
    }

    init() {
        self.init(slots: [], keys: [])
    }

    /// Whether a table of `count` slots can be probed (a power of two, or none).
    static func isValidSize(_ count: Int) -> Bool {
        count == 0 || count & (count - 1) == 0
    }

    /// The id of `key`, if it is one of the keys.
    package subscript(key: String) -> UInt32? {
        let mask = slots.count - 1
        guard mask >= 0 else { return nil }
        var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
        // At most one full turn: a corrupt table full of ids ends the search too.
        for _ in 0...mask {
            let entry = slots[slot]
            guard entry != 0 else { return nil }
            if keys.equals(key, at: Int(entry) - 1) { return entry - 1 }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The slots of `keys`; nil when a key repeats. The keys of new statistics (an array) and
    /// the slots are read in place: through the column, each key was a copy and a release.
    static func slots(of keys: Column<String>) -> [UInt32]? {
        guard !keys.isEmpty else { return [] }
        var capacity = 2
        while capacity < 2 * keys.count { capacity *= 2 }
        var slots = [UInt32](repeating: 0, count: capacity)
        let mask = capacity - 1
        let placed = slots.withUnsafeMutableBufferPointer { slots in
            /// Places `key` (id `id`); false when an equal key is placed already.
            func place(_ key: String, id: Int, equals: (Int, String) -> Bool) -> Bool {
                var slot = Int(truncatingIfNeeded: hash(key)) & mask
                while slots[slot] != 0 {
                    if equals(Int(slots[slot]) - 1, key) { return false }
                    slot = (slot + 1) & mask
                }
                slots[slot] = UInt32(id + 1)
                return true
            }
            return keys.withContiguousStorageIfAvailable { stored in
                stored.indices.allSatisfy { place(stored[$0], id: $0) { stored[$0] == $1 } }
            } ?? keys.indices.allSatisfy { place(keys[$0], id: $0) { keys[$0] == $1 } }
        }
        return placed ? slots : nil
    }

    /// 64-bit FNV-1a of the key's UTF-8 bytes, then mixed (stable across runs and hosts); the
    /// bytes read in place, not through the string's UTF-8 view.
    static func hash(_ key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return (hash ^ (hash >> 29)) &* 0xBF58_476D_1CE4_E5B9
        }
    }
}
