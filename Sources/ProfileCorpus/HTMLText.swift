import ProfileModel

/// Plain text from scraped HTML: tags removed (block tags become line breaks), character
/// references decoded (`&amp;`, `&#8217;`, `&#x2019;`, `&nbsp;`, ...). Text without `<` or `&`
/// is returned as is.
public enum HTMLText {
    static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–",
        "mdash": "—", "hellip": "…", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“",
        "bull": "•", "middot": "·", "copy": "©", "reg": "®", "trade": "™", "euro": "€", "pound": "£",
    ]
    /// Tags whose start or end breaks a line.
    static let blockTags: Set<String> = ["br", "p", "div", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table"]

    public static func plain(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) else { return text }
        let scalars = Array(text.unicodeScalars)
        let bytes = Array(text.utf8)
        // The output as UTF-8; runs of plain text are copied from `bytes` (`offset` is the byte
        // offset of `scalars[index]`).
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var offset = 0
        func advance(to end: Int) {
            while index < end {
                offset += UTF8.width(scalars[index])
                index += 1
            }
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", let end = tagEnd(scalars, from: index) {
                let name = tagName(scalars[(index + 1)..<end])
                if blockTags.contains(name) { output.append(UInt8(ascii: "\n")) }
                advance(to: end + 1)
            } else if scalar == "&", let (decoded, end) = entity(scalars, from: index) {
                output += decoded.utf8
                advance(to: end + 1)
            } else {
                let start = offset
                advance(to: index + 1)
                while index < scalars.count, scalars[index] != "<", scalars[index] != "&" { advance(to: index + 1) }
                output += bytes[start..<offset]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The index of the `>` closing a tag that starts at `start`, when `start` opens a tag
    /// (`<a`, `</a`, `<!--`, `<br/>`); a lone `<` as in `x < 5` is text.
    static func tagEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 1 < scalars.count else { return nil }
        let next = scalars[start + 1]
        guard next == "/" || next == "!" || next.properties.isAlphabetic else { return nil }
        var index = start + 1
        while index < scalars.count, index - start < 2000 {
            if scalars[index] == ">" { return index }
            if scalars[index] == "<" { return nil }
            index += 1
        }
        return nil
    }

    static func tagName(_ body: ArraySlice<Unicode.Scalar>) -> String {
        var name = ""
        for scalar in body {
            if scalar == "/" && name.isEmpty { continue }
            guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else { break }
            name.unicodeScalars.append(scalar)
        }
        return name.lowercased()
    }

    /// A character reference starting at `start` and the index of its `;`.
    static func entity(_ scalars: [Unicode.Scalar], from start: Int) -> (String, Int)? {
        var index = start + 1
        var body = ""
        while index < scalars.count, index - start <= 10 {
            let scalar = scalars[index]
            if scalar == ";" {
                if body.hasPrefix("#x") || body.hasPrefix("#X") {
                    return UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { (String($0), index) }
                }
                if body.hasPrefix("#") {
                    return UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { (String($0), index) }
                }
                return namedEntities[body].map { ($0, index) }
            }
            guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "#" else { return nil }
            body.unicodeScalars.append(scalar)
            index += 1
        }
        return nil
    }
}
