#!/usr/bin/env bash
# Builds profilelint in release mode and runs every benchmark (see benchmarks/README.md).
# Usage: benchmarks/run.sh [--runs N] [--large-runs N] [--posts N] [--json FILE] [--keep]
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r benchmarks/requirements.txt
echo "run.sh: building release" >&2
swift build -c release --product profilelint >&2
swift build -c release --product profilelint-bench >&2
exec python3 benchmarks/run.py --bin-dir "$(swift build -c release --show-bin-path)" "$@"
