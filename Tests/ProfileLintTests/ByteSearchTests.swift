import Testing
@testable import ProfileCorpus

/// The word-at-a-time search against a byte loop: every byte value at every position of a
/// word, and random buffers with random bounds.
@Suite struct ByteSearchTests {
    @Test func theWordTestFindsExactlyTheByteSought() {
        var misses: [String] = []
        for sought in [UInt8(0x00), 0x0A, 0x22, 0x3C, 0x7F, 0x80, 0xFF] {
            for filler in [UInt8(0x00), 0x01, 0x21, 0x23, 0x7F, 0x80, 0xFE, 0xFF] where filler != sought {
                for value in UInt8.min...UInt8.max {
                    for position in 0..<8 {
                        var bytes = [UInt8](repeating: filler, count: 8)
                        bytes[position] = value
                        let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                        if ByteSearch.holds(sought, in: word) != bytes.contains(sought) { misses.append("\(sought) \(bytes)") }
                    }
                }
            }
        }
        #expect(misses.isEmpty, "\(misses.prefix(5))")
    }

    @Test func firstEqualsAByteLoop() {
        var state: UInt64 = 0xD1B5_4A32_D192_ED03
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet: [UInt8] = [0x61, 0x62, 0x20, 0x2C, 0x22, 0x0D, 0x0A, 0x09, 0xC3, 0xA9, 0x00, 0xFF]
        for _ in 0..<5_000 {
            let bytes = (0..<next(40)).map { _ in next(4) == 0 ? alphabet[next(alphabet.count)] : 0x61 }
            let start = next(bytes.count + 1), end = start + next(bytes.count - start + 1)
            let sought = (0..<4).map { _ in alphabet[next(alphabet.count)] }
            let found = bytes.withUnsafeBytes {
                ByteSearch.first(sought[0], sought[1], sought[2], sought[3], in: $0, from: start, to: end)
            }
            let expected = bytes[start..<end].firstIndex(where: sought.contains) ?? end
            #expect(found == expected, "\(bytes) \(start)..<\(end) \(sought)")
        }
    }
}
