import Foundation
import ProfileText

/// A text in matching form (NFKC case folding applied scalar by scalar: fullwidth
/// `５５５` becomes `555`, `＠` becomes `@`, zero-width characters vanish, letters are
/// lower case) that maps every range of the folded text back to the original text's
/// UTF-8 offsets, so a match found after folding points at what the user wrote.
package struct FoldedText: Sendable {
    /// The folded text.
    package let text: String
    /// For each UTF-8 byte of `text`, the original UTF-8 range of the scalar it came from.
    private let origins: [Range<Int>]
    /// The original text's UTF-8 length.
    private let originalLength: Int

    package init(_ original: String) {
        var bytes: [UInt8] = []
        var origins: [Range<Int>] = []
        bytes.reserveCapacity(original.utf8.count)
        origins.reserveCapacity(original.utf8.count)
        var offset = 0
        for scalar in original.unicodeScalars {
            let length = UTF8.width(scalar)
            let origin = offset..<(offset + length)
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                bytes.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
                origins.append(origin)
            } else {
                for byte in Normalizer.caseFold(String(scalar)).utf8 {
                    bytes.append(byte)
                    origins.append(origin)
                }
            }
            offset += length
        }
        self.text = String(decoding: bytes, as: UTF8.self)
        self.origins = origins
        self.originalLength = offset
    }

    /// The original UTF-8 range that the folded UTF-8 range `range` came from.
    func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard !origins.isEmpty else { return 0..<0 }
        let start = range.lowerBound < origins.count ? origins[range.lowerBound].lowerBound : originalLength
        guard range.upperBound > range.lowerBound else { return start..<start }
        let end = origins[min(range.upperBound, origins.count) - 1].upperBound
        return start..<max(start, end)
    }
}
