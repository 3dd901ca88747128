/// The findings of an HTML report, grouped by the field they are about, each with its
/// location, the source line with the range marked, its notes and its fixes.
struct HTMLFindings {
    let file: SourceFile
    let rules: RuleCatalog
    let workingDirectory: String

    /// Shown source is cut to this many characters around the range.
    static let excerptWidth = 160

    /// `diagnostics` grouped by field path (relative to `sectionPath`), fields in order of
    /// their first finding; findings about fields the section lacks (an empty range) form
    /// one group, each naming its field.
    func grouped(_ diagnostics: [Diagnostic], sectionPath: String, headingLevel level: Int) -> String {
        guard !diagnostics.isEmpty else { return "<p class=\"none\">No findings: nothing to fix here.</p>\n" }
        var order: [String?] = []
        var groups: [String?: [Diagnostic]] = [:]
        for diagnostic in diagnostics {
            let field = Self.relativeField(diagnostic.fieldPath, in: sectionPath)
            let key: String? = diagnostic.range.isEmpty && !field.isEmpty ? nil : field
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(diagnostic)
        }
        var html = ""
        for key in order {
            let items = groups[key] ?? []
            let name = key.map { $0.isEmpty ? "The section as a whole" : "<code>\(HTMLMarkup.escape($0))</code>" } ?? "Missing fields"
            html += "<section class=\"field\">\n<h\(level)>\(name) <span class=\"where\">· \(HTMLMarkup.counted(items.count, "finding"))</span></h\(level)>\n"
            for diagnostic in items {
                html += finding(diagnostic, field: key == nil ? Self.relativeField(diagnostic.fieldPath, in: sectionPath) : nil)
            }
            html += "</section>\n"
        }
        return html
    }

    /// A field path without its section's prefix: `skills` of `specialized_profiles[0].skills`.
    static func relativeField(_ path: String, in sectionPath: String) -> String {
        guard !sectionPath.isEmpty, path.hasPrefix(sectionPath) else { return path }
        return String(path.dropFirst(sectionPath.count).drop { $0 == "." })
    }

    /// One finding; `field` names the field first when the group does not.
    func finding(_ diagnostic: Diagnostic, field: String? = nil) -> String {
        let start = file.position(ofByte: diagnostic.range.lowerBound)
        let subject = field.map { "<code>\(HTMLMarkup.escape($0))</code>: " } ?? ""
        var html = "<div class=\"finding\">\n<p>\(Self.severity(diagnostic.severity)) \(subject)\(HTMLMarkup.escape(diagnostic.message))"
        let ruleID = HTMLMarkup.escape(diagnostic.ruleID)
        let rule = rules.helpURI(for: diagnostic.ruleID).flatMap { HTMLCharts.isWebLink($0) ? $0 : nil }
            .map { "<a href=\"\(HTMLMarkup.escape($0))\">\(ruleID)</a>" } ?? ruleID
        html += " <span class=\"rule\">[\(rule)] line \(start.line), column \(start.column)</span></p>\n"
        if !diagnostic.range.isEmpty { html += excerpt(diagnostic.range) }
        if !diagnostic.notes.isEmpty {
            html += "<ul class=\"notes\">\n"
            for note in diagnostic.notes {
                let place = note.range.map { " <span class=\"where\">(line \(file.position(ofByte: $0.lowerBound).line))</span>" } ?? ""
                html += "<li>\(HTMLMarkup.escape(note.message))\(place)</li>\n"
            }
            html += "</ul>\n"
        }
        for fix in diagnostic.fixes { html += self.fix(fix) }
        return html + "</div>\n"
    }

    /// The line the range starts on, the range marked (to the line's end when it goes on).
    func excerpt(_ range: ByteRange) -> String {
        let lineIndex = file.lineIndex(ofByte: range.lowerBound)
        let line = file.lineContentRange(lineIndex)
        let markEnd = min(max(range.upperBound, range.lowerBound), line.upperBound)
        func text(_ from: Int, _ to: Int) -> String { String(decoding: file.bytes[from..<max(from, to)], as: UTF8.self) }
        var before = text(line.lowerBound, range.lowerBound), marked = text(range.lowerBound, markEnd), after = text(markEnd, line.upperBound)
        let half = Self.excerptWidth / 2
        if before.count > half { before = "…" + before.suffix(half / 2) }
        if marked.count > Self.excerptWidth { marked = marked.prefix(Self.excerptWidth) + "…" }
        if after.count > half { after = after.prefix(half / 2) + "…" }
        return "<pre class=\"excerpt\"><span class=\"ln\">\(lineIndex + 1) │ </span>\(HTMLMarkup.escape(before))"
            + "<mark>\(HTMLMarkup.escape(marked))</mark>\(HTMLMarkup.escape(after))</pre>\n"
    }

    /// A fix: its description and each edit as removed and inserted text.
    func fix(_ fix: Fix) -> String {
        var html = "<p><strong>Fix:</strong> \(HTMLMarkup.escape(fix.description))"
        for edit in fix.edits.prefix(3) {
            let old = String(decoding: file.bytes[edit.range.lowerBound..<edit.range.upperBound], as: UTF8.self)
            html += old.isEmpty ? "" : " <del>\(HTMLMarkup.escape(String(old.prefix(Self.excerptWidth))))</del>"
            html += edit.replacement.isEmpty ? "" : " <ins>\(HTMLMarkup.escape(String(edit.replacement.prefix(Self.excerptWidth))))</ins>"
        }
        if fix.edits.count > 3 { html += " <span class=\"where\">and \(fix.edits.count - 3) more edits</span>" }
        return html + "</p>\n"
    }

    /// A severity as a symbol and a word, coloured (never by colour alone).
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "<span class=\"sev error\">✖ error</span>"
        case .warning: "<span class=\"sev warning\">▲ warning</span>"
        case .info: "<span class=\"sev info\">ℹ info</span>"
        }
    }
}
