import CICU

extension CorpusStats {
    /// One to three ids (of stems or of normalized words), `absent` past the term's length.
    struct IDTriple: Hashable, Sendable {
        static let absent = UInt32.max
        var first: UInt32
        var second: UInt32
        var third: UInt32

        /// The three ids mixed into 64 bits whose top bits make a good slot.
        var mixed: UInt64 {
            var mixed = UInt64(first) &* 0x9E37_79B9_7F4A_7C15
            mixed = (mixed ^ UInt64(second)) &* 0xC2B2_AE3D_27D4_EB4F
            return (mixed ^ UInt64(third)) &* 0x1656_67B1_9E37_79F9
        }

        /// The strings of the ids joined by spaces, written at once into a string of the
        /// joined size (appending grew and copied it, for every term of the corpus).
        func joined(_ strings: [String]) -> String {
            guard second != Self.absent else { return strings[Int(first)] }
            let one = strings[Int(first)], two = strings[Int(second)]
            let three = third == Self.absent ? nil : strings[Int(third)]
            let size = one.utf8.count + 1 + two.utf8.count + (three.map { 1 + $0.utf8.count } ?? 0)
            return String(unsafeUninitializedCapacity: size) { buffer in
                var end = 0
                func write(_ part: String) {
                    let copied = part.utf8.withContiguousStorageIfAvailable { source -> Int in
                        if let from = source.baseAddress, let to = buffer.baseAddress {
                            (to + end).initialize(from: from, count: source.count)
                        }
                        return source.count
                    }
                    if let copied {
                        end += copied
                        return
                    }
                    for byte in part.utf8 {
                        buffer[end] = byte
                        end += 1
                    }
                }
                write(one)
                buffer[end] = UInt8(ascii: " ")
                end += 1
                write(two)
                if let three {
                    buffer[end] = UInt8(ascii: " ")
                    end += 1
                    write(three)
                }
                return end
            }
        }
    }

    /// What identifies a term: its key `stem stem stem`, as the ids of the key's space-separated
    /// parts when there are one to three non-empty parts (always, unless a stem holds a space:
    /// NFKC turns some symbols into one), else as the key itself. Equal keys give equal values.
    enum TermKey: Hashable, Sendable {
        case parts(IDTriple)
        case text(String)

        func joined(_ parts: [String]) -> String {
            switch self {
            case .parts(let ids): ids.joined(parts)
            case .text(let key): key
            }
        }
    }

    /// Term ids by key: an open-addressing table for the id triples (Swift's `Dictionary`
    /// hashes with SipHash, several times slower for these small keys), a dictionary for the
    /// rare text keys. A slot holds key and id together (16 bytes), so a probe touches one
    /// cache line.
    struct TermIndex {
        private struct Slot {
            var key: IDTriple
            /// `UInt32.max` when the slot is empty.
            var value: UInt32
        }

        private static let empty = Slot(key: IDTriple(first: 0, second: 0, third: 0), value: .max)
        private var slots: [Slot]
        private var mask: Int
        /// Slots are the top bits of the multiplicative hash (its low bits mix poorly).
        private var shift: UInt64
        private var count = 0
        private var texts: [String: UInt32] = [:]

        /// A table that holds `capacity` keys before it first grows.
        init(capacity: Int = 1 << 11) {
            let bits = max(12, Int.bitWidth - (max(1, capacity) * 2 - 1).leadingZeroBitCount)
            slots = [Slot](repeating: Self.empty, count: 1 << bits)
            mask = (1 << bits) - 1
            shift = UInt64(64 - bits)
        }

        /// The id of `key`, or `next` (now the key's id) when the key is new.
        mutating func id(of key: TermKey, orNew next: UInt32) -> UInt32 {
            switch key {
            case .parts(let triple):
                return id(of: triple, orNew: next)
            case .text(let text):
                if let known = texts[text] { return known }
                texts[text] = next
                return next
            }
        }

        /// The id of the key `.parts(triple)`, or `next` when the key is new.
        mutating func id(of triple: IDTriple, orNew next: UInt32) -> UInt32 {
            let (slot, known) = probe(triple)
            if let known { return known }
            slots[slot] = Slot(key: triple, value: next)
            count += 1
            if count * 2 > slots.count { grow() }
            return next
        }

        /// Starts loading the slot where a probe for `triple` begins: the table is too large for
        /// the caches, so a probe costs one miss unless it was asked for a few lookups ahead.
        /// `mutating` (it changes nothing) so that a call from a closure borrows the table in
        /// place: a non-mutating call there copied it, retaining each array, on every word.
        mutating func prefetch(_ triple: IDTriple) {
            slots.withUnsafeBufferPointer { slots in
                guard let base = slots.baseAddress else { return }
                plicu_prefetch(base + Int(truncatingIfNeeded: triple.mixed >> shift))
            }
        }

        /// The id of the key `.parts(triple)`, nil when it is not in the table.
        func existingID(of triple: IDTriple) -> UInt32? {
            probe(triple).id
        }

        /// The slot holding `triple` and its id, or the empty slot where it would go.
        private func probe(_ triple: IDTriple) -> (slot: Int, id: UInt32?) {
            slots.withUnsafeBufferPointer { slots in
                var slot = Int(truncatingIfNeeded: triple.mixed >> shift)
                while slots[slot].value != .max {
                    if slots[slot].key == triple { return (slot, slots[slot].value) }
                    slot = (slot + 1) & mask
                }
                return (slot, nil)
            }
        }

        private mutating func grow() {
            let old = slots
            slots = [Slot](repeating: Self.empty, count: old.count * 2)
            mask = slots.count - 1
            shift -= 1
            for entry in old where entry.value != .max {
                slots[probe(entry.key).slot] = entry
            }
        }
    }
}
