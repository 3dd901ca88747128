#!/usr/bin/env python3
"""Test oracle: prints the start and end marks PyYAML's pure-Python composer gives
every scalar of a YAML file, in document order (a map's key, then its value).

Usage: yaml_marks.py FILE
Output: one JSON object per scalar: style, value, start [line, column], end [line,
column], 1-based, columns in Unicode code points. Pinned in scripts/requirements-test.txt.
"""
import json
import sys

import yaml


def walk(node, seen_out):
    if isinstance(node, yaml.ScalarNode):
        seen_out.append({
            "style": node.style or "plain",
            "value": node.value,
            "start": [node.start_mark.line + 1, node.start_mark.column + 1],
            "end": [node.end_mark.line + 1, node.end_mark.column + 1],
        })
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            walk(item, seen_out)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            walk(key, seen_out)
            walk(value, seen_out)


def main():
    with open(sys.argv[1], "rb") as handle:
        root = yaml.compose(handle.read(), Loader=yaml.SafeLoader)
    scalars = []
    if root is not None:
        walk(root, scalars)
    for scalar in scalars:
        print(json.dumps(scalar, ensure_ascii=False))


if __name__ == "__main__":
    main()
