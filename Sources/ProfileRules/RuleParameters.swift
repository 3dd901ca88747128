import Foundation
import ProfileText
import ProfileModel

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
        guard let scalar = value.node.scalar, scalar.type == .integer else {
            throw error(key, "must be a whole number, not \(value.node.typeDescription)")
        }
        if let problem = scalar.integerRangeProblem { throw error(key, problem) }
        return scalar.integer ?? 0
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

    /// A whole number within the declared range (see `ParameterSpec.outOfRange`).
    func boundedInt(_ spec: ParameterSpec) throws(RuleFileError) -> Int? {
        guard let number = try int(spec.key) else { return nil }
        if let error = spec.outOfRange(Double(number), shown: String(number), in: self) { throw error }
        return number
    }

    /// A number within the declared range.
    func boundedDouble(_ spec: ParameterSpec) throws(RuleFileError) -> Double? {
        guard let number = try double(spec.key) else { return nil }
        if let error = spec.outOfRange(number, in: self) { throw error }
        return number
    }

    /// Throws unless `items` (the list at `key`) has at least one item and no blank one.
    func requireNonEmpty(_ key: String, _ items: [String]) throws(RuleFileError) {
        if items.isEmpty { throw error(key, "must not be an empty list") }
        for (index, item) in items.enumerated() where item.trimmingCharacters(in: .whitespaces).isEmpty {
            throw invalid(key, item: index, "items must not be empty")
        }
    }

    /// Throws a located error at the upper parameter when both bounds are set and `lower > upper`.
    func requireOrdered<Number: Comparable>(_ lowerParameter: Parameter<Number?>, _ lower: Number?,
                                            _ upperParameter: Parameter<Number?>, _ upper: Number?) throws(RuleFileError) {
        if let lower, let upper, lower > upper {
            throw error(upperParameter.spec.key, "must not be less than '\(lowerParameter.spec.key)' (\(lower) > \(upper))")
        }
    }

    /// Whether the rule sets `parameter`.
    func has<Value>(_ parameter: Parameter<Value>) -> Bool { has(parameter.spec.key) }

    /// A located error about `parameter`'s value, for kinds that validate further.
    func invalid<Value>(_ parameter: Parameter<Value>, _ message: String) -> RuleFileError {
        error(parameter.spec.key, message)
    }

    /// Numbers for messages: `3` rather than `3.0`.
    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }

    /// A located error about `key`'s value, for kinds that validate further.
    public func invalid(_ key: String, _ message: String) -> RuleFileError {
        error(key, message)
    }

    /// A located error about item `index` of the list at `key` (at the key's value when it is no list).
    func invalid(_ key: String, item index: Int, _ message: String) -> RuleFileError {
        let value = values[key]!
        let items = value.node.list ?? []
        let range = items.indices.contains(index) ? items[index].range : value.node.range
        return RuleFileError(file: value.file, range: range, message: "'\(key)' \(message)")
    }
}
