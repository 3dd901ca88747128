import Foundation
import ProfileModel

/// A field value of a post as a reader found it, before it is mapped to `JobPost`.
package enum RawValue: Sendable, Equatable {
    case text(String)
    case number(Double)
    case bool(Bool)
    case list([RawValue])
    case map([(String, RawValue)])
    case null

    package static func == (lhs: RawValue, rhs: RawValue) -> Bool {
        switch (lhs, rhs) {
        case let (.text(a), .text(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.bool(a), .bool(b)): a == b
        case let (.list(a), .list(b)): a == b
        case let (.map(a), .map(b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.null, .null): true
        default: false
        }
    }

    /// The value as one line of text (numbers without a trailing `.0`), nil for null,
    /// lists and maps.
    var text: String? {
        switch self {
        case .text(let text): text
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .list, .map, .null: nil
        }
    }
}

/// The fields of one post keyed by normalized column name, and where the post is.
package struct RawPost: Sendable {
    package var fields: [(key: String, value: RawValue)]
    package var location: PostLocation

    package init(fields: [(key: String, value: RawValue)], location: PostLocation) {
        self.fields = Self.flattened(fields)
        self.location = location
    }
}

/// Maps the columns of scraped data to `JobPost` fields: built-in aliases for common
/// scraped names (`job_title`, `min_hourly_rate`, `track_name`, ...), overridden per field by
/// a `column_map` (`{description: raw_description}`); decodes lists written as strings and
/// strips HTML from text.
package struct PostFieldMapper: Sendable {
    /// The fields a post has, as `column_map` names them.
    package static let fieldNames = PostField.allCases.map(\.name)

    /// Column names tried for each field, in order (after normalization: lowercase, `_` for
    /// spaces and dashes).
    static let aliases: [String: [String]] = [
        "id": ["id", "job_id", "post_id", "uid", "ciphertext"],
        "title": ["title", "job_title", "post_title", "headline", "name"],
        "description": ["description", "job_description", "desc", "body", "text", "content", "snippet", "summary"],
        "skills": ["skills", "tags", "skill_tags", "required_skills", "skills_list", "attrs", "skillset", "skill_set",
                   "keywords", "technologies", "tech_stack"],
        "category": ["category", "track_name", "track", "job_category", "category_name", "occupation", "subcategory",
                     "label", "niche", "search_query", "search_term"],
        "budget": ["budget", "budget_range", "est_budget", "estimated_budget"],
        "hourly_min": ["hourly_min", "min_hourly_rate", "hourly_rate_min", "min_rate", "hourly_low", "rate_min"],
        "hourly_max": ["hourly_max", "max_hourly_rate", "hourly_rate_max", "max_rate", "hourly_high", "rate_max"],
        "rate": ["rate", "hourly_rate", "hourly_range", "rate_range", "pay_rate", "pay_range", "hourly_pay", "rate_per_hour"],
        "fixed": ["fixed", "fixed_price", "fixed_budget", "price", "amount", "average_budget"],
        "currency": ["currency", "budget_currency"],
        "budget_type": ["budget_type", "job_type", "payment_type", "contract_type"],
        "experience_level": ["experience_level", "experience", "level", "expertise", "contractor_tier"],
        "posted_at": ["posted_at", "published_at", "posted_on", "date_posted", "created_at", "date", "posted"],
        "country": ["country", "client_country", "client_location", "location"],
        "url": ["url", "link", "job_url", "href"],
    ]

    /// Field → the only column it reads (from the config's `column_map`).
    package let columnMap: [String: String]

    /// Throws when `columnMap` names a field posts do not have.
    package init(columnMap: [String: String] = [:]) throws(CorpusError) {
        for field in columnMap.keys.sorted() where !Self.fieldNames.contains(field) {
            let hint = Suggestion.closest(to: field, in: Self.fieldNames).map { "; did you mean '\($0)'?" } ?? ""
            throw CorpusError("column_map: unknown post field '\(field)'\(hint) (fields: \(Self.fieldNames.joined(separator: ", ")))")
        }
        self.columnMap = columnMap.mapValues(Self.normalizeKey)
    }

    /// Lowercase, with spaces, dashes and dots as `_`, and camelCase split (`jobTitle` →
    /// `job_title`).
    static func normalizeKey(_ key: String) -> String {
        // Most column names are normalized already (`job_title`): keep those as they are.
        if !key.isEmpty, key.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }) {
            return key
        }
        var result = ""
        var previousIsLower = false
        for scalar in key.unicodeScalars {
            let isUpper = scalar.properties.isUppercase
            if isUpper && previousIsLower { result.unicodeScalars.append("_") }
            previousIsLower = scalar.properties.isLowercase || ("0"..."9").contains(scalar)
            let mapped = scalar == " " || scalar == "-" || scalar == "." ? "_" : scalar
            result.unicodeScalars.append(contentsOf: String(mapped).lowercased().unicodeScalars)
        }
        return result.trimmingSpaces
    }

    /// The post, or an issue saying why it is skipped. Field-level problems (a budget that is
    /// not a number) are issues too but keep the post.
    func post(from raw: RawPost, columns: FieldColumns) -> (post: JobPost?, issues: [CorpusIssue]) {
        let slots = columns.slots(of: raw)
        func value(_ field: PostField) -> RawValue? {
            for position in slots[field] {
                let value = raw.fields[position].value
                if case .null = value { continue }
                return value
            }
            return nil
        }
        var issues: [CorpusIssue] = []
        let location = raw.location
        func text(_ field: PostField) -> String? {
            guard let value = value(field) else { return nil }
            // A list of texts: a description's paragraphs, joined; another field's first item.
            if case .list(let items) = value, items.allSatisfy({ $0.text != nil }) {
                let texts = items.compactMap(\.text)
                let joined = field == .description ? texts.joined(separator: "\n") : texts.first ?? ""
                let cleaned = HTMLText.plain(joined).trimmingSpaces
                return cleaned.isEmpty ? nil : cleaned
            }
            guard let text = value.text else {
                if case .null = value { return nil }
                issues.append(CorpusIssue(location, "'\(field.name)' must be text, not a list or map; ignored"))
                return nil
            }
            let cleaned = HTMLText.plain(text).trimmingSpaces
            return cleaned.isEmpty ? nil : cleaned
        }
        var writtenCurrency: String?
        func amount(_ field: String, _ raw: RawValue?) -> AmountRange? {
            Self.amountRange(field, raw, at: location, issues: &issues, currency: &writtenCurrency)
        }
        let title = text(.title) ?? ""
        let description = text(.description) ?? ""
        if title.isEmpty && description.isEmpty {
            issues.append(CorpusIssue(location, "job post has neither a title nor a description; skipped"))
            return (nil, issues)
        }

        var skills: [String] = []
        if let value = value(.skills) {
            skills = ListEncoding.items(value).map { HTMLText.plain($0).trimmingSpaces }.filter { !$0.isEmpty }
        }

        var budgetType = text(.budgetType)?.lowercased()
        var budget = Budget()
        var written: AmountRange?
        if case .map(let entries)? = value(.budget) {
            let map = Dictionary(entries.map { (Self.normalizeKey($0.0), $0.1) }, uniquingKeysWith: { first, _ in first })
            budget.hourlyMin = amount("budget.min", map["min"] ?? map["hourly_min"])?.min
            budget.hourlyMax = amount("budget.max", map["max"] ?? map["hourly_max"])?.max
            written = amount("budget.fixed", map["fixed"] ?? map["amount"])
            budget.currency = map["currency"]?.text.map(CurrencyAmount.code)
            if let type = map["type"]?.text { budgetType = type.lowercased() }
        } else {
            written = amount("budget", value(.budget))
        }
        written = written ?? amount("fixed", value(.fixed))
        let low = amount("hourly_min", value(.hourlyMin))
        let high = amount("hourly_max", value(.hourlyMax))
        budget.hourlyMin = budget.hourlyMin ?? low?.min ?? (high?.isSingle == false ? high?.min : nil)
        budget.hourlyMax = budget.hourlyMax ?? high?.max ?? (low?.isSingle == false ? low?.max : nil)
        let rate = amount("rate", value(.rate))
        // The currency column, else a sign or code written with an amount (`€40`, `40 GBP`).
        budget.currency = budget.currency ?? text(.currency).map(CurrencyAmount.code) ?? writtenCurrency
        Self.place(written, rate: rate, type: budgetType, in: &budget)

        let post = JobPost(id: text(.id), title: title, description: description, skills: skills,
                           category: text(.category), budget: budget,
                           experienceLevel: text(.experienceLevel), postedAt: text(.postedAt),
                           country: text(.country), url: text(.url), location: location)
        return (post, issues)
    }

    /// Where a post's written amounts go when no hourly minimum or maximum column gave them: a
    /// rate (`rate` column, or an amount with an hourly unit, on an hourly post, or a range
    /// such as `$40-$60` or `up to $60`) is the hourly range (a single amount in `rate` is a
    /// freelancer's own rate: one person charges one rate, a client offers a range); a single amount on another post
    /// is its fixed budget. A range on a post whose type (or the amount's label, `Fixed-price:`)
    /// says fixed price is no one budget and is left out.
    private static func place(_ written: AmountRange?, rate: AmountRange?, type: String?, in budget: inout Budget) {
        let hourlyType = holds(type, "hour"), fixedType = holds(type, "fix") || written?.isFixed == true
        if let written, written.isSingle, !written.isHourly, !hourlyType || budget.hourlyMin != nil || budget.hourlyMax != nil {
            budget.fixed = written.min
        }
        guard budget.hourlyMin == nil, budget.hourlyMax == nil else { return }
        if let rate {
            (budget.hourlyMin, budget.hourlyMax) = (rate.min, rate.max)
            budget.isFreelancerRate = rate.isSingle
        } else if let written, written.isHourly || hourlyType || (!written.isSingle && !fixedType) {
            (budget.hourlyMin, budget.hourlyMax) = (written.min, written.max)
        }
    }

    /// Whether `text` holds `part` (ASCII): compared by bytes when `text` is ASCII too, where
    /// that is what Foundation's search finds, without its cost (more than the rest of a post's
    /// budget fields).
    private static func holds(_ text: String?, _ part: String) -> Bool {
        guard let text else { return false }
        guard ByteSearch.isASCII(text) else { return text.contains(part) }
        var bytes = text, wanted = part
        return bytes.withUTF8 { bytes in
            wanted.withUTF8 { wanted in
                guard bytes.count >= wanted.count else { return false }
                return (0...(bytes.count - wanted.count)).contains { UnsafeBufferPointer(rebasing: bytes[$0..<($0 + wanted.count)]).elementsEqual(wanted) }
            }
        }
    }

    /// The amount or range in `raw` (a number, or text such as `$40` or `$40-$60/hr`), nil when
    /// it is absent or empty; text that is not an amount, an ambiguous amount and values that
    /// are not finite add an issue and give nil.
    private static func amountRange(_ field: String, _ raw: RawValue?, at location: PostLocation,
                                    issues: inout [CorpusIssue], currency: inout String?) -> AmountRange? {
        let range: AmountRange
        switch raw {
        case nil, .null?: return nil
        case .number(let number)?: range = AmountRange(min: number, max: number)
        case .text(let text)?:
            let trimmed = text.trimmingSpaces
            if trimmed.isEmpty || ["nan", "none", "null", "n/a"].contains(trimmed.lowercased()) { return nil }
            if let plain = AmountRange.plainDecimal(trimmed) {
                range = plain
            } else {
                do {
                    range = try AmountRange.parse(trimmed)
                } catch .ambiguous {
                    issues.append(AmbiguousAmount.issue(field: field, text: trimmed, at: location))
                    return nil
                } catch {
                    issues.append(CorpusIssue(location, "'\(field)' is not a number: '\(trimmed.prefix(40))'; ignored"))
                    return nil
                }
            }
            currency = currency ?? range.currency
        default:
            issues.append(CorpusIssue(location, "'\(field)' must be a number; ignored"))
            return nil
        }
        guard [range.min, range.max].allSatisfy({ $0?.isFinite ?? true }) else {
            issues.append(CorpusIssue(location, "'\(field)' is not a finite number; ignored"))
            return nil
        }
        return range
    }

    /// `$1,200.50`, `40`, `40 USD`, `€40` → a number; nil when the text is no amount.
    static func parseAmount(_ text: String) -> Double? {
        CurrencyAmount.parse(text)?.amount
    }
}

/// A corpus problem that stops the tool (exit 2): a path that does not exist, a bad column map.
public struct CorpusError: Error, Sendable, CustomStringConvertible {
    public var message: String
    package init(_ message: String) { self.message = message }
    /// The message alone; the command line adds its `profilelint: error:` prefix.
    public var description: String { message }
}

extension String {
    /// The string without leading and trailing whitespace and newlines.
    package var trimmingSpaces: String {
        // Most texts start and end with an ASCII byte that is no space: nothing to trim.
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
           !Self.isASCIISpace(first), !Self.isASCIISpace(last) { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }

    /// The ASCII bytes that are Unicode whitespace (tab to carriage return, space).
    private static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
}
