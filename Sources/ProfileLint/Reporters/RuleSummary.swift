extension Rule {
    /// One line about the rule for tables and SARIF `shortDescription`: the first sentence of
    /// the rationale without parenthesised citations, cut at a word boundary with "…" so it
    /// stays within `limit` characters.
    /// (Rule files have no summary key yet; the rationale is the best source of one.)
    package func summary(limit: Int = 100) -> String {
        Self.summary(ofRationale: rationale, limit: limit)
    }

    /// The summary of a rule whose rationale is `rationale` (also for `RuleCatalog.Entry`).
    package static func summary(ofRationale rationale: String, limit: Int = 100) -> String {
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
        let head = sentence.prefix(limit - 1)
        let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        return String(cut).trimmingTrailingPunctuation() + "…"
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

    fileprivate func trimmingTrailingPunctuation() -> String {
        var copy = self
        while let last = copy.last, last == " " || last == "," || last == ";" || last == ":" { copy.removeLast() }
        return copy
    }
}
