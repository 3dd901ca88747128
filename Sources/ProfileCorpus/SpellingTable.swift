import CICU
import Foundation

extension CorpusStats {
    /// Ids of byte strings (the written words of a chunk) looked up by their UTF-8 bytes: the
    /// bytes live in one arena, the slots in an open-addressing table. Finding a word costs a
    /// hash of its bytes and one comparison, with no `String` made and no SipHash (the
    /// dictionary it replaces spent most of its time on both).
    struct SpellingTable {
        /// The spellings, back to back; spelling i is `arena[starts[i]..<starts[i + 1]]`.
        private var arena: [UInt8] = []
        private var starts: [UInt32] = [0]
        /// A slot: a spelling's whole hash, its id + 1 (0 when the slot is empty) and its byte
        /// count. For up to eight bytes, `hash` is a one-to-one function of the bytes (see
        /// there), so equal hashes and counts are equal bytes and the lookup never reads the
        /// arena: that read was a cache miss that depended on the slot's, on most words.
        private struct Slot {
            var hash: UInt64
            var id: UInt32
            var count: UInt32
        }
        private static let empty = Slot(hash: 0, id: 0, count: 0)
        private var slots: [Slot]
        private var mask: Int

        /// A table that holds `capacity` spellings before it first grows.
        init(capacity: Int = 1 << 11) {
            let bits = max(12, Int.bitWidth - (max(1, capacity) * 2 - 1).leadingZeroBitCount)
            slots = [Slot](repeating: Self.empty, count: 1 << bits)
            mask = (1 << bits) - 1
        }

        var count: Int { starts.count - 1 }

        /// The id of `bytes`, adding it (with the next id) when new; `isNew` tells which.
        mutating func id(of bytes: UnsafeBufferPointer<UInt8>) -> (id: UInt32, isNew: Bool) {
            id(of: bytes, hash: Self.hash(bytes))
        }

        /// `id(of:)` for bytes whose `hash(_:)` is `hash`, already computed.
        mutating func id(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (id: UInt32, isNew: Bool) {
            let (slot, found) = probe(bytes, hash: hash)
            if let found { return (found, false) }
            let id = UInt32(count)
            slots[slot] = Slot(hash: hash, id: id + 1, count: UInt32(bytes.count))
            arena.append(contentsOf: bytes)
            starts.append(UInt32(arena.count))
            if count * 2 > slots.count { grow() }
            return (id, true)
        }

        /// The id of `bytes` if the table holds them.
        func find(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
            find(bytes, hash: Self.hash(bytes))
        }

        /// `find(_:)` for bytes whose `hash(_:)` is `hash`, already computed.
        func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt32? {
            probe(bytes, hash: hash).id
        }

        /// The slot that holds `bytes` and their id, or the empty slot where they would go.
        @inline(__always)
        private func probe(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, id: UInt32?) {
            slots.withUnsafeBufferPointer { slots in
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot].id != 0 {
                    let entry = slots[slot]
                    if entry.hash == hash, entry.count == bytes.count,
                       bytes.count <= 8 || equals(Int(entry.id) - 1, bytes) {
                        return (slot, entry.id - 1)
                    }
                    slot = (slot + 1) & mask
                }
                return (slot, nil)
            }
        }

        /// Starts loading the slot where a lookup of bytes with `hash` begins (see `TermIndex.prefetch`).
        mutating func prefetch(hash: UInt64) {
            slots.withUnsafeBufferPointer { slots in
                guard let base = slots.baseAddress else { return }
                plicu_prefetch(base + (Int(truncatingIfNeeded: hash) & mask))
            }
        }

        /// Whether spelling `id`, whose byte count is that of `bytes`, holds these bytes.
        private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let start = Int(starts[id])
            return arena.withUnsafeBufferPointer { stored in
                guard let base = stored.baseAddress, let other = bytes.baseAddress else { return bytes.isEmpty }
                return Self.equalBytes(UnsafeRawPointer(base + start), UnsafeRawPointer(other), count: bytes.count)
            }
        }

        /// Whether `count` bytes at `a` and `b` are equal, eight at a time: words are short, and
        /// a call to `memcmp` cost more than the comparison.
        static func equalBytes(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Bool {
            var offset = 0
            while offset + 8 <= count {
                guard a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    == b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else { return false }
                offset += 8
            }
            while offset < count {
                guard a.load(fromByteOffset: offset, as: UInt8.self) == b.load(fromByteOffset: offset, as: UInt8.self) else {
                    return false
                }
                offset += 1
            }
            return true
        }

        private mutating func grow() {
            let old = slots
            slots = [Slot](repeating: Self.empty, count: old.count * 2)
            mask = slots.count - 1
            for entry in old where entry.id != 0 {
                var slot = Int(truncatingIfNeeded: entry.hash) & mask
                while slots[slot].id != 0 { slot = (slot + 1) & mask }
                slots[slot] = entry
            }
        }

        /// A 64-bit hash of the bytes, eight at a time, mixed so its low bits are usable as a slot.
        /// The last one to eight bytes are read at once (two overlapping loads, or three bytes
        /// for a count under four) rather than byte by byte: most words are shorter than eight.
        /// Up to eight bytes, those loads cover every byte, and the rest (xor with a constant,
        /// multiplication by an odd number, xor with a right shift) can be undone: for a given
        /// count the hash is one-to-one, which `probe` relies on.
        static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return state }
            let raw = UnsafeRawPointer(base)
            let count = bytes.count
            var offset = 0
            while offset + 8 < count {
                state = (state ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
                state ^= state >> 31
                offset += 8
            }
            // 1 to 8 bytes remain, at `offset..<count`.
            let rest = count - offset
            let tail: UInt64
            if count >= 8 {
                tail = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            } else if rest >= 4 {
                tail = UInt64(raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) << 32
                    | UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            } else {
                tail = UInt64(base[offset]) << 16 | UInt64(base[offset + rest / 2]) << 8 | UInt64(base[count - 1])
            }
            state = (state ^ tail) &* 0x94D0_49BB_1331_11EB
            return state ^ (state >> 29)
        }
    }
}
