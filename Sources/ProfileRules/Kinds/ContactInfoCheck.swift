import Foundation
import ProfileModel
import ProfileText

/// `contact-info`: text fields share no way to reach the freelancer off the marketplace:
/// email addresses, phone numbers, messenger handles and contact links.
///
/// Matching runs on folded text (`FoldedText`: NFKC case folding), so fullwidth digits
/// and letters, zero-width characters and upper case do not hide anything; findings
/// point at the original characters. Obfuscated forms are recognised:
/// - email: `jane [at] gmail [dot] com`, `jane(at)gmail(dot)com`, `jane at gmail dot com`,
///   `jane @ gmail.com`; a plain ` at ` counts only with an obfuscated dot or a mail
///   provider's domain, so "worked at acme.com" is left to link rules;
/// - phone: `+1 (555) 123-4567`, `555.123.4567`, spaced digits `5 5 5 1 2 3 4 5 6 7`,
///   fullwidth digits, digits written as words (`five five five two oh one ...`); at least
///   `min_phone_digits` digits (default 7), and not years, dates or times (`2019 - 2023`,
///   `2019-03-01`, `20190401`, `0800 - 1400`), a pair such as `1500/500`, an amount
///   (`$1 200 000`), a percentage, or a number in a number, amount or date field
///   (`hourly_rate: 1500000`, `from: 20190401`);
/// - messenger: a messenger's name with a handle or number (`Skype: jane.doe`,
///   `WhatsApp - +44 ...`, `telegram id janedoe`), a request to talk there ("message me
///   on Telegram"), a bare `@handle`, a Discord tag `jane#1234`, a Skype `live:` id;
/// - link: messaging, scheduling and form links (`wa.me/...`, `t.me/...`, `calendly.com/...`,
///   `forms.gle/...`), `mailto:`/`tel:`-style links, and any URL to a `/contact` page.
///
/// Parameters: `detect` (any of email, phone, messenger, link; default all),
/// `min_phone_digits`, `messengers` (names; replaces the built-in list),
/// `contact_hosts` (hosts, optionally with a path prefix; replaces the built-in list).
/// Without `field`, every text field of the section is checked.
package struct ContactInfoCheck: CheckKind {
    package static let name = "contact-info"
    package static let summary = "Text fields share no way to reach the freelancer off the marketplace, obfuscated or not."
    package static let needsField = false
    package static let argumentNames = ["what", "match"]

    /// The kinds of contact detail.
    enum Category: String, CaseIterable, Sendable {
        case email, phone, messenger, link

        var description: String {
            switch self {
            case .link: "contact link"
            case .email: "email address"
            case .phone: "phone number"
            case .messenger: "messenger contact"
            }
        }
    }

    static let defaultMessengers = [
        "skype", "telegram", "whatsapp", "whats app", "discord", "signal", "viber", "wechat", "weixin",
        "line id", "kik", "snapchat", "threema", "icq", "zalo", "hangouts", "google chat", "imessage",
    ]

    static let detectParameter = Parameter.choices("detect", default: Category.allCases,
                                                   "The kinds of contact detail to report.")
    static let minPhoneDigits = Parameter.integer("min_phone_digits", default: 7, min: 5, max: maxPhoneDigits, "A phone number has at least this many digits.")
    static let messengers = Parameter.strings("messengers", default: defaultMessengers, nonEmpty: true,
                                              "Messenger names whose handles are reported (replaces the built-in list).")
    static let contactHosts = Parameter.strings("contact_hosts", default: ContactLinks.defaultHosts, nonEmpty: true,
                                                "Hosts, optionally with a path prefix, of messaging, scheduling and form links (replaces the built-in list).")
    package static let parameters = [detectParameter.spec, minPhoneDigits.spec, messengers.spec, contactHosts.spec]

    /// Mail providers whose domain makes a plain `name at provider.com` an address.
    static let mailProviders = [
        "gmail", "googlemail", "yahoo", "ymail", "outlook", "hotmail", "live", "msn", "icloud", "me", "mac",
        "aol", "proton", "protonmail", "pm", "yandex", "mail", "gmx", "zoho", "qq", "163", "126", "fastmail", "tutanota",
    ]

    let fields: [FieldPath]
    let detect: Set<Category>
    let minPhoneDigits: Int
    /// The largest `min_phone_digits`: E.164 numbers have at most 15 digits, and an extension a few more.
    static let maxPhoneDigits = 30
    let emailPattern: GuardedPattern
    let plainAtEmailPattern: GuardedPattern
    let phonePattern: GuardedPattern
    let spelledPhonePattern: GuardedPattern
    let messengerPatterns: [GuardedPattern]
    let handlePattern: GuardedPattern
    let linkPatterns: [GuardedPattern]

    /// The check with its expressions behind their requirements (`GuardedPattern`), or, with
    /// `guarded` false, each run on every text (what the requirements are tested against).
    /// `shared` makes the expressions that do not come from the rule's parameters (compiled
    /// once per process, by default `ICUExpression.shared`); a test passes fresh ones to see
    /// which get compiled.
    package init(rule: Rule) throws(RuleFileError) {
        try self.init(rule: rule, guarded: true)
    }

    init(rule: Rule, guarded: Bool, shared: (String) -> ICUExpression = { ICUExpression.shared($0) }) throws(RuleFileError) {
        fields = rule.fields
        let parameters = rule.parameters
        detect = Set(try parameters.value(Self.detectParameter))
        minPhoneDigits = try parameters.value(Self.minPhoneDigits)
        let messengers = try parameters.value(Self.messengers)
        let hosts = try parameters.value(Self.contactHosts)
        for (index, host) in hosts.enumerated() where host.contains(where: { $0.isWhitespace || $0 == ":" }) {
            throw parameters.invalid(Self.contactHosts, "item \(index + 1) ('\(host)') must be a host with an optional path, such as 'wa.me' or 'discord.com/users'")
        }

        let at = #"(?:\s*@\s*|\s*[\[\(\{<]\s*at\s*[\]\)\}>]\s*)"#
        let dot = #"(?:\.|\s*[\[\(\{<]\s*dot\s*[\]\)\}>]\s*|\s+dot\s+)"#
        let label = Self.label, local = Self.local
        // A top-level domain, but not a file extension (`avatar@2x.png` is an image name).
        let tld = #"(?!(?:png|jpe?g|gif|svg|webp|heic|pdf|mp4|mov)(?![a-z0-9]))[a-z]{2,24}(?![a-z0-9])"#
        let messengerNames = messengers.map { ICUExpression.escaped($0.lowercased()).replacingOccurrences(of: " ", with: #"\s*"#) }
            .joined(separator: "|")
        let hostAlternatives = hosts.map { ICUExpression.escaped($0.lowercased()) }.joined(separator: "|")
        // A messenger's name starts with its first word, written as it is (nil: a name of spaces only).
        let messengerWords = messengers.map { $0.lowercased().split(separator: " ").first.map(String.init) }
        let namesMessenger: GuardedPattern.Requirement = messengerWords.contains(nil) ? .none : .anyOf(messengerWords.compactMap { $0 })
        let namesHost: GuardedPattern.Requirement = hosts.contains("") ? .none : .anyOf(hosts.map { $0.lowercased() })
        // A pattern built from a parameter the rule sets is compiled now, so that its error is the
        // rule's; the others, the same for every rule, are compiled once per process when first needed.
        func pattern(_ pattern: String, requires requirement: GuardedPattern.Requirement,
                     fromRule: Bool = false) throws(ICUExpression.Problem) -> GuardedPattern {
            let expression = fromRule ? ICUExpression(pattern) : shared(pattern)
            if !guarded || fromRule { try expression.compile() }
            return GuardedPattern(expression, requires: guarded ? requirement : .none)
        }
        do throws(ICUExpression.Problem) {
            emailPattern = try pattern("\(local)\(at)\(label)(?:\(dot)\(label))*\(dot)\(tld)",
                                       requires: .test { $0.contains(UInt8(ascii: "@")) || ContactInfoText.hasBracketedAt($0) })
            // `name at domain`: group 2 is the domain's first label.
            plainAtEmailPattern = try pattern(#"\#(local)(\s+at\s+)(\#(label))(?:\#(dot)\#(label))*\#(dot)\#(tld)"#,
                                              requires: .test(ContactInfoText.mayHoldPlainAtAddress))
            phonePattern = try pattern(#"(?<![\w.,/$€£¥%+\-])\+?\(?[0-9](?:[\s.\-()/–]{0,3}[0-9])+(?![\w%])"#,
                                       requires: .test { $0.contains { (0x30...0x39).contains($0) } })
            // Digits written as words: "five five five, two oh one ...".
            let digitWords = ["zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
            let digitWord = "(?:\(digitWords.joined(separator: "|")))"
            spelledPhonePattern = try pattern(#"\b\#(digitWord)(?:[\s\-.,]+\#(digitWord)){\#(minPhoneDigits - 1),}\b"#,
                                              requires: .anyOf(digitWords))
            messengerPatterns = [
                // A messenger's name, then (optionally) a word for the handle and a separator, then the handle.
                try pattern(#"\b(?:\#(messengerNames))\b\s*(?:(?:id|handle|name|username|user|number|no\.?|#)\s*[:=\-–—]?|[:=\-–—])\s*@?(?:\+?[0-9][0-9\s\-()]{5,}[0-9]|(?:live:)?\#(Self.messengerHandle))"#,
                            requires: namesMessenger, fromRule: parameters.has(Self.messengers)),
                // A request to talk there.
                try pattern(#"\b(?:contact|message|text|call|reach|ping|add|find|dm|chat with|talk to)\s+(?:me|us)\s+(?:on|via|at|through|over|in)\s+(?:\#(messengerNames))\b"#,
                            requires: namesMessenger, fromRule: parameters.has(Self.messengers)),
                // A Discord tag and a Skype live id.
                try pattern(#"(?<![\w#])[a-z0-9_.]{2,32}#[0-9]{4}(?![0-9])"#, requires: .anyOf(["#"])),
                try pattern(#"\blive:[a-z0-9._\-]{3,}"#, requires: .anyOf(["live:"])),
            ]
            handlePattern = try pattern(#"(?<![\w.@])@\#(Self.handleName)(?![\w@/])"#, requires: .anyOf(["@"]))
            linkPatterns = [
                try pattern(#"\b(?:mailto|tel|callto|sms|skype|whatsapp|tg|viber):[^\s"'<>]+"#, requires: .anyOf([":"])),
                try pattern(#"(?<![\w.\-])(?:https?://)?(?:www\.)?(?:\#(hostAlternatives))(?:[/?#][^\s"'<>]*)?(?![\w.\-])"#,
                            requires: namesHost, fromRule: parameters.has(Self.contactHosts)),
                try pattern(#"\bhttps?://[^\s"'<>]+/contact[^\s"'<>]*"#, requires: .anyOf(["/contact"])),
            ]
        } catch {
            throw parameters.invalid(parameters.has(Self.messengers) ? Self.messengers : Self.contactHosts,
                                     "cannot be turned into a pattern: \(error.summary)")
        }
    }

    // Letters and digits of any script (addresses and handles may hold `ë` or `ü`), each set
    // written once where it can be: ICU builds every `\p{L}` and `\p{N}` in a pattern anew by
    // testing each code point, so `[\p{L}\p{N}][...]*[\p{L}\p{N}]` costs three sets where a
    // look-ahead and a look-behind on the punctuation do the same with one. Each matches what
    // the one-set-per-character form matched, in the same order of attempts
    // (`KindExpressionOracleTests` compares them with that form).

    /// A domain label: letters and digits, hyphens inside.
    static let label = #"(?!-)[\p{L}\p{N}\-]+(?<!-)"#
    /// An address's local part, from the start of its run: a letter or digit, then any of `._%+-` too.
    static let local = #"(?<![\p{L}\p{N}._%+\-])(?![._%+\-])[\p{L}\p{N}._%+\-]+"#
    /// A messenger handle: two or more characters, starting with a letter or digit, not ending in `.` or `-`.
    static let messengerHandle = #"(?![._\-])[\p{L}\p{N}._\-]{2,}(?<![.\-])"#
    /// A bare handle's name after `@`: 3 to 32 letters, digits, `_` and `.`, neither first nor last a `.`.
    static let handleName = #"(?!\.)[\p{L}\p{N}_.]{3,32}(?<!\.)"#

    /// Code annotations and CSS at-rules that look like handles.
    static let notHandles: Set<String> = [
        "@media", "@import", "@keyframes", "@font-face", "@supports", "@page", "@charset", "@namespace", "@layer",
        "@override", "@component", "@injectable", "@input", "@output", "@test", "@param", "@return", "@returns",
        "@property", "@objc", "@main", "@state", "@binding", "@published", "@escaping", "@available", "@types",
    ]

    package func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        do throws(GuardedPattern.Failure) {
            return try findings(section)
        } catch {
            return [Finding(failure: error.message, range: ByteRange(0, 0), fieldPath: section.pathPrefix)]
        }
    }

    func findings(_ section: ProfileSection) throws(GuardedPattern.Failure) -> [Finding] {
        var findings: [Finding] = []
        for value in section.textValues(fields) where !Self.isAmountOrDate(value) {
            let folded = FoldedText(value.text)
            let utf8 = Array(value.text.utf8)
            for (category, range) in try contactMatches(in: folded) {
                let original = folded.originalRange(range)
                let written = String(decoding: utf8[original], as: UTF8.self)
                findings.append(Finding(range: value.sourceRange(original), fieldPath: value.path,
                                        arguments: ["what": category.description, "match": written]))
            }
            for run in Self.overriddenRuns(value.text) {
                var seen = Set<String>()
                for (category, _) in try contactMatches(in: FoldedText(run.shown)) where seen.insert(category.description).inserted {
                    findings.append(Finding(range: value.sourceRange(run.range), fieldPath: value.path,
                                            arguments: ["what": category.description, "match": run.shown]))
                }
            }
        }
        return findings
    }

    /// A number in a number, amount or date field (`hourly_rate: 1500000`, `from: 20190401`,
    /// `year: 20220301`) is a value, not text anyone reads as a phone number.
    static func isAmountOrDate(_ value: TextValue) -> Bool {
        guard value.scalar.type == .integer || value.scalar.type == .float else { return false }
        switch ProfileSchema.shape(atValuePath: value.path) {
        case .number?, .money?, .date?: return true
        default: return false
        }
    }

    /// Runs of text after a right-to-left override (U+202E, up to its pop U+202C, an isolate's
    /// end or the line's end), as a reader sees them: reversed, so `\u{202E}moc.liamg@nas` shows
    /// `sam@gmail.com`. `range` is the run's UTF-8 range in `text`, override included.
    static func overriddenRuns(_ text: String) -> [(shown: String, range: Range<Int>)] {
        var runs: [(String, Range<Int>)] = []
        var offset = 0
        var open: (start: Int, scalars: [Unicode.Scalar])?
        func close(at end: Int) {
            guard let run = open else { return }
            var shown = ""
            shown.unicodeScalars.append(contentsOf: run.scalars.reversed())
            if !run.scalars.isEmpty { runs.append((shown, run.start..<end)) }
            open = nil
        }
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            switch scalar.value {
            case 0x202E:
                close(at: offset)
                open = (offset, [])
            case 0x202C, 0x2069, 0x0A, 0x0D:
                close(at: offset + (scalar.value == 0x0A || scalar.value == 0x0D ? 0 : width))
            default:
                open?.scalars.append(scalar)
            }
            offset += width
        }
        close(at: offset)
        return runs
    }

    /// Contact details in folded text, in text order; where matches overlap, the one
    /// offered first wins.
    func contactMatches(in folded: FoldedText) throws(GuardedPattern.Failure) -> [(Category, Range<Int>)] {
        var accepted: [(Category, Range<Int>)] = []
        func offer(_ category: Category, _ ranges: [Range<Int>]) {
            guard detect.contains(category) else { return }
            for range in ranges where !range.isEmpty && !accepted.contains(where: { $0.1.overlaps(range) }) {
                accepted.append((category, range))
            }
        }
        let text = folded.text
        let bytes = Array(text.utf8)
        func matches(_ patterns: [GuardedPattern]) throws(GuardedPattern.Failure) -> [Range<Int>] {
            var ranges: [Range<Int>] = []
            for pattern in patterns { ranges += try pattern.matches(in: text, bytes: bytes) }
            return ranges
        }
        // Most specific first: a link holds an address, a messenger contact may hold a number.
        offer(.link, try matches(linkPatterns).map { ContactLinks.trimTrailingPunctuation($0, bytes) })
        offer(.email, try matches([emailPattern]))
        offer(.email, try plainAtEmails(in: text, bytes: bytes))
        offer(.messenger, try matches(messengerPatterns))
        offer(.phone, try matches([phonePattern]).filter { isPhone(bytes[$0]) })
        offer(.phone, try matches([spelledPhonePattern]))
        offer(.messenger, try matches([handlePattern]).filter {
            !Self.notHandles.contains(String(decoding: bytes[$0], as: UTF8.self))
        })
        return accepted.sorted { $0.1.lowerBound < $1.1.lowerBound }
    }

    /// A dot written as a word (`[dot]`, ` dot `), compiled once per process rather than per match.
    static let obfuscatedDotPattern = GuardedPattern(.shared(#"\sdot\s|[\[\(\{<]\s*dot"#), requires: .anyOf(["dot"]))

    /// `name at domain...` matches whose dot is obfuscated or whose domain is a mail provider
    /// (`bytes`: the UTF-8 of `text`, the folded text).
    func plainAtEmails(in text: String, bytes: [UInt8]) throws(GuardedPattern.Failure) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for match in try plainAtEmailPattern.find(in: text, bytes: bytes, groups: 2) {
            // Group 2 is the domain's first label.
            guard let whole = match[0], let domain = match[2] else { continue }
            let firstLabel = String(decoding: bytes[domain], as: UTF8.self)
            let afterAt = Array(bytes[domain.lowerBound..<whole.upperBound])
            let afterAtText = String(decoding: afterAt, as: UTF8.self)
            if try !Self.obfuscatedDotPattern.matches(in: afterAtText, bytes: afterAt).isEmpty || Self.mailProviders.contains(firstLabel) {
                found.append(whole)
            }
        }
        return found
    }

    /// Whether a digit run is a phone number: enough digits, and not years or an amount.
    func isPhone(_ bytes: ArraySlice<UInt8>) -> Bool {
        let digits = bytes.filter { (0x30...0x39).contains($0) }
        guard digits.count >= minPhoneDigits else { return false }
        let groups = String(decoding: bytes, as: UTF8.self)
            .split(whereSeparator: { !$0.isASCII || !$0.isNumber })
        // Years, dates and times, not numbers to call: `2019 - 2023`, `2019-03-01`, `01.03.2019`,
        // `2019-03 – 2021-05`, `0800 - 1400`, `20190401 - 20220301` (every group a year, a
        // 24-hour time, a compact date or one or two digits, with one of the first three among them).
        let isYear = { (group: Substring) in group.count == 4 && (group.hasPrefix("19") || group.hasPrefix("20")) }
        let isTime = { (group: Substring) in
            group.count == 4 && (Int(group.prefix(2)) ?? 99) < 24 && (Int(group.suffix(2)) ?? 99) < 60
        }
        // A compact date, `20190401` (year 1900-2099, month 01-12, day 01-31).
        let isCompactDate = { (group: Substring) in
            group.count == 8 && isYear(group.prefix(4)) && (1...12).contains(Int(group.dropFirst(4).prefix(2)) ?? 0)
                && (1...31).contains(Int(group.suffix(2)) ?? 0)
        }
        let isDatePart = { (group: Substring) in isYear(group) || isTime(group) || isCompactDate(group) }
        if groups.contains(where: isDatePart), groups.allSatisfy({ isDatePart($0) || $0.count <= 2 }) { return false }
        // `1500/500`: a ratio or a budget pair.
        if groups.count == 2, bytes.contains(UInt8(ascii: "/")) { return false }
        return true
    }
}
