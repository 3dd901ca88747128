/// Drops repeated posts: the same id (when the file's ids can be trusted), the same URL, or
/// the same normalized title and description as an earlier post.
struct DuplicateFilter {
    private var seenIDs = Set<String>(), seenURLs = Set<String>(), seenContent = Set<ContentKey>()
    /// The ids of the file being read, kept for later files once the file's ids are trusted.
    private var fileIDs = Set<String>()

    /// What a post is compared by, computed beside its field mapping (on all cores) so that
    /// the filter, which runs in post order on one thread, only looks keys up.
    struct Keys: Sendable {
        var content: ContentKey
        var url: String?

        init(_ post: JobPost) {
            content = ContentKey(post)
            url = post.url.map(DuplicateFilter.normalizedURL)
        }
    }

    /// Whether `post` repeats an earlier post's text or URL, and whether it repeats an earlier
    /// id (of an earlier file whose ids were trusted, or of this file: it counts only if this
    /// file's ids are, which is known at its end). Records the post either way.
    mutating func repeats(_ post: JobPost, keys: Keys) -> (byText: Bool, byID: Bool) {
        let newContent = seenContent.insert(keys.content).inserted
        let newURL = keys.url.map { seenURLs.insert($0).inserted } ?? true
        let byID = post.id.map { !fileIDs.insert($0).inserted || seenIDs.contains($0) } ?? false
        return (!newContent || !newURL, byID)
    }

    /// Ends a file: its ids are kept for the files after it when they were trusted.
    mutating func endFile(trustIDs: Bool) {
        if trustIDs { seenIDs.formUnion(fileIDs) }
        fileIDs.removeAll()
    }

    /// Whether the ids of one file name posts, told post by post: scraped files sometimes hold
    /// truncated ids (`~01`) shared by different posts. Then the file's ids are not used to
    /// find duplicates, and one warning says so.
    struct IDCheck {
        private var contentByID: [String: ContentKey] = [:]
        private var sharing: [String: Int] = [:]
        private var firstConflict: (location: PostLocation, id: String)?

        mutating func add(_ post: JobPost, content: ContentKey) {
            guard let id = post.id else { return }
            if let known = contentByID[id] {
                if known != content {
                    sharing[id, default: 1] += 1
                    if firstConflict == nil { firstConflict = (post.location, id) }
                }
            } else {
                contentByID[id] = content
            }
        }

        /// Whether the ids can be trusted; when not, the warning is appended to `issues`.
        func trusted(issues: inout [CorpusIssue]) -> Bool {
            guard let conflict = firstConflict, let worst = sharing.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { return true }
            issues.append(CorpusIssue(conflict.location,
                "id '\(conflict.id)' is shared by posts with different text (id '\(worst.key)' by \(worst.value) posts); ids in this file are not used to find duplicates"))
            return false
        }
    }

    /// `https://host/path/?query#fragment` → `host/path` (case of the path kept).
    static func normalizedURL(_ url: String) -> String {
        ByteSearch.isASCII(url) ? asciiNormalizedURL(url) : unicodeNormalizedURL(url)
    }

    /// `normalizedURL` by characters, for any text.
    static func unicodeNormalizedURL(_ url: String) -> String {
        var text = Substring(url.trimmingSpaces)
        if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = text[..<cut] }
        for scheme in ["https://", "http://"] where text.lowercased().hasPrefix(scheme) { text = text.dropFirst(scheme.count) }
        while text.hasSuffix("/") { text = text.dropLast() }
        return text.lowercased().hasPrefix("www.") ? String(text.dropFirst(4)) : String(text)
    }

    /// `normalizedURL` of an ASCII URL (nearly every one), on its bytes in place: the same steps
    /// without lowercased copies of the whole URL.
    static func asciiNormalizedURL(_ url: String) -> String {
        var url = url
        return url.withUTF8 { bytes in
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
            var start = 0, end = bytes.count
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            var cut = start
            while cut < end, bytes[cut] != UInt8(ascii: "?"), bytes[cut] != UInt8(ascii: "#") { cut += 1 }
            end = cut
            /// Whether the bytes from `start` begin with `prefix` (lowercase ASCII), ignoring case.
            func hasPrefix(_ prefix: StaticString) -> Bool {
                guard end - start >= prefix.utf8CodeUnitCount else { return false }
                return (0..<prefix.utf8CodeUnitCount).allSatisfy { offset in
                    let byte = bytes[start + offset]
                    return ((0x41...0x5A).contains(byte) ? byte + 0x20 : byte) == prefix.utf8Start[offset]
                }
            }
            if hasPrefix("https://") { start += 8 }
            if hasPrefix("http://") { start += 7 }
            while end > start, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
            if hasPrefix("www.") { start += 4 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }
}
