extension Rule {
    /// One line about the rule for tables and SARIF `shortDescription`: the first sentence of
    /// the rationale without parenthesised citations, cut at `limit` characters with "…".
    /// (Rule files have no summary key yet; the rationale is the best source of one.)
    public func summary(limit: Int = 100) -> String {
        var text = ""
        var depth = 0
        for character in rationale {
            switch character {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            default: if depth == 0 { text.append(character) }
            }
        }
        let words = text.split(whereSeparator: \.isWhitespace)
        var sentence = ""
        for word in words {
            if !sentence.isEmpty { sentence += " " }
            sentence += word
            if word.hasSuffix(".") || word.hasSuffix("!") || word.hasSuffix("?") { break }
        }
        sentence = sentence.replacingSpaceBeforePunctuation()
        guard sentence.count > limit else { return sentence }
        return String(sentence.prefix(limit - 1)).trimmingTrailingSpaces() + "…"
    }
}

extension String {
    /// Removes the space a removed citation leaves before `;`, `,`, `.` or `:`.
    fileprivate func replacingSpaceBeforePunctuation() -> String {
        var output = ""
        for character in self {
            if [";", ",", ".", ":"].contains(character), output.hasSuffix(" ") { output.removeLast() }
            output.append(character)
        }
        return output
    }

    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
