/// Inline suppressions written as YAML comments:
///
/// - `# profilelint-disable-next-line RULE-ID -- reason`: the next line that is not blank
///   or a comment (so several such comments can stack above one line);
/// - `# profilelint-disable-line RULE-ID`: the comment's own line (a trailing comment);
/// - `# profilelint-disable RULE-ID` … `# profilelint-enable RULE-ID`: a block of lines,
///   to the matching enable or the end of the file.
///
/// Several ids are separated by commas; no id means every rule; text after ` -- ` is the
/// reason. A diagnostic is suppressed when the line its range starts on is covered.
/// Directives that suppress nothing, and malformed ones, become warnings of their own.
/// JSON has no comments, so JSON profiles have no suppressions.
package enum Suppressions {
    static let prefix = "profilelint-"

    /// One parsed suppression comment.
    package struct Directive: Sendable, Equatable {
        package enum Kind: String, Sendable, CaseIterable {
            case disableNextLine = "disable-next-line"
            case disableLine = "disable-line"
            case disable
            case enable
        }

        package var kind: Kind
        /// The rule ids named, each with its range; empty means every rule.
        var ruleIDs: [(id: String, range: ByteRange)]
        /// The text after ` -- `, when given.
        package var reason: String?
        /// The comment's range.
        package var range: ByteRange
        /// 0-based line of the comment.
        package var line: Int

        package static func == (lhs: Directive, rhs: Directive) -> Bool {
            lhs.kind == rhs.kind && lhs.ruleIDs.map(\.id) == rhs.ruleIDs.map(\.id) && lhs.ruleIDs.map(\.range) == rhs.ruleIDs.map(\.range)
                && lhs.reason == rhs.reason && lhs.range == rhs.range && lhs.line == rhs.line
        }
    }

    /// What applying the suppressions of a file left.
    package struct Outcome: Sendable {
        /// The diagnostics no suppression covers.
        package var kept: [Diagnostic]
        /// The diagnostics a suppression covers.
        var suppressed: [Diagnostic]
        /// Warnings about unused and malformed suppression comments.
        package var problems: [Diagnostic]
    }

    /// The suppression directives of a YAML file, and warnings for malformed ones.
    static func directives(in file: SourceFile) -> (directives: [Directive], problems: [Diagnostic]) {
        directives(in: file, comments: YAMLComments.scan(file))
    }

    private static func directives(in file: SourceFile, comments: [YAMLComments.Comment]) -> (directives: [Directive], problems: [Diagnostic]) {
        var directives: [Directive] = []
        var problems: [Diagnostic] = []
        for comment in comments {
            switch parse(comment, in: file) {
            case .none: break
            case .directive(let directive): directives.append(directive)
            case .invalid(let message, let range):
                problems.append(Diagnostic(ruleID: BuiltInCheck.invalidSuppression.id, severity: BuiltInCheck.invalidSuppression.severity, message: message, range: range))
            }
        }
        return (directives, problems)
    }

    private enum Parsed {
        case none
        case directive(Directive)
        case invalid(String, ByteRange)
    }

    /// Parses one comment; comments that do not start with `profilelint` are ordinary.
    private static func parse(_ comment: YAMLComments.Comment, in file: SourceFile) -> Parsed {
        let bytes = file.bytes
        var index = comment.range.lowerBound + 1  // after `#`
        let end = comment.range.upperBound
        func skipSpaces() { while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 } }
        func word() -> (String, ByteRange) {
            let start = index
            while index < end, bytes[index] != UInt8(ascii: " "), bytes[index] != UInt8(ascii: "\t"), bytes[index] != UInt8(ascii: ",") { index += 1 }
            return (String(decoding: bytes[start..<index], as: UTF8.self), ByteRange(start, index))
        }
        skipSpaces()
        let (head, headRange) = word()
        guard head.lowercased().hasPrefix(prefix) else { return .none }
        let names = Directive.Kind.allCases.map { prefix + $0.rawValue }
        guard head.hasPrefix(prefix), let kind = Directive.Kind(rawValue: String(head.dropFirst(prefix.count))) else {
            let hint = Suggestion.closest(to: head, in: names).map { "; did you mean '\($0)'?" }
                ?? " (expected one of: \(names.joined(separator: ", ")))"
            return .invalid("unknown suppression comment '\(head)'\(hint)", headRange)
        }
        var ruleIDs: [(id: String, range: ByteRange)] = []
        var reason: String?
        while true {
            skipSpaces()
            if index < end, bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            guard index < end else { break }
            let (token, range) = word()
            if token == "--" {
                skipSpaces()
                let text = String(decoding: bytes[index..<end], as: UTF8.self)
                reason = text.isEmpty ? nil : text
                break
            }
            guard isRuleID(token) else {
                return .invalid("'\(token)' is not a rule id (lowercase words joined by '-'); write the reason after ' -- '", range)
            }
            ruleIDs.append((token, range))
        }
        return .directive(Directive(kind: kind, ruleIDs: ruleIDs, reason: reason, range: comment.range, line: comment.line))
    }

    private static func isRuleID(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        }
    }

    /// A set of lines where some rule ids are suppressed, and the directive it comes from.
    private struct Scope {
        var directive: Int
        /// nil = every rule.
        var ruleIDs: Set<String>?
        /// Ids re-enabled inside an every-rule block.
        var excluded: Set<String> = []
        var lines: Range<Int>

        /// Whether the scope suppresses `ruleID` at all, whatever the line.
        func coversRule(_ ruleID: String) -> Bool {
            (ruleIDs?.contains(ruleID) ?? true) && !excluded.contains(ruleID)
        }

        func covers(_ ruleID: String, line: Int) -> Bool {
            lines.contains(line) && coversRule(ruleID)
        }
    }

    /// Splits `diagnostics` of `file` into kept and suppressed, and reports unused or
    /// malformed suppressions; `knownRuleIDs` feeds "did you mean" for misspelt ids.
    /// The stage's own warnings are never suppressed.
    package static func apply(_ diagnostics: [Diagnostic], in file: SourceFile, knownRuleIDs: [String]) -> Outcome {
        guard DocumentFormat(path: file.path) == .yaml else {
            return Outcome(kept: diagnostics, suppressed: [], problems: [])
        }
        let comments = YAMLComments.scan(file)
        let (directives, invalid) = directives(in: file, comments: comments)
        var problems = invalid
        let commentLines = Set(comments.filter(\.isWholeLine).map(\.line))
        let (scopes, unmatchedEnables) = scopes(for: directives, in: file, commentLines: commentLines)
        for (range, id) in unmatchedEnables {
            let what = id.map { "'\($0)' is" } ?? "no rule is"
            problems.append(Diagnostic(ruleID: BuiltInCheck.unusedSuppression.id, severity: BuiltInCheck.unusedSuppression.severity,
                                       message: "\(what) disabled here, so this profilelint-enable does nothing; remove it",
                                       range: range))
        }

        var used = Set<UsageKey>()
        var kept: [Diagnostic] = []
        var suppressed: [Diagnostic] = []
        for diagnostic in diagnostics {
            if BuiltInCheck(rawValue: diagnostic.ruleID)?.isSuppressible == false {
                kept.append(diagnostic)
                continue
            }
            let line = file.lineIndex(ofByte: diagnostic.range.lowerBound)
            let covering = scopes.filter { $0.covers(diagnostic.ruleID, line: line) }
            if covering.isEmpty {
                kept.append(diagnostic)
                continue
            }
            suppressed.append(diagnostic)
            for scope in covering {
                used.insert(UsageKey(directive: scope.directive, ruleID: scope.ruleIDs == nil ? nil : diagnostic.ruleID))
            }
        }

        for (index, directive) in directives.enumerated() where directive.kind != .enable {
            let comment = "profilelint-\(directive.kind.rawValue)"
            if directive.ruleIDs.isEmpty {
                if !used.contains(UsageKey(directive: index, ruleID: nil)) {
                    problems.append(Diagnostic(ruleID: BuiltInCheck.unusedSuppression.id, severity: BuiltInCheck.unusedSuppression.severity,
                                               message: "this \(comment) comment suppresses nothing; remove it",
                                               range: directive.range))
                }
                continue
            }
            for (id, range) in directive.ruleIDs where !used.contains(UsageKey(directive: index, ruleID: id)) {
                var message = "'\(id)' reports nothing here; remove it from this \(comment) comment"
                if BuiltInCheck(rawValue: id)?.isSuppressible == false {
                    message = "'\(id)' cannot be suppressed by a comment; remove it from this \(comment) comment"
                } else if !knownRuleIDs.contains(id) {
                    message = "unknown rule id '\(id)' in this \(comment) comment"
                    if let near = Suggestion.closest(to: id, in: knownRuleIDs) { message += "; did you mean '\(near)'?" }
                }
                problems.append(Diagnostic(ruleID: BuiltInCheck.unusedSuppression.id, severity: BuiltInCheck.unusedSuppression.severity, message: message, range: range))
            }
        }
        problems.sort { $0.range < $1.range }
        return Outcome(kept: kept, suppressed: suppressed, problems: problems)
    }

    private struct UsageKey: Hashable {
        var directive: Int
        /// nil for a directive that names no rule.
        var ruleID: String?
    }

    /// The line scopes of the directives, and the `enable` comments or ids (with their
    /// ranges; a nil id is a whole comment) that closed nothing.
    private static func scopes(for directives: [Directive], in file: SourceFile,
                               commentLines: Set<Int>) -> ([Scope], [(ByteRange, String?)]) {
        var scopes: [Scope] = []
        var open: [(scope: Scope, start: Int)] = []
        var unmatched: [(ByteRange, String?)] = []
        let ids = { (directive: Directive) -> Set<String>? in directive.ruleIDs.isEmpty ? nil : Set(directive.ruleIDs.map(\.id)) }
        for (index, directive) in directives.enumerated() {
            switch directive.kind {
            case .disableLine:
                scopes.append(Scope(directive: index, ruleIDs: ids(directive), lines: directive.line..<directive.line + 1))
            case .disableNextLine:
                if let target = nextContentLine(after: directive.line, in: file, commentLines: commentLines) {
                    scopes.append(Scope(directive: index, ruleIDs: ids(directive), lines: target..<target + 1))
                }
            case .disable:
                open.append((Scope(directive: index, ruleIDs: ids(directive), lines: 0..<0), directive.line))
            case .enable:
                guard !directive.ruleIDs.isEmpty else {
                    if open.isEmpty { unmatched.append((directive.range, nil)) }
                    for block in open {
                        var scope = block.scope
                        scope.lines = block.start..<directive.line
                        scopes.append(scope)
                    }
                    open = []
                    continue
                }
                for (id, idRange) in directive.ruleIDs {
                    var closedAny = false
                    var stillOpen: [(scope: Scope, start: Int)] = []
                    for block in open {
                        guard block.scope.coversRule(id) else {
                            stillOpen.append(block)
                            continue
                        }
                        closedAny = true
                        var closed = block.scope
                        closed.lines = block.start..<directive.line
                        scopes.append(closed)
                        var rest = block.scope
                        if let remaining = rest.ruleIDs {
                            let left = remaining.subtracting([id])
                            if left.isEmpty { continue }
                            rest.ruleIDs = left
                        } else {
                            rest.excluded.insert(id)
                        }
                        stillOpen.append((rest, directive.line))
                    }
                    open = stillOpen
                    if !closedAny { unmatched.append((idRange, id)) }
                }
            }
        }
        for block in open {
            var scope = block.scope
            scope.lines = block.start..<file.lineCount
            scopes.append(scope)
        }
        return (scopes, unmatched)
    }

    /// The first line after `line` that is neither blank nor only a comment (`commentLines`:
    /// the lines holding nothing but a comment, as the scan found them).
    private static func nextContentLine(after line: Int, in file: SourceFile, commentLines: Set<Int>) -> Int? {
        var candidate = line + 1
        while candidate < file.lineCount {
            let range = file.lineContentRange(candidate)
            let isBlank = file.bytes[range.lowerBound..<range.upperBound].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            if !isBlank && !commentLines.contains(candidate) { return candidate }
            candidate += 1
        }
        return nil
    }
}
