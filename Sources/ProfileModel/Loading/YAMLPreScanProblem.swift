/// What `YAMLPreScan` refuses, at the offset of the offending character.
struct YAMLPreScanProblem: Equatable {
    enum Kind: Equatable {
        /// A map key that is an alias, a list or a map.
        case complexKey
        /// A `#` right after a token (`"a"#`, `]#`, `,#`, `>#`, `%YAML 1.2#`): libyaml takes
        /// it for a comment, YAML does not.
        case commentWithoutSpace
        /// A line inside a quoted scalar or flow collection (opened at `opener`) that is
        /// not indented past the block node it belongs to (at column `parent`).
        case underIndented(opener: Int, parent: Int)
        /// The same, where a tab stands in for the missing spaces.
        case tabIndented(opener: Int, parent: Int)
        /// `-` followed by a blank, `,` or a bracket inside `[ ]` or `{ }`.
        case dashInFlow
        /// An empty line at the start of a block scalar with more spaces than its first
        /// line of text.
        case blockScalarLeadingSpaces(spaces: Int, textIndent: Int)
    }

    var offset: Int
    var kind: Kind

    /// The error message, with the place an opener is at when there is one.
    func message(in file: SourceFile) -> String {
        switch kind {
        case .complexKey:
            return "a map key must be text; lists, maps and aliases cannot be keys"
        case .commentWithoutSpace:
            return "a comment needs a space before '#'"
        case .underIndented(let opener, let parent):
            let (name, close) = Self.describe(file.bytes[opener])
            return "a line inside the \(name) opened at \(file.position(ofByte: opener)) must be indented by at least "
                + "\(Self.spaces(parent + 1)), more than its key or '-' (is a closing '\(close)' missing?)"
        case .tabIndented(let opener, let parent):
            let (name, _) = Self.describe(file.bytes[opener])
            return "a line inside the \(name) opened at \(file.position(ofByte: opener)) must start with at least "
                + "\(Self.spaces(parent + 1)), more than its key or '-'; a tab does not count as indentation"
        case .dashInFlow:
            return "inside [ ] or { }, '-' followed by a space, a comma or a bracket cannot start a value; quote it ('-') or remove it"
        case .blockScalarLeadingSpaces(let spaces, let textIndent):
            return "this empty line at the start of a block scalar has \(Self.spaces(spaces)), more than its first line of text "
                + "(\(textIndent)); remove the extra spaces"
        }
    }

    private static func describe(_ opener: UInt8) -> (name: String, close: String) {
        switch opener {
        case UInt8(ascii: "["): return ("[ ] list", "]")
        case UInt8(ascii: "{"): return ("{ } map", "}")
        case UInt8(ascii: "'"): return ("quoted text", "'")
        default: return ("quoted text", "\"")
        }
    }

    private static func spaces(_ count: Int) -> String {
        count == 1 ? "1 space" : "\(count) spaces"
    }
}
