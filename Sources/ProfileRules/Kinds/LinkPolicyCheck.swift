import Foundation
import ProfileModel
import ProfileText

/// `link-policy`: links in text fields go only to allowed hosts.
///
/// A link is a `http(s)://` URL, a `www.` address, or a bare domain with a common top-level
/// domain (`janedoe.com/work`; `.js`, `.net` and `.io` are left out bare because tool names
/// such as `Node.js`, `ASP.NET` and `Socket.io` use them). Its host matches a listed host
/// when equal to it or a subdomain of it (`gist.github.com` matches `github.com`).
///
/// - `blocked_hosts`: always reported (`{status}` is `blocked`).
/// - `allowed_hosts`: never reported (default: code, design and media hosts that show work
///   samples, such as GitHub and Stack Overflow).
/// - `flag_unlisted` (default true): also report hosts on neither list (`{status}` is `unlisted`).
/// Messaging and scheduling links are left to `contact-info` (see its `contact_hosts`).
/// Without `field`, every text field of the section is checked.
package struct LinkPolicyCheck: CheckKind {
    package static let name = "link-policy"
    package static let summary = "Links in text fields go only to allowed hosts."
    package static let needsField = false
    package static let argumentNames = ["url", "host", "status"]

    static let defaultAllowedHosts = [
        "github.com", "github.io", "gitlab.com", "bitbucket.org", "stackoverflow.com", "stackexchange.com",
        "behance.net", "dribbble.com", "figma.com", "codepen.io", "kaggle.com", "huggingface.co",
        "npmjs.com", "pypi.org", "apps.apple.com", "play.google.com", "youtube.com", "youtu.be", "vimeo.com",
    ]

    static let allowedHostsParameter = Parameter.strings("allowed_hosts", default: defaultAllowedHosts,
                                                         "Hosts (and their subdomains) never reported; the default lists work-sample hosts.")
    static let blockedHostsParameter = Parameter.strings("blocked_hosts", "Hosts (and their subdomains) always reported.")
    static let flagUnlistedParameter = Parameter.flag("flag_unlisted", default: true, "Also report hosts on neither list.")
    package static let parameters = [allowedHostsParameter.spec, blockedHostsParameter.spec, flagUnlistedParameter.spec]

    static let bareTopLevelDomains = [
        "com", "org", "co", "me", "dev", "app", "ai", "info", "biz", "xyz", "site", "online", "store", "shop",
        "blog", "page", "us", "uk", "ca", "au", "de", "fr", "es", "it", "nl", "in", "eu",
    ]

    let fields: [FieldPath]
    let allowedHosts: [String]
    let blockedHosts: [String]
    let flagUnlisted: Bool

    package init(rule: Rule) throws(RuleFileError) {
        fields = rule.fields
        let parameters = rule.parameters
        allowedHosts = try Self.hosts(parameters, Self.allowedHostsParameter)
        blockedHosts = try Self.hosts(parameters, Self.blockedHostsParameter)
        flagUnlisted = try parameters.value(Self.flagUnlistedParameter)
        if !flagUnlisted, blockedHosts.isEmpty {
            throw RuleFileError(file: rule.file, range: rule.idRange,
                                message: "kind '\(Self.name)' with '\(Self.flagUnlistedParameter.spec.key): false' needs '\(Self.blockedHostsParameter.spec.key)', or it reports nothing")
        }
    }

    /// The link patterns, in the order they take links: every link-policy rule uses the same
    /// ones, compiled once per process when a text is first checked.
    static let urlPatterns: [ICUExpression] = {
        let tlds = bareTopLevelDomains.joined(separator: "|")
        return [
            .shared(#"\bhttps?://[^\s"'<>]+"#),
            .shared(#"(?<![\w.@/\-])www\.[a-z0-9\-]+(?:\.[a-z0-9\-]+)+(?:[/?#][^\s"'<>]*)?"#),
            .shared(#"(?<![\w.@/\-])[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9\-]+)*\.(?:\#(tlds))(?![\w\-@])(?:[/?#][^\s"'<>]*)?"#),
        ]
    }()

    /// What a text needs for each of `urlPatterns` to match it (the folded text is lower case,
    /// as the patterns expect): `://`, `www.`, or a dot before a listed top-level domain that
    /// ends there. Most fields hold none of them, and the third pattern tried a match at every
    /// letter of a text without one.
    static let urlRequirements: [GuardedPattern.Requirement] = [
        .anyOf(["://"]), .anyOf(["www."]), .test(mayHoldBareDomain),
    ]

    /// Whether `bytes` holds `.` and a listed top-level domain followed by no `\w`, `-` or `@`
    /// (what the bare-domain pattern's end matches; a non-ASCII character after it is taken to
    /// end the domain, so the test errs only towards running the pattern).
    static func mayHoldBareDomain(_ bytes: [UInt8]) -> Bool {
        var dot = bytes.startIndex
        while let found = bytes[dot...].firstIndex(of: UInt8(ascii: ".")) {
            dot = found + 1
            for domain in bareTopLevelDomainBytes where bytes[dot...].starts(with: domain) {
                let end = dot + domain.count
                if end == bytes.count || !isDomainContinuation(bytes[end]) { return true }
            }
        }
        return false
    }

    private static let bareTopLevelDomainBytes = bareTopLevelDomains.map { Array($0.utf8) }

    /// An ASCII byte `(?![\w\-@])` rejects: a letter, digit, `_`, `-` or `@`.
    private static func isDomainContinuation(_ byte: UInt8) -> Bool {
        byte < 0x80 && ((0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@"))
    }

    /// A host list: lower-cased, without a scheme or `www.`; anything else is a located error.
    static func hosts(_ parameters: RuleParameters, _ parameter: Parameter<[String]>) throws(RuleFileError) -> [String] {
        let items = try parameters.value(parameter)
        return try items.map { item throws(RuleFileError) in
            let host = item.lowercased()
            guard isHostName(host) else {
                throw parameters.invalid(parameter, "items must be host names such as 'github.com', not '\(item)'")
            }
            return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        }
    }

    /// Whether `host` is two or more dot-separated labels of `a-z`, `0-9` and `-`, none starting
    /// or ending with `-` (checked by hand: a regular expression per item cost start-up time).
    static func isHostName(_ host: String) -> Bool {
        let labels = host.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { label in
            guard let first = label.first, let last = label.last, first != UInt8(ascii: "-"), last != UInt8(ascii: "-") else {
                return false
            }
            return label.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "-")
            }
        }
    }

    package func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for value in section.textValues(fields) {
            let folded = FoldedText(value.text)
            let bytes = Array(folded.text.utf8)
            let utf8 = Array(value.text.utf8)
            var taken: [Range<Int>] = []
            let matches: [[Range<Int>]]
            do throws(ICUExpression.Problem) {
                matches = try zip(Self.urlPatterns, Self.urlRequirements).map { pattern, requirement throws(ICUExpression.Problem) in
                    requirement.holds(for: bytes) ? try pattern.characterRanges(in: folded.text, bytes: bytes) : []
                }
            } catch {
                findings.append(Finding(failure: "its link patterns could not run on this text, which was not checked: \(error.summary)",
                                        range: value.sourceRange(0..<utf8.count), fieldPath: value.path))
                continue
            }
            for patternMatches in matches {
                for match in patternMatches {
                    let range = ContactLinks.trimTrailingPunctuation(match, bytes)
                    guard !range.isEmpty, !taken.contains(where: { $0.overlaps(range) }) else { continue }
                    taken.append(range)
                    let url = String(decoding: bytes[range], as: UTF8.self)
                    let host = Self.host(of: url)
                    let status: String
                    if Self.matches(host, blockedHosts) {
                        status = "blocked"
                    } else if Self.matches(host, allowedHosts) || !flagUnlisted || Self.isContactLink(url) {
                        continue
                    } else {
                        status = "unlisted"
                    }
                    let original = folded.originalRange(range)
                    findings.append(Finding(range: value.sourceRange(original), fieldPath: value.path, arguments: [
                        "url": String(decoding: utf8[original], as: UTF8.self), "host": host, "status": status,
                    ]))
                }
            }
        }
        return findings.sorted { $0.range < $1.range }
    }

    /// The host of a (folded) URL without scheme, `www.`, user info or port.
    static func host(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let end = rest.firstIndex(where: { "/?#".contains($0) }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if let colon = rest.firstIndex(of: ":") { rest = rest[..<colon] }
        if rest.hasPrefix("www.") { rest = rest.dropFirst(4) }
        return String(rest)
    }

    /// Whether `host` is one of `hosts` or a subdomain of one.
    static func matches(_ host: String, _ hosts: [String]) -> Bool {
        hosts.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    /// Messaging and scheduling links, which `contact-info` reports.
    static func isContactLink(_ url: String) -> Bool {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if rest.hasPrefix("www.") { rest = rest.dropFirst(4) }
        return ContactLinks.defaultHosts.contains { rest == $0 || rest.hasPrefix($0 + "/") || rest.hasPrefix($0 + "?") }
    }
}
