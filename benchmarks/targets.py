#!/usr/bin/env python3
"""Measures each speed target of the benchmarks as a ratio against a baseline run in the same
loop (interleaved repetitions, medians), so the figures hold on a shared, loaded machine.

Usage: targets.py [--bin-dir DIR | --static] [--runs N] [--only NAME,...] [--json FILE] [--data DIR]
                  [--posts N] [--scale-posts N] [--memory-limit-gb G] [--keep]

Targets (see benchmarks/README.md): warm, warm-large, lsp, analysis, casefold, scale.
No target asserts anything: each prints its medians, ratios and the goal next to them.
"""
import argparse
import importlib.util
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import EXAMPLES, REAL_CORPUS, ROOT, BENCH_DIR, Process, log, median

TARGETS = ("warm", "warm-large", "lsp", "analysis", "casefold", "scale")
SPLIT_ABOVE = 150_000


class Targets:
    def __init__(self, args: argparse.Namespace, work: Path):
        self.args = args
        self.work = work
        self.cli = str(args.bin_dir / "profilelint")
        self.bench = str(args.bin_dir / "profilelint-bench")
        self.generated: dict[int, Path] = {}
        self.results: dict = {}

    def env(self, cache: str) -> dict[str, str]:
        env = dict(os.environ, PROFILELINT_CACHE_DIR=str(self.work / cache), NO_COLOR="1")
        if self.args.rules:  # for a binary copied away from its checkout
            env["PROFILELINT_RULES"] = str(self.args.rules)
            env["PROFILELINT_NO_BUILTIN_RULES"] = "1"  # newer binaries add PROFILELINT_RULES to their built-in pack
        return env

    def corpus(self, count: int) -> Path:
        """A generated corpus of `count` posts (written once per run): one file, or a directory of
        files of 100,000 posts above `SPLIT_ABOVE` (a corpus file may hold at most 256 MiB)."""
        if count not in self.generated:
            split = count > SPLIT_ABOVE
            path = (self.args.data or self.work) / (f"generated-{count}" if split else f"generated-{count}.csv")
            if not path.exists():
                log(f"generating {count:,} posts")
                Process([sys.executable, str(BENCH_DIR / "generate_corpus.py"), str(REAL_CORPUS), str(path), str(count)]
                        + (["--posts-per-file", "100000"] if split else []))
            self.generated[count] = path
        return self.generated[count]

    def lint(self, command: list[str], env: dict[str, str]) -> Process:
        process = Process(command, env=env, check=False)
        if process.status not in (0, 1):
            sys.exit(f"targets.py: error: {' '.join(command)} exited with {process.status}:\n{process.stderr}")
        return process

    def interleaved(self, commands: dict[str, tuple[list[str], dict[str, str]]], runs: int,
                    before: dict[str, callable] | None = None) -> dict[str, list[Process]]:
        """Each command once per round, `runs` rounds, in turn; `before[name]`, if any, runs
        (untimed) just before each run of `name`."""
        done: dict[str, list[Process]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, (command, env) in commands.items():
                if before and name in before:
                    before[name]()
                done[name].append(self.lint(command, env))
        return done

    def clear_results(self, cache: str) -> None:
        """Removes the lint result cache's entries (findings and rule facts) from cache directory
        `cache` (corpus kept)."""
        for pattern in ("result-*.plresult", "rules-*.plresult"):
            for entry in (self.work / cache).glob(pattern):
                entry.unlink()

    # MARK: Targets

    def warm(self) -> None:
        """Warm lint of examples/ against `profilelint --version`, interleaved: `lint` is a second
        identical run (corpus and lint results cached), `lint_uncached_results` the same with the
        result cache emptied before each run (corpus cached only: the first lint after an edit)."""
        env = self.env("cache-examples")
        lint = [self.cli, "lint", str(EXAMPLES), "--corpus", str(EXAMPLES / "jobs")]
        self.lint(lint, env)  # fills the cache
        uncached_env = self.env("cache-examples-corpus-only")
        self.lint(lint, uncached_env)
        commands = {"version": ([self.cli, "--version"], env), "lint": (lint, env),
                    "lint_uncached_results": (lint, uncached_env)}
        before = {"lint_uncached_results": lambda: self.clear_results("cache-examples-corpus-only")}
        for index, directory in enumerate(self.args.compare_bin_dir or []):
            # Other builds (earlier commits) in the same rounds, each with its own cache.
            name = "other_lint" if index == 0 else f"other{index + 1}_lint"
            other = [str(directory / "profilelint")] + lint[1:]
            other_env = {key: value for key, value in self.env(f"cache-examples-{name}").items()
                         if key not in ("PROFILELINT_RULES", "PROFILELINT_NO_BUILTIN_RULES")}
            self.lint(other, other_env)
            commands[name] = (other, other_env)
        runs = self.interleaved(commands, self.args.runs, before)
        self.results["warm"] = summary(runs, goals={"lint_ms": 25, "lint_minus_version_ms": 15, "lint_peak_mb": 50})
        self.results["warm"]["binary"] = self.cli

    def warm_large(self) -> None:
        """Warm lint of one profile against a cached generated corpus, against `--version`, as in
        `warm`: `lint` replays the cached result, `lint_uncached_results` lints with the corpus
        cached only (the corpus rules run: what the 100,000-post goal is about)."""
        env = self.env("cache-large")
        corpus = self.corpus(self.args.posts)
        lint = [self.cli, "lint", str(EXAMPLES / "strong-profile.yaml"), "--corpus", str(corpus)]
        log(f"filling the cache for {corpus.name}")
        self.lint(lint, env)
        uncached_env = self.env("cache-large-corpus-only")
        self.lint(lint, uncached_env)
        commands = {"version": ([self.cli, "--version"], env), "lint": (lint, env),
                    "lint_uncached_results": (lint, uncached_env)}
        before = {"lint_uncached_results": lambda: self.clear_results("cache-large-corpus-only")}
        runs = self.interleaved(commands, self.args.runs, before)
        self.results["warm-large"] = summary(runs, goals={"lint_ms": 100, "lint_uncached_results_ms": 100})

    def lsp(self) -> None:
        """Latency from a didChange to its publishDiagnostics, debounce 0, with examples/jobs."""
        env = self.env("cache-examples")
        self.lint([self.cli, "lint", str(EXAMPLES), "--corpus", str(EXAMPLES / "jobs")], env)
        server = LanguageClient([self.cli, "lsp"], env)
        try:
            server.request("initialize", {"processId": None, "rootUri": EXAMPLES.as_uri(), "capabilities": {},
                                          "initializationOptions": {"profilelint": {
                                              "corpus": [str(EXAMPLES / "jobs")], "debounceMilliseconds": 0}}})
            server.notify("initialized", {})
            files = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".yaml", ".json"))
            texts = {p.as_uri(): p.read_text() for p in files}
            for uri, text in texts.items():
                language = "json" if uri.endswith(".json") else "yaml"
                server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language,
                                                                        "version": 1, "text": text}})
                server.diagnostics(uri, 1)
            latencies: list[float] = []
            for round_ in range(self.args.runs * 4):
                for uri, text in texts.items():
                    version = round_ + 2
                    # Whole-text change: the original text, or it with a trailing blank line.
                    changed = text + ("\n" if round_ % 2 == 0 else "")
                    start = time.perf_counter()
                    server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                             "contentChanges": [{"text": changed}]})
                    server.diagnostics(uri, version)
                    latencies.append(time.perf_counter() - start)
            server.request("shutdown", None)
            server.notify("exit", None)
        finally:
            server.close()
        self.results["lsp"] = {"relint_ms": 1000 * median(latencies), "samples": len(latencies),
                               "relint_ms_max": 1000 * max(latencies), "goal_relint_ms": 10}

    def analysis(self) -> None:
        """scikit-learn, the analysis alone, and a whole cold lint --no-cache, interleaved."""
        entries = []
        corpora = [REAL_CORPUS] + ([] if self.args.real_corpus_only else [self.corpus(self.args.posts)])
        for corpus in corpora:
            runs = self.args.runs if corpus == REAL_CORPUS else self.args.large_runs
            log(f"{corpus.name}: scikit-learn / analysis / cold lint, interleaved x{runs}")
            sklearn, ours, cold = [], [], []
            env = self.env("cache-unused")
            for _ in range(runs):
                sklearn.append(median(Process([sys.executable, str(BENCH_DIR / "sklearn_baseline.py"), str(corpus),
                                               "--runs", "1"]).json()["seconds"]))
                ours.append(Process([self.bench, "analyze", str(corpus), "--runs", "1", "--skip-single-thread"]).json()
                            ["seconds"]["total"][0])
                cold.append(self.lint([self.cli, "lint", str(EXAMPLES / "strong-profile.yaml"), "--corpus", str(corpus),
                                       "--no-cache"], env).seconds)
            entries.append({"corpus": corpus.name, "runs": runs, "sklearn_s": median(sklearn), "analysis_s": median(ours),
                            "cold_lint_s": median(cold), "analysis_speedup": median(sklearn) / median(ours),
                            "cold_lint_speedup": median(sklearn) / median(cold),
                            "goal_analysis_speedup": 15, "goal_cold_lint_speedup": 10})
        self.results["analysis"] = {"corpora": entries}

    def casefold(self) -> None:
        """The analysis against ICU NFKC_Casefold of the same text (all cores), interleaved."""
        ours, icu = [], []
        for _ in range(self.args.runs):
            ours.append(Process([self.bench, "analyze", str(REAL_CORPUS), "--runs", "1", "--skip-single-thread"]).json()
                        ["seconds"]["total"][0])
            icu.append(Process([self.bench, "casefold", str(REAL_CORPUS), "--runs", "1"]).json()["icu_parallel"][0])
        self.results["casefold"] = {"corpus": REAL_CORPUS.name, "analysis_s": median(ours), "icu_casefold_s": median(icu),
                                    "share_of_icu": median(icu) / median(ours), "goal_share_of_icu": 0.10}

    def scale(self) -> None:
        """Analysis of 10,000 and `--scale-posts` posts (peak memory capped; files read a group at a
        time, `analyze --stream`), CPU and wall time per post, and cache load time."""
        points = []
        limit = int(self.args.memory_limit_gb * 2**30)
        for count in (10_000, self.args.scale_posts):
            corpus = self.corpus(count)
            stats = self.work / f"stats-{count}"
            log(f"{corpus.name}: analysis (address space capped at {self.args.memory_limit_gb} GB)")
            load_before = os.getloadavg()[0]
            process = Process([self.bench, "analyze", str(corpus), "--runs", "1", "--skip-single-thread", "--stream",
                               "--write-stats", str(stats)], check=False, limit=limit)
            if process.status != 0:
                points.append({"posts": count, "failed": process.status, "stderr": process.stderr[-2000:],
                               "peak_mb": process.peak_mb})
                continue
            report = process.json()
            load = Process([self.bench, "cache-load", str(stats), "--runs", str(self.args.runs)]).json()
            points.append({"posts": report["posts"], "seconds": report["seconds"]["total"][0], "peak_mb": process.peak_mb,
                           "us_per_post": 1e6 * report["seconds"]["total"][0] / report["posts"],
                           "cpu_us_per_post": 1e6 * process.cpu_seconds / report["posts"],
                           "load_before": load_before, "load_after": os.getloadavg()[0],
                           "cache_mb": load["bytes"] / 1e6, "cache_load_s": median(load["seconds"])})
        if all("failed" not in point for point in points):
            points[-1]["per_post_vs_10k"] = points[-1]["us_per_post"] / points[0]["us_per_post"]
            points[-1]["cpu_per_post_vs_10k"] = points[-1]["cpu_us_per_post"] / points[0]["cpu_us_per_post"]
        self.results["scale"] = {"points": points, "goal_peak_mb": 4096, "goal_per_post_vs_10k": 1.25,
                                 "goal_cache_load_s": 1.0}


def summary(runs: dict[str, list[Process]], goals: dict[str, float]) -> dict:
    result = {f"{name}_ms": 1000 * median([run.seconds for run in done]) for name, done in runs.items()}
    result.update({f"{name}_cpu_ms": 1000 * median([run.cpu_seconds for run in done]) for name, done in runs.items()})
    result.update({f"{name}_peak_mb": max(run.peak_mb for run in done) for name, done in runs.items()})
    if "version_ms" in result:
        for name in runs:
            if name.startswith("lint"):
                result[f"{name}_minus_version_ms"] = result[f"{name}_ms"] - result["version_ms"]
    result["runs"] = len(next(iter(runs.values())))
    result.update({f"goal_{key}": value for key, value in goals.items()})
    return result


class LanguageClient:
    """A Language Server child process spoken to over stdio (LSP base protocol framing)."""

    def __init__(self, command: list[str], env: dict[str, str]):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
        self.buffer = b""
        self.next_id = 0

    def send(self, message: dict) -> None:
        body = json.dumps(dict(message, jsonrpc="2.0")).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params) -> dict:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.wait(lambda message: message.get("id") == self.next_id and "method" not in message)

    def diagnostics(self, uri: str, version: int) -> dict:
        return self.wait(lambda message: message.get("method") == "textDocument/publishDiagnostics"
                         and message["params"]["uri"] == uri and message["params"].get("version") == version)

    def wait(self, matches, timeout: float = 120) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            message = self.read(deadline)
            if matches(message):
                return message

    def read(self, deadline: float) -> dict:
        while (message := self.take()) is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self.process.stdout], [], [], remaining)[0]:
                sys.exit("targets.py: error: the language server did not answer in time")
            chunk = os.read(self.process.stdout.fileno(), 1 << 16)
            if not chunk:
                sys.exit("targets.py: error: the language server exited")
            self.buffer += chunk
        return message

    def take(self) -> dict | None:
        """The first complete message in the buffer (removed from it), or None."""
        if b"\r\n\r\n" not in self.buffer:
            return None
        header, rest = self.buffer.split(b"\r\n\r\n", 1)
        length = next(int(line.split(b":")[1]) for line in header.split(b"\r\n")
                      if line.lower().startswith(b"content-length"))
        if len(rest) < length:
            return None
        self.buffer = rest[length:]
        return json.loads(rest[:length])

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin-dir", type=Path, default=ROOT / ".build" / "release")
    parser.add_argument("--static", action="store_true",
                        help="build and time the binary scripts/install.sh installs (scripts/build-release, "
                             "in .build-static) instead of --bin-dir")
    parser.add_argument("--runs", type=int, default=9, help="interleaved rounds (default 9)")
    parser.add_argument("--compare-bin-dir", type=Path, action="append",
                        help="warm target: also time this build's lint in the same rounds (repeatable: other_lint, other2_lint, ...)")
    parser.add_argument("--large-runs", type=int, default=3, help="rounds on the large corpus (default 3)")
    parser.add_argument("--only", default=",".join(TARGETS), help=f"comma-separated targets ({', '.join(TARGETS)})")
    parser.add_argument("--posts", type=int, default=100_000, help="posts of the large generated corpus")
    parser.add_argument("--real-corpus-only", action="store_true", help="analysis target: skip the generated corpus")
    parser.add_argument("--scale-posts", type=int, default=1_000_000, help="posts of the scale target")
    parser.add_argument("--memory-limit-gb", type=float, default=8, help="address-space cap of the scale run")
    parser.add_argument("--data", type=Path, help="keep generated corpora here and reuse them (default: a temporary directory)")
    parser.add_argument("--rules", type=Path, help="PROFILELINT_RULES for the binaries (when they cannot find their own)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in TARGETS]
    if unknown or args.runs < 1:
        parser.error(f"unknown target(s) {', '.join(unknown)}" if unknown else "--runs must be at least 1")
    if "analysis" in chosen and importlib.util.find_spec("sklearn") is None:
        # Checked before any build or corpus generation: the baseline runs only after them.
        parser.error("the analysis target needs the scikit-learn baseline: "
                     "python3 -m pip install -r benchmarks/requirements.txt")
    if args.static:
        build = [str(ROOT / "scripts" / "build-release"), "--scratch-path", str(ROOT / ".build-static")]
        log("building the statically linked release binary (scripts/build-release, as scripts/install.sh does)")
        subprocess.run(build, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        args.bin_dir = Path(subprocess.run(build + ["--show-bin-path"], cwd=ROOT, check=True, capture_output=True,
                                           text=True).stdout.strip())
    work = Path(tempfile.mkdtemp(prefix="profilelint-targets-"))
    try:
        targets = Targets(args, work)
        for name in chosen:
            load = os.getloadavg()[0]
            getattr(targets, name.replace("-", "_"))()
            targets.results[name] = dict(targets.results[name], load_before=load)
            log(f"{name}: {json.dumps(targets.results[name])}")  # kept even if a later target fails
            if args.json:
                args.json.write_text(json.dumps(targets.results, indent=1) + "\n")
        print(json.dumps(targets.results, indent=1))
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
