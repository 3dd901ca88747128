import Dispatch
import Foundation
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
package struct Hyphenator: Sendable {
    /// A dictionary file that cannot be used, with the line at fault (1-based; 0 for the file).
    package struct LoadError: Error, Sendable, CustomStringConvertible {
        package var path: String
        package var line: Int
        package var reason: String
        package var description: String { line > 0 ? "\(path):\(line): \(reason)" : "\(path): \(reason)" }
    }

    /// The patterns as a trie over their letters, stored flat so loading makes a handful of
    /// arrays instead of a dictionary per node: node 0 is the root, and `edges` maps
    /// (node, letter) to the next node (see `PatternTrie`).
    private var trie: PatternTrie

    /// Where the US English dictionary is looked for, in order (the lint result cache keys on these files).
    package static let englishPaths = ["/usr/share/hyphen/hyph_en_US.dic", "/usr/local/share/hyphen/hyph_en_US.dic"]

    /// The US English dictionary of the system's hyphen package (Debian/Ubuntu `hyphen-en-us`),
    /// or nil when it is not installed (readability then uses the `Syllables` heuristic).
    /// Loaded by the loader `prepareEnglish` was given, if any, else from `englishPaths`.
    static let english: Hyphenator? = (EnglishLoader.shared.current() ?? loadEnglish)()

    /// The first of `englishPaths` that loads, parsed from the dictionary file.
    package static func loadEnglish() -> Hyphenator? {
        for path in englishPaths {
            if let hyphenator = try? Hyphenator(contentsOf: path) { return hyphenator }
        }
        return nil
    }

    /// Starts loading `english` on another thread, so the patterns are ready by the time the
    /// first text is scored: a lint loads its rules and corpus on one thread meanwhile. Any
    /// later use of `english` waits for that load (a static is initialized once). `loader`,
    /// when given before the first load, replaces `loadEnglish` (to read the compiled patterns
    /// from a cache); it must give what `loadEnglish` gives.
    package static func prepareEnglish(loader: (@Sendable () -> Hyphenator?)? = nil) {
        if let loader { EnglishLoader.shared.offer(loader) }
        DispatchQueue.global(qos: .userInitiated).async { _ = english }
    }

    /// The patterns in the compact form `init(compiled:)` reads (see `PatternTrie.encoded`).
    package func compiled() -> [UInt8] { trie.encoded() }

    /// The hyphenator whose `compiled()` bytes these are; nil for bytes that do not make a
    /// usable pattern trie (a damaged or foreign file is rejected, never trusted).
    package init?(compiled bytes: ArraySlice<UInt8>) {
        guard let trie = PatternTrie(encoded: bytes), trie.hasEdges else { return nil }
        self.trie = trie
    }

    /// Loads a `hyph_*.dic` file: a first line naming the encoding (UTF-8 or ISO8859-1), then one
    /// pattern per line (`%`/`#` comments and `*HYPHENMIN` settings are skipped; `^^hh` is a hex
    /// escape; a nonstandard-hyphenation tail after `/` is ignored, only the points matter here).
    package init(contentsOf path: String) throws(LoadError) {
        trie = PatternTrie()
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
        let encoding = String(String.UnicodeScalarView(Self.trimmed(Self.scalars(first, isLatin1: false)))).uppercased()
        let isLatin1: Bool
        switch encoding {
        case "UTF-8", "UTF8": isLatin1 = false
        case "ISO8859-1", "ISO-8859-1", "LATIN1": isLatin1 = true
        default: throw LoadError(path: path, line: 1, reason: "unsupported encoding '\(encoding)'")
        }
        var letters: [Unicode.Scalar] = [], values: [UInt8] = []
        for (index, line) in lines.enumerated().dropFirst() {
            if addPlainASCIIPattern(line, letters: &letters, values: &values) { continue }
            try addPattern(Self.trimmed(Self.scalars(line, isLatin1: isLatin1)), letters: &letters, values: &values,
                           path: path, line: index + 1)
        }
        if !trie.hasEdges { throw LoadError(path: path, line: 0, reason: "no hyphenation patterns") }
    }

    private static let skippedPrefixes: [[Unicode.Scalar]] = [
        "%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN",
    ].map { Array($0.unicodeScalars) }

    /// Adds a pattern line of ASCII letters and digits (nearly every line of a dictionary)
    /// straight from its bytes; false, touching nothing, for any other line (comments, settings,
    /// escapes, non-ASCII letters, two digits in a row), which `addPattern` then handles.
    private mutating func addPlainASCIIPattern(_ line: ArraySlice<UInt8>, letters: inout [Unicode.Scalar],
                                               values: inout [UInt8]) -> Bool {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        guard let first = line.firstIndex(where: { !isSpace($0) }), let last = line.lastIndex(where: { !isSpace($0) })
        else { return false }
        letters.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        values.append(0)
        for byte in line[first...last] {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard values[values.count - 1] == 0 else { return false }
                values[values.count - 1] = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "."), UInt8(ascii: "'"), UInt8(ascii: "-"):
                letters.append(Unicode.Scalar(byte))
                values.append(0)
            default:
                return false
            }
        }
        addTrieEntry(letters: letters, values: values)
        return true
    }

    /// Adds one pattern line (`letters` and `values` are scratch buffers reused across lines).
    private mutating func addPattern(_ line: ArraySlice<Unicode.Scalar>, letters: inout [Unicode.Scalar], values: inout [UInt8],
                                     path: String, line number: Int) throws(LoadError) {
        if line.isEmpty || Self.skippedPrefixes.contains(where: { line.starts(with: $0) }) { return }
        var source = Self.unescapingHex(line)
        if let slash = source.firstIndex(of: "/"), source.contains("=") { source.removeSubrange(slash...) }
        letters.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        values.append(0)
        for scalar in source {
            if let digit = Self.decimalValue(scalar) {
                guard values[values.count - 1] == 0 else {
                    let text = String(String.UnicodeScalarView(line))
                    throw LoadError(path: path, line: number, reason: "two digits in a row in pattern '\(text)'")
                }
                values[values.count - 1] = UInt8(digit)
            } else {
                letters.append(scalar)
                values.append(0)
            }
        }
        addTrieEntry(letters: letters, values: values)
    }

    /// Stores a parsed pattern: `values[k]` is the value before `letters[k]` (one more value than letters).
    private mutating func addTrieEntry(letters: [Unicode.Scalar], values: [UInt8]) {
        guard let start = values.firstIndex(where: { $0 != 0 }), let end = values.lastIndex(where: { $0 != 0 }) else {
            return  // no hyphenation values: nothing to apply
        }
        var node: UInt32 = 0
        for letter in letters { node = trie.insertChild(of: node, letter) }
        trie.setPattern(at: node, offset: start, values: values[start...end])
    }

    /// The characters of a line: bytes as Latin-1, or decoded as UTF-8 (invalid bytes become U+FFFD).
    private static func scalars(_ line: ArraySlice<UInt8>, isLatin1: Bool) -> [Unicode.Scalar] {
        if isLatin1 || line.allSatisfy({ $0 < 0x80 }) { return line.map { Unicode.Scalar($0) } }
        return Array(String(decoding: line, as: UTF8.self).unicodeScalars)
    }

    /// `scalars` without leading and trailing white space.
    private static func trimmed(_ scalars: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return [] }
        return scalars[first...last]
    }

    /// The value of a decimal digit (ASCII digits without a Unicode property lookup: this runs
    /// for every character of the ~11,000 patterns each time a process loads them).
    private static func decimalValue(_ scalar: Unicode.Scalar) -> Int? {
        if scalar.isASCII {
            return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(UInt8(scalar.value)) ? Int(scalar.value) - 0x30 : nil
        }
        guard scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue else { return nil }
        return Int(value)
    }

    /// Replaces `^^hh` escapes by the character with that hex code.
    private static func unescapingHex(_ line: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        var scalars = Array(line)
        guard zip(scalars, scalars.dropFirst()).contains(where: { $0 == "^" && $1 == "^" }) else { return scalars }
        var index = 0
        while index + 3 < scalars.count {
            if scalars[index] == "^", scalars[index + 1] == "^",
               let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)...(index + 3)])), radix: 16),
               let scalar = Unicode.Scalar(value) {
                scalars.replaceSubrange(index...(index + 3), with: [scalar])
            }
            index += 1
        }
        return scalars
    }

    /// The loader `english` uses, offered before its first load (the first offer wins).
    private final class EnglishLoader: @unchecked Sendable {
        static let shared = EnglishLoader()
        private let lock = NSLock()
        private var loader: (@Sendable () -> Hyphenator?)?

        func offer(_ offered: @escaping @Sendable () -> Hyphenator?) {
            lock.withLock { if loader == nil { loader = offered } }
        }

        func current() -> (@Sendable () -> Hyphenator?)? {
            lock.withLock { loader }
        }
    }

    /// Hyphenation points of a word: the number of characters before each allowed hyphen, keeping
    /// at least `leftMin` characters before the first and `rightMin` after the last (pyphen's
    /// defaults are 2 and 2). `hyphenation` → [2, 6] (`hy-phen-ation`).
    func points(in word: String, leftMin: Int = 2, rightMin: Int = 2) -> [Int] {
        let letters = Array(word.lowercased().unicodeScalars)
        let dotted: [Unicode.Scalar] = ["."] + letters + ["."]
        var weights = [UInt8](repeating: 0, count: dotted.count + 1)
        for start in 0..<(dotted.count - 1) {
            var node: UInt32 = 0
            for letter in dotted[start...] {
                node = trie.child(of: node, letter)
                guard node != PatternTrie.none else { break }
                trie.forEachValue(at: node) { offset, value in
                    let point = start + offset
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
    func syllableCount(_ word: String) -> Int { points(in: word).count + 1 }
}
