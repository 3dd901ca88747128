import ProfileText

/// Finds the first of a few bytes eight bytes at a time: in corpus text the bytes that mean
/// something (a quote, a delimiter, a line break, a `<`) are far apart, and a byte loop spends
/// a comparison per byte and per byte sought.
enum ByteSearch {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether one of the eight bytes of `word` is `byte` (exact: the borrow of the zero-byte
    /// test only ever flags bytes above a true match, never a word without one).
    @inline(__always)
    static func holds(_ byte: UInt8, in word: UInt64) -> Bool {
        let value = word ^ (UInt64(byte) &* ones)
        return (value &- ones) & ~value & highs != 0
    }

    /// The first index in `start..<end` whose byte is `a`, `b`, `c` or `d`, or `end`.
    static func first(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, in bytes: UnsafeRawBufferPointer,
                      from start: Int, to end: Int) -> Int {
        var index = start
        while index + 8 <= end {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if holds(a, in: word) || holds(b, in: word) || holds(c, in: word) || holds(d, in: word) { break }
            index += 8
        }
        while index < end {
            let byte = bytes[index]
            if byte == a || byte == b || byte == c || byte == d { return index }
            index += 1
        }
        return end
    }

    /// Whether `text` is ASCII, eight bytes at a time (`utf8.allSatisfy` costs a call per byte).
    static func isASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            return raw[ASCIIRun.end(in: raw, from: 0)...].allSatisfy { $0 < 0x80 }
        }
    }
}
