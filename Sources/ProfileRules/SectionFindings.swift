import ProfileCorpus
import ProfileModel

/// Every rule's findings in every section of one profile, before `FindingLimits` bounds them.
/// With a corpus, the sections are checked on separate threads: a section's corpus rules (its
/// query, its fit, the passes over the fitting posts) are most of a lint and need nothing from
/// another section's, so a profile with specialized profiles no longer lints on one core. The
/// findings are the same whichever thread checks a section: checks are pure, and the memos
/// they share (`CorpusSectionMemo`, `Corpus.memoized`) hold results computed from their keys.
struct SectionFindings {
    /// `findings[section][entry]`: empty where the entry's rule does not apply to the section.
    private let findings: [[[Finding]]]

    /// `workers`: threads to check sections on when there is a corpus (without one, a section's
    /// checks are too quick to be worth a thread).
    init(entries: [RuleSet.Entry], sections: [ProfileSection], context: LintContext, workers: Int = ParallelMap.workers) {
        let check = { @Sendable (section: ProfileSection) -> [[Finding]] in
            entries.map { entry in
                entry.rule.appliesTo.contains(section.kind) ? entry.check.check(section, context: context) : []
            }
        }
        findings = ParallelMap.map(sections, workers: context.corpus == nil ? 1 : workers, check)
    }

    /// The findings of entry `entry` in section `section` (indexes into the initializer's arrays).
    subscript(section section: Int, entry entry: Int) -> [Finding] { findings[section][entry] }
}
