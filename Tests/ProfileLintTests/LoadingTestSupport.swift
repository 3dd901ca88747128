@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Shared helpers for the loading tests.
enum LoadingTestSupport {
    /// Parses `text` as a document of `format`, failing the test on a thrown error.
    static func document(_ text: String, format: DocumentFormat = .yaml,
                         limits: LoadLimits = .default) throws -> (SourceFile, LoadedDocument) {
        let file = SourceFile(path: format == .json ? "p.json" : "p.yaml", text: text)
        return (file, try DocumentLoader.read(file, format: format, limits: limits))
    }

    /// The error reading `bytes` throws, or nil.
    static func loadError(_ bytes: [UInt8], format: DocumentFormat = .yaml,
                          limits: LoadLimits = .default) -> (SourceFile, LoadError?) {
        let file = SourceFile(path: format == .json ? "p.json" : "p.yaml", bytes: bytes)
        do {
            _ = try DocumentLoader.read(file, format: format, limits: limits)
            return (file, nil)
        } catch {
            return (file, error)
        }
    }

    static func loadError(_ text: String, format: DocumentFormat = .yaml,
                          limits: LoadLimits = .default) -> (SourceFile, LoadError?) {
        loadError(Array(text.utf8), format: format, limits: limits)
    }
}

extension SourceFile {
    /// The source text of `range`.
    func text(_ range: ByteRange) -> String {
        String(decoding: bytes[range.lowerBound..<range.upperBound], as: UTF8.self)
    }

    /// "line:col" of the start of `range` (columns in Unicode scalars).
    func start(_ range: ByteRange) -> String {
        position(ofByte: range.lowerBound).description
    }

    /// "line:col" of the end of `range`.
    func end(_ range: ByteRange) -> String {
        position(ofByte: range.upperBound).description
    }
}

extension Node {
    /// The node at a path of keys and indexes: `["portfolio", 0, "title"]`.
    func at(_ path: [any Sendable]) -> Node? {
        var node: Node? = self
        for component in path {
            if let key = component as? String { node = node?[key] }
            else if let index = component as? Int, let items = node?.list, index < items.count { node = items[index] }
            else { return nil }
        }
        return node
    }
}
