import CICU

/// Unicode normalization built on ICU.
public enum Normalizer {
    /// NFKC case folding: `Ｓｗｉｆｔ`, `SWIFT` and `swift` all become `swift`.
    public static func caseFold(_ text: String) -> String {
        let source = Array(text.utf16)
        if source.isEmpty { return "" }
        var capacity = source.count + 16
        while true {
            var buffer = [UInt16](repeating: 0, count: capacity)
            let needed = plicu_nfkc_casefold(source, Int32(source.count), &buffer, Int32(capacity))
            if needed < 0 { return text.lowercased() }
            if Int(needed) <= capacity { return String(decoding: buffer[0..<Int(needed)], as: UTF16.self) }
            capacity = Int(needed)
        }
    }
}
