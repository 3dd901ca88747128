import ProfileLint
import ProfileText

/// What every target shares: the built-in rule pack, a session over it, a sample profile
/// for the targets whose input is not a profile, and the reporters.
enum SharedPipeline {
    /// The rules and skill aliases compiled into the binary.
    static let builtInRules: (rules: [Rule], skillAliases: SkillAliases?) = {
        do {
            return try RulePack.load([RulePack.builtIn])
        } catch {
            fatalError("the built-in rule pack does not load: \(error)")
        }
    }()

    /// A session over the built-in rules, no configuration, no corpus.
    static let builtInSession: LintSession = {
        do {
            return try LintSession(rules: builtInRules.rules, skillAliases: builtInRules.skillAliases, configuration: nil)
        } catch {
            fatalError("the built-in rule pack does not build: \(error)")
        }
    }()

    /// A profile with findings of many rules (a contact detail, a cliché, a low rate, a
    /// duplicated skill), next to where the baseline target's file sits.
    static let sampleProfile = SourceFile(path: "fuzz/sample.yaml", text: """
        title: Mobile App Developer, iOS and Android Expert Guru
        overview: |
          I build mobile apps in Swift and Kotlin. I am a hard worker and a team player.
          Shipped 12 apps with 4.8 average store ratings; cut crash rates by 60% for a fitness startup.
          Reach me at dev.sample@example.com or call +1 202 555 0143.
        skills: [Swift, Kotlin, iOS, Android, Swift, Firebase, SwiftUI]
        hourly_rate: 3
        availability:
          hours_per_week: 20
        portfolio:
          - title: Habit tracker
            description: A habit tracker with widgets and reminders, 40k downloads.
            skills: [SwiftUI]
        employment:
          - company: Example Mobile Studio
            role: iOS Developer
            from: 2020-01
            to: 2024-05
        languages:
          - name: English
            level: Fluent

        """)

    /// Renders `results` as a terminal would show them (colours, source excerpts) and in one
    /// more format, picked by `selector` so every format gets its share of inputs.
    static func report(_ results: [LintResult], rules: RuleSet, selector: Int) {
        let terminal = ReportOptions(color: true, showSource: true, terminalWidth: 80)
        _ = TextReporter(options: terminal).report(results, rules: rules)
        let formats = ReportFormat.allCases
        let format = formats[selector % formats.count]
        _ = format.reporterType.init(options: ReportOptions(workingDirectory: "fuzz")).report(results, rules: rules)
    }
}
