/// The checksum of the hyphenation and lint result cache entries: reads the bytes eight at a
/// time (an entry is checked on every run that reads it, and a byte-at-a-time hash of 1 MiB
/// costs a millisecond). Catches damage, not forgery: nothing but this program writes these files.
enum EntryChecksum {
    static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
            func mix(_ word: UInt64) {
                hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
                hash ^= hash >> 31
            }
            let words = raw.count / 8
            for index in 0..<words { mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * index, as: UInt64.self))) }
            for index in (8 * words)..<raw.count { mix(UInt64(raw[index]) | 0x100) }
            return hash
        }
    }
}
