import Foundation

/// Plain text from scraped HTML, as a browser shows it: tags removed, block tags (`<p>`, `<li>`,
/// `<br>`, ...) become line breaks, comments and the elements a reader never sees (`script`,
/// `style`, `template`, `noscript`, `iframe`, `noembed`, `noframes`) dropped with their
/// contents, and character references decoded (see `HTMLCharacterReference`). Text escaped twice
/// (`&amp;eacute;`, `&amp;amp;`) is decoded again: an `&` that came from a reference starts a
/// reference itself when one follows.
///
/// Markup stored escaped (`&lt;p&gt;Hello&lt;/p&gt;`, as some exports hold an HTML field) is
/// stripped once decoded, when it holds an end tag of a common element.
///
/// Text without `<` or `&` is returned as is, without copying. A `<` that opens no tag stays
/// text (`x < 5`, `a <b` with no `>`, or a `<` inside what would be a tag), since scraped fields
/// are often plain text; so does an element to drop that is never closed (only its start tag
/// goes).
package enum HTMLText {
    /// Tags whose start or end separates text, as a line break.
    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "li", "main", "nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "title", "tr", "ul",
    ]
    /// Elements whose contents are not shown.
    static let hiddenElements: Set<String> = ["script", "style", "template", "noscript", "iframe", "noembed", "noframes"]
    /// A tag longer than this is taken for text (it also bounds the work per `<`).
    static let longestTag = 16_384

    /// Elements whose end tag, once references are decoded, shows that escaped markup was
    /// stored as text (`&lt;p&gt;Hello&lt;/p&gt;`): such text is stripped a second time.
    static let commonElements: Set<String> = blockTags.union(hiddenElements).union(["a", "b", "i", "em", "strong", "span", "u", "code", "font", "small"])

    package static func plain(_ text: String) -> String {
        guard let once = onePass(text) else { return text }
        guard hasEndTag(once), escapesLessThan(text) else { return once }
        return onePass(once) ?? once
    }

    /// Whether `text` holds an escaped `<` (`&lt;`, `&amp;lt;`, `&#60;`, `&#x3C;`).
    static func escapesLessThan(_ text: String) -> Bool {
        let folded = text.lowercased()
        return folded.contains("lt;") || folded.contains("#60;") || folded.contains("#x3c;")
    }

    /// Whether `text` holds an end tag of a common element (`</p>`, `</script >`).
    static func hasEndTag(_ text: String) -> Bool {
        var rest = Substring(text)
        while let open = rest.range(of: "</") {
            let name = rest[open.upperBound...].prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
            let after = rest[open.upperBound...].dropFirst(name.count).first
            if commonElements.contains(name.lowercased()), after == ">" || after == " " { return true }
            rest = rest[open.upperBound...]
        }
        return false
    }

    /// The text with its markup and references replaced, nil when it has none (the text is
    /// then its own plain text).
    private static func onePass(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes in
            // memchr scans with vector instructions: most fields have neither byte.
            guard let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "<")), bytes.count) != nil
                    || memchr(base, Int32(UInt8(ascii: "&")), bytes.count) != nil else { return nil }
            var scanner = HTMLTextScanner(bytes)
            return scanner.plain()
        }
    }
}

/// One pass over the UTF-8 of a text with markup, writing its plain text.
struct HTMLTextScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var output: [UInt8] = []
    /// The index of the last `>`, -1 when there is none: a `<` after it opens no tag.
    let lastClose: Int
    /// Hidden elements known to have no end tag after an index (so each search runs once).
    var unclosedFrom: [String: Int] = [:]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        lastClose = bytes.lastIndex(of: UInt8(ascii: ">")) ?? -1
        output.reserveCapacity(bytes.count)
    }

    /// The plain text, nil when nothing was markup or a reference (every `<` and `&` is text).
    mutating func plain() -> String? {
        var index = 0
        var runStart = 0
        var replaced = false
        let raw = UnsafeRawBufferPointer(bytes)
        while index < bytes.count {
            // The next `<` or `&`, eight bytes at a time (most of a text with markup is neither).
            index = ByteSearch.first(UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: "&"), in: raw,
                                     from: index, to: bytes.count)
            guard index < bytes.count else { break }
            let byte = bytes[index]
            output.append(contentsOf: bytes[runStart..<index])
            if byte == UInt8(ascii: "<"), let end = markup(at: index) {
                index = end
                replaced = true
            } else if byte == UInt8(ascii: "&"), let end = reference(at: index) {
                index = end
                replaced = true
            } else {
                output.append(byte)
                index += 1
            }
            runStart = index
        }
        guard replaced else { return nil }
        output.append(contentsOf: bytes[runStart..<bytes.count])
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes the reference at `start` (an `&`), and again while it decodes to an `&` that
    /// starts another; the index after the last one, nil when `start` starts none.
    mutating func reference(at start: Int) -> Int? {
        guard var (value, end) = HTMLCharacterReference.decode(bytes, nameStart: start + 1) else { return nil }
        while value == [UInt8(ascii: "&")], let next = HTMLCharacterReference.decode(bytes, nameStart: end) {
            (value, end) = next
        }
        output.append(contentsOf: value)
        return end
    }

    /// Skips the markup at `start` (a `<`): a tag, a comment, a declaration (`<!DOCTYPE html>`)
    /// or a processing instruction, and a hidden element's contents; writes a line break for a
    /// block tag. The index after it, nil when `start` is a plain `<`.
    mutating func markup(at start: Int) -> Int? {
        if starts(with: "<!--", at: start) { return commentEnd(from: start + 2) }
        guard start + 1 < bytes.count, start < lastClose else { return nil }
        let next = bytes[start + 1]
        if next == UInt8(ascii: "!") { return firstClose(from: start + 2).map { $0 + 1 } }
        if next == UInt8(ascii: "?") { return firstClose(from: start + 2).map { $0 + 1 } }
        let closing = next == UInt8(ascii: "/")
        let nameStart = closing ? start + 2 : start + 1
        guard nameStart < bytes.count, isLetter(bytes[nameStart]), let close = tagClose(from: nameStart) else { return nil }
        let name = tagName(from: nameStart)
        if HTMLText.blockTags.contains(name) { output.append(UInt8(ascii: "\n")) }
        guard !closing, HTMLText.hiddenElements.contains(name), bytes[close - 1] != UInt8(ascii: "/"),
              let contentEnd = endTag(name, from: close + 1) else { return close + 1 }
        return contentEnd
    }

    /// The `>` ending a tag whose name starts at `start`: quoted attribute values may hold `<`
    /// and `>`; an unquoted `<` means this was no tag. Nil when there is none within `longestTag`.
    func tagClose(from start: Int) -> Int? {
        let limit = min(bytes.count, start + HTMLText.longestTag)
        var index = start
        var afterEquals = false
        while index < limit {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: ">"): return index
            case UInt8(ascii: "<"): return nil
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if afterEquals {
                    index += 1
                    while index < limit, bytes[index] != byte { index += 1 }
                    guard index < limit else { return nil }
                }
                afterEquals = false
            case UInt8(ascii: "="): afterEquals = true
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0C: break
            default: afterEquals = false
            }
            index += 1
        }
        return nil
    }

    /// The lowercased tag name starting at `start`.
    func tagName(from start: Int) -> String {
        var end = start
        while end < bytes.count, isLetter(bytes[end]) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
    }

    /// The index after the end tag `</name>` closing a hidden element, nil when it never closes.
    mutating func endTag(_ name: String, from start: Int) -> Int? {
        if let unclosed = unclosedFrom[name], unclosed <= start { return nil }
        let nameBytes = Array(name.utf8)
        var index = start
        defer { if index + 2 + nameBytes.count >= bytes.count { unclosedFrom[name] = start } }
        while index + 2 + nameBytes.count < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "/"),
               zip(bytes[(index + 2)...], nameBytes).allSatisfy({ $0 | 0x20 == $1 }) {
                let after = bytes[index + 2 + nameBytes.count]
                if after == UInt8(ascii: ">") || after == UInt8(ascii: "/") || after <= UInt8(ascii: " "),
                   let close = firstClose(from: index + 2 + nameBytes.count) {
                    return close + 1
                }
            }
            index += 1
        }
        return nil
    }

    /// The index after a comment whose `--` starts at `start`: its `-->` (`<!-->` is a whole
    /// comment), or the end of the text when it never closes, as HTML reads it.
    func commentEnd(from start: Int) -> Int {
        var index = start
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-"), bytes[index + 2] == UInt8(ascii: ">") {
                return index + 3
            }
            index += 1
        }
        return bytes.count
    }

    func firstClose(from start: Int) -> Int? {
        guard start <= lastClose else { return nil }
        return bytes[start...].firstIndex(of: UInt8(ascii: ">"))
    }

    func starts(with prefix: StaticString, at start: Int) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard start + count <= bytes.count else { return false }
        return (0..<count).allSatisfy { bytes[start + $0] == prefix.utf8Start[$0] }
    }

    func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) }
}
