#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Liang's hyphenation algorithm (TeX) over a pattern dictionary in the `hyph_*.dic` format of
/// the hyphen library (the format LibreOffice, Debian's `hyphen-en-us` and PyPI `pyphen` use).
///
/// textstat counts a word's syllables as its hyphenation points + 1 with pyphen's `en_US`
/// dictionary, so with the same dictionary `Readability` reproduces textstat's counts exactly.
public struct Hyphenator: Sendable {
    /// A dictionary file that cannot be used, with the line at fault (1-based; 0 for the file).
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var line: Int
        public var reason: String
        public var description: String { line > 0 ? "\(path):\(line): \(reason)" : "\(path): \(reason)" }
    }

    /// Inter-letter values of one pattern: `values[k]` applies to the point before letter
    /// `offset + k` of the matched text.
    private struct Pattern: Sendable {
        var offset: Int
        var values: [UInt8]
    }

    /// The patterns as a trie over their letters: node 0 is the root; `children[node]` maps a
    /// letter to the next node, and `patterns[node]` holds the pattern ending there, if any.
    private var children: [[Unicode.Scalar: Int]] = [[:]]
    private var patterns: [Pattern?] = [nil]

    /// The US English dictionary of the system's hyphen package (Debian/Ubuntu `hyphen-en-us`),
    /// or nil when it is not installed (readability then uses the `Syllables` heuristic).
    public static let english: Hyphenator? = {
        for path in ["/usr/share/hyphen/hyph_en_US.dic", "/usr/local/share/hyphen/hyph_en_US.dic"] {
            if let hyphenator = try? Hyphenator(contentsOf: path) { return hyphenator }
        }
        return nil
    }()

    /// Loads a `hyph_*.dic` file: a first line naming the encoding (UTF-8 or ISO8859-1), then one
    /// pattern per line (`%`/`#` comments and `*HYPHENMIN` settings are skipped; `^^hh` is a hex
    /// escape; a nonstandard-hyphenation tail after `/` is ignored, only the points matter here).
    public init(contentsOf path: String) throws(LoadError) {
        guard let file = fopen(path, "rb") else { throw LoadError(path: path, line: 0, reason: "cannot open the file") }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let read = fread(&chunk, 1, chunk.count, file)
            if read <= 0 { break }
            bytes.append(contentsOf: chunk[0..<read])
        }
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard let first = lines.first else { throw LoadError(path: path, line: 1, reason: "empty dictionary") }
        let encoding = String(decoding: first, as: UTF8.self).trimmingASCIIWhitespace().uppercased()
        let isLatin1: Bool
        switch encoding {
        case "UTF-8", "UTF8": isLatin1 = false
        case "ISO8859-1", "ISO-8859-1", "LATIN1": isLatin1 = true
        default: throw LoadError(path: path, line: 1, reason: "unsupported encoding '\(encoding)'")
        }
        for (index, line) in lines.enumerated().dropFirst() {
            let text = isLatin1
                ? String(String.UnicodeScalarView(line.map { Unicode.Scalar($0) }))
                : String(decoding: line, as: UTF8.self)
            try addPattern(text.trimmingASCIIWhitespace(), path: path, line: index + 1)
        }
        if children[0].isEmpty { throw LoadError(path: path, line: 0, reason: "no hyphenation patterns") }
    }

    private static let skippedPrefixes = [
        "%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN",
    ]

    private mutating func addPattern(_ line: String, path: String, line number: Int) throws(LoadError) {
        if line.isEmpty || Self.skippedPrefixes.contains(where: line.hasPrefix) { return }
        var source = Array(Self.unescapingHex(line).unicodeScalars)
        if let slash = source.firstIndex(of: "/"), source.contains("=") { source.removeSubrange(slash...) }
        var letters: [Unicode.Scalar] = []
        var values: [UInt8] = [0]
        for scalar in source {
            if let digit = scalar.properties.numericType == .decimal ? scalar.properties.numericValue : nil {
                guard values[values.count - 1] == 0 else {
                    throw LoadError(path: path, line: number, reason: "two digits in a row in pattern '\(line)'")
                }
                values[values.count - 1] = UInt8(digit)
            } else {
                letters.append(scalar)
                values.append(0)
            }
        }
        guard let start = values.firstIndex(where: { $0 != 0 }), let end = values.lastIndex(where: { $0 != 0 }) else {
            return  // no hyphenation values: nothing to apply
        }
        var node = 0
        for letter in letters {
            if let next = children[node][letter] {
                node = next
            } else {
                children.append([:])
                patterns.append(nil)
                children[node][letter] = children.count - 1
                node = children.count - 1
            }
        }
        patterns[node] = Pattern(offset: start, values: Array(values[start...end]))
    }

    /// Replaces `^^hh` escapes by the character with that hex code.
    private static func unescapingHex(_ line: String) -> String {
        guard line.contains("^^") else { return line }
        var scalars = Array(line.unicodeScalars)
        var index = 0
        while index + 3 < scalars.count {
            if scalars[index] == "^", scalars[index + 1] == "^",
               let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)...(index + 3)])), radix: 16),
               let scalar = Unicode.Scalar(value) {
                scalars.replaceSubrange(index...(index + 3), with: [scalar])
            }
            index += 1
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Hyphenation points of a word: the number of characters before each allowed hyphen, keeping
    /// at least `leftMin` characters before the first and `rightMin` after the last (pyphen's
    /// defaults are 2 and 2). `hyphenation` → [2, 6] (`hy-phen-ation`).
    public func points(in word: String, leftMin: Int = 2, rightMin: Int = 2) -> [Int] {
        let letters = Array(word.lowercased().unicodeScalars)
        let dotted: [Unicode.Scalar] = ["."] + letters + ["."]
        var weights = [UInt8](repeating: 0, count: dotted.count + 1)
        for start in 0..<(dotted.count - 1) {
            var node = 0
            for letter in dotted[start...] {
                guard let next = children[node][letter] else { break }
                node = next
                guard let pattern = patterns[node] else { continue }
                for (index, value) in pattern.values.enumerated() {
                    let point = start + pattern.offset + index
                    if value > weights[point] { weights[point] = value }
                }
            }
        }
        let last = letters.count - rightMin
        return weights.indices.compactMap { index in
            let point = index - 1
            return weights[index] % 2 == 1 && point >= leftMin && point <= last ? point : nil
        }
    }

    /// Syllables as textstat counts them: hyphenation points + 1.
    public func syllableCount(_ word: String) -> Int { points(in: word).count + 1 }
}

private extension String {
    func trimmingASCIIWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
