/// Lists written as strings in scraped data: Python/JSON literals (`"['SQL', 'Tableau']"`)
/// and separated text (`"SQL, Tableau"`, `"SQL; Tableau"`, `"SQL | Tableau"`).
package enum ListEncoding {
    /// The keys naming an item given as a map (`{"name": "SQL", "uid": "..."}`, as marketplace
    /// APIs list skills), in order of preference.
    static let itemNameKeys = ["name", "pretty_name", "label", "title", "skill", "value", "text"]

    /// The items of a list value, decoding a string that encodes a list.
    static func items(_ value: RawValue) -> [String] {
        switch value {
        case .list(let items):
            return items.compactMap { item in
                guard case .map(let entries) = item else { return item.text }
                let named = Dictionary(entries.map { (PostFieldMapper.normalizeKey($0.0), $0.1) }, uniquingKeysWith: { first, _ in first })
                return itemNameKeys.lazy.compactMap { named[$0]?.text }.first
            }
        // Decoded before splitting: the `;` of `&amp;` is no separator.
        case .text(let text): return decode(HTMLText.plain(text))
        case .number, .bool: return value.text.map { [$0] } ?? []
        case .map, .null: return []
        }
    }

    /// Decodes one string into list items. `;` and `|` are tried before `,`: a skill name may
    /// hold a comma (`HTML, CSS, JavaScript` is one tag of some marketplaces).
    package static func decode(_ text: String) -> [String] {
        let trimmed = text.trimmingSpaces
        return ByteSearch.isASCII(trimmed) ? asciiDecode(trimmed) : characterDecode(trimmed)
    }

    /// `decode` of trimmed ASCII text (most skill lists), on its bytes: the same steps without
    /// `Character` comparisons and copies.
    static func asciiDecode(_ trimmed: String) -> [String] {
        var text = trimmed
        let items = text.withUTF8 { bytes -> [String]? in
            if bytes.count >= 2, bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]") {
                return asciiLiteralItems(UnsafeBufferPointer(rebasing: bytes.dropFirst().dropLast()))
            }
            for separator in [UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: ",")] where bytes.contains(separator) {
                return bytes.split(separator: separator).map { String(decoding: $0, as: UTF8.self).trimmingSpaces }.filter { !$0.isEmpty }
            }
            return nil
        }
        return items ?? (trimmed.isEmpty ? [] : [trimmed])
    }

    /// `decode` of trimmed text, by `Character`.
    static func characterDecode(_ trimmed: String) -> [String] {
        if trimmed.hasPrefix("["), trimmed.hasSuffix("]") {
            return literalItems(String(trimmed.dropFirst().dropLast()))
        }
        for separator: Character in [";", "|", ","] where trimmed.contains(separator) {
            return trimmed.split(separator: separator).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        }
        return trimmed.isEmpty ? [] : [trimmed]
    }

    /// Items of a bracketed literal body: quoted strings (single or double quotes, backslash
    /// escapes) or bare words, separated by commas. ASCII bodies (most skill lists) are read
    /// byte by byte; others by `Character`, so a quote with a combining mark is no quote.
    static func literalItems(_ body: String) -> [String] {
        ByteSearch.isASCII(body) ? asciiLiteralItems(body) : characterLiteralItems(body)
    }

    static func asciiLiteralItems(_ body: String) -> [String] {
        var body = body
        return body.withUTF8(asciiLiteralItems)
    }

    /// `literalItems` of an ASCII body: most are quoted items and nothing else (`'SQL', 'C#'`),
    /// whose texts are the bytes between their quotes; others go through the general reader.
    static func asciiLiteralItems(_ body: UnsafeBufferPointer<UInt8>) -> [String] {
        quotedItems(body) ?? literalItems(Array(body)[...], text: { String(decoding: $0, as: UTF8.self) })
    }

    /// The items of a body made only of quoted items without backslashes, separated by commas
    /// with spaces around them (blank items dropped, as `literalItems` drops them); nil for any
    /// other body (an unquoted item, an escape, text after a closing quote).
    static func quotedItems(_ body: UnsafeBufferPointer<UInt8>) -> [String]? {
        var items: [String] = []
        var index = 0, itemEnded = true
        while index < body.count {
            let byte = body[index]
            if byte.isSpace {
                index += 1
            } else if byte == .comma {
                itemEnded = true
                index += 1
            } else if (byte == .singleQuote || byte == .doubleQuote) && itemEnded {
                let start = index + 1
                var end = start
                while end < body.count, body[end] != byte {
                    if body[end] == .backslash { return nil }
                    end += 1
                }
                guard end < body.count else { return nil }
                let item = UnsafeBufferPointer(rebasing: body[start..<end])
                if !item.allSatisfy({ $0.isSpace }) { items.append(String(decoding: item, as: UTF8.self)) }
                index = end + 1
                itemEnded = false
            } else {
                return nil
            }
        }
        return items
    }

    static func characterLiteralItems(_ body: String) -> [String] {
        literalItems(Array(body)[...], text: { String($0) })
    }

    /// `literalItems` over the units of a body (ASCII bytes or characters); `text` makes an
    /// item's text from its units.
    private static func literalItems<Unit: LiteralUnit>(_ body: ArraySlice<Unit>, text: ([Unit]) -> String) -> [String] {
        var items: [String] = []
        var current: [Unit] = []
        var quote: Unit?
        var escaped = false
        var wasQuoted = false
        func endItem() {
            guard !Unit.isBlank(current) else { return }
            let item = text(current)
            items.append(wasQuoted ? item : item.trimmingSpaces)
        }
        for unit in body {
            if let open = quote {
                if escaped {
                    current.append(unit)
                    escaped = false
                } else if unit == .backslash {
                    escaped = true
                } else if unit == open {
                    quote = nil
                } else {
                    current.append(unit)
                }
            } else if unit == .singleQuote || unit == .doubleQuote {
                if !wasQuoted && Unit.isBlank(current) { current.removeAll() }
                quote = unit
                wasQuoted = true
            } else if unit == .comma {
                endItem()
                current.removeAll()
                wasQuoted = false
            } else if !(wasQuoted && unit.isSpace) {
                current.append(unit)
            }
        }
        endItem()
        return items
    }
}

/// A unit `ListEncoding.literalItems` reads: an ASCII byte or a `Character`.
private protocol LiteralUnit: Equatable {
    static var singleQuote: Self { get }
    static var doubleQuote: Self { get }
    static var backslash: Self { get }
    static var comma: Self { get }
    /// Whitespace, as `Character.isWhitespace` says.
    var isSpace: Bool { get }
    /// Whether the text of `units` is white space only (every scalar `isWhitespace`).
    static func isBlank(_ units: [Self]) -> Bool
}

extension UInt8: LiteralUnit {
    static var singleQuote: UInt8 { 0x27 }
    static var doubleQuote: UInt8 { 0x22 }
    static var backslash: UInt8 { 0x5C }
    static var comma: UInt8 { 0x2C }
    var isSpace: Bool { self == 0x20 || (0x09...0x0D).contains(self) }
    /// On the bytes (ASCII, the only bytes read as units): the scalar property without making a
    /// `String` per item.
    static func isBlank(_ units: [UInt8]) -> Bool { units.allSatisfy { $0.isSpace } }
}

extension Character: LiteralUnit {
    static var singleQuote: Character { "'" }
    static var doubleQuote: Character { "\"" }
    static var backslash: Character { "\\" }
    static var comma: Character { "," }
    var isSpace: Bool { isWhitespace }
    static func isBlank(_ units: [Character]) -> Bool { String(units).unicodeScalars.allSatisfy(\.properties.isWhitespace) }
}
