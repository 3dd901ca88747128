import Foundation
import ProfileText
import ProfileModel

/// The kind-specific keys of a rule file, read with typed, located errors.
/// Config overrides replace individual keys (see `overriding`).
package struct RuleParameters: Sendable {
    /// Key → value node and the file the value was written in.
    package private(set) var values: [String: (node: Node, keyRange: ByteRange, file: SourceFile)]

    package init(values: [String: (node: Node, keyRange: ByteRange, file: SourceFile)] = [:]) {
        self.values = values
    }

    package var keys: [String] { Array(values.keys) }

    /// A copy with `key` set from another file (a config override).
    package func overriding(_ key: String, with node: Node, keyRange: ByteRange, file: SourceFile) -> RuleParameters {
        var copy = self
        copy.values[key] = (node, keyRange, file)
        return copy
    }

    private func error(_ key: String, _ message: String) -> RuleFileError {
        let value = values[key]!
        return RuleFileError(file: value.file, range: value.node.range, message: "'\(key)' \(message)")
    }

    func has(_ key: String) -> Bool { values[key] != nil }

    package func string(_ key: String) throws(RuleFileError) -> String? {
        guard let value = values[key] else { return nil }
        guard let scalar = value.node.scalar, scalar.type != .null else { throw error(key, "must be a string, not \(value.node.typeDescription)") }
        return scalar.text
    }

    package func double(_ key: String) throws(RuleFileError) -> Double? {
        guard let value = values[key] else { return nil }
        guard let number = value.node.scalar?.number else { throw error(key, "must be a number, not \(value.node.typeDescription)") }
        return number
    }

    package func int(_ key: String) throws(RuleFileError) -> Int? {
        guard let value = values[key] else { return nil }
        guard let scalar = value.node.scalar, scalar.type == .integer else {
            throw error(key, "must be a whole number, not \(value.node.typeDescription)")
        }
        if let problem = scalar.integerRangeProblem { throw error(key, problem) }
        return scalar.integer ?? 0
    }

    package func bool(_ key: String) throws(RuleFileError) -> Bool? {
        guard let value = values[key] else { return nil }
        guard let flag = value.node.scalar?.bool else { throw error(key, "must be true or false, not \(value.node.typeDescription)") }
        return flag
    }

    func stringList(_ key: String) throws(RuleFileError) -> [String]? {
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
    func stringMap(_ key: String) throws(RuleFileError) -> [(key: String, value: String)]? {
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

    /// A whole number that is at least `minimum` (`0` for counts and lengths).
    package func int(_ key: String, atLeast minimum: Int) throws(RuleFileError) -> Int? {
        guard let number = try int(key) else { return nil }
        if number < minimum { throw error(key, "must be at least \(minimum), not \(number)") }
        return number
    }

    /// A number within `bounds`.
    package func double(_ key: String, in bounds: ClosedRange<Double>) throws(RuleFileError) -> Double? {
        guard let number = try double(key) else { return nil }
        if !bounds.contains(number) {
            throw error(key, "must be between \(Self.format(bounds.lowerBound)) and \(Self.format(bounds.upperBound)), not \(Self.format(number))")
        }
        return number
    }

    /// A string that is one of `choices`.
    func choice(_ key: String, _ choices: [String]) throws(RuleFileError) -> String? {
        guard let text = try string(key) else { return nil }
        guard choices.contains(text) else {
            let hint = Suggestion.closest(to: text, in: choices).map { "; did you mean '\($0)'?" } ?? ""
            throw error(key, "must be one of \(choices.joined(separator: ", ")), not '\(text)'\(hint)")
        }
        return text
    }

    /// A list of strings, each one of `choices`.
    func choiceList(_ key: String, _ choices: [String]) throws(RuleFileError) -> [String]? {
        guard let items = try stringList(key) else { return nil }
        for (index, item) in items.enumerated() where !choices.contains(item) {
            let itemNode = values[key]!.node.list![index]
            let hint = Suggestion.closest(to: item, in: choices).map { "; did you mean '\($0)'?" } ?? ""
            throw RuleFileError(file: values[key]!.file, range: itemNode.range,
                                message: "'\(key)' items must be one of \(choices.joined(separator: ", ")), not '\(item)'\(hint)")
        }
        return items
    }

    /// A non-empty list of non-empty strings.
    func nonEmptyStringList(_ key: String) throws(RuleFileError) -> [String]? {
        guard let items = try stringList(key) else { return nil }
        if items.isEmpty { throw error(key, "must not be an empty list") }
        for (index, item) in items.enumerated() where item.trimmingCharacters(in: .whitespaces).isEmpty {
            throw RuleFileError(file: values[key]!.file, range: values[key]!.node.list![index].range,
                                message: "'\(key)' items must not be empty")
        }
        return items
    }

    /// An ICU regular expression (`NSRegularExpression` syntax), run with a time limit;
    /// an invalid one is a located error.
    func regex(_ key: String, caseInsensitive: Bool = false) throws(RuleFileError) -> UserPattern? {
        guard let pattern = try string(key) else { return nil }
        if pattern.isEmpty { throw error(key, "must not be empty") }
        do {
            return try UserPattern(pattern, caseInsensitive: caseInsensitive)
        } catch {
            guard case .invalid(let name, let offset) = error else { throw self.error(key, "is not a valid regular expression") }
            throw self.error(key, "is not a valid regular expression: \(name)" + (offset.map { " at character \($0 + 1)" } ?? ""))
        }
    }

    /// Throws a located error at `upperKey` when both bounds are set and `lower > upper`.
    func requireOrdered<Number: Comparable>(_ lowerKey: String, _ lower: Number?, _ upperKey: String, _ upper: Number?) throws(RuleFileError) {
        if let lower, let upper, lower > upper {
            throw error(upperKey, "must not be less than '\(lowerKey)' (\(lower) > \(upper))")
        }
    }

    /// Numbers for messages: `3` rather than `3.0`.
    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }

    /// The node of `key` for kinds that read structured parameters themselves.
    package func node(_ key: String) -> (node: Node, file: SourceFile)? {
        values[key].map { ($0.node, $0.file) }
    }

    /// A located error about `key`'s value, for kinds that validate further.
    package func invalid(_ key: String, _ message: String) -> RuleFileError {
        error(key, message)
    }
}
