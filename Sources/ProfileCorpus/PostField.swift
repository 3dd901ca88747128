/// A field of a job post that corpus columns are mapped to; `name` is how `column_map` and
/// messages call it. Posts read their fields by this index, not by name.
package enum PostField: Int, CaseIterable, Sendable {
    case id, title, description, skills, category, budget, hourlyMin, hourlyMax, rate, fixed, currency, budgetType,
         experienceLevel, postedAt, country, url

    package var name: String {
        switch self {
        case .id: "id"
        case .title: "title"
        case .description: "description"
        case .skills: "skills"
        case .category: "category"
        case .budget: "budget"
        case .hourlyMin: "hourly_min"
        case .hourlyMax: "hourly_max"
        case .rate: "rate"
        case .fixed: "fixed"
        case .currency: "currency"
        case .budgetType: "budget_type"
        case .experienceLevel: "experience_level"
        case .postedAt: "posted_at"
        case .country: "country"
        case .url: "url"
        }
    }
}

/// Where each field's columns sit among one post's fields (positions in `RawPost.fields`, in
/// the order the field tries them), so a post reads its fields without a dictionary.
struct FieldSlots: Sendable {
    private var positions: [[Int]]

    /// `keys`: a post's column names as written; `candidates`: each field's normalized columns.
    init(keys: [String], candidates: [String: [String]]) {
        var firstPosition: [String: Int] = [:]
        for (position, key) in keys.enumerated() {
            let normalized = PostFieldMapper.normalizeKey(key)
            if firstPosition[normalized] == nil { firstPosition[normalized] = position }
        }
        positions = PostField.allCases.map { field in (candidates[field.name] ?? []).compactMap { firstPosition[$0] } }
    }

    subscript(field: PostField) -> [Int] { positions[field.rawValue] }
}
