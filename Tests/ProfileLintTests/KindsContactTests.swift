import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

@Suite struct KindsContactTests {
    let rule = "kind: contact-info"

    func found(_ overview: String) throws -> [String] {
        try KindHarness.lint(rule, "overview: \"\(overview)\"\n", message: "{what}: {match}").diagnostics.map(\.message)
    }

    @Test func plainAndObfuscatedEmails() throws {
        #expect(try found("mail jane.doe@example.com now") == ["email address: jane.doe@example.com"])
        #expect(try found("jane [at] gmail [dot] com") == ["email address: jane [at] gmail [dot] com"])
        #expect(try found("jane(at)gmail(dot)com") == ["email address: jane(at)gmail(dot)com"])
        #expect(try found("JANE AT GMAIL DOT COM") == ["email address: JANE AT GMAIL DOT COM"])
        #expect(try found("jane at gmail.com") == ["email address: jane at gmail.com"])
        #expect(try found("jane ＠ ｇｍａｉｌ．ｃｏｍ") == ["email address: jane ＠ ｇｍａｉｌ．ｃｏｍ"])
        #expect(try found("I worked at acme.com for years").isEmpty)
        #expect(try found("photo: avatar@2x.png").isEmpty)
        #expect(try found("écrivez à zoë@exemple.fr") == ["email address: zoë@exemple.fr"])
    }

    @Test func rightToLeftOverriddenEmailsAreReadAsShown() throws {
        // U+202E makes `moc.liamg@nas` show as `sam@gmail.com`.
        #expect(try found("write to \u{202E}moc.liamg@mas\u{202C} today") == ["email address: sam@gmail.com"])
        #expect(try found("write to \u{202E}moc tod liamg ta mas") == ["email address: sam at gmail dot com"])
        #expect(try found("\u{202E}olleh dlrow").isEmpty)
        #expect(ContactInfoCheck.overriddenRuns("a\u{202E}cba\u{202C}d\u{202E}fe").map(\.shown) == ["abc", "ef"])
        #expect(ContactInfoCheck.overriddenRuns("a\u{202E}cba\u{202C}d").map(\.range) == [1..<10])
    }

    @Test func phonesInManyForms() throws {
        #expect(try found("Call +1 (555) 201-3344.") == ["phone number: +1 (555) 201-3344"])
        #expect(try found("call 555.201.3344") == ["phone number: 555.201.3344"])
        #expect(try found("5 5 5 2 0 1 3 3 4 4") == ["phone number: 5 5 5 2 0 1 3 3 4 4"])
        #expect(try found("tel ５５５２０１３３４４") == ["phone number: ５５５２０１３３４４"])
        #expect(try found("+44 20 7946 0958") == ["phone number: +44 20 7946 0958"])
        #expect(try found("text Five five five, two oh one, three three four four")
            == ["phone number: Five five five, two oh one, three three four four"])
        #expect(try found("one or two calls, then three drafts").isEmpty)
    }

    @Test func numbersThatAreNotPhones() throws {
        #expect(try found("From 2019 - 2023 I grew sales 45%").isEmpty)
        #expect(try found("2019-03-01 to 01.03.2021, then 2021-05 – 2023-11").isEmpty)
        #expect(try found("open 0800 - 1400 daily, budget 1500/500").isEmpty)
        #expect(try found("Raised $1 250 000 for startups").isEmpty)
        #expect(try found("1,250,000 visitors a month").isEmpty)
        #expect(try found("Saved 120 hours in 12 weeks").isEmpty)
        #expect(try found("Shipped on 20190401, again 20220301 - 20230115").isEmpty)
        #expect(try found("Call 20191345 today") == ["phone number: 20191345"], "month 13: no date")
    }

    /// Numbers in number, amount and date fields are values, not phone numbers; the same digits
    /// as text still are.
    @Test func numberFieldsAreNotReadAsPhones() throws {
        let profile = """
            hourly_rate: 1500000
            employment:
              - company: Acme
                from: 20190401
                to: 20220301
            certifications:
              - name: Cert
                year: 20220301
            specialized_profiles:
              - title: Designer
                hourly_rate: {amount: 55512345678, currency: USD}
            """
        #expect(try KindHarness.lint(rule, profile + "\n").diagnostics.isEmpty)
        let asText = try KindHarness.lint(rule, "title: 5552013344\nemployment:\n  - company: \"call 5552013344\"\n")
        #expect(asText.diagnostics.map(\.fieldPath) == ["title", "employment[0].company"])
    }

    @Test func messengerHandlesAndRequests() throws {
        #expect(try found("Skype: jane.doe.design") == ["messenger contact: Skype: jane.doe.design"])
        #expect(try found("telegram id janedoe") == ["messenger contact: telegram id janedoe"])
        #expect(try found("Telegram @janedoe_dev") == ["messenger contact: @janedoe_dev"])
        #expect(try found("WhatsApp - +44 7700 900123") == ["messenger contact: WhatsApp - +44 7700 900123"])
        #expect(try found("ping me on Discord") == ["messenger contact: ping me on Discord"])
        #expect(try found("discord jane#4821") == ["messenger contact: jane#4821"])
        #expect(try found("Built a WhatsApp bot and a Telegram channel").isEmpty)
        #expect(try found("CSS @media queries and @angular/core").isEmpty)
    }

    @Test func contactLinks() throws {
        #expect(try found("Book at calendly.com/jane/30min.") == ["contact link: calendly.com/jane/30min"])
        #expect(try found("https://wa.me/15552013344") == ["contact link: https://wa.me/15552013344"])
        #expect(try found("mailto:jane@example.com") == ["contact link: mailto:jane@example.com"])
        #expect(try found("see https://janedoe.dev/contact-me") == ["contact link: https://janedoe.dev/contact-me"])
    }

    @Test func rangesPointAtTheOriginalCharacters() throws {
        let linted = try KindHarness.lint(rule, "title: Zoë ☕️ writer\noverview: Ünïcode 😀 ok — jane [at] gmail [dot] com\n")
        #expect(linted.texts == ["jane [at] gmail [dot] com"])
        #expect(linted.location() == "2:26-2:51")
        let fullwidth = try KindHarness.lint(rule, "overview: é ５５５２０１３３４４\n")
        #expect(fullwidth.location() == "1:13-1:23")
    }

    @Test func rangesInsideBlockScalars() throws {
        let profile = "overview: |\n  Ünïcode line 😀\n  ✨ Skype: zoë.design\n  last line\n"
        let linted = try KindHarness.lint(rule, profile)
        #expect(linted.texts == ["Skype: zoë.design"])
        #expect(linted.location() == "3:5-3:22")
        let folded = try KindHarness.lint(rule, "overview: >\n  first line\n  call 555 201\n  3344 today\n")
        // The number spans a folded line break: the range runs from its start to its end.
        #expect(folded.diagnostics.count == 1)
        #expect(folded.location() == "3:8-4:7")
    }

    @Test func everyTextFieldIsChecked() throws {
        let profile = """
        portfolio:
          - description: write jane@example.com
        specialized_profiles:
          - overview: "Skype: janedoe"
        """
        let linted = try KindHarness.lint(rule + "\napplies_to: [profile, specialized]", profile)
        #expect(linted.diagnostics.map(\.fieldPath) == ["portfolio[0].description", "specialized_profiles[0].overview"])
    }

    @Test func detectionCanBeNarrowed() throws {
        let linted = try KindHarness.lint(rule + "\ndetect: [phone]", "overview: jane@example.com or 555 201 3344\n")
        #expect(linted.texts == ["555 201 3344"])
        #expect(KindHarness.loadError(KindHarness.ruleFile(rule + "\ndetect: [email, fone]"))
            == "rule.yml:6:17: error: 'detect' items must be one of email, phone, messenger, link, not 'fone'")
        #expect(KindHarness.loadError(KindHarness.ruleFile(rule + "\nmin_phone_digits: 2"))
            == "rule.yml:6:19: error: 'min_phone_digits' must be between 5 and 30, not 2")
        // A count past any phone number used to break the built-in patterns and crash.
        #expect(KindHarness.loadError(KindHarness.ruleFile(rule + "\nmin_phone_digits: 9223372036854775807"))
            == "rule.yml:6:19: error: 'min_phone_digits' must be between 5 and 30, not 9223372036854775807")
    }

    @Test func linkPolicyFlagsUnlistedAndBlockedHosts() throws {
        let rule = "kind: link-policy\nfield: overview\nblocked_hosts: [instagram.com]"
        let profile = "overview: \"Zoë: https://Zoe-Studio.com/work, instagram.com/zoe and gist.github.com/zoe, Node.js\"\n"
        let linted = try KindHarness.lint(rule, profile, message: "{host} {status}")
        #expect(linted.diagnostics.map(\.message) == ["zoe-studio.com unlisted", "instagram.com blocked"])
        #expect(linted.texts == ["https://Zoe-Studio.com/work", "instagram.com/zoe"])
        #expect(linted.location(0) == "1:17-1:44")
    }

    @Test func linkPolicyCanReportOnlyBlockedHosts() throws {
        let rule = "kind: link-policy\nfield: portfolio[].url\nblocked_hosts: [www.facebook.com]\nflag_unlisted: false"
        let linted = try KindHarness.lint(rule, "portfolio:\n  - url: https://example.org/a\n  - url: https://m.facebook.com/p/1\n")
        #expect(linted.diagnostics.map(\.fieldPath) == ["portfolio[1].url"])
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: link-policy\nflag_unlisted: false"))
            == "rule.yml:1:5: error: kind 'link-policy' with 'flag_unlisted: false' needs 'blocked_hosts', or it reports nothing")
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: link-policy\nallowed_hosts: ['https://x.com']"))
            == "rule.yml:6:16: error: 'allowed_hosts' items must be host names such as 'github.com', not 'https://x.com'")
    }

    /// The hand-written host check accepts what the pattern it replaced accepted
    /// (`^label(\.label)+$`, labels of a-z, 0-9 and inner hyphens) and nothing else.
    @Test func hostNamesAreDotSeparatedLabels() {
        for host in ["github.com", "gist.github.com", "a.b", "x-1.co", "123.io", "my--site.dev"] {
            #expect(LinkPolicyCheck.isHostName(host), "\(host)")
        }
        for host in ["", "github", ".com", "github.", "a..b", "-a.com", "a-.com", "a.-com", "a.com-", "Github.com",
                     "https://x.com", "x.com/path", "a b.com", "é.com", "a_b.com", "github.com\n"] {
            #expect(!LinkPolicyCheck.isHostName(host), "\(host)")
        }
    }
}
