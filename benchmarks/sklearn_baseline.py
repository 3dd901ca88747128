#!/usr/bin/env python3
"""Baseline: scikit-learn's TfidfVectorizer(ngram_range=(1, 3)).fit_transform over a CSV corpus.

Usage: sklearn_baseline.py CSV [--runs N]
Prints one JSON line: posts, bytes (UTF-8 of title + description), and the seconds of each run.
"""
import argparse
import csv
import json
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer

csv.field_size_limit(sys.maxsize)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("csv")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with open(args.csv, newline="", encoding="utf-8") as handle:
        texts = [f"{row.get('title', '')}\n{row.get('description', '')}" for row in csv.DictReader(handle)]
    size = sum(len(text.encode("utf-8")) for text in texts)
    seconds = []
    for _ in range(args.runs):
        start = time.perf_counter()
        TfidfVectorizer(ngram_range=(1, 3)).fit_transform(texts)
        seconds.append(time.perf_counter() - start)
    print(json.dumps({"posts": len(texts), "bytes": size, "seconds": seconds}))


if __name__ == "__main__":
    main()
