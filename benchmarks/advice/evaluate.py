#!/usr/bin/env python3
"""Advice-quality evaluation of profilelint (see benchmarks/advice/README.md).

Runs the real `profilelint` binary on a labelled corpus, on sub-corpora derived from it and on
extra unlabelled corpora, with the profiles of a manifest, and prints Markdown tables: fit
precision next to a shared-skill-tag baseline computed in the same run, the minority-niche
corpora, niche-focus separation and suggestion hygiene. Standard library only.
"""
import argparse
import ast
import csv
import html.entities
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

# Filler words for the hygiene count, chosen for this evaluation (marketing padding and vague
# verbs that name no work). Written independently of the product's own list.
EVAL_FILLER = set("""
seamless seamlessly innovative cutting-edge passionate passion love hear amazing awesome exciting
excellent great outstanding exceptional robust dynamic efficient effective modern high-quality
world-class top-notch best ideal perfect successful talented dedicated motivated reliable
friendly smooth key senior ensure deliver leverage utilize solution solutions secure maintain
create creative unique impactful engaging intuitive comprehensive various multiple strong solid
""".split())


def words(text):
    """Lowercase alphanumeric words (keeps + and # inside tech names)."""
    return re.findall(r"[a-z0-9][a-z0-9+#]*", text.lower())


def tag_key(tag):
    return re.sub(r"[^a-z0-9+#]", "", tag.lower())


def parse_list(value):
    value = (value or "").strip()
    if value.startswith("["):
        try:
            return [str(item) for item in ast.literal_eval(value)]
        except (ValueError, SyntaxError):
            pass
    return [part.strip() for part in re.split(r"[,;|]", value) if part.strip()]


class CSVCorpus:
    """A CSV corpus read as profilelint reads it: one post per record, keyed by its first line."""

    def __init__(self, path, label_column, skills_column, title_column, url_column, description_column="description",
                 labelled=True):
        self.path = path
        self.rows = []
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            index = {name: position for position, name in enumerate(header)}
            self.header = header
            line = reader.line_num + 1
            for record in reader:
                row = dict(zip(header, record))
                row["_line"] = line
                line = reader.line_num + 1
                self.rows.append(row)
        self.label_column, self.skills_column = label_column, skills_column
        self.title_column, self.url_column = title_column, url_column
        self.description_column = description_column
        missing = [c for c in ((label_column,) if labelled else ()) + (skills_column, title_column) if c not in index]
        if missing:
            sys.exit(f"evaluate.py: {path}: no column {', '.join(missing)}")

    def copy_key(self, row):
        """What makes two rows one post for profilelint: the same title and description after
        case folding and whitespace collapsing (its duplicate rule)."""
        fold = lambda text: " ".join(text.lower().split())
        return fold(row[self.title_column]), fold(row.get(self.description_column, ""))

    def labels_by_copy(self):
        """Every label of each post: a post returned by two labelled searches is in the file
        twice (once per label), and profilelint keeps the first copy; it belongs to both."""
        labels = defaultdict(set)
        for row in self.rows:
            labels[self.copy_key(row)].add(row[self.label_column])
        return labels

    def labels_by_line(self, labels_by_copy):
        return {row["_line"]: labels_by_copy[self.copy_key(row)] for row in self.rows}

    def write_subset(self, rows, path, without=()):
        """`rows` as a CSV at `path`, leaving out the columns `without` (the label column, for a
        corpus with no categories)."""
        header = [name for name in self.header if name not in without]
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for row in rows:
                writer.writerow([row[name] for name in header])


def as_csv(path, temp):
    """The corpus as a CSV file: a CSV or TSV as it is; a JSON array (or an object holding the
    list of posts under one key) or JSON Lines written to a CSV in `temp`, one column per key,
    lists and maps as JSON text (profilelint reads those as lists), so that the fitting posts'
    lines are the CSV's."""
    lower = path.lower()
    if lower.endswith(".csv"):
        return path
    if lower.endswith((".jsonl", ".ndjson")):
        with open(path, encoding="utf-8") as handle:
            posts = [json.loads(line) for line in handle if line.strip()]
    elif lower.endswith(".json"):
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        if isinstance(data, dict):
            lists = [value for value in data.values() if isinstance(value, list) and value and isinstance(value[0], dict)]
            if len(lists) != 1:
                sys.exit(f"evaluate.py: {path}: no single list of posts in the JSON object")
            data = lists[0]
        posts = data
    else:
        sys.exit(f"evaluate.py: {path}: give a .csv, .json, .jsonl or .ndjson corpus")
    header = []
    for post in posts:
        header += [key for key in post if key not in header]
    converted = os.path.join(temp, os.path.splitext(os.path.basename(path))[0] + ".csv")
    with open(converted, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for post in posts:
            writer.writerow([value if isinstance(value, str) else "" if value is None else json.dumps(value)
                             for value in (post.get(key) for key in header)])
    return converted


def load_profiles(path):
    """The profiles of a manifest (`{"profiles": [{"file", "label", ...}]}`), or of a directory:
    its manifest.json if it has one, else every .yaml, .yml and .json profile in it, unlabelled
    (fit sizes, suggestions and hygiene only)."""
    if os.path.isdir(path):
        manifest = os.path.join(path, "manifest.json")
        if not os.path.exists(manifest):
            files = sorted(f for f in os.listdir(path) if f.endswith((".yaml", ".yml", ".json")))
            if not files:
                sys.exit(f"evaluate.py: {path}: no profile (.yaml, .yml, .json) in it")
            return path, [{"file": f} for f in files]
        path = manifest
    with open(path, encoding="utf-8") as handle:
        return os.path.dirname(os.path.abspath(path)), json.load(handle)["profiles"]


def run(binary, args, check=True):
    result = subprocess.run([binary] + args, capture_output=True, text=True)
    if check and result.returncode not in (0, 1):
        sys.exit(f"evaluate.py: {' '.join([binary] + args)} exited {result.returncode}:\n{result.stderr}")
    return result


def lint(binary, corpus, profiles):
    # Every fitting post (`--fit-posts 0`): the label precision is computed over all of them.
    result = run(binary, ["lint", "--format", "json", "--fit-posts", "0", "--corpus", corpus] + profiles)
    return {os.path.basename(f["path"]): f for f in json.loads(result.stdout)["files"]}


def suggest(binary, corpus, profile):
    result = run(binary, ["suggest", "--format", "json", "--limit", "10", "--corpus", corpus, profile])
    return json.loads(result.stdout)["sections"][0]


def general_fit(lint_file):
    for fit in lint_file.get("fits", []):
        if fit["section"] == "profile":
            return fit
    return None


def rule_findings(lint_file, rule):
    return [d for d in lint_file["diagnostics"] if d["rule"] == rule and d["field_path"].split(".")[0] != "specialized_profiles"]


def quoted_terms(message):
    return re.findall(r"'([^']+)'", message)


def signature_tags(rows, label_column, skills_column, top=10):
    """Per label, the tags that mark it in the whole corpus: share × ln(lift), share >= 10%."""
    by_label = defaultdict(Counter)
    sizes = Counter()
    for row in rows:
        sizes[row[label_column]] += 1
        for tag in set(tag_key(t) for t in parse_list(row[skills_column])):
            by_label[row[label_column]][tag] += 1
    total = sum(sizes.values())
    signatures = {}
    import math
    for label, counts in by_label.items():
        scored = []
        for tag, count in counts.items():
            share = count / sizes[label]
            rest = sum(by_label[other][tag] for other in by_label if other != label)
            rest_share = (rest + 1) / (total - sizes[label] + 1)
            lift = share / rest_share
            if share >= 0.10 and lift > 2:
                scored.append((share * math.log(lift), tag))
        signatures[label] = {tag for _, tag in sorted(scored, reverse=True)[:top]}
    return signatures


def baseline_precision(rows, profile_tags, label, size, labels_of, skills_column):
    """Expected precision of the `size` posts sharing most skill tags with the profile (ties
    broken at random: the expectation over tie orders)."""
    if size == 0:
        return None
    wanted = {tag_key(t) for t in profile_tags}
    scored = [(len(wanted & {tag_key(t) for t in parse_list(r[skills_column])}), label in labels_of[r["_line"]]) for r in rows]
    scored.sort(key=lambda item: -item[0])
    size = min(size, len(scored))
    cut = scored[size - 1][0]
    above = [own for shared, own in scored if shared > cut]
    tied = [own for shared, own in scored if shared == cut]
    need = size - len(above)
    return (sum(above) + need * sum(tied) / len(tied)) / size


def load_profile_tags(path):
    tags, in_skills = [], False
    text = open(path, encoding="utf-8").read()
    match = re.search(r"^skills:\s*\[(.*)\]", text, re.M)
    if match:
        return [t.strip() for t in match.group(1).split(",") if t.strip()]
    for line in text.splitlines():
        if line.startswith("skills:"):
            in_skills = True
            continue
        if in_skills and line.startswith("  - "):
            tags.append(line[4:].strip())
        elif in_skills and not line.startswith(" "):
            break
    return tags


def title_share(term, titles):
    pattern = re.compile(r"(?<![a-z0-9])" + r"\W+".join(map(re.escape, words(term))) + r"(?![a-z0-9])")
    return sum(1 for title in titles if pattern.search(title.lower())) / max(len(titles), 1)


def is_fragment(term, phrases):
    """Whether the term's words are a proper contiguous part of one of the phrases."""
    term_words = words(term)
    for phrase in phrases:
        phrase_words = words(phrase)
        if len(phrase_words) <= len(term_words):
            continue
        for start in range(len(phrase_words) - len(term_words) + 1):
            if phrase_words[start:start + len(term_words)] == term_words:
                return True
    return False


def raw_entity_names(paths):
    names = set()
    known = {name.rstrip(";") for name in html.entities.html5}
    for path in paths:
        text = open(path, encoding="utf-8", errors="replace").read()
        names |= {name for name in re.findall(r"&([A-Za-z][A-Za-z0-9]*);", text) if name in known}
    return names


class Hygiene:
    def __init__(self):
        self.terms = 0
        self.boilerplate, self.entities, self.fragments, self.filler, self.covered = [], [], [], [], []

    def add(self, corpus_name, profile, suggestion, lint_file, titles, entity_names, profile_tags):
        words_items = suggestion["title_wording"] + suggestion["missing_keywords"]
        offered_tags = [i["text"] for i in suggestion["add_tags"] + suggestion.get("alternative_tags", [])]
        tags = offered_tags + profile_tags
        terms = [i["text"] for i in words_items]
        for finding in rule_findings(lint_file, "corpus-keyword-coverage"):
            terms += quoted_terms(finding["message"])[:1]
        for finding in rule_findings(lint_file, "corpus-title-match"):
            terms += quoted_terms(finding["message"].split("such as", 1)[-1])
        all_terms = terms + offered_tags
        where = f"{corpus_name}/{profile}"
        self.terms += len(all_terms)
        for term in all_terms:
            if title_share(term, titles) > 0.5:
                self.boilerplate.append(f"{where}: {term}")
            if set(words(term)) & entity_names:
                self.entities.append(f"{where}: {term}")
            if set(words(term)) & EVAL_FILLER:
                self.filler.append(f"{where}: {term}")
        for term in terms:
            if is_fragment(term, tags):
                self.fragments.append(f"{where}: {term}")


class HandLabels:
    """The tags `suggest` offers, against tags read by hand (`labels.json`: per corpus file name and
    profile, each tag `accepted`, `neighbour` (another niche's tag, an alternative) or `generic`):
    how many of each are listed to add and how many apart as alternatives. The profile's own
    skills `suggest` lists to drop, against `labels.json`'s `drop_tags` (same keys; each skill
    `accepted`, off the niche or a tool its clients do not search for, or `core`, a skill of the
    niche an expert keeps).
    Corpora and profiles the file does not name are not counted."""
    KINDS = ("accepted", "neighbour", "generic", "unlabelled")
    DROP_KINDS = ("accepted", "core", "unlabelled")

    def __init__(self, path):
        self.labels = json.load(open(path, encoding="utf-8")) if path and os.path.exists(path) else {}
        self.drop_labels = self.labels.get("drop_tags", {})
        self.counts = {kind: {"add": 0, "alternative": 0} for kind in self.KINDS}
        self.drop_counts = {kind: 0 for kind in self.DROP_KINDS}
        self.drop_unlabelled = []
        self.read = self.drop_read = 0

    def add(self, corpus_name, profile, suggestion):
        labels = self.labels.get(corpus_name, {}).get(profile)
        if labels is not None:
            self.read += 1
            for key, items in (("add", suggestion["add_tags"]), ("alternative", suggestion.get("alternative_tags", []))):
                for item in items:
                    self.counts[labels.get(item["text"], "unlabelled")][key] += 1
        drop = self.drop_labels.get(corpus_name, {}).get(profile)
        if drop is not None:
            self.drop_read += 1
            for item in suggestion.get("drop_tags", []):
                kind = drop.get(item["text"], "unlabelled")
                self.drop_counts[kind] += 1
                if kind == "unlabelled":
                    self.drop_unlabelled.append(f"{corpus_name}/{profile}: {item['text']} ({item['posts']} of {suggestion['fit_size']})")

    def table(self):
        rows = [f"Tags `suggest` offers to the {self.read} profile and corpus pairs `labels.json` names, by the hand label:\n",
                "| label | listed to add | listed as alternatives |", "|---|---|---|"]
        rows += [f"| {kind} | {self.counts[kind]['add']} | {self.counts[kind]['alternative']} |" for kind in self.KINDS]
        if self.drop_read:
            labelled = sum(len(skills) for corpus in self.drop_labels.values() if isinstance(corpus, dict) for skills in corpus.values())
            rows += ["", f"Skills `suggest` lists to drop for the {self.drop_read} profile and corpus pairs `labels.json`'s "
                     f"`drop_tags` names ({labelled} skills labelled), by the hand label:\n",
                     "| label | listed to drop |", "|---|---|"]
            rows += [f"| {kind} | {self.drop_counts[kind]} |" for kind in self.DROP_KINDS]
            if self.drop_unlabelled:
                rows += ["", "unlabelled: " + "; ".join(self.drop_unlabelled)]
        return rows + [""]


def skill_variants(path, skills, counts, temp):
    """The profile at `path` rewritten with only its first N skills, for each N in `counts` up to
    its own count (a profile lists its skills most central first): {N: path of the variant}."""
    text = open(path, encoding="utf-8").read()
    base, extension = os.path.splitext(os.path.basename(path))
    variants = {}
    for count in counts:
        if count > len(skills):
            continue
        variant = os.path.join(temp, f"{base}.skills-{count}{extension}")
        if extension == ".json":
            profile = json.loads(text)
            profile["skills"] = skills[:count]
            rewritten = json.dumps(profile, indent=2)
        else:
            # The top-level `skills:` entry (flow or block list) replaced by a flow list.
            lines, inside = [], False
            for line in text.splitlines():
                if line.startswith("skills:"):
                    inside = True
                    continue
                if inside and (line.startswith((" ", "-")) or not line.strip()):
                    continue
                inside = False
                lines.append(line)
            rewritten = "\n".join(lines + ["skills: [" + ", ".join(skills[:count]) + "]"])
        with open(variant, "w", encoding="utf-8") as handle:
            handle.write(rewritten + "\n")
        variants[count] = variant
    return variants


def jaccard(first, second):
    return len(first & second) / len(first | second) if first | second else 1.0


def mean(values):
    return sum(values) / len(values) if values else float("nan")


def minority_rows(rows, label_column, label, share, rng):
    """All rows of the other labels plus a random sample of `label`'s making up `share` of the result."""
    rest = [r for r in rows if r[label_column] != label]
    own_rows = [r for r in rows if r[label_column] == label]
    keep = round(share * len(rest) / (1 - share))
    sample = rest + rng.sample(own_rows, min(keep, len(own_rows)))
    return sorted(sample, key=lambda r: r["_line"])


def tiny_rows(rows, label_column, labels, rng):
    """Five random rows of each label (all of a label with fewer), in file order."""
    tiny = []
    for label in labels:
        own_rows = [r for r in rows if r[label_column] == label]
        tiny += rng.sample(own_rows, min(5, len(own_rows)))
    return sorted(tiny, key=lambda r: r["_line"])


def off_niche_line(profile, lint_file, suggestion, results, corpus_name=None):
    """Whether lint names a profile's off-niche skills and title part (its manifest entry), and
    whether `suggest` lists those skills to drop."""
    off = profile["off_niche"]
    flagged = [d["message"] for d in rule_findings(lint_file, "corpus-off-niche-skills")]
    named = [s for s in off["skills"] if any(f"'{s}'" in message for message in flagged)]
    dropped = [s for s in off["skills"] if s in {item["text"] for item in suggestion.get("drop_tags", [])}]
    title = [d["message"] for d in rule_findings(lint_file, "corpus-two-niche-title")]
    key = profile["file"] + (f" on {corpus_name}" if corpus_name else "")
    results[key] = {"skills_flagged": len(named), "skills": len(off["skills"]), "skills_to_drop": len(dropped),
                    "title_flagged": bool(title)}
    return (f"- {key}: {len(named)} of {len(off['skills'])} off-niche skills flagged"
            f"{' (' + ', '.join(named) + ')' if named else ''}, {len(dropped)} listed to drop by `suggest`; "
            f"two-niche title {'flagged' if title else 'NOT flagged'}.")


def off_corpus_row(name, lint_file, suggestion):
    """What a profile of a niche the corpus lacks gets: its fit, the too-few finding, how many
    terms and tags `suggest` offers, and the corpus rules (other than `corpus-fit`) that spoke."""
    fit = general_fit(lint_file)
    too_few = bool(rule_findings(lint_file, "corpus-fit"))
    offered = sum(len(suggestion.get(key, [])) for key in ("add_tags", "missing_keywords", "title_wording"))
    findings = sorted({d["rule"] for d in lint_file["diagnostics"] if d["rule"].startswith("corpus-") and d["rule"] != "corpus-fit"})
    return {"fit": fit["fitting"] if fit else 0, "too_few": too_few, "suggestions": offered, "findings": findings,
            "met": too_few and not offered and not findings}


def add_corpus_arguments(parser, here):
    """The labelled corpus and its column names (default: the real corpus beside the project)."""
    parser.add_argument("--corpus", default=os.path.join(here, "../../../shared/data/jobs/four-tracks-2400.csv"))
    parser.add_argument("--label-column", default="track_name")
    parser.add_argument("--skills-column", default="skills")
    parser.add_argument("--title-column", default="title")
    parser.add_argument("--url-column", default="url")
    parser.add_argument("--description-column", default="description")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", required=True, help="the profilelint executable")
    add_corpus_arguments(parser, here)
    parser.add_argument("--extra-corpus", action="append", default=None,
                        help="unlabelled corpora for hygiene and fit sizes (repeatable)")
    parser.add_argument("--profiles", default=os.path.join(here, "profiles/manifest.json"),
                        help="a manifest.json, or a directory of profiles (with or without a manifest.json)")
    parser.add_argument("--minority-share", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", help="also write the numbers to this file")
    parser.add_argument("--labels", default=os.path.join(here, "labels.json"),
                        help="tags read by hand per corpus file name and profile (accepted, neighbour, generic)")
    options = parser.parse_args()
    extra = options.extra_corpus if options.extra_corpus is not None else [
        os.path.join(here, "../../../shared/data/jobs/data-analyst-340.json")]

    profile_dir, profiles = load_profiles(options.profiles)
    temp = tempfile.mkdtemp(prefix="profilelint-advice-")
    options.corpus = as_csv(options.corpus, temp)
    paths = {p["file"]: os.path.join(profile_dir, p["file"]) for p in profiles}
    tags = {p["file"]: load_profile_tags(paths[p["file"]]) for p in profiles}
    columns = (options.label_column, options.skills_column, options.title_column, options.url_column, options.description_column)
    corpus = CSVCorpus(options.corpus, *columns)
    labels = sorted({row[options.label_column] for row in corpus.rows})
    all_labels = corpus.labels_by_copy()
    full_labels = corpus.labels_by_line(all_labels)
    seen = set()
    posts = [row for row in corpus.rows if not (corpus.copy_key(row) in seen or seen.add(corpus.copy_key(row)))]
    results = {"corpus": os.path.basename(options.corpus)}
    hygiene = Hygiene()
    hand = HandLabels(options.labels)
    entity_names = raw_entity_names([options.corpus] + extra)
    out = []

    def evaluate_labelled(path, rows, name, labelled=True):
        label_of = corpus.labels_by_line(all_labels) if path == options.corpus else None
        if label_of is None:
            sub = CSVCorpus(path, *columns, labelled=labelled)
            label_of = sub.labels_by_line(all_labels)
        files = lint(options.binary, path, [paths[p["file"]] for p in profiles])
        titles = [row[options.title_column] for row in rows]
        per_profile = {}
        for p in profiles:
            lint_file = files[p["file"]]
            fit = general_fit(lint_file)
            own = sum(1 for post in fit["posts"] if p.get("label") in label_of.get(post["line"], ())) if fit else 0
            suggestion = suggest(options.binary, path, paths[p["file"]])
            hygiene.add(name, p["file"], suggestion, lint_file, titles, entity_names, tags[p["file"]])
            others = [post["line"] for post in fit["posts"] if p.get("label") not in label_of.get(post["line"], ())] if fit else []
            per_profile[p["file"]] = {"fit": fit["fitting"] if fit else 0, "own": own, "enough": fit["enough"] if fit else False,
                                      "lint": lint_file, "suggest": suggestion, "other_lines": others}
        return per_profile

    # 1. Fit precision on the whole labelled corpus, with the baseline.
    full = evaluate_labelled(options.corpus, corpus.rows, "full")
    for p in profiles:
        hand.add(os.path.basename(options.corpus), p["file"], full[p["file"]]["suggest"])
    out.append(f"## Fit precision on {os.path.basename(options.corpus)} ({len(corpus.rows)} rows)\n")
    out.append("| label | profiles | fitting posts | own label | precision | shared-tag baseline (same sizes) | met |")
    out.append("|---|---|---|---|---|---|---|")
    pooled_fit = pooled_own = 0
    precision_rows = {}
    for label in labels:
        members = [p for p in profiles if p.get("label") == label and not p.get("off_niche")]
        if not members:
            continue
        fit = sum(full[p["file"]]["fit"] for p in members)
        own = sum(full[p["file"]]["own"] for p in members)
        base_own = sum((baseline_precision(posts, tags[p["file"]], label, full[p["file"]]["fit"], full_labels,
                                           options.skills_column) or 0) * full[p["file"]]["fit"] for p in members)
        precision = own / fit if fit else 0
        baseline = base_own / fit if fit else 0
        pooled_fit += fit
        pooled_own += own
        precision_rows[label] = {"precision": precision, "baseline": baseline, "fit": fit}
        out.append(f"| {label} | {len(members)} | {fit} | {own} | {precision:.3f} | {baseline:.3f} | "
                   f"{'yes' if precision >= baseline else 'NO'} |")
    pooled = pooled_own / pooled_fit if pooled_fit else 0
    out.append(f"| pooled | | {pooled_fit} | {pooled_own} | {pooled:.3f} | | {'yes' if pooled >= 0.85 else 'NO'} (target 0.85) |\n")
    out.append("Per profile: " + ", ".join(f"{p['file']} {full[p['file']]['fit']}" for p in profiles) + "\n")
    results["precision"] = precision_rows
    results["pooled_precision"] = pooled

    # 1b. Fit stability against the number of skills: each single-label profile lists its skills
    # most central first; its first 5 and first 10 must fit nearly the posts all 15 fit.
    counts = (5, 10, 15)
    stable = [p for p in profiles if p.get("label") and not p.get("off_niche") and len(tags[p["file"]]) >= counts[-1]]
    if stable:
        variants = {p["file"]: skill_variants(paths[p["file"]], tags[p["file"]], counts, temp) for p in stable}
        linted = lint(options.binary, options.corpus, [v for by_count in variants.values() for v in by_count.values()])
        out.append(f"## Fit stability against the number of skills ({os.path.basename(options.corpus)})\n")
        out.append("Each profile with its first 5, 10 and 15 skills (most central first). Jaccard: shared fitting "
                   "posts over the posts either fits; overlap: the share of the smaller fit inside the larger.\n")
        out.append("| profile | fitting 5 / 10 / 15 | precision 5 / 10 / 15 | Jaccard 5-15 | Jaccard 10-15 | overlap 5-15 |")
        out.append("|---|---|---|---|---|---|")
        results["stability"] = {}
        for p in stable:
            fits, precisions = {}, {}
            for count, variant in variants[p["file"]].items():
                fit = general_fit(linted[os.path.basename(variant)])
                fits[count] = {post["line"] for post in fit["posts"]} if fit else set()
                own = sum(1 for line in fits[count] if p["label"] in full_labels.get(line, ()))
                precisions[count] = own / len(fits[count]) if fits[count] else 0
            small, large = sorted((fits[counts[0]], fits[counts[-1]]), key=len)
            overlap = len(small & large) / len(small) if small else 1.0
            row = {"fit": {n: len(f) for n, f in fits.items()}, "precision": precisions,
                   "jaccard_5_15": jaccard(fits[5], fits[15]), "jaccard_10_15": jaccard(fits[10], fits[15]), "overlap_5_15": overlap}
            results["stability"][p["file"]] = row
            out.append(f"| {p['file']} | {' / '.join(str(len(fits[n])) for n in counts)} | "
                       f"{' / '.join(f'{precisions[n]:.2f}' for n in counts)} | {row['jaccard_5_15']:.2f} | "
                       f"{row['jaccard_10_15']:.2f} | {overlap:.2f} |")
        rows = results["stability"].values()
        pooled_by_count = {}
        for n in counts:
            size = sum(r["fit"][n] for r in rows)
            pooled_by_count[n] = sum(r["precision"][n] * r["fit"][n] for r in rows) / size if size else 0
        sizes = " / ".join(f"{mean([r['fit'][n] for r in rows]):.0f}" for n in counts)
        out.append(f"| mean | {sizes} | "
                   f"{' / '.join(f'{pooled_by_count[n]:.3f}' for n in counts)} (pooled) | "
                   f"{mean([r['jaccard_5_15'] for r in rows]):.2f} | {mean([r['jaccard_10_15'] for r in rows]):.2f} | "
                   f"{mean([r['overlap_5_15'] for r in rows]):.2f} |\n")
        results["stability_pooled_precision"] = pooled_by_count

    # 2. Niche focus: single-label profiles against mixed ones; category-spread false alarms.
    single = [p for p in profiles if p.get("label") and not p.get("off_niche")]
    mixed = [p for p in profiles if p.get("mixed")]
    def focus(p):
        return full[p["file"]]["lint"]["scores"].get("niche_focus")
    single_scores = [focus(p) for p in single if focus(p) is not None]
    mixed_scores = [focus(p) for p in mixed if focus(p) is not None]
    alarms = [p["file"] for p in single if rule_findings(full[p["file"]]["lint"], "corpus-category-spread")]
    mixed_alarms = [p["file"] for p in mixed if rule_findings(full[p["file"]]["lint"], "corpus-category-spread")]
    separation = mean(single_scores) - mean(mixed_scores)
    out.append("## Niche focus\n")
    out.append("| profiles | count | mean niche_focus | range |")
    out.append("|---|---|---|---|")
    spread = lambda values: f"{min(values):.0f}-{max(values):.0f}" if values else "-"
    out.append(f"| single-label | {len(single_scores)} | {mean(single_scores):.1f} | {spread(single_scores)} |")
    out.append(f"| mixed (3-4 labels) | {len(mixed_scores)} | {mean(mixed_scores):.1f} | {spread(mixed_scores)} |")
    out.append(f"\nSeparation {separation:.1f} points (target >= 30): {'yes' if separation >= 30 else 'NO'}. "
               f"Category-spread findings on single-label profiles: {len(alarms)} of {len(single)} "
               f"({100 * len(alarms) / max(len(single), 1):.0f}%, target <= 10%){': ' + ', '.join(alarms) if alarms else ''}. "
               f"On mixed profiles: {len(mixed_alarms)} of {len(mixed)}.\n")
    results["niche_focus"] = {"single": mean(single_scores), "mixed": mean(mixed_scores), "separation": separation,
                              "category_spread_alarms": len(alarms), "single_profiles": len(single),
                              "mixed_category_spread_alarms": len(mixed_alarms)}

    # 3. Off-niche skills and title parts flagged by lint.
    out.append("## Off-niche skills and titles\n")
    for p in profiles:
        if p.get("off_niche"):
            out.append(off_niche_line(p, full[p["file"]]["lint"], full[p["file"]]["suggest"], results.setdefault("off_niche", {})))
    false_off = sum(len(rule_findings(full[p["file"]]["lint"], "corpus-off-niche-skills")) for p in single)
    false_title = sum(1 for p in single if rule_findings(full[p["file"]]["lint"], "corpus-two-niche-title"))
    out.append(f"- single-label profiles: {false_off} off-niche skill findings, {false_title} two-niche title findings.\n")
    results["off_niche_on_single"] = {"skills": false_off, "titles": false_title}

    # 3b. Profiles of niches the corpus lacks: the too-few finding and no advice built from other niches.
    off_corpus = [p for p in profiles if p.get("off_corpus")]
    if off_corpus:
        out.append("## Profiles of niches the corpus lacks\n")
        out.append("| profile | fitting | too-few finding | suggestions | other corpus findings | met |")
        out.append("|---|---|---|---|---|---|")
        results["off_corpus"] = {}
        for p in off_corpus:
            entry = full[p["file"]]
            line = off_corpus_row(p["file"], entry["lint"], entry["suggest"])
            results["off_corpus"][p["file"]] = line
            out.append(f"| {p['file']} | {line['fit']} | {'yes' if line['too_few'] else 'no'} | {line['suggestions']} | "
                       f"{', '.join(line['findings']) or 'none'} | {'yes' if line['met'] else 'NO'} |")
        out.append("")

    # 4. Minority-niche corpora: one label cut to a small share of the posts.
    signatures = signature_tags(corpus.rows, options.label_column, options.skills_column)
    rng = random.Random(options.seed)
    out.append(f"## Minority-niche corpora (one label cut to {100 * options.minority_share:.0f}% of the posts)\n")
    out.append("| minority label | posts | profile | fitting | precision | too-few finding | other labels' signature tags suggested | met |")
    out.append("|---|---|---|---|---|---|---|---|")
    minority_ok = {True: True, False: True}
    results["minority"], results["minority_no_category"] = {}, {}
    label_free = []
    # A corpus of one label has no other label to be a minority among. Each minority corpus is
    # read twice: with the label column (profilelint reads it as the posts' category) and
    # without it, as most exports come.
    for label in labels if len(labels) > 1 else []:
        rows = minority_rows(corpus.rows, options.label_column, label, options.minority_share, rng)
        others = set().union(*(signatures[o] for o in signatures if o != label)) - signatures.get(label, set())
        for labelled in (True, False):
            path = os.path.join(temp, f"minority-{label}{'' if labelled else '-no-category'}.csv")
            corpus.write_subset(rows, path, without=() if labelled else (options.label_column,))
            evaluated = evaluate_labelled(path, rows, f"minority-{label}{'' if labelled else '-no-category'}", labelled=labelled)
            tags_of = {row["_line"]: {tag_key(t) for t in parse_list(row.get(options.skills_column, ""))}
                       for row in CSVCorpus(path, *columns, labelled=False).rows}
            for p in [p for p in profiles if p.get("label") == label and not p.get("off_niche")]:
                entry = evaluated[p["file"]]
                precision = entry["own"] / entry["fit"] if entry["fit"] else 0
                too_few = bool(rule_findings(entry["lint"], "corpus-fit"))
                suggested = {tag_key(i["text"]) for i in entry["suggest"]["add_tags"]}
                for finding in rule_findings(entry["lint"], "corpus-skill-gaps"):
                    suggested |= {tag_key(t) for t in quoted_terms(finding["message"])[:1]}
                leaked = sorted(suggested & others)
                met = (precision >= 0.7 or too_few) and not leaked
                minority_ok[labelled] &= met
                key = f"{label}/{p['file']}"
                if labelled:
                    out.append(f"| {label} | {len(rows)} | {p['file']} | {entry['fit']} | {precision:.2f} | {'yes' if too_few else 'no'} | "
                               f"{', '.join(leaked) if leaked else 'none'} | {'yes' if met else 'NO'} |")
                    results["minority"][key] = {"fit": entry["fit"], "precision": precision, "too_few": too_few, "leaked": leaked}
                    continue
                # What the other labels' fitting posts are by their own tags: two or more of the
                # profile's label's signature tags make a post of that label's work, whatever
                # search returned it.
                own_work = sum(1 for line in entry["other_lines"] if len(tags_of.get(line, set()) & signatures.get(label, set())) >= 2)
                label_free.append((label, len(rows), p["file"], entry["fit"], precision, too_few, leaked, met,
                                   len(entry["other_lines"]), own_work))
                results["minority_no_category"][key] = {"fit": entry["fit"], "precision": precision, "too_few": too_few,
                                                        "leaked": leaked, "other_label_posts": len(entry["other_lines"]),
                                                        "other_label_posts_with_own_signature_tags": own_work}
    out.append("")
    if label_free:
        out.append("Without the label column (no categories for profilelint to read):\n")
        out.append("| minority label | posts | profile | fitting | precision | too-few finding | other labels' signature tags suggested "
                   "| other-label fitting posts carrying 2+ of the label's signature tags | met |")
        out.append("|---|---|---|---|---|---|---|---|---|")
        for label, size, file, fit, precision, too_few, leaked, met, others, own_work in label_free:
            out.append(f"| {label} | {size} | {file} | {fit} | {precision:.2f} | {'yes' if too_few else 'no'} | "
                       f"{', '.join(leaked) if leaked else 'none'} | {own_work} of {others} | {'yes' if met else 'NO'} |")
        out.append("")

    # 5. A tiny corpus: 5 posts per label.
    rows = tiny_rows(corpus.rows, options.label_column, labels, rng)
    path = os.path.join(temp, "tiny-20.csv")
    corpus.write_subset(rows, path)
    tiny = evaluate_labelled(path, rows, "tiny-20")
    too_few = sum(1 for p in profiles if rule_findings(tiny[p["file"]]["lint"], "corpus-fit"))
    advice = sum(1 for p in profiles if tiny[p["file"]]["suggest"]["add_tags"] or tiny[p["file"]]["suggest"]["missing_keywords"])
    out.append(f"## Tiny corpus ({len(rows)} posts)\n")
    out.append(f"{too_few} of {len(profiles)} profiles get the too-few-posts finding; {advice} get suggestions.\n")
    results["tiny"] = {"too_few": too_few, "with_advice": advice, "profiles": len(profiles)}

    # 6. Extra unlabelled corpora: fit sizes and hygiene.
    for path in extra:
        name = os.path.basename(path)
        files = lint(options.binary, path, [paths[p["file"]] for p in profiles])
        titles = []
        if path.endswith(".json"):
            titles = [post.get("title", "") for post in json.load(open(path, encoding="utf-8"))]
        out.append(f"## {name} (unlabelled)\n")
        sizes, suggestions = [], {}
        for p in profiles:
            fit = general_fit(files[p["file"]])
            suggestion = suggestions[p["file"]] = suggest(options.binary, path, paths[p["file"]])
            hygiene.add(name, p["file"], suggestion, files[p["file"]], titles, entity_names, tags[p["file"]])
            hand.add(name, p["file"], suggestion)
            sizes.append(f"{p['file']} {fit['fitting'] if fit else 0}{'' if fit and fit['enough'] else ' (too few)'}")
        out.append("Fitting posts: " + ", ".join(sizes) + "\n")
        for p in profiles:
            if p.get("off_niche"):
                out.append(off_niche_line(p, files[p["file"]], suggestions[p["file"]], results.setdefault("off_niche", {}), name))
            if p.get("off_corpus"):
                row = off_corpus_row(p["file"], files[p["file"]], suggestions[p["file"]])
                results.setdefault("off_corpus_extra", {})[f"{p['file']} on {name}"] = row
                out.append(f"- {p['file']} on {name}: {row['fit']} fitting, too-few finding {'yes' if row['too_few'] else 'no'}, "
                           f"{row['suggestions']} suggestions, other corpus findings: {', '.join(row['findings']) or 'none'}.")
        out.append("")

    # 7. Hygiene over every corpus above.
    out.append("## Suggestion hygiene (all corpora above)\n")
    filler_share = len(hygiene.filler) / max(hygiene.terms, 1)
    out.append("| check | count | target |")
    out.append("|---|---|---|")
    out.append(f"| suggested terms and tags | {hygiene.terms} | |")
    out.append(f"| in more than half of all titles | {len(hygiene.boilerplate)} | 0 |")
    out.append(f"| HTML entity names | {len(hygiene.entities)} | 0 |")
    out.append(f"| fragments of a suggested or listed tag | {len(hygiene.fragments)} | 0 |")
    out.append(f"| with a filler word | {len(hygiene.filler)} ({100 * filler_share:.1f}%) | <= 5% |")
    for name, items in [("boilerplate", hygiene.boilerplate), ("entities", hygiene.entities),
                        ("fragments", hygiene.fragments), ("filler", hygiene.filler)]:
        if items:
            out.append(f"\n{name}: " + "; ".join(items[:12]) + (" ..." if len(items) > 12 else ""))
    if hand.read or hand.drop_read:
        out.append("")
        out += hand.table()
        results["hand_labels"] = hand.counts
        results["hand_drop_labels"] = hand.drop_counts
    results["hygiene"] = {"terms": hygiene.terms, "boilerplate": len(hygiene.boilerplate), "entities": len(hygiene.entities),
                          "fragments": len(hygiene.fragments), "filler": len(hygiene.filler), "filler_share": filler_share}
    out.append("")
    goals = {
        "precision >= baseline on every label": all(r["precision"] >= r["baseline"] for r in precision_rows.values()),
        "pooled precision >= 0.85": pooled >= 0.85,
        "minority corpora: precision >= 0.7 or too-few, no other label's signature tags": minority_ok[True],
        "minority corpora without the label column: the same": minority_ok[False],
        "niche focus separated by >= 30 points": separation >= 30,
        "profiles of niches the corpus lacks: too-few finding, no advice": all(r["met"] for r in results.get("off_corpus", {}).values()),
        "category-spread alarms on single-label profiles <= 10%": len(alarms) <= 0.1 * len(single),
        "hygiene: 0 boilerplate, 0 entities, 0 fragments, filler <= 5%":
            not hygiene.boilerplate and not hygiene.entities and not hygiene.fragments and filler_share <= 0.05,
    }
    # Goals nothing measured (no labelled or no mixed profile) are not reported as missed.
    if not precision_rows:
        for goal in ("precision >= baseline on every label", "pooled precision >= 0.85",
                     "minority corpora: precision >= 0.7 or too-few, no other label's signature tags",
                     "minority corpora without the label column: the same"):
            goals[goal] = None
    if not single_scores or not mixed_scores:
        goals["niche focus separated by >= 30 points"] = None
    if not single:
        goals["category-spread alarms on single-label profiles <= 10%"] = None
    if not off_corpus:
        goals["profiles of niches the corpus lacks: too-few finding, no advice"] = None
    out.append("## Goals\n")
    for goal, met in goals.items():
        if met is None:
            out.append(f"- not measured (no labelled or mixed profiles for it): {goal}")
            continue
        out.append(f"- {'met' if met else 'NOT met'}: {goal}")
    results["goals"] = goals
    shutil.rmtree(temp, ignore_errors=True)
    print("\n".join(out))
    if options.json:
        with open(options.json, "w") as handle:
            json.dump(results, handle, indent=2, default=str)


if __name__ == "__main__":
    main()
