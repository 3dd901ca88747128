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

    /// The slots of `keys`; nil when a key repeats.
    static func slots(of keys: Column<String>) -> [UInt32]? {
        guard !keys.isEmpty else { return [] }
        var capacity = 2
        while capacity < 2 * keys.count { capacity *= 2 }
        var slots = [UInt32](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (id, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: hash(key)) & mask
            while slots[slot] != 0 {
                if keys[Int(slots[slot]) - 1] == key { return nil }
                slot = (slot + 1) & mask
            }
            slots[slot] = UInt32(id + 1)
        }
        return slots
    }

    /// 64-bit FNV-1a of the key's UTF-8 bytes, then mixed (stable across runs and hosts).
    static func hash(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return (hash ^ (hash >> 29)) &* 0xBF58_476D_1CE4_E5B9
    }
}
