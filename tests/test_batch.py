"""Many files: the process pool gives the serial output, and the cache gives the first run's findings."""

from conftest import SAMPLE
from newslint.batch import lint_files
from newslint.cache import ResultCache
from newslint.output import Report, render
from newslint.runner import Linter


def _articles(tmp_path, n=20):
    text = SAMPLE.read_text(encoding="utf-8")
    paths = []
    for i in range(n):
        p = tmp_path / f"a{i:02}.txt"
        # vary the articles so they are not all the same
        p.write_text(text.replace("Ukraine", "Kyiv", i % 3) + ("Extra line,here.\n" * (i % 4)), encoding="utf-8")
        paths.append(p)
    return paths


def test_parallel_output_is_byte_identical_to_serial(tmp_path):
    paths = _articles(tmp_path)
    serial = list(lint_files(Linter(), paths, jobs=1))
    parallel = list(lint_files(Linter(), paths, jobs=2))
    assert [r.path for r in parallel] == [str(p) for p in paths]
    for fmt in ("json", "text"):
        assert render(fmt, parallel, Report()) == render(fmt, serial, Report())


def test_cache_returns_the_same_findings_and_notices_changes(tmp_path):
    paths = _articles(tmp_path, 5)
    cache_dir = tmp_path / ".newslint_cache"
    first = list(lint_files(Linter(), paths, ResultCache(cache_dir, "s"), jobs=1))
    cache = ResultCache(cache_dir, "s")
    second = list(lint_files(Linter(), paths, cache, jobs=1))
    assert cache.hits == 5 and cache.misses == 0
    assert render("json", second, Report()) == render("json", first, Report())
    paths[0].write_text("Now,changed.\n", encoding="utf-8")
    cache = ResultCache(cache_dir, "s")
    third = list(lint_files(Linter(), paths, cache, jobs=1))
    assert cache.misses == 1 and [f.column for f in third[0].findings] == [4]
    other = ResultCache(cache_dir, "other settings")
    list(lint_files(Linter(), paths, other, jobs=1))
    assert other.hits == 0
    assert (cache_dir / "CACHEDIR.TAG").exists()


def test_unwritable_cache_is_skipped(tmp_path):
    paths = _articles(tmp_path, 2)
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    results = list(lint_files(Linter(), paths, ResultCache(blocker / "cache", "s"), jobs=1))
    assert all(r.findings for r in results)


def test_cli_cache_and_jobs(run_cli, tmp_path, monkeypatch):
    """`check` reuses cached results, `--no-cache` bypasses them, `--jobs 2` gives the same report."""
    monkeypatch.delenv("NEWSLINT_NO_CACHE")
    monkeypatch.chdir(tmp_path)
    paths = [str(p) for p in _articles(tmp_path, 10)]
    first = run_cli("check", "--format", "json", *paths)
    assert (tmp_path / ".newslint_cache" / "CACHEDIR.TAG").exists()
    entries = sorted((tmp_path / ".newslint_cache").rglob("*"))
    second = run_cli("check", "--format", "json", *paths)
    assert second == first
    assert sorted((tmp_path / ".newslint_cache").rglob("*")) == entries  # nothing new written: all hits
    assert run_cli("check", "--format", "json", "--no-cache", "--jobs", "2", *paths) == first
    other = tmp_path / "elsewhere"
    assert run_cli("check", "--format", "json", "--cache-dir", str(other), paths[0])[0] == 1
    assert any(other.rglob("*"))
