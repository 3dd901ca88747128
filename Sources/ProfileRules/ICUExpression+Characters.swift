import ProfileText

extension ICUExpression {
    /// Every match in `text` (whose UTF-8 is `bytes`) with groups 0 to `groups`, each kept only
    /// when both its ends fall on character boundaries of `text` (nil otherwise): a match that
    /// cuts a character a reader sees as one (a letter from its combining mark, an emoji
    /// sequence) is not taken. The kinds' findings have always been made this way (with
    /// `NSRegularExpression`, whose ranges became `String` ranges only on character boundaries).
    func characterMatches(in text: String, bytes: [UInt8], groups: Int) throws(Problem) -> [[Range<Int>?]] {
        try find(in: bytes, groups: groups).map { match in
            match.groups.map { range in
                range.flatMap { Self.isCharacterBoundary($0.lowerBound, text, bytes) && Self.isCharacterBoundary($0.upperBound, text, bytes) ? $0 : nil }
            }
        }
    }

    /// The whole matches in `text` (UTF-8 `bytes`) that start and end on character boundaries.
    func characterRanges(in text: String, bytes: [UInt8]) throws(Problem) -> [Range<Int>] {
        try characterMatches(in: text, bytes: bytes, groups: 0).compactMap { $0[0] }
    }

    /// Whether UTF-8 offset `offset` of `text` is a boundary between two characters (extended
    /// grapheme clusters); between two ASCII bytes it is, unless they are CR and LF.
    private static func isCharacterBoundary(_ offset: Int, _ text: String, _ bytes: [UInt8]) -> Bool {
        guard offset > 0, offset < bytes.count else { return true }
        let before = bytes[offset - 1], after = bytes[offset]
        if before < 0x80, after < 0x80 { return !(before == 0x0D && after == 0x0A) }
        return String.Index(text.utf8.index(text.utf8.startIndex, offsetBy: offset), within: text) != nil
    }
}
