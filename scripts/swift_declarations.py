"""Swift declarations as scripts/public-api sees them: a light lexer (comments and string
contents removed, interpolations kept), each `public`/`package` declaration with its enclosing
type and one-line signature, and the rewrite of a declaration's access keyword."""

import re

ACCESS = ("open", "public", "package", "internal", "fileprivate", "private")
DECL_KEYWORDS = ("func", "var", "let", "init", "subscript", "struct", "enum", "class", "actor",
                 "protocol", "typealias", "case", "extension", "associatedtype", "macro")
TYPE_KEYWORDS = ("struct", "enum", "class", "actor", "protocol", "extension")
MODIFIERS = ("static", "final", "override", "nonisolated", "mutating", "nonmutating", "convenience",
             "required", "lazy", "indirect", "weak", "unowned", "dynamic", "class")

ATTRIBUTE = r"@\w+(?:\([^()]*\))?\s+"
MODIFIER = r"(?:(?:%s)(?:\(set\))?|%s)\s+" % ("|".join(ACCESS), "|".join(MODIFIERS))
DECL_RE = re.compile(r"^(\s*)((?:%s)*)((?:%s)*)(%s)\b" % (ATTRIBUTE, MODIFIER, "|".join(DECL_KEYWORDS)))
TYPE_OPEN_RE = re.compile(r"^\s*(?:%s)*(?:%s)*(%s)\s+([A-Za-z_][\w.]*)" % (ATTRIBUTE, MODIFIER, "|".join(TYPE_KEYWORDS)))


def code_lines(text):
    """Each line with comments removed and string literal contents blanked, so braces and
    keywords are only those of the code."""
    out = []
    in_block = 0
    in_multi = None  # closing delimiter of a multi-line string
    for line in text.split("\n"):
        code = []
        i = 0
        n = len(line)
        while i < n:
            if in_block:
                if line.startswith("*/", i):
                    in_block -= 1
                    i += 2
                elif line.startswith("/*", i):
                    in_block += 1
                    i += 2
                else:
                    i += 1
                continue
            if in_multi:
                if line.startswith(in_multi, i):
                    code.append('"')
                    i += len(in_multi)
                    in_multi = None
                elif line.startswith("\\" + in_multi[3:] + "(", i):
                    i = interpolation(line, i + len(in_multi) - 2, code)
                else:
                    i += 1
                continue
            c = line[i]
            if line.startswith("//", i):
                break
            if line.startswith("/*", i):
                in_block = 1
                i += 2
                continue
            m = re.match(r'(#*)"""', line[i:])
            if m:
                in_multi = '"""' + m.group(1)
                code.append('"')
                i += len(m.group(0))
                continue
            m = re.match(r'(#*)"', line[i:])
            if m:
                hashes = m.group(1)
                closing = '"' + hashes
                j = i + len(m.group(0))
                while j < n:
                    if line.startswith("\\" + hashes + "(", j):
                        j = interpolation(line, j + len(hashes) + 1, code)
                        continue
                    if line[j] == "\\" and not hashes:
                        j += 2
                        continue
                    if line.startswith(closing, j):
                        break
                    j += 1
                code.append('""')
                i = j + len(closing)
                continue
            code.append(c)
            i += 1
        out.append("".join(code))
    return out


def interpolation(line, start, code):
    """Adds the expression of the string interpolation whose `(` is at `start` to `code`
    (braces dropped, so they never count as scopes); returns the index after its `)`."""
    level = 0
    for j in range(start, len(line)):
        if line[j] == "(":
            level += 1
        elif line[j] == ")":
            level -= 1
            if level == 0:
                code.append(" " + re.sub(r"[{}]", " ", line[start + 1:j]) + " ")
                return j + 1
    return len(line)


class Decl:
    def __init__(self, module, path, line, type_path, access, key, name, signature):
        self.module = module
        self.path = path
        self.line = line  # 0-based
        self.type_path = type_path
        self.access = access
        self.key = key
        self.name = name
        self.signature = signature


def scan(module, path, requirements=None):
    """Every declaration of `path` that carries an access keyword of `public` or `package`;
    adds the names of protocol requirements to `requirements` when given."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = code_lines(text)
    decls = []
    stack = []  # (name, depth of its body, keyword)
    pending = None
    depth = 0
    for index, code in enumerate(lines):
        m = DECL_RE.match(code)
        if m and requirements is not None and stack and stack[-1][2] == "protocol":
            signature = declaration_signature(lines, index, m.end(4) - len(m.group(4)))
            requirements.add(declared_name(m.group(4), signature, stack))
        if m:
            modifiers = m.group(3).split()
            access = next((w for w in modifiers if w in ACCESS), None)
            if access in ("public", "package"):
                rest = [w for w in modifiers if w != access]
                keyword = m.group(4)
                signature = declaration_signature(lines, index, m.end(4) - len(keyword))
                name = declared_name(keyword, signature, stack)
                type_path = ".".join(s[0] for s in stack) or "-"
                key = "%s | %s | %s" % (module, type_path, " ".join(rest + [signature]))
                decls.append(Decl(module, path, index, type_path, access, key, name, signature))
        t = TYPE_OPEN_RE.match(code)
        if t:
            pending = (t.group(2).split(".")[-1] if t.group(1) != "extension" else t.group(2), t.group(1))
        for c in code:
            if c == "{":
                depth += 1
                if pending is not None:
                    stack.append((pending[0], depth, pending[1]))
                    pending = None
            elif c == "}":
                if stack and stack[-1][1] == depth:
                    stack.pop()
                depth -= 1
    return decls


def declaration_signature(lines, index, start):
    """The declaration from its keyword up to its body, initial value or end, on one line."""
    parts = []
    level = 0  # open ( and [
    angle = 0  # open generic <
    i = index
    column = start
    while i < len(lines):
        segment = lines[i][column:]
        for pos, c in enumerate(segment):
            before = segment[pos - 1] if pos > 0 else " "
            after = segment[pos + 1] if pos + 1 < len(segment) else " "
            if c in "([":
                level += 1
            elif c in ")]":
                level -= 1
            elif c == "<" and (before.isalnum() or before == "_"):
                angle += 1
            elif c == ">" and angle > 0 and before != "-":
                angle -= 1
            elif level <= 0 and angle <= 0 and c == "{":
                parts.append(segment[:pos])
                return normalize(" ".join(parts))
            elif level <= 0 and angle <= 0 and c == "=" and before not in "=!<>" and after != "=":
                parts.append(segment[:pos])
                return normalize(" ".join(parts))
        parts.append(segment)
        if level <= 0:
            break
        i += 1
        column = 0
    return normalize(" ".join(parts))


def normalize(text):
    return re.sub(r"\s+", " ", text).strip().rstrip(",")


def declared_name(keyword, signature, stack):
    if keyword in ("init", "subscript"):
        return stack[-1][0].split(".")[-1] if stack else keyword
    m = re.match(r"\w+\s+(?:case\s+)?`?([A-Za-z_]\w*|[^\sA-Za-z_(:`]+)", signature)
    return m.group(1) if m else keyword


def set_access(path, line, new):
    """Replaces the access keyword of the declaration on `line` with `new` ("" for internal)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    text = lines[line]
    m = DECL_RE.match(text)
    if not m:
        return False
    head = m.group(3)
    words = re.findall(r"\S+\s+", head)
    out = [] if any(w.strip() in ("public", "package", "internal", "open") for w in words) or not new \
        else [new + " "]
    for w in words:
        bare = w.strip()
        if bare in ("public", "package", "internal", "open"):
            if new:
                out.append(new + " ")
        elif new == "" and bare == "internal(set)":
            continue
        else:
            out.append(w)
    lines[line] = text[:m.start(3)] + "".join(out) + text[m.end(3):]
    if lines[line] == text:
        return False
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    return True
