#!/usr/bin/env python3
"""What a change to the keyword advice removes and keeps: runs two `profilelint` binaries
(`suggest --format json`) over the evaluation's profiles on the labelled corpus, its minority
corpora (the same seed and cut as evaluate.py), the tiny corpus, the extra corpora and any
`--corpus-file` given (a generated corpus, say), and prints, per corpus, each profile's missing
keywords that only one binary gives, with their counts, and how many both give.

Usage: python3 benchmarks/advice/keyword_diff.py --before OLD --after NEW [--cut N]... [--corpus-file PATH]...
Standard library only; nothing is written outside a temporary directory.
"""
import argparse
import json
import os
import random
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import evaluate  # noqa: E402  (its corpus reading and sub-corpus cuts, so the corpora are the same)


def keywords(binary, corpus, profile):
    """(fit size, word fit size, {keyword: (fitting posts, corpus posts)}) of the general section."""
    section = evaluate.suggest(binary, corpus, profile)
    words = section.get("word_corpus_size") or section["corpus_size"]
    return section["fit_size"], words, {k["text"]: (k["posts"], k["corpus_posts"]) for k in section["missing_keywords"]}


def corpora(options, temp):
    """(name, path) of every corpus to read: the labelled one, its minority cuts and tiny cut as
    evaluate.py makes them, the extra ones, and those given."""
    columns = (options.label_column, options.skills_column, options.title_column, options.url_column, options.description_column)
    corpus = evaluate.CSVCorpus(options.corpus, *columns)
    labels = sorted({row[options.label_column] for row in corpus.rows})
    result = [(os.path.basename(options.corpus), options.corpus)]
    rng = random.Random(options.seed)
    for label in labels:
        rows = evaluate.minority_rows(corpus.rows, options.label_column, label, options.minority_share, rng)
        path = os.path.join(temp, f"minority-{label}-no-category.csv")
        corpus.write_subset(rows, path, without=(options.label_column,))
        result.append((f"minority {label}", path))
    rows = evaluate.tiny_rows(corpus.rows, options.label_column, labels, rng)
    path = os.path.join(temp, "tiny-20.csv")
    corpus.write_subset(rows, path)
    result.append(("tiny-20", path))
    for extra in options.extra + options.corpus_file:
        result.append((os.path.basename(extra), evaluate.as_csv(extra, temp)))
    return result


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", required=True)
    evaluate.add_corpus_arguments(parser, here)
    parser.add_argument("--extra", action="append", default=None)
    parser.add_argument("--corpus-file", action="append", default=[])
    parser.add_argument("--profiles", default=os.path.join(here, "profiles/manifest.json"))
    parser.add_argument("--cut", type=int, action="append", default=[],
                        help="also each profile with only its first N skills (repeatable): small fits")
    parser.add_argument("--minority-share", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    if options.extra is None:
        options.extra = [os.path.join(here, "../../../shared/data/jobs/data-analyst-340.json")]
    base, profiles = evaluate.load_profiles(options.profiles)
    totals = {"removed": 0, "added": 0, "kept": 0}
    with tempfile.TemporaryDirectory() as temp:
        if options.cut:
            profiles = [{"file": os.path.basename(variant)} for p in profiles
                        for variant in evaluate.skill_variants(os.path.join(base, p["file"]),
                                                               evaluate.load_profile_tags(os.path.join(base, p["file"])),
                                                               options.cut, temp).values()]
            base = temp
        for name, path in corpora(options, temp):
            jobs = [(binary, path, os.path.join(base, p["file"])) for p in profiles for binary in (options.before, options.after)]
            with ThreadPoolExecutor(max_workers=2) as pool:
                results = list(pool.map(lambda job: keywords(*job), jobs))
            print(f"## {name}\n")
            for index, p in enumerate(profiles):
                (fit, words, before), (_, _, after) = results[2 * index], results[2 * index + 1]
                removed = [k for k in before if k not in after]
                added = [k for k in after if k not in before]
                kept = [k for k in before if k in after]
                totals["removed"] += len(removed)
                totals["added"] += len(added)
                totals["kept"] += len(kept)
                if not before and not after:
                    continue
                show = lambda keys, table: ", ".join(f"'{k}' {table[k][0]}/{fit} ({table[k][1]} of {words})" for k in keys) or "none"
                print(f"- {p['file']} ({fit} fit): removed {show(removed, before)}; added {show(added, after)}; "
                      f"kept {', '.join(repr(k) for k in kept) or 'none'}")
            print()
    print(f"Total: {totals['removed']} removed, {totals['added']} added, {totals['kept']} kept.")


if __name__ == "__main__":
    main()
