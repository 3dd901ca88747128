import ProfileModel

/// Which columns of one corpus file each post field is read from, decided once per file so
/// every post of the file reads the same columns and a file whose columns mean nothing is
/// reported once (not once per post). A field reads, in order: its `column_map` column alone;
/// else the built-in names (`PostFieldMapper.aliases`); else a column that is one of those
/// names once decorations are dropped (`description_html`, `Job Description (text)`,
/// `Tags List`, `skillNames`): scraped exports name the same field many ways.
package struct FieldColumns: Sendable {
    /// Field → the normalized columns tried for each post, first present and non-null wins.
    let candidates: [String: [String]]
    /// The file's columns no field reads, as first written.
    let unread: [String]
    /// The file's columns, as first written.
    let columns: [String]
    /// The first post's column names, as written, and where each field's columns sit among
    /// them: every row of a table (and most objects of a JSON file) has these, in this order.
    private let layout: [String]
    private let layoutSlots: FieldSlots

    /// Words that qualify a column name without changing the field it holds.
    static let decorations: Set<String> = [
        "html", "text", "raw", "clean", "cleaned", "full", "plain", "str", "string", "value", "values", "list",
        "array", "md", "markdown", "original", "stripped", "names", "job", "jobs", "post", "posting", "listing",
        "project", "gig", "offer", "the", "of", "csv", "required", "needed",
    ]

    /// The fields whose absence makes the advice wrong rather than poorer: reported when the file
    /// has columns nobody reads.
    static let essentialFields = ["title", "description", "skills"]

    /// `columns`: the file's column names as written, each once, in order; `layout`: the first
    /// post's column names, as written.
    init(columns: [String], layout: [String] = [], mapper: PostFieldMapper) {
        let normalized = columns.map(PostFieldMapper.normalizeKey)
        let present = Set(normalized)
        var candidates: [String: [String]] = [:]
        for field in PostFieldMapper.fieldNames {
            if let column = mapper.columnMap[field] {
                candidates[field] = [column]
            } else {
                candidates[field] = (PostFieldMapper.aliases[field] ?? []).filter(present.contains)
            }
        }
        // Decorated names only for the fields still without a column, and only from columns
        // no field reads by name.
        var read = Set(candidates.values.joined())
        for field in PostFieldMapper.fieldNames where candidates[field]!.isEmpty {
            let bare = Set((PostFieldMapper.aliases[field] ?? []).map { Self.singular(Self.bareName($0)) })
            let chosen = normalized.filter { column in
                let name = Self.singular(Self.bareName(column))
                return !read.contains(column) && !name.isEmpty && bare.contains(name)
            }
            candidates[field] = chosen
            read.formUnion(chosen)
        }
        self.candidates = candidates
        self.columns = columns
        self.unread = zip(columns, normalized).filter { !read.contains($0.1) }.map(\.0)
        self.layout = layout
        self.layoutSlots = FieldSlots(keys: layout, candidates: candidates)
    }

    /// The columns of `raws` as first written, each once, in the order met.
    init(of raws: [RawPost], mapper: PostFieldMapper) {
        var seen = Set<String>()
        var columns: [String] = []
        var previous: [(key: String, value: RawValue)] = []
        for raw in raws {
            // Nearly every post has the keys of the one before (every row of a table): no new
            // column, found without hashing each key of each post (this runs on one thread).
            if raw.fields.count == previous.count, raw.fields.indices.allSatisfy({ raw.fields[$0].key == previous[$0].key }) {
                continue
            }
            for (key, _) in raw.fields where seen.insert(key).inserted { columns.append(key) }
            previous = raw.fields
        }
        self.init(columns: columns, layout: raws.first?.fields.map(\.key) ?? [], mapper: mapper)
    }

    /// The columns of a table's header row (`keys`, as written).
    init(header keys: [String], mapper: PostFieldMapper) {
        var seen = Set<String>()
        self.init(columns: keys.filter { seen.insert($0).inserted }, layout: keys, mapper: mapper)
    }

    /// Per column of the first post's layout, whether some field reads it (a table reader
    /// leaves the others unread).
    var layoutColumnsRead: [Bool] {
        var read = [Bool](repeating: false, count: layout.count)
        for field in PostField.allCases {
            for position in layoutSlots[field] { read[position] = true }
        }
        return read
    }

    /// Where each field's columns sit among the fields of `raw`.
    func slots(of raw: RawPost) -> FieldSlots {
        if raw.fields.count == layout.count, zip(raw.fields, layout).allSatisfy({ $0.key == $1 }) { return layoutSlots }
        return FieldSlots(keys: raw.fields.map(\.key), candidates: candidates)
    }

    /// A column name without its decorations and punctuation: `Job Description (HTML)` →
    /// `description`, `tags_list` → `tags`.
    static func bareName(_ normalized: String) -> String {
        normalized.split { !($0.isLetter || $0.isNumber) }.map(String.init)
            .filter { !decorations.contains($0) }.joined(separator: "_")
    }

    /// `categories` → `category`, `skills` → `skill`: singular and plural names are one.
    static func singular(_ name: String) -> String {
        if name.hasSuffix("ies") { return name.dropLast(3) + "y" }
        if name.hasSuffix("s") && !name.hasSuffix("ss") { return String(name.dropLast()) }
        return name
    }

    /// Whether posts can get a title or a description from this file.
    var readsText: Bool { !(candidates["title"] ?? []).isEmpty || !(candidates["description"] ?? []).isEmpty }

    /// What a user must know about the file's columns, located at its start: a file nothing
    /// can be read from (an error: its posts are skipped), a `column_map` column the file
    /// lacks, and an essential field no column gives while some columns are unread.
    func issues(path: String, mapper: PostFieldMapper) -> [CorpusIssue] {
        guard !columns.isEmpty else { return [] }
        let start = PostLocation(path: path, line: 1)
        let listed = Self.listing(columns)
        guard readsText else {
            return [CorpusIssue(start, "no column is read as a post's title or description (columns: \(listed)); name them with --column title=COLUMN and --column description=COLUMN (or the configuration's column_map); file skipped",
                                severity: .error)]
        }
        var issues: [CorpusIssue] = []
        let present = Set(columns.map(PostFieldMapper.normalizeKey))
        for field in PostFieldMapper.fieldNames {
            guard let column = mapper.columnMap[field], !present.contains(column) else { continue }
            issues.append(CorpusIssue(start, "the column map reads '\(field)' from '\(column)', which this file does not have (columns: \(listed))"))
        }
        guard !unread.isEmpty else { return issues }
        for field in Self.essentialFields where (candidates[field] ?? []).isEmpty && mapper.columnMap[field] == nil {
            issues.append(CorpusIssue(start, "no column is read as '\(field)' (columns not read: \(Self.listing(unread))); if one holds it, name it with --column \(field)=COLUMN"))
        }
        return issues
    }

    /// Up to 12 names, quoted, then how many more.
    private static func listing(_ names: [String]) -> String {
        let shown = names.prefix(12).map { "'\($0)'" }.joined(separator: ", ")
        return names.count > 12 ? shown + " and \(names.count - 12) more" : shown
    }
}
