import Foundation
import ProfileLint

/// The targets whose input is one file a user writes: a profile, a rule file, a
/// configuration, a baseline. Each runs what `profilelint lint` runs with that file.
enum FileTargets {
    /// A profile: loaded, linted with the built-in pack (suppressions included), its fixes
    /// applied and re-linted, the diff shown, and the result reported.
    static func profile(_ bytes: [UInt8], path: String) {
        let file = SourceFile(path: path, bytes: bytes)
        let fixed = SharedPipeline.builtInSession.fix(file, maxPasses: 3, insights: true)
        if fixed.changed {
            _ = UnifiedDiff.make(old: fixed.original.bytes, new: fixed.fixed.bytes, oldLabel: "a/" + path, newLabel: "b/" + path)
        }
        SharedPipeline.report([fixed.result], rules: SharedPipeline.builtInSession.ruleSet, selector: bytes.count)
    }

    /// A rule file: loaded and, when valid, run over the sample profile.
    static func ruleFile(_ bytes: [UInt8]) {
        let file = SourceFile(path: "fuzz/rules/rule.yml", bytes: bytes)
        guard let rule = try? RuleLoader.load(file),
              let session = try? LintSession(rules: [rule], configuration: nil) else { return }
        let result = session.lint(SharedPipeline.sampleProfile, insights: true)
        SharedPipeline.report([result], rules: session.ruleSet, selector: bytes.count)
    }

    /// A configuration: loaded and, when valid, applied to the built-in rules (severities,
    /// parameters) over the sample profile.
    static func configuration(_ bytes: [UInt8]) {
        let file = SourceFile(path: "fuzz/.profilelint.yml", bytes: bytes)
        guard let configuration = try? ConfigLoader.load(file) else { return }
        let builtIn = SharedPipeline.builtInRules
        guard let session = try? LintSession(rules: builtIn.rules, skillAliases: builtIn.skillAliases,
                                             configuration: configuration) else { return }
        _ = session.lint(SharedPipeline.sampleProfile)
    }

    /// A baseline: loaded and, when valid, applied to the findings of the sample profile
    /// (the sample sits next to the baseline, so `file: sample.yaml` entries match it).
    static func baseline(_ bytes: [UInt8]) {
        let file = SourceFile(path: "fuzz/baseline.json", bytes: bytes)
        guard let baseline = try? Baseline.load(file) else { return }
        var session = SharedPipeline.builtInSession
        session.baseline = baseline
        _ = session.lint(SharedPipeline.sampleProfile)
        _ = baseline.encoded()
    }
}
