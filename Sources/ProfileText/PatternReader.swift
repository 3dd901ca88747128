/// Reads the needs of `PatternRequirement` from an ICU pattern. Every method returns nil for
/// syntax it does not understand (the pattern then gets no requirement).
struct PatternReader {
    typealias Need = PatternRequirement.Need

    /// What one atom matches: one character of a class (nil class: any character), or a group.
    private enum Atom {
        case character(Need?)
        case group([Need])
        case zeroWidth
        /// A positive lookahead for one character of a class: the next character is in it.
        case lookahead(Need?)
    }

    /// What an escape after `\` stands for.
    private enum Escape {
        /// One character of a class (nil: of any class).
        case character(Need?)
        case zeroWidth
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    var atEnd: Bool { index == scalars.count }

    private var next: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard next == scalar else { return false }
        index += 1
        return true
    }

    /// The needs of a sequence up to `)` or the end (none past an alternation's `|`).
    mutating func sequence() -> [Need]? {
        var needs: [Need] = [], alternation = false
        var lookahead: Need?
        while let scalar = next, scalar != ")" {
            if take("|") {
                alternation = true
                continue
            }
            guard let atom = atom(), let minimum = quantifier() else { return nil }
            switch atom {
            case .zeroWidth: continue
            case .lookahead(let need):
                lookahead = need
                continue
            case .character(let need):
                // After `(?=[S])` the first character matched is in S.
                if let need = lookahead ?? need, minimum > 0 {
                    // A lookahead says nothing of the repetitions after the first character.
                    needs.append(Need(ascii: need.ascii, nonASCII: need.nonASCII, run: lookahead == nil ? minimum : 1, count: 1))
                }
            case .group(let inner):
                if minimum > 0 { needs += inner.map { Need(ascii: $0.ascii, nonASCII: $0.nonASCII, run: $0.run, count: $0.count * minimum) } }
            }
            lookahead = nil
        }
        return alternation ? [] : needs
    }

    private mutating func atom() -> Atom? {
        guard let scalar = next else { return nil }
        index += 1
        switch scalar {
        case "(": return group()
        case "[": return characterClass().map { .character($0) }
        case "\\":
            switch escape(inClass: false) {
            case .character(let need): return .character(need)
            case .zeroWidth: return .zeroWidth
            case nil: return nil
            }
        case ".": return .character(nil)
        case "^", "$": return .zeroWidth
        case "*", "+", "?", "{", ")", "|": return nil
        default: return .character(Self.literal(scalar))
        }
    }

    private mutating func group() -> Atom? {
        var kind = "capture"
        if take("?") {
            if take(":") || take(">") { kind = "capture" } else if take("=") { kind = "lookahead" } else if take("!") {
                kind = "negative"
            } else if take("<"), take("=") || take("!") { kind = "negative" } else { return nil }  // names, flags, comments
        }
        guard let inner = sequence(), take(")") else { return nil }
        switch kind {
        case "lookahead": return .lookahead(inner.count == 1 && inner[0].run == 1 && inner[0].count == 1 ? inner[0] : nil)
        case "negative": return .zeroWidth
        default: return .group(inner)
        }
    }

    /// The least number of repetitions of the quantifier after an atom (1 without one).
    private mutating func quantifier() -> Int? {
        var minimum = 1
        if take("*") || take("?") {
            minimum = 0
        } else if take("+") {
            minimum = 1
        } else if take("{") {
            var digits = ""
            while let scalar = next, ("0"..."9").contains(scalar) { digits.unicodeScalars.append(scalar); index += 1 }
            guard let value = Int(digits) else { return nil }
            while let scalar = next, scalar != "}" { guard scalar == "," || ("0"..."9").contains(scalar) else { return nil }; index += 1 }
            guard take("}") else { return nil }
            minimum = value
        } else {
            return 1
        }
        _ = take("?") || take("+")
        return minimum
    }

    /// The escape after a `\` (nil: not understood).
    private mutating func escape(inClass: Bool) -> Escape? {
        guard let scalar = next else { return nil }
        index += 1
        switch scalar {
        case "p":
            guard take("{") else { return nil }
            var name = ""
            while let scalar = next, scalar != "}" { name.unicodeScalars.append(scalar); index += 1 }
            guard take("}") else { return nil }
            return .character(PatternRequirement.propertyASCII[name].map { Need(ascii: $0, nonASCII: true, run: 1, count: 1) })
        case "X", "s", "S", "d", "D", "w", "W", "h", "H", "v", "V", "R", "P", "N": return .character(nil)
        case "b", "B", "A", "z", "Z", "G": return inClass ? nil : .zeroWidth
        case "t": return .character(Self.literal("\t"))
        case "n": return .character(Self.literal("\n"))
        case "r": return .character(Self.literal("\r"))
        default:
            // Escaped punctuation stands for itself; other letters and digits mean more.
            guard scalar.isASCII, !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) else { return nil }
            return .character(Self.literal(scalar))
        }
    }

    /// A class `[...]` of literals, ranges and known properties (nil class: not understood as
    /// a set, matches any character; nil: unreadable).
    private mutating func characterClass() -> Need?? {
        var set = PatternRequirement.ASCIISet(), nonASCII = false, known = true
        if take("^") { known = false }
        // `[:Lu:]` is a property in ICU, not a class of ':', 'L' and 'u'.
        guard next != "]", next != ":" else { return nil }
        while let scalar = next, scalar != "]" {
            index += 1
            var member: Need?
            switch scalar {
            case "[", "&": return nil  // nested sets and set operations
            case "\\":
                // A range from an escaped character is not read.
                guard case .character(let escaped) = escape(inClass: true), next != "-" else { return nil }
                member = escaped
            default:
                member = Self.literal(scalar)
                if next == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                    index += 1
                    guard let end = next, end != "\\", end != "[" else { return nil }
                    index += 1
                    guard scalar.value <= end.value else { return nil }
                    if scalar.isASCII { for value in scalar.value...min(end.value, 127) { set.insert(UInt8(value)) } }
                    nonASCII = nonASCII || !end.isASCII
                    continue
                }
            }
            guard let member else { known = false; continue }
            set.formUnion(member.ascii)
            nonASCII = nonASCII || member.nonASCII
        }
        guard take("]") else { return nil }
        return .some(known ? Need(ascii: set, nonASCII: nonASCII, run: 1, count: 1) : nil)
    }

    /// One literal character.
    private static func literal(_ scalar: Unicode.Scalar) -> Need {
        scalar.isASCII ? Need(ascii: PatternRequirement.ASCIISet([UInt8(scalar.value)]), nonASCII: false, run: 1, count: 1)
            : Need(ascii: PatternRequirement.ASCIISet(), nonASCII: true, run: 1, count: 1)
    }
}
