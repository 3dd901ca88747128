#!/usr/bin/env bash
# Fuzzes profilelint's input readers (see docs/robustness.md, "Fuzzing").
#
#   fuzz/run.sh [--libfuzzer] [--seconds S] [--runs N] [--seed N] [TARGET...]
#
# Default: the seeded mutation driver, built in release mode into .build-fuzz, 60 seconds
# per target, every target. --libfuzzer builds the same targets with
# `-sanitize=fuzzer,address` (Linux, a swift.org toolchain) into .build-libfuzzer and runs
# libFuzzer instead, keeping what it learns in .build-libfuzzer/corpus/TARGET.
# A crashing or hanging input is saved in fuzz/findings/ (not committed); replay it with
#   .build-fuzz/release/profilelint-fuzz TARGET --replay FILE
set -euo pipefail
cd "$(dirname "$0")/.."

mode=mutation seconds=60 runs="" seed=1 targets=()
while (($#)); do
    case "$1" in
        --libfuzzer) mode=libfuzzer ;;
        --seconds) seconds="$2"; shift ;;
        --runs) runs="$2"; shift ;;
        --seed) seed="$2"; shift ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "fuzz/run.sh: unknown option '$1'" >&2; exit 2 ;;
        *) targets+=("$1") ;;
    esac
    shift
done

# Seeds: the target's own directory, plus files of the repository and the YAML test suite
# read in place (never copied).
suite=../shared/data/yaml-test-suite
seeds_for() {
    echo "fuzz/seeds/$1"
    case "$1" in
        profile-yaml) echo examples/strong-profile.yaml; echo examples/weak-profile.yaml; echo "$suite" ;;
        profile-json) echo examples/android-profile.json; echo "$suite" ;;
        rules) echo rules ;;
        config) echo "$suite" ;;
        corpus-csv) echo examples/jobs/ecommerce.csv ;;
        corpus-json) echo examples/jobs/mobile-apps.json ;;
        corpus-jsonl) echo examples/jobs/seo-content.jsonl ;;
        corpus-markdown) echo examples/jobs/video ;;
    esac
}

mkdir -p fuzz/findings
if [[ $mode == mutation ]]; then
    swift build -c release --scratch-path .build-fuzz --product profilelint-fuzz
    binary=.build-fuzz/release/profilelint-fuzz
else
    swift build -c release --scratch-path .build-libfuzzer --product profilelint-fuzz \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -DLIBFUZZER -Xcc -fsanitize=fuzzer-no-link,address
    binary=.build-libfuzzer/release/profilelint-fuzz
fi
((${#targets[@]})) || mapfile -t targets < <(.build-fuzz/release/profilelint-fuzz --list 2>/dev/null || "$binary" --list 2>/dev/null \
    || echo "profile-yaml profile-json rules config baseline corpus-csv corpus-json corpus-jsonl corpus-markdown corpus-cache lsp" | tr ' ' '\n')

status=0
for target in "${targets[@]}"; do
    mapfile -t seed_paths < <(seeds_for "$target")
    existing=()
    for path in "${seed_paths[@]}"; do [[ -e $path ]] && existing+=("$path"); done
    if [[ $mode == mutation ]]; then
        arguments=("$target" --seed "$seed" --artifacts fuzz/findings)
        if [[ -n $runs ]]; then arguments+=(--runs "$runs"); else arguments+=(--seconds "$seconds"); fi
        for path in "${existing[@]}"; do arguments+=(--seeds "$path"); done
        "$binary" "${arguments[@]}" || status=1
    else
        corpus=.build-libfuzzer/corpus/$target
        mkdir -p "$corpus"
        limit=(-max_total_time="$seconds")
        [[ -n $runs ]] && limit=(-runs="$runs")
        # libFuzzer reads seed files from directories only; single files go through a copy in the build dir.
        dirs=()
        for path in "${existing[@]}"; do
            if [[ -d $path ]]; then dirs+=("$path"); else cp "$path" "$corpus/"; fi
        done
        SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 FUZZ_TARGET="$target" "$binary" "${limit[@]}" -seed="$seed" -timeout=10 \
            -max_len=16384 -rss_limit_mb=4096 -detect_leaks=0 -artifact_prefix="fuzz/findings/$target-" -print_final_stats=1 \
            "$corpus" "${dirs[@]}" || status=1
    fi
done
exit $status
