/// The fields a profile document may have (SPEC §1.1) and the shape of each.
/// Every field is optional here; rules decide what is required.
public enum ProfileSchema {
    /// The shape a field's value must have.
    public indirect enum Shape: Sendable {
        /// Any scalar but null: the text as written (`title: 2024` is the text "2024").
        case text
        /// An integer or a decimal number, unquoted.
        case number
        /// `true` or `false` (YAML 1.1 also accepts yes/no/on/off).
        case boolean
        /// A year or a date: a number (`2021`) or text (`2021-03`, `present`).
        case date
        /// A number, or a map `{amount: NUMBER, currency: TEXT}`.
        case money
        /// A list whose items all have one shape.
        case list(Shape)
        /// A map with known keys.
        case record(Record)
        /// The first of several shapes that fits.
        case either([Shape])
    }

    /// A map with known keys, each with its shape.
    public struct Record: Sendable {
        /// What one such map is called in messages ("portfolio item").
        public var name: String
        public var fields: [(key: String, shape: Shape)]

        /// A record called `name` in messages, with its fields in order.
        public init(name: String, fields: [(key: String, shape: Shape)]) {
            self.name = name
            self.fields = fields
        }

        /// The shape of the field `key`, or nil when the record has no such field.
        public func shape(of key: String) -> Shape? {
            fields.first(where: { $0.key == key })?.shape
        }

        /// The field names, in schema order.
        public var keys: [String] { fields.map(\.key) }
    }

    /// An item of `portfolio`.
    public static let portfolioItem = Record(name: "portfolio item", fields: [
        ("title", .text), ("description", .text), ("role", .text), ("skills", .list(.text)),
        ("url", .text), ("media", .either([.text, .list(.text)])),
    ])

    /// An item of `project_catalog`.
    public static let catalogProject = Record(name: "project", fields: [
        ("title", .text), ("description", .text), ("price", .money), ("tags", .list(.text)),
    ])

    /// An item of `employment`.
    public static let employmentEntry = Record(name: "employment entry", fields: [
        ("company", .text), ("role", .text), ("from", .date), ("to", .date), ("description", .text),
    ])

    /// An item of `education`.
    public static let educationEntry = Record(name: "education entry", fields: [
        ("school", .text), ("degree", .text), ("field", .text), ("from", .date), ("to", .date),
    ])

    /// An item of `certifications`.
    public static let certification = Record(name: "certification", fields: [
        ("name", .text), ("issuer", .text), ("year", .date),
    ])

    /// An item of `languages` written as a map (a name alone is accepted too).
    public static let language = Record(name: "language", fields: [("name", .text), ("level", .text)])

    /// The `availability` map.
    public static let availability = Record(name: "availability", fields: [
        ("hours_per_week", .number), ("badge", .boolean),
    ])

    /// The map form of a money value (`hourly_rate`, `price`).
    public static let moneyAmount = Record(name: "amount", fields: [("amount", .number), ("currency", .text)])

    /// One entry of `specialized_profiles`: the fields a specialized profile has of its own.
    public static let specializedProfile = Record(name: "specialized profile", fields: [
        ("title", .text), ("overview", .text), ("skills", .list(.text)), ("hourly_rate", .money),
        ("portfolio", .list(.record(portfolioItem))), ("project_catalog", .list(.record(catalogProject))),
        ("video", .text),
    ])

    /// The top level of a profile document.
    public static let profile = Record(name: "profile", fields: [
        ("title", .text), ("overview", .text), ("skills", .list(.text)), ("hourly_rate", .money),
        ("portfolio", .list(.record(portfolioItem))), ("employment", .list(.record(employmentEntry))),
        ("education", .list(.record(educationEntry))), ("certifications", .list(.record(certification))),
        ("languages", .list(.either([.record(language), .text]))), ("availability", .record(availability)),
        ("video", .text), ("photo", .text), ("project_catalog", .list(.record(catalogProject))),
        ("specialized_profiles", .list(.record(specializedProfile))),
    ])
}

extension ProfileSchema.Shape {
    /// What the shape is, for messages: "a list of strings".
    var description: String {
        switch self {
        case .text: "text"
        case .number: "a number"
        case .boolean: "true or false"
        case .date: "a year or a date"
        case .money: "a number or a map {amount, currency}"
        case .list(let item): "a list of \(item.pluralDescription)"
        case .record: "a map"
        case .either(let shapes): shapes.map(\.description).joined(separator: " or ")
        }
    }

    /// The plural for "a list of ...".
    var pluralDescription: String {
        switch self {
        case .text: "strings"
        case .number: "numbers"
        case .boolean: "booleans"
        case .date: "years or dates"
        case .money: "amounts"
        case .list: "lists"
        case .record: "maps"
        case .either(let shapes): shapes.map(\.pluralDescription).joined(separator: " or ")
        }
    }
}

/// Checks a loaded document against `ProfileSchema`: reports wrong types (`invalid-type`,
/// error) and unknown keys (`unknown-key`, warning), and returns the tree without
/// them, so rules see only well-typed values. A null value fits any field (rules
/// treat it as empty).
struct ProfileSchemaValidator {
    private(set) var diagnostics: [Diagnostic] = []

    /// The profile's root, cleaned.
    mutating func validate(root: Node) -> Node? {
        guard root.map != nil else {
            diagnostics.append(Diagnostic(ruleID: BuiltInCheck.invalidType.id, severity: BuiltInCheck.invalidType.severity,
                                          message: "a profile must be a map of fields, not \(root.typeDescription)",
                                          range: root.range))
            return nil
        }
        return validate(root, shape: .record(ProfileSchema.profile), place: Place(path: "", label: nil, key: "profile"))
    }

    /// Where a value sits: its field path, and how messages name its container.
    struct Place {
        /// `portfolio[1].skills`.
        var path: String
        /// "portfolio item 2" (nil at the top level).
        var label: String?
        /// The key the value is under ("skills"), used in messages.
        var key: String
        /// Whether the value is an item of a list (then `label` names it).
        var isItem = false

        /// The place of field `key` of the map here; messages name the map first
        /// ("availability: badge", "portfolio item 2: title"), except at the top level.
        func child(key: String) -> Place {
            let childLabel = isItem || path.isEmpty ? label : subject
            return Place(path: path.isEmpty ? key : "\(path).\(key)", label: childLabel, key: key)
        }

        func item(_ index: Int, record: ProfileSchema.Record) -> Place {
            let name = "\(record.name) \(index + 1)"
            return Place(path: "\(path)[\(index)]", label: label.map { "\($0), \(name)" } ?? name, key: key, isItem: true)
        }

        /// "skills" or "portfolio item 2: skills".
        var subject: String { label.map { "\($0): \(key)" } ?? key }

        /// How messages name a map at this place: "portfolio item 2", "availability".
        var container: String { isItem ? (label ?? key) : subject }
    }

    private mutating func validate(_ node: Node, shape: ProfileSchema.Shape, place: Place) -> Node? {
        switch shape {
        case .text, .boolean, .date:
            if shape.accepts(node) { return node }
        case .number:
            if shape.accepts(node) { return finiteNumber(node, place: place) }
        case .money:
            if node.map == nil, shape.accepts(node) { return finiteNumber(node, place: place) }
            if node.map != nil {
                guard let cleaned = validate(node, shape: .record(ProfileSchema.moneyAmount), place: place) else { return nil }
                if cleaned["amount"] == nil {
                    report(node.range, place, "\(place.subject) must have an amount (a number)")
                    return nil
                }
                return cleaned
            }
        case .list(let item):
            if let items = node.list { return validateList(node, items: items, item: item, place: place) }
        case .record(let record):
            if let entries = node.map { return validateRecord(node, entries: entries, record: record, place: place) }
        case .either(let shapes):
            // The first shape of the right kind (map, list or scalar) decides.
            if let candidate = shapes.first(where: { $0.accepts(node) }) {
                return validate(node, shape: candidate, place: place)
            }
        }
        reportWrongType(node, shape: shape, place: place)
        return nil
    }

    private mutating func validateList(_ node: Node, items: [Node], item: ProfileSchema.Shape, place: Place) -> Node {
        var kept: [Node] = []
        for (index, element) in items.enumerated() {
            let itemPlace: Place
            if let record = item.record(for: element) {
                itemPlace = place.item(index, record: record)
            } else {
                itemPlace = Place(path: "\(place.path)[\(index)]", label: place.label, key: place.key)
            }
            guard item.accepts(element) else {
                // One message names the list and the item: "skills must be a list of strings; item 3 is a map".
                diagnostics.append(Diagnostic(
                    ruleID: BuiltInCheck.invalidType.id, severity: BuiltInCheck.invalidType.severity,
                    message: "\(place.subject) must be \(ProfileSchema.Shape.list(item).description); item \(index + 1) is \(element.typeDescription)",
                    range: element.range, fieldPath: itemPlace.path))
                continue
            }
            if item.isLeaf {
                kept.append(element)
            } else if let cleaned = validate(element, shape: item, place: itemPlace) {
                kept.append(cleaned)
            }
        }
        return Node(.list(kept), range: node.range)
    }

    private mutating func validateRecord(_ node: Node, entries: [MapEntry], record: ProfileSchema.Record,
                                         place: Place) -> Node {
        var kept: [MapEntry] = []
        var seen: Set<String> = []
        for entry in entries {
            // A repeated key is reported by the loader (duplicate-key); the first one counts.
            guard seen.insert(entry.key).inserted else { continue }
            let childPlace = place.child(key: entry.key)
            guard let shape = record.shape(of: entry.key) else {
                var message = "unknown key '\(entry.key)' in \(place.container)"
                var fixes: [Fix] = []
                if let suggestion = Suggestion.closest(to: entry.key, in: record.keys) {
                    message += "; did you mean '\(suggestion)'?"
                    // Renaming is offered only when it cannot collide with a key already there.
                    if !entries.contains(where: { $0.key == suggestion }) {
                        fixes.append(Fix(description: "rename '\(entry.key)' to '\(suggestion)'",
                                         edits: [TextEdit(range: Self.keyTextRange(entry), replacement: suggestion)]))
                    }
                } else {
                    message += " (known keys: \(record.keys.joined(separator: ", ")))"
                }
                diagnostics.append(Diagnostic(ruleID: BuiltInCheck.unknownKey.id, severity: BuiltInCheck.unknownKey.severity, message: message,
                                              range: entry.keyRange, fieldPath: childPlace.path, fixes: fixes))
                continue
            }
            // A null value is not a type error: it stays, and rules see an empty field.
            if entry.value.scalar?.type == .null {
                kept.append(entry)
                continue
            }
            if let cleaned = validate(entry.value, shape: shape, place: childPlace) {
                kept.append(MapEntry(key: entry.key, keyRange: entry.keyRange, value: cleaned))
            }
        }
        return Node(.map(kept), range: node.range)
    }

    /// The bytes of a key's text: inside its quotes when it is quoted (and written
    /// without escapes), else the whole key.
    static func keyTextRange(_ entry: MapEntry) -> ByteRange {
        let range = entry.keyRange
        if range.count == entry.key.utf8.count + 2 { return ByteRange(range.lowerBound + 1, range.upperBound - 1) }
        return range
    }

    /// The number node, or nil (reported) when it holds no amount: `.nan`, `.inf`, or digits
    /// too many for any number (`1` and 400 zeros).
    private mutating func finiteNumber(_ node: Node, place: Place) -> Node? {
        guard let scalar = node.scalar, let number = scalar.number, !number.isFinite else { return node }
        let written = scalar.text.count > 24 ? "\(scalar.text.prefix(20))… (\(scalar.text.count) characters)" : scalar.text
        report(node.range, place, "\(place.subject) must be a finite number; found \(written)")
        return nil
    }

    private mutating func report(_ range: ByteRange, _ place: Place, _ message: String, fixes: [Fix] = []) {
        diagnostics.append(Diagnostic(ruleID: BuiltInCheck.invalidType.id, severity: BuiltInCheck.invalidType.severity, message: message,
                                      range: range, fieldPath: place.path, fixes: fixes))
    }

    private mutating func reportWrongType(_ node: Node, shape: ProfileSchema.Shape, place: Place) {
        var message = "\(place.subject) must be \(shape.description); found \(node.typeDescription)"
        var fixes: [Fix] = []
        switch shape {
        case .number, .money:
            // "$85" or "85" in quotes: say how to write it, and offer the edit.
            if let scalar = node.scalar, scalar.type == .string, let amount = Self.plainAmount(scalar.text) {
                message += " (\"\(scalar.text)\"); write \(amount) without quotes or currency sign"
                fixes.append(Fix(description: "write \(amount)", edits: [TextEdit(range: node.range, replacement: amount)]))
            }
        case .list(.text):
            if let text = node.scalar?.text, text.contains(",") {
                message += "; write the items as a list, such as [\(text.split(separator: ",").map { $0.trimmingSpaces }.joined(separator: ", "))]"
            }
        default:
            break
        }
        report(node.range, place, message, fixes: fixes)
    }

    /// The number in text such as "85", "$85", "85.50 $" (digits with at most one
    /// currency sign), or nil.
    static func plainAmount(_ text: String) -> String? {
        var core = text.trimmingSpaces
        for sign in ["$", "€", "£"] {
            if core.hasPrefix(sign) { core = String(core.dropFirst()).trimmingSpaces; break }
            if core.hasSuffix(sign) { core = String(core.dropLast()).trimmingSpaces; break }
        }
        guard !core.isEmpty, core.first != ".", core.last != ".",
              core.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              core.filter({ $0 == "." }).count <= 1 else { return nil }
        return core
    }
}

private extension ProfileSchema.Shape {
    /// The record `node` is checked as (for naming list items in messages), if any.
    func record(for node: Node) -> ProfileSchema.Record? {
        switch self {
        case .record(let record): record
        case .either(let shapes): shapes.first(where: { $0.accepts(node) })?.record(for: node)
        default: nil
        }
    }

    /// Shapes whose errors are reported on the list that holds them.
    var isLeaf: Bool {
        switch self {
        case .text, .number, .boolean, .date: true
        default: false
        }
    }

    /// Whether `node` is of the right kind at the first level (a map for a record, a
    /// list for a list, a fitting scalar for a leaf); nested fields are checked later.
    func accepts(_ node: Node) -> Bool {
        switch self {
        case .text: node.scalar.map { $0.type != .null } ?? false
        case .number: node.scalar.map { $0.type == .integer || $0.type == .float } ?? false
        case .boolean: node.scalar?.type == .boolean
        case .date: node.scalar.map { $0.type != .null && $0.type != .boolean } ?? false
        case .money: node.map != nil || (node.scalar.map { $0.type == .integer || $0.type == .float } ?? false)
        case .list: node.list != nil
        case .record: node.map != nil
        case .either(let shapes): shapes.contains { $0.accepts(node) }
        }
    }
}

private extension StringProtocol {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
