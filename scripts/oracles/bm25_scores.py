"""BM25 oracle for the corpus tests: reads {"documents": [[token, ...], ...], "query": [token, ...]}
on stdin and prints the rank-bm25 0.2.2 BM25Okapi scores (default k1=1.5, b=0.75, epsilon=0.25)
as a JSON list."""
import json
import sys

from rank_bm25 import BM25Okapi

request = json.load(sys.stdin)
model = BM25Okapi(request["documents"])
print(json.dumps([float(score) for score in model.get_scores(request["query"])]))
