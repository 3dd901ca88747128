/// The checksum that ends a cache file: four independent FNV-style lanes over 8-byte words, so
/// a cache of a hundred megabytes is checked at memory speed rather than a byte at a time. It
/// detects damage (truncation, flipped bytes), not tampering.
enum CacheChecksum {
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// One word into a lane; the rotation carries every bit into the low half of later products.
    @inline(__always)
    private static func mix(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let product = (lane ^ word) &* prime
        return product << 31 | product >> 33
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (0xcbf2_9ce4_8422_2325, 0x8422_2325_cbf2_9ce4,
                                                         0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F)
        func word(at offset: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        var offset = 0
        while offset + 32 <= bytes.count {
            lanes.0 = mix(lanes.0, word(at: offset))
            lanes.1 = mix(lanes.1, word(at: offset + 8))
            lanes.2 = mix(lanes.2, word(at: offset + 16))
            lanes.3 = mix(lanes.3, word(at: offset + 24))
            offset += 32
        }
        var result = UInt64(bytes.count)
        for lane in [lanes.0, lanes.1, lanes.2, lanes.3] { result = mix(result, lane) }
        while offset < bytes.count {
            result = mix(result, UInt64(bytes[offset]))
            offset += 1
        }
        return result ^ (result >> 32)
    }
}
