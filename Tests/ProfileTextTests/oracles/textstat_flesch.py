#!/usr/bin/env python3
"""Test oracle: Flesch reading ease as PyPI textstat 0.7.3 computes it.

Reads a JSON array of strings on stdin and prints a JSON object: "scores", one score per text,
and "dictionary", the path of the en_US hyphenation dictionary textstat counts syllables with
(pyphen's). Installed by `scripts/setup.sh --tests` (pins in scripts/requirements-test.txt).
"""
import json
import sys
from importlib.metadata import version

EXPECTED = "0.7.3"

if version("textstat") != EXPECTED:
    sys.exit(f"textstat {EXPECTED} is required, found {version('textstat')}")

import pyphen  # noqa: E402  (after the version check)
import textstat  # noqa: E402

texts = json.load(sys.stdin)
print(json.dumps({
    "scores": [textstat.flesch_reading_ease(text) for text in texts],
    "dictionary": str(pyphen.LANGUAGES["en_US"]),
}))
