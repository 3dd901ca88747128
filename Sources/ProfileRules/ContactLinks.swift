/// What the contact-info and link-policy kinds both know about links, so neither kind
/// depends on the other.
enum ContactLinks {
    /// Hosts (with an optional path prefix) of messaging, scheduling and form links: a way to
    /// reach the freelancer off the marketplace.
    static let defaultHosts = [
        "wa.me", "api.whatsapp.com", "chat.whatsapp.com", "t.me", "telegram.me", "telegram.dog", "m.me",
        "messenger.com", "discord.gg", "discord.com/users", "discordapp.com/users", "join.skype.com",
        "calendly.com", "cal.com", "zcal.co", "meet.google.com", "zoom.us/j", "line.me", "signal.me",
        "viber.click", "forms.gle", "docs.google.com/forms", "typeform.com", "jotform.com", "linktr.ee",
    ]

    /// A URL match without the sentence punctuation that follows it.
    static func trimTrailingPunctuation(_ range: Range<Int>, _ bytes: [UInt8]) -> Range<Int> {
        var end = range.upperBound
        while end > range.lowerBound, ".,;:!?)]}".utf8.contains(bytes[end - 1]) { end -= 1 }
        return range.lowerBound..<end
    }
}
