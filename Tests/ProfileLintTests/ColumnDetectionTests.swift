import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileModel

/// Scraped exports name the post fields many ways: decorated, camelCase, reordered. Each file's
/// columns are resolved once, and a file nothing can be read from is one located error.
@Suite struct ColumnDetectionTests {
    @Test func decoratedAndCamelCaseColumnNamesAreRead() throws {
        let corpus = try TemporaryCorpus([
            "a.csv": "Skills,description_html,Label,job_title,Hourly Min ($),hourly_max\n\"Kotlin, Room\",<p>Offline sync &amp; tests</p>,mobile,Kotlin app fixes,20,45\n",
            "b.json": #"[{"jobTitle": "Ledger cleanup", "jobDescriptionHtml": "<b>Monthly</b> close", "skillNames": ["Xero"], "searchQuery": "bookkeeping"}]"#,
            "c.jsonl": #"{"Body (text)": "Shoot and cut a promo", "Posting Title": "Promo video", "Tags List": "Premiere Pro | Color Grading"}"# + "\n",
        ])
        defer { corpus.remove() }
        let loaded = try corpus.load()
        #expect(loaded.issues.isEmpty, "\(loaded.issues)")
        let byTitle = Dictionary(uniqueKeysWithValues: loaded.posts.map { ($0.title, $0) })
        let kotlin = try #require(byTitle["Kotlin app fixes"])
        #expect(kotlin.description == "Offline sync & tests")
        #expect(kotlin.skills == ["Kotlin", "Room"])
        #expect(kotlin.category == "mobile")
        #expect(kotlin.budget.hourlyMin == 20 && kotlin.budget.hourlyMax == 45)
        let ledger = try #require(byTitle["Ledger cleanup"])
        #expect(ledger.description == "Monthly close")
        #expect(ledger.skills == ["Xero"])
        #expect(ledger.category == "bookkeeping")
        let promo = try #require(byTitle["Promo video"])
        #expect(promo.description == "Shoot and cut a promo")
        #expect(promo.skills == ["Premiere Pro", "Color Grading"])
    }

    /// `skills_required` (a developer-jobs export) and `skillsRequired` are the skills.
    @Test func requiredSkillsColumnsAreRead() throws {
        let corpus = try TemporaryCorpus([
            "a.csv": "job_title,jobDescription,skills_required,category\nLedger cleanup,Monthly close,\"Xero, Payroll\",finance\n",
            "b.json": #"[{"title": "Promo video", "description": "Shoot and cut", "skillsRequired": ["Premiere Pro"]}]"#,
        ])
        defer { corpus.remove() }
        let loaded = try corpus.load()
        #expect(loaded.issues.isEmpty, "\(loaded.issues)")
        let byTitle = Dictionary(uniqueKeysWithValues: loaded.posts.map { ($0.title, $0) })
        #expect(byTitle["Ledger cleanup"]?.skills == ["Xero", "Payroll"])
        #expect(byTitle["Ledger cleanup"]?.description == "Monthly close")
        #expect(byTitle["Promo video"]?.skills == ["Premiere Pro"])
    }

    /// Exports that call the tags `keywords`, `Skill Set`, `technologies` or `techStack` give skills.
    @Test func keywordAndTechnologyColumnsAreSkills() throws {
        let corpus = try TemporaryCorpus([
            "a.jsonl": #"{"name": "Promo video", "body": "Shoot and cut", "keywords": ["Premiere Pro", "Color Grading"]}"# + "\n",
            "b.csv": "title,description,Skill Set\nLedger cleanup,Monthly close,\"Xero, Payroll\"\n",
            "c.json": #"[{"title": "Sync fix", "description": "Offline sync", "techStack": ["Kotlin"]}, {"title": "Chat bot", "description": "A bot", "technologies": "Python | LLM"}]"#,
        ])
        defer { corpus.remove() }
        let loaded = try corpus.load()
        #expect(loaded.issues.isEmpty, "\(loaded.issues)")
        let byTitle = Dictionary(uniqueKeysWithValues: loaded.posts.map { ($0.title, $0) })
        #expect(byTitle["Promo video"]?.skills == ["Premiere Pro", "Color Grading"])
        #expect(byTitle["Ledger cleanup"]?.skills == ["Xero", "Payroll"])
        #expect(byTitle["Sync fix"]?.skills == ["Kotlin"])
        #expect(byTitle["Chat bot"]?.skills == ["Python", "LLM"])
    }

    /// API exports group fields in objects: `{"job": {"title", "jobDescription"}}` is read as
    /// `job.title` and `job.jobDescription`; a field's own object (`budget: {min, max}`) stays
    /// the field's value.
    @Test func fieldsNestedInObjectsAreRead() throws {
        let corpus = try TemporaryCorpus([
            "a.json": #"[{"job": {"title": "Ledger cleanup", "jobDescription": "Monthly close"}, "skills": [{"name": "Xero"}], "#
                + #""client": {"country": "Chile"}, "budget": {"min": 20, "max": 40}}]"#,
            "b.jsonl": #"{"listing": {"headline": "Promo video", "body": "Shoot and cut"}, "tags": "Premiere Pro"}"# + "\n",
        ])
        defer { corpus.remove() }
        let loaded = try corpus.load()
        #expect(loaded.issues.isEmpty, "\(loaded.issues)")
        let byTitle = Dictionary(uniqueKeysWithValues: loaded.posts.map { ($0.title, $0) })
        let ledger = try #require(byTitle["Ledger cleanup"])
        #expect(ledger.description == "Monthly close" && ledger.skills == ["Xero"] && ledger.country == "Chile")
        #expect(ledger.budget.hourlyMin == 20 && ledger.budget.hourlyMax == 40)
        #expect(byTitle["Promo video"]?.description == "Shoot and cut")
    }

    @Test func aBuiltInNameWinsOverADecoratedOne() throws {
        let corpus = try TemporaryCorpus([
            "a.csv": "title,description,description_html,tags_list\nT,plain words,<p>markup words</p>,x\n",
        ])
        defer { corpus.remove() }
        let post = try #require(try corpus.load().posts.first)
        #expect(post.description == "plain words")
        #expect(post.skills == ["x"])
    }

    @Test func camelCaseKeysNormalize() {
        #expect(PostFieldMapper.normalizeKey("jobTitle") == "job_title")
        #expect(PostFieldMapper.normalizeKey("JobURL") == "job_url")
        #expect(PostFieldMapper.normalizeKey("Job URL") == "job_url")
        #expect(PostFieldMapper.normalizeKey("ID") == "id")
        #expect(PostFieldMapper.normalizeKey("hourly_min") == "hourly_min")
        #expect(FieldColumns.bareName(PostFieldMapper.normalizeKey("Job Description (HTML)")) == "description")
    }

    @Test func aFileWithoutTitleOrDescriptionColumnsIsOneLocatedError() throws {
        let corpus = try TemporaryCorpus([
            "odd.csv": "foo,bar\nhello,x\nworld,y\n",
            "good.csv": "title,description\nReal post,words\n",
        ])
        defer { corpus.remove() }
        let loaded = try corpus.load()
        #expect(loaded.posts.map(\.title) == ["Real post"])
        let odd = loaded.issues.filter { $0.location.path.hasSuffix("odd.csv") }
        #expect(odd.count == 1, "one issue for the file, not one per row: \(odd)")
        #expect(odd.first?.severity == .error)
        #expect(odd.first?.location.line == 1)
        #expect(odd.first?.message.contains("columns: 'foo', 'bar'") == true)
        #expect(odd.first?.message.contains("--column title=COLUMN") == true)
    }

    @Test func aMissingEssentialFieldNamesTheUnreadColumns() throws {
        let corpus = try TemporaryCorpus([
            "a.csv": "title,Requirements Blob,skills\nT,long text,SQL\n",
            "b.csv": "title,skills\nOnly a title,SQL\n",
        ])
        defer { corpus.remove() }
        let messages = try corpus.load().issues.map { "\(($0.location.path as NSString).lastPathComponent):\($0.location.line): \($0.message)" }
        #expect(messages == ["a.csv:1: no column is read as 'description' (columns not read: 'Requirements Blob'); if one holds it, name it with --column description=COLUMN"])
    }

    @Test func aColumnMapColumnTheFileLacksIsReported() throws {
        let corpus = try TemporaryCorpus(["a.csv": "title,body,skills\nT,words,SQL\n"])
        defer { corpus.remove() }
        let loaded = try corpus.load(columnMap: ["description": "raw_text"])
        #expect(loaded.issues.map(\.message) == ["the column map reads 'description' from 'raw_text', which this file does not have (columns: 'title', 'body', 'skills')"])
        #expect(loaded.posts.first?.description == "")
    }
}

/// Posts of a wrapper object (`{"jobs": [...]}`) are located at their own lines, so the
/// evidence listings point at them.
@Suite struct WrappedJSONLocationTests {
    @Test func postsUnderAKeyGetTheirOwnLines() throws {
        let corpus = try TemporaryCorpus([
            "w.json": "{\"meta\": {\"note\": \"[\\\"x\\\"]\", \"jobs\": 1},\n \"jobs\": [\n  {\"title\": \"A\", \"description\": \"a\"},\n  7,\n  {\"title\": \"B\",\n   \"description\": \"b\"}\n ]}\n",
        ])
        defer { corpus.remove() }
        let loaded = try corpus.load()
        #expect(loaded.posts.map { "\($0.title)@\($0.location.line):\($0.location.column)" } == ["A@3:3", "B@5:3"])
        #expect(loaded.issues.map { "\($0.location.line): \($0.message)" } == ["4: a job post must be an object, not a number; post skipped"])
    }

    @Test func scannerFindsTheNestedListOnly() {
        let bytes = Array("{\"a\": [9], \"posts\": [1, {\"k\": [2]}, \"]\"], \"z\": [3]}".utf8)
        let starts = JSONItemScanner.itemStarts(bytes, underKey: "posts")
        #expect(starts.map { String(decoding: bytes[$0...$0], as: UTF8.self) } == ["1", "{", "\""])
        #expect(JSONItemScanner.itemStarts(bytes, underKey: "jobs").isEmpty)
    }
}

/// A `.csv` saved with `;` (or tabs) is read with the delimiter its header uses.
@Suite struct DelimiterSniffingTests {
    @Test func semicolonAndTabSeparatedCSV() throws {
        let corpus = try TemporaryCorpus([
            "a.csv": "title;description;skills\n\"Ledger; cleanup\";Monthly close;\"Xero, QuickBooks\"\n",
            "b.csv": "title\tdescription\nPromo video\tShoot, cut and grade\n",
            "c.csv": "title,description\nKeep; commas,a; b\n",
        ])
        defer { corpus.remove() }
        let loaded = try corpus.load()
        #expect(loaded.issues.isEmpty, "\(loaded.issues)")
        #expect(loaded.posts.map(\.title) == ["Ledger; cleanup", "Promo video", "Keep; commas"])
        #expect(loaded.posts.first?.skills == ["Xero", "QuickBooks"])
        #expect(loaded.posts.last?.description == "a; b")
    }
}

/// Shapes marketplace APIs return: skills as objects, paragraphs as lists, the post list under
/// a key of its own.
@Suite struct APIShapeTests {
    @Test func skillObjectsParagraphListsAndAnUnknownListKey() throws {
        let corpus = try TemporaryCorpus([
            "api.json": #"{"count": 1, "listings": [{"title": "Ledger cleanup", "description": ["Monthly close.", "Payroll too."], "skills": [{"prettyName": "Xero", "uid": "1"}, {"name": "Payroll"}, "Excel"], "categories": ["Accounting", "Finance"]}]}"#,
            "api.yaml": "total: 1\nresults_page:\n  - title: Promo video\n    description: Cut a promo\n    skills: [{label: Premiere Pro}]\n",
        ])
        defer { corpus.remove() }
        let loaded = try corpus.load()
        #expect(loaded.issues.isEmpty, "\(loaded.issues)")
        let byTitle = Dictionary(uniqueKeysWithValues: loaded.posts.map { ($0.title, $0) })
        let ledger = try #require(byTitle["Ledger cleanup"])
        #expect(ledger.description == "Monthly close.\nPayroll too.")
        #expect(ledger.skills == ["Xero", "Payroll", "Excel"])
        #expect(ledger.category == "Accounting")
        #expect(byTitle["Promo video"]?.skills == ["Premiere Pro"])
    }
}
