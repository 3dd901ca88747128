/// Applies fixes to a file's bytes as byte-range edits, leaving every other byte as it
/// was (comments, key order, quoting, line endings).
///
/// Fixes are taken in the order given; a fix whose edits overlap an edit already taken is
/// left for a later pass (`LintSession.fix` re-lints and tries again). A fix whose edits
/// fall outside the file, cut a UTF-8 sequence or overlap each other is invalid and skipped.
public enum FixApplier {
    /// The most lint-and-fix rounds `fixRepeatedly` runs by default.
    public static let defaultMaxPasses = 10

    /// What applying fixes did.
    package struct Outcome: Sendable {
        /// The new bytes.
        package var bytes: [UInt8]
        /// The fixes applied, in the order given.
        var applied: [Fix]
        /// Fixes not applied because they overlap an applied one.
        var deferred: [Fix]
        /// Fixes that can never apply (bad ranges).
        package var invalid: [Fix]
    }

    /// Applies every fix of `fixes` that does not overlap an earlier one; identical fixes count once.
    package static func apply(_ fixes: [Fix], to bytes: [UInt8]) -> Outcome {
        var taken: [TextEdit] = []
        var outcome = Outcome(bytes: bytes, applied: [], deferred: [], invalid: [])
        var seen = Set<[TextEdit]>()
        for fix in fixes where seen.insert(fix.edits).inserted {
            guard isValid(fix, in: bytes) else {
                outcome.invalid.append(fix)
                continue
            }
            if fix.edits.contains(where: { edit in taken.contains { overlaps($0.range, edit.range) } }) {
                outcome.deferred.append(fix)
                continue
            }
            taken += fix.edits
            outcome.applied.append(fix)
        }
        // Apply from the end so earlier offsets stay valid; an insertion at the end of a
        // replaced range goes after the replacement.
        for edit in taken.sorted(by: { ($0.range.lowerBound, $0.range.upperBound) > ($1.range.lowerBound, $1.range.upperBound) }) {
            outcome.bytes.replaceSubrange(edit.range.lowerBound..<edit.range.upperBound, with: Array(edit.replacement.utf8))
        }
        return outcome
    }

    /// Whether two edit ranges conflict: they share a byte, an insertion falls strictly
    /// inside the other range, or both insert at the same place (their order would be arbitrary).
    static func overlaps(_ a: ByteRange, _ b: ByteRange) -> Bool {
        if a.isEmpty && b.isEmpty { return a.lowerBound == b.lowerBound }
        if a.isEmpty { return b.lowerBound < a.lowerBound && a.lowerBound < b.upperBound }
        if b.isEmpty { return a.lowerBound < b.lowerBound && b.lowerBound < a.upperBound }
        return a.lowerBound < b.upperBound && b.lowerBound < a.upperBound
    }

    private static func isValid(_ fix: Fix, in bytes: [UInt8]) -> Bool {
        guard !fix.edits.isEmpty else { return false }
        for (index, edit) in fix.edits.enumerated() {
            let range = edit.range
            guard range.lowerBound >= 0, range.upperBound <= bytes.count,
                  isBoundary(range.lowerBound, in: bytes), isBoundary(range.upperBound, in: bytes) else { return false }
            if fix.edits[(index + 1)...].contains(where: { overlaps($0.range, range) }) { return false }
        }
        return true
    }

    /// Whether `offset` is not inside a UTF-8 sequence.
    private static func isBoundary(_ offset: Int, in bytes: [UInt8]) -> Bool {
        offset == bytes.count || bytes[offset] & 0xC0 != 0x80
    }

    /// The result of fixing one file.
    public struct Result: Sendable {
        /// The file before fixing.
        public var original: SourceFile
        /// The file after fixing (the same bytes when nothing applied).
        public var fixed: SourceFile
        /// The diagnostics that remain in the fixed file.
        public var result: LintResult
        /// How many fixes were applied over all passes.
        public var appliedCount: Int
        /// How many lint-and-fix rounds changed the file.
        public var passes: Int

        public var changed: Bool { original.bytes != fixed.bytes }
    }

    /// Lints `file`, applies the machine-applicable fixes of its diagnostics (those with
    /// exactly one fix: alternatives are for a person to choose), and re-lints the new text,
    /// until no fix applies, a round would bring back an earlier text, or `maxPasses` rounds
    /// ran. Returns the final text and the diagnostics that remain in it.
    static func fixRepeatedly(_ file: SourceFile, maxPasses: Int = defaultMaxPasses,
                                     lint: (SourceFile) -> LintResult) -> Result {
        var current = file
        var result = lint(file)
        var seen: Set<[UInt8]> = [file.bytes]
        var applied = 0
        var passes = 0
        while passes < maxPasses {
            let fixes = result.diagnostics.compactMap { $0.fixes.count == 1 ? $0.fixes[0] : nil }
            guard !fixes.isEmpty else { break }
            let outcome = apply(fixes, to: current.bytes)
            guard !outcome.applied.isEmpty, seen.insert(outcome.bytes).inserted else { break }
            passes += 1
            applied += outcome.applied.count
            current = SourceFile(path: file.path, bytes: outcome.bytes)
            result = lint(current)
        }
        return Result(original: file, fixed: current, result: result, appliedCount: applied, passes: passes)
    }
}
