#!/usr/bin/env python3
"""Runs every profilelint benchmark in one go and prints the results as Markdown tables.

Called by benchmarks/run.sh after the release build; see benchmarks/README.md. Every
measurement runs several times and reports the median; ratios compare measurements of the
same run. Wall time and peak memory of a process come from wait4(2) (the resource usage
GNU time reports).
"""
import argparse
import datetime
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sklearn_baseline import read_texts

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
REAL_CORPUS = ROOT / ".." / "shared" / "data" / "jobs" / "four-tracks-2400.csv"
EXAMPLES = ROOT / "examples"


class Process:
    """A finished child process: output, wall seconds and peak resident memory."""

    def __init__(self, command: list[str], env: dict[str, str] | None = None, check: bool = True,
                 limit: int | None = None):
        """`limit`: a cap on the child's address space in bytes (it fails instead of exhausting memory)."""
        def cap() -> None:
            if limit:
                resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            child = subprocess.Popen(command, stdout=out, stderr=err, env=env, cwd=ROOT, preexec_fn=cap)
            _, status, usage = os.wait4(child.pid, 0)
            self.seconds = time.perf_counter() - start
            child.returncode = os.waitstatus_to_exitcode(status)
            self.status = child.returncode
            self.peak_mb = usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux
            self.cpu_seconds = usage.ru_utime + usage.ru_stime  # less sensitive to other jobs than wall time
            out.seek(0)
            err.seek(0)
            self.stdout = out.read().decode("utf-8", "replace")
            self.stderr = err.read().decode("utf-8", "replace")
        if check and self.status != 0:
            sys.exit(f"run.py: error: {' '.join(command)} exited with {self.status}:\n{self.stderr}")

    def json(self) -> dict:
        lines = [line for line in self.stdout.splitlines() if line.startswith("{")]
        if not lines:
            sys.exit(f"run.py: error: no JSON result in the output of the benchmark:\n{self.stdout}{self.stderr}")
        return json.loads(lines[-1])


def median(values: list[float]) -> float:
    return statistics.median(values)


def log(message: str) -> None:
    print(f"[{datetime.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


class Benchmarks:
    def __init__(self, args: argparse.Namespace, work: Path):
        self.args = args
        self.work = work
        self.bench = str(args.bin_dir / "profilelint-bench")
        self.cli = str(args.bin_dir / "profilelint")
        self.loads = [os.getloadavg()[0]]

    # MARK: Corpora

    def generate(self, count: int) -> Path:
        path = self.work / f"generated-{count}.csv"
        log(f"generating {count} posts")
        Process([sys.executable, str(BENCH_DIR / "generate_corpus.py"), str(REAL_CORPUS), str(path), str(count)])
        return path

    # MARK: Measurements

    def analysis(self, path: Path, runs: int, baseline: bool) -> dict:
        """Our analysis, the case-folding ceiling and (when `baseline`) scikit-learn, on one corpus."""
        text_bytes = sum(len(text.encode("utf-8")) for text in read_texts(str(path)))
        result: dict = {"corpus": path.name, "csv_text_bytes": text_bytes}
        log(f"{path.name}: profilelint analysis x{runs}")
        result["ours"] = Process([self.bench, "analyze", str(path), "--runs", str(runs)]).json()
        self.loads.append(os.getloadavg()[0])
        log(f"{path.name}: ICU case folding x{runs}")
        result["casefold"] = Process([self.bench, "casefold", str(path), "--runs", str(runs)]).json()
        if baseline:
            log(f"{path.name}: scikit-learn TfidfVectorizer(ngram_range=(1, 3)) x{runs}")
            sklearn = Process([sys.executable, str(BENCH_DIR / "sklearn_baseline.py"), str(path), "--runs", str(runs)])
            result["sklearn"] = sklearn.json()
            result["sklearn"]["peak_mb"] = sklearn.peak_mb
        self.loads.append(os.getloadavg()[0])
        return result

    def scaling(self, path: Path, runs: int) -> dict:
        log(f"{path.name}: analysis for scaling x{runs}")
        ours = Process([self.bench, "analyze", str(path), "--runs", str(runs), "--skip-single-thread"]).json()
        return {"posts": ours["posts"], "seconds": median(ours["seconds"]["total"])}

    def lint(self, runs: int, large_corpus: Path) -> dict:
        """Cold (empty cache) and warm (cache hit) lint of examples/ with examples/jobs, and a
        cold lint against the large corpus (its peak memory is the memory goal)."""
        cache = self.work / "cache"
        env = dict(os.environ, PROFILELINT_CACHE_DIR=str(cache), NO_COLOR="1")
        command = [self.cli, "lint", str(EXAMPLES), "--corpus", str(EXAMPLES / "jobs")]
        cold, warm = [], []
        log(f"cold and warm lint of examples/ x{runs}")
        for _ in range(runs):
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(self.checked_lint(command, env))
        self.checked_lint(command, env)
        if not any(cache.glob("corpus-*")):
            sys.exit(f"run.py: error: lint wrote no corpus cache in {cache}; the warm runs would not hit a cache")
        for _ in range(runs):
            warm.append(self.checked_lint(command, env))
        log(f"cold lint against {large_corpus.name} x{self.args.large_runs}")
        large_command = [self.cli, "lint", str(EXAMPLES / "strong-profile.yaml"), "--corpus", str(large_corpus), "--no-cache"]
        large = [self.checked_lint(large_command, env) for _ in range(self.args.large_runs)]
        return {"cold": cold, "warm": warm, "large": large}

    @staticmethod
    def checked_lint(command: list[str], env: dict[str, str]) -> Process:
        # Exit 1 means the profiles have errors (the weak example has); 2 and up is a failure.
        process = Process(command, env=env, check=False)
        if process.status not in (0, 1):
            sys.exit(f"run.py: error: {' '.join(command)} exited with {process.status}:\n{process.stderr}")
        return process


def mb_per_second(text_bytes: int, seconds: float) -> float:
    return text_bytes / 1e6 / seconds


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    return (f"{model}, {os.cpu_count()} cores, {memory:.0f} GiB RAM, {platform.system()} {platform.release()}; "
            f"{swift[0] if swift else 'swift ?'}; Python {platform.python_version()}")


def report(results: dict, args: argparse.Namespace) -> str:
    lines = [f"Date: {results['date']}  ", f"Machine: {results['machine']}  ",
             f"Command: `{' '.join(['benchmarks/run.sh'] + args.passthrough)}`  ",
             f"Load average (1 min) during the run: {min(results['loads']):.2f} to {max(results['loads']):.2f}  ",
             f"Medians of {args.runs} runs ({args.large_runs} for the {args.posts:,}-post corpus).", ""]

    lines += ["### Corpus analysis", "",
              "| corpus | posts | text MB | profilelint | posts/s | scikit-learn 1-3-grams | speed-up | ICU NFKC_Casefold | share of ICU | one thread / all cores (parse + statistics) | parallel = one thread |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    goals = []
    for item in results["analysis"]:
        ours, fold, sklearn = item["ours"], item["casefold"], item.get("sklearn")
        seconds = median(ours["seconds"]["total"])
        ours_mbs = mb_per_second(item["csv_text_bytes"], seconds)
        icu_mbs = mb_per_second(fold["text_bytes"], median(fold["icu_parallel"]))
        # Parse and statistics (the parallel phases): one thread against all cores.
        speedup = ((median(ours["single_thread_parse"]) + median(ours["single_thread_build"]))
                   / (median(ours["seconds"]["parse"]) + median(ours["seconds"]["build"])))
        sklearn_cell, ratio_cell = "", ""
        if sklearn:
            sklearn_mbs = mb_per_second(sklearn["bytes"], median(sklearn["seconds"]))
            sklearn_cell, ratio_cell = f"{sklearn_mbs:.2f} MB/s", f"{ours_mbs / sklearn_mbs:.1f}x"
            goals.append((f"analysis >= 10x scikit-learn ({item['corpus']})", "10x", ratio_cell, ours_mbs / sklearn_mbs >= 10))
        goals.append((f"analysis >= 10% of ICU case folding ({item['corpus']})", "10%",
                      f"{100 * ours_mbs / icu_mbs:.1f}%", ours_mbs / icu_mbs >= 0.10))
        goals.append((f"both cores, identical result ({item['corpus']})", "identical, speed-up > 1",
                      f"{ours['identical']}, {speedup:.2f}x", ours["identical"] and speedup > 1))
        lines.append(
            f"| {item['corpus']} | {ours['posts']:,} (+{ours['duplicates']} duplicates) | {item['csv_text_bytes'] / 1e6:.1f} "
            f"| {ours_mbs:.2f} MB/s ({seconds:.2f} s) | {ours['posts'] / seconds:,.0f} | {sklearn_cell} | {ratio_cell} "
            f"| {icu_mbs:.1f} MB/s | {100 * ours_mbs / icu_mbs:.1f}% | {speedup:.2f}x | {ours['identical']} |")
    lines += ["", "Phases of the profilelint analysis (median seconds):", "",
              "| corpus | read | parse + de-duplicate | statistics | BM25 index | total |", "|---|---:|---:|---:|---:|---:|"]
    for item in results["analysis"]:
        phases = item["ours"]["seconds"]
        lines.append(f"| {item['corpus']} | " + " | ".join(f"{median(phases[key]):.3f}" for key in
                                                          ("read", "parse", "build", "index", "total")) + " |")
    lines += ["", "Case folding alone (median MB/s): ICU on all cores / ICU on one thread / "
              "`Normalizer.caseFold` (ASCII without ICU) on all cores:", ""]
    for item in results["analysis"]:
        fold = item["casefold"]
        cells = [mb_per_second(fold["text_bytes"], median(fold[key])) for key in ("icu_parallel", "icu_single_thread", "normalizer_parallel")]
        lines.append(f"- {item['corpus']}: {cells[0]:.1f} / {cells[1]:.1f} / {cells[2]:.1f} MB/s "
                     f"({100 * fold['ascii_share']:.0f}% of the texts are ASCII)")
    sklearn_items = [item for item in results["analysis"] if "sklearn" in item]
    for item in sklearn_items:
        lines.append(f"- scikit-learn on {item['corpus']}: {item['sklearn']['features']:,} features, "
                     f"peak memory {item['sklearn']['peak_mb']:,.0f} MB")

    lint = results["lint"]
    lines += ["", "### Lint (wall time and peak memory of the `profilelint` process)", "",
              "| run | median ms | peak memory MB (max) |", "|---|---:|---:|"]
    for label, key in (("cold lint of examples/ with examples/jobs (empty cache)", "cold"),
                       ("warm lint of examples/ with examples/jobs (cache hit)", "warm"),
                       (f"lint of one profile with the {args.posts:,}-post corpus, --no-cache", "large")):
        runs = lint[key]
        lines.append(f"| {label} | {1000 * median([run['seconds'] for run in runs]):.1f} | "
                     f"{max(run['peak_mb'] for run in runs):,.0f} |")
    warm_ms = 1000 * median([run["seconds"] for run in lint["warm"]])
    large_peak = max(run["peak_mb"] for run in lint["large"])
    goals.append(("warm lint median", "< 50 ms", f"{warm_ms:.1f} ms", warm_ms < 50))
    goals.append((f"peak memory at {args.posts:,} posts", "< 1024 MB", f"{large_peak:,.0f} MB", large_peak < 1024))

    scaling = results["scaling"]
    base = scaling[0]
    lines += ["", "### Scaling of the analysis (generated corpora)", "",
              "| posts | median s | µs per post | per-post time vs the smallest |", "|---:|---:|---:|---:|"]
    worst = 1.0
    for point in scaling:
        per_post = point["seconds"] / point["posts"]
        relative = per_post / (base["seconds"] / base["posts"])
        worst = max(worst, relative)
        lines.append(f"| {point['posts']:,} | {point['seconds']:.2f} | {1e6 * per_post:.1f} | {relative:.2f} |")
    goals.append(("linear scaling (per-post time at most 1.25x the smallest corpus's)", "<= 1.25", f"{worst:.2f}", worst <= 1.25))

    lines += ["", "### Goals", "", "| goal | target | measured | met |", "|---|---|---|---|"]
    lines += [f"| {name} | {target} | {measured} | {'yes' if met else '**no**'} |" for name, target, measured, met in goals]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin-dir", type=Path, default=ROOT / ".build" / "release")
    parser.add_argument("--runs", type=int, default=5, help="repetitions of each measurement (default 5)")
    parser.add_argument("--large-runs", type=int, default=3, help="repetitions on the large corpus (default 3)")
    parser.add_argument("--posts", type=int, default=100_000, help="posts in the generated corpus (at least 100000)")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (generated corpora)")
    args = parser.parse_args()
    # The command as typed (run.sh adds --bin-dir).
    args.passthrough = [arg for index, arg in enumerate(sys.argv[1:])
                        if arg != "--bin-dir" and (index == 0 or sys.argv[index] != "--bin-dir")]
    if args.runs < 1 or args.large_runs < 1:
        parser.error("--runs and --large-runs must be at least 1")
    if args.posts < 30_000:
        parser.error("--posts must be at least 30000 (the scaling series is 10k, 30k, then --posts)")
    if not REAL_CORPUS.is_file():
        sys.exit(f"run.py: error: the real corpus {REAL_CORPUS} is missing")
    for binary in ("profilelint", "profilelint-bench"):
        if not (args.bin_dir / binary).is_file():
            sys.exit(f"run.py: error: {args.bin_dir / binary} is missing; build with swift build -c release")

    work = Path(tempfile.mkdtemp(prefix="profilelint-bench-"))
    try:
        bench = Benchmarks(args, work)
        results = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                   "machine": machine()}
        small, medium, large = bench.generate(10_000), bench.generate(30_000), bench.generate(args.posts)
        results["analysis"] = [bench.analysis(REAL_CORPUS, args.runs, baseline=True),
                               bench.analysis(large, args.large_runs, baseline=True)]
        large_total = median(results["analysis"][1]["ours"]["seconds"]["total"])
        results["scaling"] = [bench.scaling(small, args.runs), bench.scaling(medium, args.runs),
                              {"posts": results["analysis"][1]["ours"]["posts"], "seconds": large_total}]
        lint = bench.lint(args.runs, large)
        results["lint"] = {key: [{"seconds": run.seconds, "peak_mb": run.peak_mb} for run in runs]
                           for key, runs in lint.items()}
        bench.loads.append(os.getloadavg()[0])
        results["loads"] = bench.loads
        if args.json:
            args.json.write_text(json.dumps(results, indent=1) + "\n")
        print(report(results, args))
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
