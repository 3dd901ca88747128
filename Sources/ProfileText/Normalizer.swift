import CICU

/// Unicode normalization built on ICU.
///
/// All functions are thread-safe: the NFKC_Casefold normalizer is ICU's shared immutable instance,
/// and the accent transliterator is created once per thread inside the C shim.
/// Pure-ASCII text takes a fast path (ASCII lowercasing gives the same result as NFKC_Casefold and
/// has no accents to fold).
package enum Normalizer {
    /// NFKC case folding: `Ｓｗｉｆｔ`, `SWIFT` and `swift` all become `swift`; `ﬁle` becomes `file`.
    package static func caseFold(_ text: String) -> String {
        if let folded = asciiLowercased(text) { return folded }
        return icuCaseFold(text) ?? text.lowercased()
    }

    /// NFKC case folding through ICU for any text (no ASCII shortcut), converting UTF-8 to
    /// UTF-16 and back inside the C shim; nil on an ICU error. `caseFold` uses it for non-ASCII
    /// text; the benchmarks time it as the ceiling of text analysis speed.
    package static func icuCaseFold(_ text: String) -> String? {
        if text.isEmpty { return text }
        var text = text
        return text.withUTF8 { source -> String? in
            var capacity = source.count * 3 + 16
            while true {
                var needed = 0
                let folded = String(unsafeUninitializedCapacity: capacity) { buffer in
                    needed = Int(plicu_nfkc_casefold_utf8(source.baseAddress, Int32(source.count),
                                                          buffer.baseAddress, Int32(buffer.count)))
                    return (0...buffer.count).contains(needed) ? needed : 0
                }
                if needed < 0 { return nil }
                if needed <= capacity { return folded }
                capacity = needed
            }
        }
    }

    /// Accent folding through ICU transliteration (`NFD; [:Nonspacing Mark:] Remove; NFC`):
    /// `résumé` becomes `resume`, `Ångström` becomes `Angstrom`. Case is kept.
    static func foldAccents(_ text: String) -> String {
        if isASCII(text) { return text }
        return transformed(Array(text.utf16), with: plicu_fold_accents).map(decode) ?? text
    }

    /// The matching form of a term: case folded, accent folded, and with typographic apostrophes
    /// (`’`, `ʼ`) made ASCII, so `Résumé`, `RESUME` and `resume` are one term and `client’s`
    /// stems like `client's`.
    package static func normalizeTerm(_ text: String) -> String {
        if let folded = asciiLowercased(text) { return folded }
        guard var units = transformed(Array(text.utf16), with: plicu_nfkc_casefold) else {
            return text.lowercased()
        }
        // Only code points from U+00C0 up can carry a decomposable accent.
        if units.contains(where: { $0 >= 0xC0 }) {
            units = transformed(units, with: plicu_fold_accents) ?? units
        }
        for index in units.indices where units[index] == 0x2019 || units[index] == 0x02BC {
            units[index] = UInt16(UInt8(ascii: "'"))
        }
        return decode(units)
    }

    // MARK: Helpers

    private typealias Transform = (UnsafePointer<UInt16>?, Int32, UnsafeMutablePointer<UInt16>?, Int32) -> Int32

    static func isASCII(_ text: String) -> Bool {
        let utf8 = text.utf8
        if let answer = utf8.withContiguousStorageIfAvailable({ !$0.contains(where: { $0 >= 0x80 }) }) {
            return answer
        }
        return !utf8.contains(where: { $0 >= 0x80 })
    }

    /// The ASCII-lowercased text, or nil when the text is not pure ASCII.
    static func asciiLowercased(_ text: String) -> String? {
        guard isASCII(text) else { return nil }
        var hasUppercase = false
        for byte in text.utf8 where byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
            hasUppercase = true
            break
        }
        if !hasUppercase { return text }
        return String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
            var count = 0
            for byte in text.utf8 {
                buffer[count] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                count += 1
            }
            return count
        }
    }

    /// Runs an ICU transform over UTF-16 units, growing the output buffer as the transform asks.
    /// Nil on an ICU error.
    private static func transformed(_ source: [UInt16], with transform: Transform) -> [UInt16]? {
        if source.isEmpty { return [] }
        var capacity = source.count * 3 + 16
        while true {
            var buffer = [UInt16](repeating: 0, count: capacity)
            let needed = Int(transform(source, Int32(source.count), &buffer, Int32(capacity)))
            if needed < 0 { return nil }
            if needed <= capacity {
                buffer.removeSubrange(needed...)
                return buffer
            }
            capacity = needed
        }
    }

    private static func decode(_ units: [UInt16]) -> String {
        String(decoding: units, as: UTF16.self)
    }
}
