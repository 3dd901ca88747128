/// A word of a text with its place: UTF-8 byte offsets into the text it came from.
public struct Token: Sendable, Hashable {
    /// The token as written.
    public var text: String
    /// UTF-8 offsets into the analysed string.
    public var range: Range<Int>
    public init(text: String, range: Range<Int>) {
        self.text = text
        self.range = range
    }
}

/// Word segmentation that keeps tech tokens (`C#`, `C++`, `.NET`, `Node.js`, `CI/CD`) whole.
/// STUB (naive split on non-alphanumerics); replaced by the ICU word-break implementation.
public enum Tokenizer {
    public static func words(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var start: Int?
        var offset = 0
        for scalar in text.unicodeScalars {
            let isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if isWord, start == nil { start = offset }
            if !isWord, let begin = start {
                tokens.append(token(text, begin, offset))
                start = nil
            }
            offset += String(scalar).utf8.count
        }
        if let begin = start { tokens.append(token(text, begin, offset)) }
        return tokens
    }

    private static func token(_ text: String, _ start: Int, _ end: Int) -> Token {
        let utf8 = Array(text.utf8)
        return Token(text: String(decoding: utf8[start..<end], as: UTF8.self), range: start..<end)
    }
}
