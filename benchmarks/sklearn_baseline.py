#!/usr/bin/env python3
"""Baseline: scikit-learn's TfidfVectorizer(ngram_range=(1, 3)).fit_transform over a CSV corpus.

Usage: sklearn_baseline.py CSV [--runs N]
Prints one JSON line: posts, bytes (UTF-8 of title + newline + description of every row),
features (the vocabulary size) and the seconds of each fit_transform (reading the CSV is
not timed).
"""
import argparse
import csv
import json
import sys
import time

csv.field_size_limit(sys.maxsize)


def read_texts(path: str) -> list[str]:
    """Title and description of every row, as one text per post."""
    with open(path, newline="", encoding="utf-8") as handle:
        return [f"{row.get('title') or ''}\n{row.get('description') or ''}" for row in csv.DictReader(handle)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("csv")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
    except ImportError:
        sys.exit("sklearn_baseline.py: error: scikit-learn is not installed; "
                 "install the pinned baseline: python3 -m pip install -r benchmarks/requirements.txt")

    texts = read_texts(args.csv)
    size = sum(len(text.encode("utf-8")) for text in texts)
    seconds = []
    features = 0
    for _ in range(args.runs):
        start = time.perf_counter()
        vectorizer = TfidfVectorizer(ngram_range=(1, 3))
        vectorizer.fit_transform(texts)
        seconds.append(time.perf_counter() - start)
        features = len(vectorizer.vocabulary_)
        del vectorizer
    print(json.dumps({"measurement": "sklearn", "posts": len(texts), "bytes": size, "features": features,
                      "seconds": seconds}))


if __name__ == "__main__":
    main()
