import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// On four-tracks, a title naming two niches whose posts both fit (the skills list both) is
/// reported; a title whose parts are one niche's is not.
@Suite struct RealCorpusTwoNicheTitleTests {
    static func reported(_ text: String) throws -> [Diagnostic] {
        let rule = try RuleLoader.load(SourceFile(path: "title.yml", text: """
            id: title
            severity: warning
            message: "{part} / {other}"
            rationale: For tests.
            kind: off-niche
            check: title
            """))
        return Linter(ruleSet: try RuleSet(rules: [rule]), corpus: RealData.fourTracksCorpus)
            .lint(SourceFile(path: "p.yaml", text: text)).diagnostics
    }

    @Test func twoNichesThatBothFit() throws {
        let found = try Self.reported("""
            title: Android Developer and Data Analyst
            overview: I build native Android apps in Kotlin, and I analyse business data with SQL and Power BI dashboards.
            skills: [Android, Kotlin, Android App Development, Mobile App Development, SQL, Microsoft Power BI, Data Analysis, Data Visualization]
            """)
        #expect(found.map(\.message) == ["Data Analyst / Android Developer"], "\(found.map(\.message))")
        #expect(found.first?.notes.first?.message.contains("overlap by only") == true)
    }

    @Test func partsOfOneNiche() throws {
        #expect(try Self.reported("""
            title: React and Node.js Developer
            overview: I build web apps with a React front end and a Node.js and Express back end.
            skills: [React, Node.js, JavaScript, TypeScript, Express.js, MongoDB, Next.js, Web Development]
            """).isEmpty)
        #expect(try Self.reported("""
            title: Power BI Developer | Dashboards & Reports
            overview: I build Power BI dashboards and monthly reports from SQL Server and Excel data.
            skills: [Microsoft Power BI, Data Visualization, DAX, SQL, Dashboard, Data Analysis, Microsoft Excel]
            """).isEmpty)
    }
}
