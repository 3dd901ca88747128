/// A located error in a rule or config file: the file, the key's place, and what is wrong.
public struct RuleFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var position: SourcePosition
    public var message: String

    public init(file: SourceFile, range: ByteRange, message: String) {
        self.path = file.path
        self.position = file.position(ofByte: range.lowerBound)
        self.message = message
    }

    public var description: String { "\(path):\(position.line):\(position.column): error: \(message)" }
}

/// The kind-specific keys of a rule file, read with typed, located errors.
/// Config overrides replace individual keys (see `overriding`).
public struct RuleParameters: Sendable {
    /// Key → value node and the file the value was written in.
    public private(set) var values: [String: (node: Node, keyRange: ByteRange, file: SourceFile)]

    public init(values: [String: (node: Node, keyRange: ByteRange, file: SourceFile)] = [:]) {
        self.values = values
    }

    public var keys: [String] { Array(values.keys) }

    /// A copy with `key` set from another file (a config override).
    public func overriding(_ key: String, with node: Node, keyRange: ByteRange, file: SourceFile) -> RuleParameters {
        var copy = self
        copy.values[key] = (node, keyRange, file)
        return copy
    }

    private func error(_ key: String, _ message: String) -> RuleFileError {
        let value = values[key]!
        return RuleFileError(file: value.file, range: value.node.range, message: "'\(key)' \(message)")
    }

    public func has(_ key: String) -> Bool { values[key] != nil }

    public func string(_ key: String) throws(RuleFileError) -> String? {
        guard let value = values[key] else { return nil }
        guard let scalar = value.node.scalar, scalar.type != .null else { throw error(key, "must be a string, not \(value.node.typeDescription)") }
        return scalar.text
    }

    public func double(_ key: String) throws(RuleFileError) -> Double? {
        guard let value = values[key] else { return nil }
        guard let number = value.node.scalar?.number else { throw error(key, "must be a number, not \(value.node.typeDescription)") }
        return number
    }

    public func int(_ key: String) throws(RuleFileError) -> Int? {
        guard let value = values[key] else { return nil }
        guard let scalar = value.node.scalar, scalar.type == .integer, let number = Int(scalar.text) else {
            throw error(key, "must be a whole number, not \(value.node.typeDescription)")
        }
        return number
    }

    public func bool(_ key: String) throws(RuleFileError) -> Bool? {
        guard let value = values[key] else { return nil }
        guard let flag = value.node.scalar?.bool else { throw error(key, "must be true or false, not \(value.node.typeDescription)") }
        return flag
    }

    public func stringList(_ key: String) throws(RuleFileError) -> [String]? {
        guard let value = values[key] else { return nil }
        guard let items = value.node.list else { throw error(key, "must be a list of strings, not \(value.node.typeDescription)") }
        var strings: [String] = []
        for item in items {
            guard let scalar = item.scalar, scalar.type != .null else {
                throw RuleFileError(file: value.file, range: item.range, message: "'\(key)' must be a list of strings; this item is \(item.typeDescription)")
            }
            strings.append(scalar.text)
        }
        return strings
    }

    /// A map of string to string (`replacements: {utilize: use}`).
    public func stringMap(_ key: String) throws(RuleFileError) -> [(key: String, value: String)]? {
        guard let value = values[key] else { return nil }
        guard let entries = value.node.map else { throw error(key, "must be a map of strings, not \(value.node.typeDescription)") }
        var pairs: [(key: String, value: String)] = []
        for entry in entries {
            guard let text = entry.value.scalar?.text else {
                throw RuleFileError(file: value.file, range: entry.value.range, message: "'\(key).\(entry.key)' must be a string")
            }
            pairs.append((entry.key, text))
        }
        return pairs
    }

    /// The node of `key` for kinds that read structured parameters themselves.
    public func node(_ key: String) -> (node: Node, file: SourceFile)? {
        values[key].map { ($0.node, $0.file) }
    }

    /// A located error about `key`'s value, for kinds that validate further.
    public func invalid(_ key: String, _ message: String) -> RuleFileError {
        error(key, message)
    }
}
