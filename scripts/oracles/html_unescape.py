"""HTML character reference oracle for the corpus tests: reads a JSON list of strings on stdin and
prints Python's html.unescape of each (HTML5 rules, one pass) as a JSON list."""
import html
import json
import sys

print(json.dumps([html.unescape(text) for text in json.load(sys.stdin)]))
