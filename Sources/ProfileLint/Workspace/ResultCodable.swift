import ProfileCorpus
import ProfileModel

/// A value the lint result cache stores in binary: its fields written in a fixed order
/// (integers and doubles as 8 little-endian bytes, strings and arrays after their length,
/// optionals after a 0/1 tag), read back in that order. A read past the end or a tag out of
/// range gives nil, and the whole entry is then a miss. (JSON's `Codable` took most of a
/// replay's decoding time and its conformance lookups at start-up.)
protocol ResultCodable {
    func write(to writer: inout BinaryWriter)
    init?(reading reader: inout BinaryReader)
}

extension BinaryWriter {
    mutating func write(_ value: some ResultCodable) { value.write(to: &self) }
}

extension BinaryReader {
    mutating func read<Value: ResultCodable>(_: Value.Type = Value.self) -> Value? { Value(reading: &self) }
}

extension ResultCodable {
    /// The value's bytes.
    var encoded: [UInt8] {
        var writer = BinaryWriter()
        write(to: &writer)
        return writer.bytes
    }

    /// The value `bytes` hold, nil unless they hold exactly one.
    init?(decoding bytes: ArraySlice<UInt8>) {
        guard let value = bytes.withUnsafeBytes({ buffer -> Self? in
            var reader = BinaryReader(bytes: buffer)
            guard let value = reader.read(Self.self), reader.atEnd else { return nil }
            return value
        }) else { return nil }
        self = value
    }
}

// MARK: Values

extension String: ResultCodable {
    func write(to writer: inout BinaryWriter) { writer.string(self) }
    init?(reading reader: inout BinaryReader) {
        guard let value = reader.string() else { return nil }
        self = value
    }
}

extension Int: ResultCodable {
    func write(to writer: inout BinaryWriter) { writer.u64(UInt64(bitPattern: Int64(self))) }
    init?(reading reader: inout BinaryReader) {
        guard let value = reader.u64() else { return nil }
        self = Int(truncatingIfNeeded: Int64(bitPattern: value))
    }
}

extension Double: ResultCodable {
    func write(to writer: inout BinaryWriter) { writer.u64(bitPattern) }
    init?(reading reader: inout BinaryReader) {
        guard let value = reader.u64() else { return nil }
        self = Double(bitPattern: value)
    }
}

extension Bool: ResultCodable {
    func write(to writer: inout BinaryWriter) { writer.u8(self ? 1 : 0) }
    init?(reading reader: inout BinaryReader) {
        guard let value = reader.u8(), value <= 1 else { return nil }
        self = value == 1
    }
}

extension Optional: ResultCodable where Wrapped: ResultCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(self != nil)
        if let self { writer.write(self) }
    }
    init?(reading reader: inout BinaryReader) {
        guard let present = reader.read(Bool.self) else { return nil }
        guard present else {
            self = .none
            return
        }
        guard let value = reader.read(Wrapped.self) else { return nil }
        self = .some(value)
    }
}

extension Array: ResultCodable where Element: ResultCodable {
    func write(to writer: inout BinaryWriter) {
        writer.u32(UInt32(count))
        for element in self { writer.write(element) }
    }
    /// (Every element takes at least one byte, so a damaged count cannot reserve much.)
    init?(reading reader: inout BinaryReader) {
        guard let count = reader.count(elementSize: 1) else { return nil }
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count {
            guard let element = reader.read(Element.self) else { return nil }
            elements.append(element)
        }
        self = elements
    }
}

/// Scores by name, in key order (the same scores give the same bytes).
extension Dictionary: ResultCodable where Key == String, Value == Double {
    func write(to writer: inout BinaryWriter) {
        writer.u32(UInt32(count))
        for (name, score) in sorted(by: { $0.key < $1.key }) {
            writer.write(name)
            writer.write(score)
        }
    }
    init?(reading reader: inout BinaryReader) {
        guard let count = reader.count(elementSize: 12) else { return nil }
        var scores: [String: Double] = [:]
        for _ in 0..<count {
            guard let name = reader.read(String.self), let score = reader.read(Double.self),
                  scores.updateValue(score, forKey: name) == nil else { return nil }
        }
        self = scores
    }
}

extension Severity: ResultCodable {
    func write(to writer: inout BinaryWriter) { writer.write(rawValue) }
    init?(reading reader: inout BinaryReader) {
        guard let value = reader.read(String.self).flatMap(Severity.init(rawValue:)) else { return nil }
        self = value
    }
}

// MARK: Findings

extension ByteRange: ResultCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(lowerBound)
        writer.write(upperBound)
    }
    init?(reading reader: inout BinaryReader) {
        guard let lower = reader.read(Int.self), let upper = reader.read(Int.self), lower <= upper else { return nil }
        self.init(lower, upper)
    }
}

extension TextEdit: ResultCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(range)
        writer.write(replacement)
    }
    init?(reading reader: inout BinaryReader) {
        guard let range = reader.read(ByteRange.self), let replacement = reader.read(String.self) else { return nil }
        self.init(range: range, replacement: replacement)
    }
}

extension Fix: ResultCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(description)
        writer.write(edits)
    }
    init?(reading reader: inout BinaryReader) {
        guard let description = reader.read(String.self), let edits = reader.read([TextEdit].self) else { return nil }
        self.init(description: description, edits: edits)
    }
}

extension Note: ResultCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(message)
        writer.write(range)
    }
    init?(reading reader: inout BinaryReader) {
        guard let message = reader.read(String.self), let range = reader.read(ByteRange?.self) else { return nil }
        self.init(message, range: range)
    }
}

extension Diagnostic: ResultCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(ruleID)
        writer.write(severity)
        writer.write(message)
        writer.write(range)
        writer.write(fieldPath)
        writer.write(notes)
        writer.write(fixes)
    }
    init?(reading reader: inout BinaryReader) {
        guard let ruleID = reader.read(String.self), let severity = reader.read(Severity.self),
              let message = reader.read(String.self), let range = reader.read(ByteRange.self),
              let fieldPath = reader.read(String.self), let notes = reader.read([Note].self),
              let fixes = reader.read([Fix].self) else { return nil }
        self.init(ruleID: ruleID, severity: severity, message: message, range: range, fieldPath: fieldPath,
                  notes: notes, fixes: fixes)
    }
}

// MARK: Rule facts

extension RuleCatalog: ResultCodable {
    func write(to writer: inout BinaryWriter) { writer.write(entries) }
    init?(reading reader: inout BinaryReader) {
        guard let entries = reader.read([Entry].self) else { return nil }
        self.init(entries: entries)
    }
}

extension RuleCatalog.Entry: ResultCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(id)
        writer.write(kind)
        writer.write(severity)
        writer.write(rationale)
        writer.write(helpURI)
        writer.write(howToFix)
    }
    init?(reading reader: inout BinaryReader) {
        guard let id = reader.read(String.self), let kind = reader.read(String.self), let severity = reader.read(Severity.self),
              let rationale = reader.read(String.self), let helpURI = reader.read(String?.self),
              let howToFix = reader.read(String?.self) else { return nil }
        self.init(id: id, kind: kind, severity: severity, rationale: rationale, helpURI: helpURI, howToFix: howToFix)
    }
}
