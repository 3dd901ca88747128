import Foundation

/// `ProfileSchema` as a JSON Schema (draft 2020-12) for editors (`schemas/profile.schema.json`,
/// kept identical by a test): the same fields and shapes, so an editor flags what the linter's
/// `invalid-type` and `unknown-key` checks report.
package enum ProfileJSONSchema {
    /// Where the published schema lives (the `$id` and the modeline's URL).
    package static let url = "https://github.com/profilelint/profilelint/raw/main/schemas/profile.schema.json"

    /// The schema document, as JSON text with sorted keys.
    package static func text() -> String {
        var document = record(ProfileSchema.profile)
        document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        document["$id"] = url
        document["title"] = "profilelint profile"
        document["description"] = "A freelance-marketplace profile as profilelint reads it (YAML or JSON). Every field is optional; rules decide what is required."
        let data = try! JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func record(_ record: ProfileSchema.Record) -> [String: Any] {
        var properties: [String: Any] = [:]
        for field in record.fields { properties[field.key] = shape(field.shape) }
        return ["type": "object", "title": record.name, "properties": properties, "additionalProperties": false]
    }

    static func shape(_ shape: ProfileSchema.Shape) -> [String: Any] {
        switch shape {
        case .text: ["type": ["string", "number", "boolean"]]
        case .number: ["type": "number"]
        case .boolean: ["type": "boolean"]
        case .date: ["type": ["string", "number"]]
        case .money: ["anyOf": [["type": "number"], record(ProfileSchema.moneyAmount)]]
        case .list(let item): ["type": "array", "items": self.shape(item)]
        case .record(let fields): record(fields)
        case .either(let shapes): ["anyOf": shapes.map(self.shape)]
        }
    }
}
