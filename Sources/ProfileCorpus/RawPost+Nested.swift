extension RawPost {
    /// Every alias of every field, normalized: a nested object under one of these is the
    /// field's value (`budget: {min, max}`), not a group of fields.
    private static let fieldKeys = Set(PostFieldMapper.aliases.values.joined())

    /// `fields` with the entries of each nested object whose key names no field added as
    /// `key.entry` after the object itself (`{"job": {"title": ...}}` gives `job.title`, read
    /// as `job_title`; `{"client": {"country": ...}}` gives `client.country`), recursively. API
    /// exports group a post's fields this way; `--column title=job.title` names one.
    static func flattened(_ fields: [(key: String, value: RawValue)]) -> [(key: String, value: RawValue)] {
        guard fields.contains(where: { if case .map = $0.value { true } else { false } }) else { return fields }
        var result: [(key: String, value: RawValue)] = []
        for (key, value) in fields {
            result.append((key, value))
            guard case .map(let entries) = value, !fieldKeys.contains(PostFieldMapper.normalizeKey(key)) else { continue }
            result += flattened(entries.map { ("\(key).\($0.0)", $0.1) })
        }
        return result
    }
}
