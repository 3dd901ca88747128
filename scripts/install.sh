#!/usr/bin/env bash
# Installs profilelint under a prefix:
#   PREFIX/bin/profilelint                              the binary (its rule pack is built in)
#   PREFIX/share/profilelint/examples/jobs/             the example job posts `suggest` falls back on
#   PREFIX/share/bash-completion/completions/profilelint, PREFIX/share/zsh/site-functions/_profilelint,
#   PREFIX/share/fish/vendor_completions.d/profilelint.fish   shell completion
#
# Usage: scripts/install.sh [--prefix DIR] [--binary FILE]
#   --prefix DIR   where to install (default: /usr/local)
#   --binary FILE  install this already built binary instead of building one with
#                  scripts/build-release
set -euo pipefail
cd "$(dirname "$0")/.."

prefix=/usr/local
binary=""
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { echo "install: error: --prefix needs a directory" >&2; exit 2; }; prefix="$2"; shift 2 ;;
        --prefix=*) prefix="${1#--prefix=}"; shift ;;
        --binary) [ $# -ge 2 ] || { echo "install: error: --binary needs a file" >&2; exit 2; }; binary="$2"; shift 2 ;;
        --binary=*) binary="${1#--binary=}"; shift ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install: error: unknown argument '$1' (expected --prefix DIR or --binary FILE)" >&2; exit 2 ;;
    esac
done
[ -n "$prefix" ] || { echo "install: error: --prefix must not be empty" >&2; exit 2; }

if [ -z "$binary" ]; then
    # The Swift runtime and Foundation linked in: a larger binary (about 90 MB) that starts
    # faster (no dynamic linking of the Swift libraries) and runs without a Swift toolchain.
    scripts/build-release --product profilelint
    binary="$(scripts/build-release --show-bin-path)/profilelint"
fi
[ -f "$binary" ] && [ -x "$binary" ] || { echo "install: error: '$binary' is not an executable file" >&2; exit 2; }

install -d "$prefix/bin" "$prefix/share/profilelint/examples/jobs" \
    "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 0755 "$binary" "$prefix/bin/profilelint"
cp -R examples/jobs/. "$prefix/share/profilelint/examples/jobs/"
"$prefix/bin/profilelint" --generate-completion-script bash > "$prefix/share/bash-completion/completions/profilelint"
"$prefix/bin/profilelint" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_profilelint"
"$prefix/bin/profilelint" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/profilelint.fish"
echo "installed $("$prefix/bin/profilelint" --version) in $prefix/bin"
