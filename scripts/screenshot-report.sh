#!/usr/bin/env bash
# Renders the HTML report of the shipped strong example and photographs it with headless
# Chromium: docs/report.png (desktop width) and docs/report-phone.png (a phone's width).
# Run after a change to the HTML report, look at both images, and commit them.
# Needs: a built profilelint (swift build) and Chromium (scripts/setup.sh --tests installs it).
set -euo pipefail
cd "$(dirname "$0")/.."

browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser="$candidate"; break; fi
done
[ -n "$browser" ] || { echo "screenshot-report: error: Chromium is not installed (scripts/setup.sh --tests)" >&2; exit 1; }
binary=.build/debug/profilelint
[ -x "$binary" ] || { echo "screenshot-report: error: build first: swift build" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The example fails lint on purpose (exit 1); only a usage or write error (2) stops the script.
status=0
"$binary" lint examples/strong-profile.yaml --format html --output "$work/report.html" || status=$?
[ "$status" -le 1 ] || { echo "screenshot-report: error: lint exited $status" >&2; exit 1; }

shoot() { # WIDTH HEIGHT SCALE OUTPUT
    "$browser" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --user-data-dir="$work/profile" --window-size="$1,$2" --force-device-scale-factor="$3" \
        --screenshot="$4" "file://$work/report.html" >/dev/null 2>&1
    [ -s "$4" ] || { echo "screenshot-report: error: Chromium wrote no $4" >&2; exit 1; }
    echo "wrote $4"
}
shoot 1100 1500 1 docs/report.png
shoot 390 1400 2 docs/report-phone.png
