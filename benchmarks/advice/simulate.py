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

STABILITY_COUNTS = (5, 10, 15)
PERMISSIVE = "rules:\n  corpus-fit: {min_tag_share: 0.01, min_word_score: 0, min_fitting_posts: 1}\n"


class Replay:
    """One corpus: each post's tag keys and labels, and each profile's candidates' word scores."""

    def __init__(self, binary, config, path, posts, profile_paths):
        self.posts = posts
        self.frequency = Counter(tag for post in posts.values() for tag in post["tags"])
        self.idf = {tag: math.log(len(posts) / count) for tag, count in self.frequency.items()}
        result = subprocess.run([binary, "lint", "--format", "json", "--fit-posts", "0", "--config", config, "--corpus", path] + profile_paths,
                                capture_output=True, text=True)
        self.words = {}
        for entry in json.loads(result.stdout)["files"]:
            fit = ev.general_fit(entry) or {"posts": []}
            self.words[os.path.basename(entry["path"])] = {post["line"]: post["word_score"] for post in fit["posts"]}

    def saved(self):
        return {"posts": [[line, sorted(post["tags"]), sorted(post["labels"])] for line, post in self.posts.items()],
                "words": self.words}

    @classmethod
    def restore(cls, saved):
        replay = cls.__new__(cls)
        replay.posts = {line: {"tags": set(tags), "labels": set(labels)} for line, tags, labels in saved["posts"]}
        replay.frequency = Counter(tag for post in replay.posts.values() for tag in post["tags"])
        replay.idf = {tag: math.log(len(replay.posts) / count) for tag, count in replay.frequency.items()}
        replay.words = {profile: {int(line): word for line, word in words.items()}
                        for profile, words in saved["words"].items()}
        return replay

    def fit(self, criterion, profile_tags, profile):
        """The posts `criterion` admits, and whether they are enough for advice (15, as shipped)."""
        lines = [line for line, word in self.words[profile].items()
                 if criterion(self, self.posts[line]["tags"], profile_tags, word)]
        return lines, len(lines) >= 15

    def baseline_own(self, wanted, label, size):
        """Expected own-label posts among the `size` posts sharing most tags with the profile
        (evaluate.py's shared-skill-tag baseline: ties at the cut at their mean)."""
        if size == 0:
            return 0.0
        scored = sorted(((len(wanted & post["tags"]), label in post["labels"]) for post in self.posts.values()),
                        key=lambda item: -item[0])
        cut = scored[min(size, len(scored)) - 1][0]
        above = [own for shared, own in scored if shared > cut]
        tied = [own for shared, own in scored if shared == cut]
        return sum(above) + (min(size, len(scored)) - len(above)) * sum(tied) / len(tied)

    def neighbours(self, line, k):
        """The `k` posts whose tags are closest to `line`'s (idf-weighted Jaccard), memoized."""
        memo = self.__dict__.setdefault("_neighbours", {})
        if (line, k) not in memo:
            tags = self.posts[line]["tags"]
            near = []
            for other, post in self.posts.items():
                shared = tags & post["tags"]
                if other != line and shared:
                    union = sum(self.idf[tag] for tag in tags | post["tags"])
                    near.append((-sum(self.idf[tag] for tag in shared) / union, other))
            memo[(line, k)] = [other for _, other in sorted(near)[:k]]
        return memo[(line, k)]


def shipped(min_tag_share=0.4, min_profile_share=0.7, min_weighted_share=0.33, min_word_score=0.1, known_only=True,
            min_tags_alone=4):
    """The shipped criterion (FitCriterion), its parameters as arguments."""
    def criterion(replay, tags, wanted, word):
        shared = sum(1 for tag in tags if tag in wanted)
        if not shared or not tags:
            return word >= 0.3
        if word < min_word_score and not (shared >= min_tags_alone and shared / len(tags) >= min_tag_share):
            return False
        known = sum(1 for tag in wanted if replay.frequency.get(tag))
        profile_tags = max(known, min(len(wanted), 2)) if known_only else len(wanted)
        total = sum(replay.idf[tag] for tag in tags)
        weighted = sum(replay.idf[tag] for tag in tags if tag in wanted) / total if total else 0
        return (shared / len(tags) >= min_tag_share or shared / profile_tags >= min_profile_share
                or (shared >= 2 and weighted >= min_weighted_share))
    return criterion


def evidence(replay, tags, wanted, word):
    """A post's tag share, the section's share of it and the shipped relevance score."""
    shared = len(tags & wanted)
    known = sum(1 for tag in wanted if replay.frequency.get(tag))
    share = shared / len(tags) if tags else 0
    profile_share = shared / max(known, min(len(wanted), 2), 1)
    score = (max(share, profile_share) + min(word, 1)) / 2 if tags and shared else min(word, 1)
    return share, profile_share, score


def neighbourhood(k, least):
    """A tagged post of the shipped fit stays only when `least` of its `k` nearest posts by tags fit too."""
    def fit(replay, wanted, profile):
        lines, _ = replay.fit(shipped(), wanted, profile)
        fitting = set(lines)
        kept = [line for line in lines if not replay.posts[line]["tags"]
                or (lambda near: not near or sum(other in fitting for other in near) / len(near) >= least)(
                    replay.neighbours(line, k))]
        return kept, len(kept) >= 15
    return fit


def evidence_floor(strong):
    """The shipped fit, but too few unless 15 of its posts pass `strong(share, profile share, word)`."""
    def fit(replay, wanted, profile):
        lines, enough = replay.fit(shipped(), wanted, profile)
        core = [line for line in lines if strong(*evidence(replay, replay.posts[line]["tags"], wanted,
                                                            replay.words[profile][line])[:2], replay.words[profile][line])]
        return lines, enough and len(core) >= 15
    return fit


def graded(fraction):
    """Posts outside the strong core (a counting tag test and word score 0.3) need `fraction` of the core's median score."""
    def fit(replay, wanted, profile):
        lines, _ = replay.fit(shipped(), wanted, profile)
        scored = {line: evidence(replay, replay.posts[line]["tags"], wanted, replay.words[profile][line]) for line in lines}
        core = [line for line in lines if (scored[line][0] >= 0.4 or scored[line][1] >= 0.7) and replay.words[profile][line] >= 0.3]
        if not core:
            return lines, len(lines) >= 15
        median = sorted(scored[line][2] for line in core)[len(core) // 2]
        kept = [line for line in lines if line in core or scored[line][2] >= fraction * median]
        return kept, len(kept) >= 15
    return fit


def niche_model(expand=False, core_word=0.3, alpha=1.0):
    """Bernoulli naive Bayes of the niche learned from the shipped fit's strong core (a counting
    tag test and word score `core_word`) against the rest of the corpus, tags only, Laplace
    `alpha`: a post's log-odds is the prior ln(core / rest) plus each tag's (present or absent)
    log-likelihood ratio. Filter: the fit's other posts stay when their log-odds is positive.
    `expand`: any post sharing a tag with word score 0.1 and positive log-odds fits."""
    def fit(replay, wanted, profile):
        lines, _ = replay.fit(shipped(), wanted, profile)
        words = replay.words[profile]
        core = {line for line in lines if replay.posts[line]["tags"]
                and (lambda e: (e[0] >= 0.4 or e[1] >= 0.7) and words[line] >= core_word)(
                    evidence(replay, replay.posts[line]["tags"], wanted, words[line]))}
        if not core:
            return lines, len(lines) >= 15
        total, size = len(replay.posts), len(core)
        in_core = Counter(tag for line in core for tag in replay.posts[line]["tags"])
        present, absent_sum = {}, 0.0
        for tag, count in replay.frequency.items():
            p_core = (in_core[tag] + alpha) / (size + 2 * alpha)
            p_rest = (count - in_core[tag] + alpha) / (total - size + 2 * alpha)
            absent = math.log((1 - p_core) / (1 - p_rest))
            present[tag] = math.log(p_core / p_rest) - absent
            absent_sum += absent
        prior = math.log(size / max(total - size, 1)) + absent_sum
        def odds(line):
            return prior + sum(present[tag] for tag in replay.posts[line]["tags"])
        pool = [line for line in words if replay.posts[line]["tags"] and words[line] >= 0.1] if expand else lines
        kept = sorted({line for line in pool if line in core or (replay.posts[line]["tags"] and odds(line) > 0)}
                      | ({line for line in lines if not replay.posts[line]["tags"]}))
        return kept, len(kept) >= 15
    return fit


def substitutes(top=3, ratio=0.6, min_posts=5):
    """Substitutes of the profile's distinctive skills (round eight): in the shipped fit, the
    profile's `top` tags of highest lift (on at least max(3, 5%) of the fitting posts) are its
    distinctive skills; another tag on `min_posts` fitting posts is a substitute when the fitting
    posts carrying it carry a distinctive skill less than `ratio` times as often as the fit
    does. A tagged post whose substitutes outnumber its shared tags leaves the fit."""
    def fit(replay, wanted, profile):
        lines, _ = replay.fit(shipped(), wanted, profile)
        tagged = [line for line in lines if replay.posts[line]["tags"]]
        if not tagged:
            return lines, len(lines) >= 15
        n, rest = len(tagged), len(replay.posts) - len(tagged)
        in_fit = Counter(tag for line in tagged for tag in replay.posts[line]["tags"])
        def lift(tag):
            return (in_fit[tag] / n) / ((replay.frequency[tag] - in_fit[tag] + 1) / (rest + 1))
        own = sorted((tag for tag in wanted if in_fit[tag] >= max(3, 0.05 * n)), key=lift, reverse=True)[:top]
        with_own = [line for line in tagged if replay.posts[line]["tags"] & set(own)]
        base = len(with_own) / n
        subs = set()
        for tag, count in in_fit.items():
            if tag in wanted or count < min_posts or not base:
                continue
            together = sum(1 for line in with_own if tag in replay.posts[line]["tags"])
            if together / count < ratio * base:
                subs.add(tag)
        kept = [line for line in lines if not replay.posts[line]["tags"]
                or len(replay.posts[line]["tags"] & subs) <= len(replay.posts[line]["tags"] & wanted)]
        return kept, len(kept) >= 15
    return fit


VARIANTS = {
    "shipped": shipped(),
    # Round nine: tags alone decide (no word guard) from `min_tags_alone` shared tags.
    "no tags-alone route (round eight)": shipped(min_tags_alone=10 ** 6),
    "tags alone from 3 shared tags": shipped(min_tags_alone=3),
    "tags alone from 5 shared tags": shipped(min_tags_alone=5),
    "unknown tags counted (before)": shipped(known_only=False),
    "no weighted test": shipped(min_weighted_share=1.01),
    "word score at least 0.15": shipped(min_word_score=0.15),
    "tag share 0.5": shipped(min_tag_share=0.5),
    # Fit-level variants (round six): they read the whole fit, not one post.
    "neighbourhood: 2 of the 10 nearest posts fit": neighbourhood(10, 0.2),
    "neighbourhood: 3 of the 10 nearest posts fit": neighbourhood(10, 0.3),
    "neighbourhood: 4 of the 20 nearest posts fit": neighbourhood(20, 0.2),
    "evidence floor: 15 posts with a counting tag test and word score 0.2": evidence_floor(
        lambda share, profile_share, word: (share >= 0.4 or profile_share >= 0.7) and word >= 0.2),
    "evidence floor: 15 posts with half their tags the profile's": evidence_floor(lambda share, profile_share, word: share >= 0.5),
    "graded admission, 0.7 of the core's median": graded(0.7),
    "graded admission, 0.8 of the core's median": graded(0.8),
    # Round seven: a naive-Bayes model of the niche learned from the fit's strong core.
    "niche model, filter (core: word 0.3)": niche_model(),
    "niche model, filter (core: word 0.2)": niche_model(core_word=0.2),
    "niche model, expand (core: word 0.3)": niche_model(expand=True),
    "niche model, expand (core: word 0.2)": niche_model(expand=True, core_word=0.2),
    # Round eight: substitutes of the profile's distinctive skills.
    "substitutes (ratio 0.6) outnumbering shared tags leave": substitutes(),
    "substitutes (ratio 0.8) outnumbering shared tags leave": substitutes(ratio=0.8),
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
    parser.add_argument("--replays", help="JSON file keeping the binary's runs: read when it exists, else written")
    options = parser.parse_args()
    every = json.load(open(options.profiles))["profiles"]  # all replayed: the variants must keep the others' fits too
    profiles = [p for p in every if p.get("label") and not p.get("off_niche")]
    profile_dir = os.path.dirname(os.path.abspath(options.profiles))
    paths = [os.path.join(profile_dir, p["file"]) for p in every]
    listed = {p["file"]: ev.load_profile_tags(os.path.join(profile_dir, p["file"])) for p in every}
    tags = {p["file"]: {ev.tag_key(t) for t in listed[p["file"]]} for p in every}
    # Fit stability: each single-label profile with its first 5 and 10 skills, replayed on the full corpus.
    stable = [p for p in profiles if len(listed[p["file"]]) >= STABILITY_COUNTS[-1]]
    variant_names = {p["file"]: {n: f"{os.path.splitext(p['file'])[0]}.skills-{n}{os.path.splitext(p['file'])[1]}"
                                 for n in STABILITY_COUNTS[:-1]} for p in stable}
    for p in stable:
        for n, name in variant_names[p["file"]].items():
            tags[name] = {ev.tag_key(t) for t in listed[p["file"]][:n]}
    corpus = ev.CSVCorpus(options.corpus, options.label_column, "skills", "title", "url")
    labels_by_copy = corpus.labels_by_copy()
    rng = random.Random(options.seed)
    if options.replays and os.path.exists(options.replays):
        replays = {name: Replay.restore(saved) for name, saved in json.load(open(options.replays)).items()}
        for variant, criterion in VARIANTS.items():
            report(variant, criterion, replays, profiles, tags, variant_names)
        return
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
            variants = [v for p in stable for n, v in ev.skill_variants(
                os.path.join(profile_dir, p["file"]), listed[p["file"]], STABILITY_COUNTS[:-1], temp).items()]
            replays[name] = Replay(options.binary, config, path, posts, paths + (variants if name == "full" else []))
            print(f"read {name}", file=sys.stderr)
    if options.replays:
        json.dump({name: replay.saved() for name, replay in replays.items()}, open(options.replays, "w"))
    for variant, criterion in VARIANTS.items():
        report(variant, criterion, replays, profiles, tags, variant_names)


def fit_of(criterion, replay, wanted, profile):
    if criterion.__name__ == "fit":
        return criterion(replay, wanted, profile)
    return replay.fit(criterion, wanted, profile)


def stability(criterion, replay, profiles, tags, variant_names):
    """Mean Jaccard of each profile's fit with its first 5 skills against all 15, and the pooled
    label precision per skill count, on the full corpus."""
    jaccards, pooled = [], {n: [0, 0] for n in STABILITY_COUNTS}
    for p in profiles:
        if p["file"] not in variant_names:
            continue
        names = {**variant_names[p["file"]], STABILITY_COUNTS[-1]: p["file"]}
        fits = {n: set(fit_of(criterion, replay, tags[name], name)[0]) for n, name in names.items()}
        jaccards.append(ev.jaccard(fits[STABILITY_COUNTS[0]], fits[STABILITY_COUNTS[-1]]))
        for n, fit in fits.items():
            pooled[n][0] += sum(1 for line in fit if p["label"] in replay.posts[line]["labels"])
            pooled[n][1] += len(fit)
    if not jaccards:
        return ""
    return (f"; skills 5/10/15: fit {'/'.join(str(pooled[n][1]) for n in STABILITY_COUNTS)}, precision "
            f"{'/'.join(f'{pooled[n][0] / max(pooled[n][1], 1):.3f}' for n in STABILITY_COUNTS)}, mean Jaccard 5-15 "
            f"{ev.mean(jaccards):.2f}")


def report(variant, criterion, replays, profiles, tags, variant_names):
    own_full = other_full = other_minority = 0
    failing, few, by_label = [], [], {}
    for p in profiles:
        for name in ("full", p["label"]):
            replay = replays[name]
            fit, enough = fit_of(criterion, replay, tags[p["file"]], p["file"])
            own = sum(1 for line in fit if p["label"] in replay.posts[line]["labels"])
            if name == "full":
                own_full, other_full = own_full + own, other_full + len(fit) - own
                counts = by_label.setdefault(p["label"], [0, 0, 0.0])
                counts[0], counts[1] = counts[0] + own, counts[1] + len(fit)
                counts[2] += replay.baseline_own(tags[p["file"]], p["label"], len(fit))
                if not enough:
                    few.append(f"{p['file']} {len(fit)}")
            else:
                other_minority += len(fit) - own
                if enough and own / len(fit) < 0.7:
                    failing.append(f"{p['file']} {len(fit)} at {own / len(fit):.2f}")
    labels = ", ".join(f"{label} {own / max(size, 1):.3f} {'>=' if own >= base else '<'} {base / max(size, 1):.3f}"
                       for label, (own, size, base) in sorted(by_label.items()))
    print(f"{variant}: full-corpus precision {own_full / max(own_full + other_full, 1):.3f} ({labels}); other-label posts "
          f"{other_full} -> {other_minority} on the minority corpora; minority profiles failing {len(failing)}"
          f"{': ' + ', '.join(failing) if failing else ''}; too few on the full corpus: {', '.join(few) or 'none'}"
          f"{stability(criterion, replays['full'], profiles, tags, variant_names)}")


if __name__ == "__main__":
    main()
