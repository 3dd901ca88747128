/// What the reporters know about the rules in force: a few facts of each rule, in rule order
/// (SARIF's rule descriptors, help links, the text format's folding of missing fields). A run
/// whose findings all come from the lint result cache reads these facts from the cache
/// instead of loading the rules; a `RuleSet` gives them directly (`init(_:)`).
package struct RuleCatalog: Sendable, Equatable {
    /// One rule's facts, named as `Rule` names them.
    package struct Entry: Sendable, Equatable {
        package var id: String
        /// The check kind's name (`required` findings are folded in the text format).
        package var kind: String
        /// The severity in force (a configuration's override applied).
        package var severity: Severity
        package var rationale: String
        package var helpURI: String?
        package var howToFix: String?

        package init(id: String, kind: String, severity: Severity, rationale: String, helpURI: String?, howToFix: String?) {
            self.id = id
            self.kind = kind
            self.severity = severity
            self.rationale = rationale
            self.helpURI = helpURI
            self.howToFix = howToFix
        }

        package init(_ rule: Rule) {
            self.init(id: rule.id, kind: rule.kind, severity: rule.severity, rationale: rule.rationale,
                      helpURI: rule.helpURI, howToFix: rule.howToFix)
        }

        /// One line about the rule (`Rule.summary(limit:)`).
        package func summary(limit: Int = 100) -> String {
            Rule.summary(ofRationale: rationale, limit: limit)
        }
    }

    package private(set) var entries: [Entry]

    package init(entries: [Entry]) {
        self.entries = entries
    }

    /// The facts of every rule of `rules`, in its order.
    package init(_ rules: RuleSet) {
        entries = rules.entries.map { Entry($0.rule) }
    }

    /// No rules (reports of findings that no rule file defines).
    package static let empty = RuleCatalog(entries: [])

    /// The catalogs of several configurations' rules together, each id once (its first facts).
    package static func merging(_ catalogs: [RuleCatalog]) -> RuleCatalog {
        if catalogs.count == 1 { return catalogs[0] }
        var seen = Set<String>()
        return RuleCatalog(entries: catalogs.flatMap(\.entries).filter { seen.insert($0.id).inserted })
    }

    package func entry(_ id: String) -> Entry? {
        entries.first { $0.id == id }
    }

    /// The documentation page of a finding's id: the rule's `help_uri`, or the page of a
    /// built-in check (as `RuleSet.helpURI(for:)`).
    package func helpURI(for ruleID: String) -> String? {
        entry(ruleID)?.helpURI ?? BuiltInCheck(rawValue: ruleID)?.helpURI
    }
}
