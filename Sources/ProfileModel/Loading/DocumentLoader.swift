import Foundation

/// A located problem found while reading a document.
package struct LoadError: Error, Sendable, Equatable {
    /// What kind of problem; the profile loader maps it to a diagnostic rule id.
    package enum Kind: String, Sendable, Equatable {
        /// The document's syntax (YAML or JSON) is broken.
        case syntax
        /// The bytes are not UTF-8, or hold characters the format forbids.
        case encoding
        /// The file is larger than `LoadLimits.maxBytes`.
        case size
        /// Collections nest deeper than `LoadLimits.maxDepth`.
        case depth
        /// YAML aliases expand to more than `LoadLimits.maxNodes` values.
        case expansion
        /// A map repeats a key (reported at the repetition; the first one counts).
        case duplicateKey
    }

    package var message: String
    package var range: ByteRange
    package var kind: Kind
    /// Related places, such as the first definition of a repeated key.
    package var notes: [Note]

    package init(_ message: String, range: ByteRange, kind: Kind = .syntax, notes: [Note] = []) {
        self.message = message
        self.range = range
        self.kind = kind
        self.notes = notes
    }
}

/// Bounds that keep hostile or broken input from exhausting time, memory or stack.
package struct LoadLimits: Sendable, Equatable {
    /// The largest file accepted, in bytes (default 1 MiB).
    package let maxBytes: Int
    /// The deepest nesting of lists and maps accepted (default 64; the root is level 1;
    /// at most 1,000, libyaml's own bound).
    let maxDepth: Int
    /// The most values a document may hold once YAML aliases are expanded (default 100,000).
    let maxNodes: Int

    package init(maxBytes: Int = 1 << 20, maxDepth: Int = 64, maxNodes: Int = 100_000) {
        self.maxBytes = maxBytes
        self.maxDepth = min(max(1, maxDepth), 1000)
        self.maxNodes = maxNodes
    }

    package static let `default` = LoadLimits()
}

/// The syntax of a document file.
package enum DocumentFormat: Sendable {
    case yaml, json

    /// The format a path's extension names (`.json` is JSON, anything else YAML).
    package init(path: String) {
        self = path.lowercased().hasSuffix(".json") ? .json : .yaml
    }
}

/// A parsed document: its tree, and the problems that did not stop parsing.
package struct LoadedDocument: Sendable {
    /// The root value; nil when the document holds nothing but whitespace and comments.
    package var root: Node?
    /// Problems that leave the tree usable (repeated keys: both entries stay in the
    /// tree, in source order, and `Node.subscript` finds the first).
    package var problems: [LoadError]
    /// YAML scalars whose text the range scanner could not reproduce (their range then
    /// ends at the end of their first line, without segments); tests expect none.
    var unscannedScalars = 0

    init(root: Node?, problems: [LoadError], unscannedScalars: Int = 0) {
        self.root = root
        self.problems = problems
        self.unscannedScalars = unscannedScalars
    }
}

/// Parses YAML or JSON bytes into a `Node` tree with exact source ranges.
///
/// Before parsing, the file must be within `LoadLimits.maxBytes` and valid UTF-8; a
/// leading byte order mark is skipped. YAML goes through Yams (libyaml) with ranges
/// rebuilt from the source (`YAMLDocumentParser`); JSON through `JSONDocumentParser`.
package enum DocumentLoader {
    /// Reads a document, throwing only problems that leave no usable tree.
    package static func read(_ file: SourceFile, format: DocumentFormat,
                            limits: LoadLimits = .default) throws(LoadError) -> LoadedDocument {
        try checkBytes(file, limits: limits)
        // Both parsers recurse once per nesting level (Yams up to libyaml's 1,000
        // levels, before any limit of ours applies): run them on a large stack.
        let outcome = LargeStack.runBlocking { () -> Result<LoadedDocument, LoadError> in
            do throws(LoadError) {
                switch format {
                case .yaml: return .success(try YAMLDocumentParser.parse(file, limits: limits))
                case .json: return .success(try JSONDocumentParser.parse(file, limits: limits))
                }
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    /// Reads a document strictly: any problem, repeated keys included, is thrown.
    /// Returns nil for a document with nothing but whitespace and comments.
    package static func load(_ file: SourceFile, format: DocumentFormat) throws(LoadError) -> Node? {
        let document = try read(file, format: format)
        if let problem = document.problems.first { throw problem }
        return document.root
    }

    /// How far `checkBytes` looks for a NUL byte to call a file binary (as git and grep do).
    static let binarySniffBytes = 8192

    /// The file-level checks every format shares: size, binary content and UTF-8.
    static func checkBytes(_ file: SourceFile, limits: LoadLimits) throws(LoadError) {
        if file.isOversized || file.bytes.count > limits.maxBytes {
            let size = file.isOversized ? file.oversizedSize : file.bytes.count
            throw LoadError(BoundedRead.sizeMessage(size: size, limit: limits.maxBytes), range: ByteRange(0, 0), kind: .size)
        }
        if file.bytes.starts(with: [0xFF, 0xFE]) || file.bytes.starts(with: [0xFE, 0xFF]) {
            throw LoadError("the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8",
                            range: ByteRange(0, 2), kind: .encoding)
        }
        // A NUL byte is valid UTF-8 but never in a text profile: an image, archive or
        // executable would otherwise be reported as a puzzling UTF-8 or syntax error.
        if let nul = file.bytes.prefix(binarySniffBytes).firstIndex(of: 0) {
            throw LoadError("the file is binary (it holds NUL bytes), not YAML or JSON text; if it is UTF-16 text, save it as UTF-8",
                            range: ByteRange(nul, nul + 1), kind: .encoding)
        }
        if let problem = file.firstUTF8Problem {
            throw LoadError("invalid UTF-8: \(problem.reason)", range: problem.range, kind: .encoding)
        }
    }

    /// The message for a document nested deeper than the limit.
    static func depthMessage(_ limits: LoadLimits) -> String {
        "lists and maps nest deeper than \(limits.maxDepth) levels"
    }

    /// The message for a repeated key.
    static func duplicateKeyMessage(_ key: String, first: SourcePosition) -> String {
        "duplicate key '\(key)' (first defined at \(first))"
    }
}
