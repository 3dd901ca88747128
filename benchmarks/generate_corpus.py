#!/usr/bin/env python3
"""Generate a large job-post corpus by resampling and perturbing the real posts.

Usage: generate_corpus.py SOURCE_CSV OUT COUNT [--seed N] [--posts-per-file N]

Each generated post starts from a random real post; its sentences are shuffled, about one
word in twelve is swapped for a word from another post, and it gets a unique URL, so the
corpus has realistic vocabulary and length but no exact duplicates. Output is RFC 4180 CSV
with the columns profilelint's loader reads (title, description, skills, track_name,
average_budget, url). Deterministic for a given seed. With --posts-per-file, OUT is a directory
that receives `part-0001.csv`, ... (profilelint refuses single corpus files over 256 MiB, about
180,000 generated posts); the posts are the same as in one file.
"""
import argparse
import csv
import os
import random
import re
import sys

csv.field_size_limit(sys.maxsize)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    parser.add_argument("out")
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--posts-per-file", type=int, help="split into files of this many posts in the directory OUT")
    args = parser.parse_args()

    with open(args.source, newline="", encoding="utf-8") as handle:
        posts = [row for row in csv.DictReader(handle) if row.get("description")]
    if not posts:
        sys.exit(f"{args.source}: no posts with a description")
    rng = random.Random(args.seed)
    vocabulary = [word for post in posts[:500] for word in post["description"].split()]
    sentence_split = re.compile(r"(?<=[.!?])\s+")

    per_file = args.posts_per_file or args.count
    if args.posts_per_file:
        os.makedirs(args.out, exist_ok=True)
    handle = None
    try:
        for index in range(args.count):
            if index % per_file == 0:
                if handle:
                    handle.close()
                path = os.path.join(args.out, f"part-{index // per_file + 1:04d}.csv") if args.posts_per_file else args.out
                handle = open(path, "w", newline="", encoding="utf-8")
                writer = csv.writer(handle)
                writer.writerow(["title", "description", "skills", "track_name", "average_budget", "url"])
            post = rng.choice(posts)
            sentences = sentence_split.split(post["description"])
            rng.shuffle(sentences)
            words = " ".join(sentences).split(" ")
            for position in range(0, len(words), 12):
                words[rng.randrange(position, min(position + 12, len(words)))] = rng.choice(vocabulary)
            writer.writerow([
                post.get("title", ""),
                " ".join(words),
                post.get("skills", ""),
                post.get("track_name", ""),
                post.get("average_budget", ""),
                f"https://jobs.example/generated/{index}",
            ])
    finally:
        if handle:
            handle.close()

if __name__ == "__main__":
    main()
