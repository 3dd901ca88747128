#!/usr/bin/env bash
# Builds profilelint in release mode and runs the advice-quality evaluation (see README.md).
# Usage: benchmarks/advice/run.sh [--json FILE] [evaluate.py options]
set -euo pipefail
cd "$(dirname "$0")/../.."

./scripts/setup.sh
echo "advice/run.sh: building release" >&2
swift build -c release --product profilelint >&2
# A cache of its own, so the run neither reads nor fills the user's.
cache="$(mktemp -d)"
trap 'rm -rf "$cache"' EXIT
PROFILELINT_CACHE_DIR="$cache" exec python3 benchmarks/advice/evaluate.py \
    --binary "$(swift build -c release --show-bin-path)/profilelint" "$@"
