import CICU

/// User-perceived characters (extended grapheme clusters) of UTF-8 text with the columns a
/// terminal draws each in, from ICU: a ZWJ family 👨‍👩‍👧 or a flag 🇫🇷 is one cluster two
/// columns wide, a CJK ideograph two, a combining accent joins its letter.
package enum GraphemeClusters {
    package struct Cluster: Sendable, Equatable {
        /// Byte range in the text given.
        package var range: Range<Int>
        package var width: Int
    }

    package static func clusters(_ bytes: ArraySlice<UInt8>) -> [Cluster] {
        let count = bytes.count
        guard count > 0, count < Int(Int32.max) else { return [] }
        var ends = [Int32](repeating: 0, count: count)
        var widths = [UInt8](repeating: 0, count: count)
        let found = bytes.withUnsafeBufferPointer { buffer in
            Int(plicu_graphemes(buffer.baseAddress, Int32(count), &ends, &widths, Int32(count)))
        }
        let base = bytes.startIndex
        // ICU failing (out of memory) leaves one column per byte rather than dropping text.
        guard found > 0, found <= count else { return (0..<count).map { Cluster(range: base + $0..<base + $0 + 1, width: 1) } }
        var start = base
        return (0..<found).map { index in
            let end = base + Int(ends[index])
            defer { start = end }
            return Cluster(range: start..<end, width: Int(widths[index]))
        }
    }

    /// Terminal columns of `text`.
    package static func width(_ text: String) -> Int {
        clusters(ArraySlice(text.utf8)).reduce(0) { $0 + $1.width }
    }
}
