"""Scale: is newslint linear in the article, and does the result cache pay? (issue 8)

(a) Linear. One plain-text article of --mb megabytes (default 10) made of Brown prose
    (corpus.py, all categories, paragraphs separated by blank lines, concatenated until the
    size is reached), linted with ``newslint check --no-cache`` in one process; its time per
    word is compared with the 1,000-article run (``--jobs 1`` on the same words per core, and
    ``--jobs 2`` as speed.py runs it). Smaller articles (1 and 3 MB by default) show whether
    the time grows faster than the size. Peak memory is the child's maximum resident set
    (``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``, taken in a wrapper process per run).
    Targets: at most 2x the per-word time of the 1,000-article run; under 250 MB.

(b) Cache. The 1,000 articles linted with an empty cache folder, then again with the files,
    configuration and version unchanged. Target: the re-run takes at most 25% of the first.

    python bench/scale.py
    python bench/scale.py --mb 10 --steps 1,3 --jobs 2
    python bench/scale.py --profile 1          # cProfile of the 1 MB article, top functions
    python bench/scale.py --memory 10 --rules readability   # tracemalloc per rule on the 10 MB article

Absolute times wander on a shared machine; quote the ratios of one run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import corpus
from speed import ARTICLES, ensure_articles

WRAPPER = """
import json, resource, subprocess, sys, time
t0 = time.perf_counter()
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "maxrss_kb": ru.ru_maxrss,
                  "code": p.returncode, "err": p.stderr[-2000:]}))
"""


def newslint_exe() -> str:
    exe = Path(sys.executable).parent / "newslint"
    return str(exe) if exe.exists() else (shutil.which("newslint") or "newslint")


def measure(cmd: list[str], cwd: Path) -> dict:
    """Wall time, CPU time and peak memory of one command, in a wrapper process of its own."""
    out = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], cwd=cwd, capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    if result["code"] not in (0, 1) or "Traceback" in result["err"]:
        raise SystemExit(f"{' '.join(cmd[:4])}...: exit {result['code']}: {result['err'].strip()[-500:]}")
    return result


def big_article(size: int) -> str:
    """Brown prose, paragraphs separated by blank lines, repeated until ``size`` bytes (UTF-8)."""
    paragraphs = [p.text for p in corpus.load("".join(corpus.CATEGORIES), "curly", headings=False)]
    pieces: list[str] = []
    total = 0
    i = 0
    while total < size:
        text = paragraphs[i % len(paragraphs)]
        pieces.append(text)
        total += len(text.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(pieces) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=10.0, help="size of the big article in MB (default 10)")
    ap.add_argument("--steps", default="1,3", help="smaller sizes in MB to check the growth (default 1,3)")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--words", type=int, default=800)
    ap.add_argument("--out", type=Path, default=ARTICLES, help="where the articles are (written if missing)")
    ap.add_argument("--jobs", type=int, default=2, help="cores for the 1,000-article and cache runs (default 2)")
    ap.add_argument("--profile", type=float, metavar="MB", help="profile an article of this size instead")
    ap.add_argument(
        "--memory", type=float, metavar="MB", help="instead: tracemalloc per rule on an article of this size"
    )
    ap.add_argument("--rules", default="", help="with --memory: only the rules whose id starts with this")
    args = ap.parse_args(argv)
    if args.memory:
        return trace_memory(args.memory, args.rules)

    exe = newslint_exe()
    work = Path(tempfile.mkdtemp(prefix="newslint-scale-"))
    try:
        config = work / "empty.yaml"
        config.write_text("{}\n", encoding="utf-8")
        if args.profile:
            return profile(args.profile, work, config)
        files, words = ensure_articles(args.out, args.articles, args.words)
        base = [exe, "check", "--config", str(config)]
        print(f"newslint {exe}; {len(files)} articles, {words:,} words; {os.cpu_count()} CPUs")
        print()
        print("(a) linear in the article")
        one = measure([*base, "--no-cache", "--jobs", "1", *map(str, files)], work)
        two = measure([*base, "--no-cache", "--jobs", str(args.jobs), *map(str, files)], work)
        per_word_1 = one["wall"] / words
        per_word_2 = two["wall"] / words
        print(f"  {len(files)} articles, --jobs 1: {one['wall']:.2f} s, {words / one['wall']:,.0f} words/s")
        print(f"  {len(files)} articles, --jobs {args.jobs}: {two['wall']:.2f} s, {words / two['wall']:,.0f} words/s")
        sizes = sorted({float(s) for s in args.steps.split(",") if s.strip()} | {args.mb})
        rows = []
        for mb in sizes:
            text = big_article(int(mb * 1024 * 1024))
            path = work / f"big-{mb:g}mb.txt"
            path.write_text(text, encoding="utf-8")
            n = corpus.count_words(text)
            r = measure([*base, "--no-cache", str(path)], work)
            rows.append((mb, n, r))
            print(
                f"  one {mb:g} MB article ({n:,} words): {r['wall']:.2f} s, {n / r['wall']:,.0f} words/s, "
                f"{r['wall'] / n / per_word_1:.2f}x the per-word time of --jobs 1, "
                f"{r['wall'] / n / per_word_2:.2f}x of --jobs {args.jobs}; peak memory {r['maxrss_kb'] / 1024:.0f} MB"
            )
        if len(rows) > 1:
            (mb0, n0, r0), (mb1, n1, r1) = rows[0], rows[-1]
            growth = (r1["wall"] / r0["wall"]) / (n1 / n0)
            print(f"  {mb1:g} MB vs {mb0:g} MB: time per word x{growth:.2f} (1.00 = linear)")
        big = rows[-1]
        ratio = big[2]["wall"] / big[1] / per_word_1
        memory = big[2]["maxrss_kb"] / 1024
        ok_a = ratio <= 2 and memory < 250
        print(f"  target: <= 2x per word, < 250 MB: {ratio:.2f}x, {memory:.0f} MB -> {'met' if ok_a else 'NOT met'}")
        print()
        print("(b) result cache")
        cache_dir = work / "cache"
        cached = [*base, "--cache-dir", str(cache_dir), "--jobs", str(args.jobs), *map(str, files)]
        env_off = os.environ.pop("NEWSLINT_NO_CACHE", None)
        try:
            first = measure(cached, work)
            again = measure(cached, work)
        finally:
            if env_off is not None:
                os.environ["NEWSLINT_NO_CACHE"] = env_off
        share = again["wall"] / first["wall"]
        ok_b = share <= 0.25
        print(f"  first run (empty cache): {first['wall']:.2f} s")
        print(f"  re-run (unchanged):      {again['wall']:.2f} s = {share:.0%} of the first")
        print(f"  target: <= 25% -> {'met' if ok_b else 'NOT met'}")
        return 0 if ok_a and ok_b else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


def profile(mb: float, work: Path, config: Path) -> int:
    """cProfile of one article of ``mb`` megabytes, in this process: the functions that take the time."""
    import cProfile
    import pstats

    from newslint.config import ConfigResolver
    from newslint.files import read_source
    from newslint.runner import Linter

    path = work / f"big-{mb:g}mb.txt"
    path.write_text(big_article(int(mb * 1024 * 1024)), encoding="utf-8")
    resolver = ConfigResolver(config)
    linter = Linter(resolver)
    linter.lint_source(read_source(path, 1 << 30))  # warm: rule data loaded outside the profile
    prof = cProfile.Profile()
    prof.enable()
    linter.lint_source(read_source(path, 1 << 30))
    prof.disable()
    stats = pstats.Stats(prof)
    stats.sort_stats("cumulative").print_stats(r"newslint", 30)
    stats.sort_stats("tottime").print_stats(15)
    return 0


def trace_memory(mb: float, prefix: str) -> int:
    """Each default rule run under tracemalloc on one article of ``mb`` megabytes, in this process.

    The article is parsed first (not counted); the rules then run in the runner's order, sharing
    the per-document data as they do in ``newslint check``. For each rule: its time (tracemalloc
    slows allocation, so only compare rules with each other), the memory it allocated and still
    holds when it is done (its share of the per-document data and its process-wide caches), and
    its peak above what was held before it ran."""
    import time
    import tracemalloc

    from newslint.config import Config
    from newslint.document import parse
    from newslint.rule import Context
    from newslint.runner import Linter

    config = Config()
    enabled = [(r, o) for r, o, _ in Linter().enabled(config) if r.id.startswith(prefix)]
    text = big_article(int(mb * 1024 * 1024))
    words = corpus.count_words(text)
    doc = parse("big.txt", text)
    del text
    print(f"one {mb:g} MB article ({words:,} words), {len(enabled)} rules, in one process under tracemalloc")
    print(f"{'rule':<36} {'seconds':>8} {'held MB':>8} {'peak MB':>8} {'findings':>9}")
    shared: dict = {}
    tracemalloc.start()
    start = tracemalloc.get_traced_memory()[0]
    top = 0
    for rule, options in enabled:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        t0 = time.perf_counter()
        n = sum(1 for _ in rule.run(doc, Context(doc, options, config, shared)))
        took = time.perf_counter() - t0
        held, peak = tracemalloc.get_traced_memory()
        top = max(top, peak - start)
        print(f"{rule.id:<36} {took:>8.2f} {(held - before) / 2**20:>8.1f} {(peak - before) / 2**20:>8.1f} {n:>9,}")
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    print(f"{'all of them':<36} {'':>8} {(held - start) / 2**20:>8.1f} {top / 2**20:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
