#!/usr/bin/env python3
"""Replay fit-criterion variants on the evaluation's corpora without rebuilding profilelint.

Runs the real binary once per corpus with a permissive `corpus-fit` (every post sharing a tag
with a profile fits), reads each candidate's word score from `lint --format json`, and replays
criteria written here over the posts' tags: fit sizes, label precision on the full corpus,
other-label posts on the full and minority corpora, failing minority profiles. Tags are
compared by a plain key (case and punctuation), not profilelint's alias table, so sizes are
within a few posts of the real ones: use it to choose what to build, then measure the build
with evaluate.py. Standard library only.

    python3 benchmarks/advice/simulate.py --binary .build/debug/profilelint
"""
import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter

import evaluate as ev

PERMISSIVE = "rules:\n  corpus-fit: {min_tag_share: 0.01, min_word_score: 0, min_fitting_posts: 1}\n"


class Replay:
    """One corpus: each post's tag keys and labels, and each profile's candidates' word scores."""

    def __init__(self, binary, config, path, posts, profile_paths):
        self.posts = posts
        self.frequency = Counter(tag for post in posts.values() for tag in post["tags"])
        self.idf = {tag: math.log(len(posts) / count) for tag, count in self.frequency.items()}
        result = subprocess.run([binary, "lint", "--format", "json", "--config", config, "--corpus", path] + profile_paths,
                                capture_output=True, text=True)
        self.words = {}
        for entry in json.loads(result.stdout)["files"]:
            fit = ev.general_fit(entry) or {"posts": []}
            self.words[os.path.basename(entry["path"])] = {post["line"]: post["word_score"] for post in fit["posts"]}

    def fit(self, criterion, profile_tags, profile):
        return [line for line, word in self.words[profile].items()
                if criterion(self, self.posts[line]["tags"], profile_tags, word)]


def shipped(min_tag_share=0.4, min_profile_share=0.7, min_weighted_share=0.33, min_word_score=0.1, known_only=True):
    """The shipped criterion (FitCriterion), its parameters as arguments."""
    def criterion(replay, tags, wanted, word):
        shared = sum(1 for tag in tags if tag in wanted)
        if not shared or not tags:
            return word >= 0.3
        if word < min_word_score:
            return False
        known = sum(1 for tag in wanted if replay.frequency.get(tag))
        profile_tags = max(known, min(len(wanted), 2)) if known_only else len(wanted)
        total = sum(replay.idf[tag] for tag in tags)
        weighted = sum(replay.idf[tag] for tag in tags if tag in wanted) / total if total else 0
        return (shared / len(tags) >= min_tag_share or shared / profile_tags >= min_profile_share
                or (shared >= 2 and weighted >= min_weighted_share))
    return criterion


VARIANTS = {
    "shipped": shipped(),
    "unknown tags counted (before)": shipped(known_only=False),
    "no weighted test": shipped(min_weighted_share=1.01),
    "word score at least 0.15": shipped(min_word_score=0.15),
    "tag share 0.5": shipped(min_tag_share=0.5),
}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--corpus", default=os.path.join(here, "../../../shared/data/jobs/four-tracks-2400.csv"))
    parser.add_argument("--label-column", default="track_name")
    parser.add_argument("--profiles", default=os.path.join(here, "profiles/manifest.json"))
    parser.add_argument("--minority-share", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    profiles = [p for p in json.load(open(options.profiles))["profiles"] if p.get("label") and not p.get("off_niche")]
    profile_dir = os.path.dirname(os.path.abspath(options.profiles))
    paths = [os.path.join(profile_dir, p["file"]) for p in profiles]
    tags = {p["file"]: {ev.tag_key(t) for t in ev.load_profile_tags(os.path.join(profile_dir, p["file"]))} for p in profiles}
    corpus = ev.CSVCorpus(options.corpus, options.label_column, "skills", "title", "url")
    labels_by_copy = corpus.labels_by_copy()
    rng = random.Random(options.seed)
    with tempfile.TemporaryDirectory(prefix="profilelint-simulate-") as temp:
        config = os.path.join(temp, "permissive.yml")
        open(config, "w").write(PERMISSIVE)
        corpora = {"full": options.corpus}
        for label in sorted({row[options.label_column] for row in corpus.rows}):
            rows = ev.minority_rows(corpus.rows, options.label_column, label, options.minority_share, rng)
            path = os.path.join(temp, f"minority-{label}.csv")
            corpus.write_subset(rows, path)
            corpora[label] = path
        replays = {}
        for name, path in corpora.items():
            rows = ev.CSVCorpus(path, options.label_column, "skills", "title", "url").rows  # lines as the binary reports them
            seen, posts = set(), {}
            for row in rows:
                if corpus.copy_key(row) not in seen:
                    seen.add(corpus.copy_key(row))
                    posts[row["_line"]] = {"tags": {ev.tag_key(t) for t in ev.parse_list(row["skills"])},
                                           "labels": labels_by_copy[corpus.copy_key(row)]}
            replays[name] = Replay(options.binary, config, path, posts, paths)
            print(f"read {name}", file=sys.stderr)
    for variant, criterion in VARIANTS.items():
        report(variant, criterion, replays, profiles, tags)


def report(variant, criterion, replays, profiles, tags):
    own_full = other_full = other_minority = 0
    failing = []
    for p in profiles:
        for name in ("full", p["label"]):
            replay = replays[name]
            fit = replay.fit(criterion, tags[p["file"]], p["file"])
            own = sum(1 for line in fit if p["label"] in replay.posts[line]["labels"])
            if name == "full":
                own_full, other_full = own_full + own, other_full + len(fit) - own
            else:
                other_minority += len(fit) - own
                if len(fit) >= 15 and own / len(fit) < 0.7:
                    failing.append(f"{p['file']} {len(fit)} at {own / len(fit):.2f}")
    print(f"{variant}: full-corpus precision {own_full / max(own_full + other_full, 1):.3f}; other-label posts "
          f"{other_full} -> {other_minority} on the minority corpora; minority profiles failing {len(failing)}"
          f"{': ' + ', '.join(failing) if failing else ''}")


if __name__ == "__main__":
    main()
