import ProfileModel

/// A located error in a rule or config file: the file, the key's place, and what is wrong.
/// A file with several independent mistakes reports them all at once: the first is this
/// error's own, the rest are in `further`, in file order (see `RuleFileErrors`).
public struct RuleFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var position: SourcePosition
    public var message: String
    /// The other errors reported with this one, in file order.
    public var further: [RuleFileError] = []

    public init(file: SourceFile, range: ByteRange, message: String) {
        self.path = file.path
        self.position = file.position(ofByte: range.lowerBound)
        self.message = message
    }

    /// Every error reported together, each alone, in file order.
    public var all: [RuleFileError] {
        var first = self
        first.further = []
        return [first] + further.flatMap(\.all)
    }

    /// One line per error: `PATH:LINE:COL: error: MESSAGE`.
    public var description: String {
        all.map { "\($0.path):\($0.position.line):\($0.position.column): error: \($0.message)" }.joined(separator: "\n")
    }
}

/// Collects independent located errors so that a file reports all of them in one run.
public struct RuleFileErrors: Sendable {
    public private(set) var errors: [RuleFileError] = []

    public init() {}

    /// Runs `body`; its error is kept (and nil returned) instead of stopping the caller.
    public mutating func attempt<Value>(_ body: () throws(RuleFileError) -> Value) -> Value? {
        do { return try body() } catch {
            errors += error.all
            return nil
        }
    }

    public mutating func append(_ error: RuleFileError) {
        errors += error.all
    }

    /// Throws every collected error at once (`combined`).
    public func throwIfAny() throws(RuleFileError) {
        if let combined { throw combined }
    }

    /// Every collected error as one, ordered by file (first seen first), then line and column; nil when none.
    package var combined: RuleFileError? {
        guard !errors.isEmpty else { return nil }
        var fileOrder: [String: Int] = [:]
        for error in errors where fileOrder[error.path] == nil { fileOrder[error.path] = fileOrder.count }
        let sorted = errors.enumerated().sorted { left, right in
            let l = left.element, r = right.element
            return (fileOrder[l.path]!, l.position.line, l.position.column, left.offset)
                < (fileOrder[r.path]!, r.position.line, r.position.column, right.offset)
        }.map(\.element)
        var combined = sorted[0]
        combined.further = Array(sorted.dropFirst())
        return combined
    }
}
