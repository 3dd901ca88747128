/// A deterministic 128-bit hash (two 64-bit FNV-1a lanes with different seeds and primes),
/// used for cache keys. Not cryptographic.
package struct StableHasher: Sendable {
    package init() {}

    private(set) var first: UInt64 = 0xcbf2_9ce4_8422_2325
    private(set) var second: UInt64 = 0x8422_2325_cbf2_9ce4

    package mutating func combine(_ byte: UInt8) {
        first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        second = (second ^ UInt64(byte)) &* 0x0000_0001_0000_01B3 &+ 0x9E37
    }

    package mutating func combine<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes { combine(byte) }
    }

    package mutating func combine(_ text: String) {
        combine(bytes: text.utf8)
        combine(0)
    }

    /// 32 hex digits.
    package var hex: String {
        func padded(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return padded(first) + padded(second)
    }
}
