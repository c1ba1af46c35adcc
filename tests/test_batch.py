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


def test_workers_send_back_only_the_text_each_report_reads(tmp_path):
    """A worker drops a file's text that the report does not read; every format still renders what the
    serial run that keeps every text renders."""
    paths = _articles(tmp_path)
    serial = list(lint_files(Linter(), paths, jobs=1))
    assert all(r.source is not None and r.document is None for r in serial)
    assert any(f.fix is not None for r in serial for f in r.findings)  # the JSON edits need some texts
    for fmt, keep in [("json", "fixes"), ("sarif", "findings"), *((f, "never") for f in ("text", "github", "junit"))]:
        parallel = list(lint_files(Linter(), paths, jobs=2, keep_source=keep))
        assert render(fmt, parallel, Report()) == render(fmt, serial, Report()), fmt
    never = list(lint_files(Linter(), paths, jobs=2, keep_source="never"))
    assert all(r.source is None and r.document is None for r in never)
    # the serial run keeps what the report reads, as the workers do
    for keep in ("never", "fixes"):
        one = list(lint_files(Linter(), paths, jobs=1, keep_source=keep))
        two = list(lint_files(Linter(), paths, jobs=2, keep_source=keep))
        assert [r.source is None for r in one] == [r.source is None for r in two], keep


def test_spans_cover_the_files_once_and_shrink_towards_the_middle():
    from newslint.pool import CHUNK, _Spans

    spans = _Spans(1000, 2)
    taken = []
    front = True
    while (span := spans.take(front)) is not None:
        taken.append(span)
        front = not front
    assert sorted(p for a, b in taken for p in range(a, b)) == list(range(1000))
    sizes = [b - a for a, b in taken]
    assert sizes[0] == CHUNK and sizes[-1] == 1 and sizes == sorted(sizes, reverse=True)
    assert spans.take(True) is None and spans.take(False) is None


def test_a_worker_s_error_ends_the_run_in_the_order_of_the_files(tmp_path, monkeypatch):
    """A rule's error in a worker is raised where its file comes, after the results before it."""
    import pytest

    from newslint import runner
    from newslint.errors import NewslintError

    paths = _articles(tmp_path, 40)
    lint = runner.Linter.lint_documents

    def failing(self, docs, config):
        for doc in docs:
            if doc.path.endswith(("a30.txt", "a35.txt")):
                raise NewslintError(f"{doc.path}: broken")
        return lint(self, docs, config)

    monkeypatch.setattr(runner.Linter, "lint_documents", failing)
    seen = []
    with pytest.raises(NewslintError, match=r"a30\.txt: broken"):
        for result in lint_files(runner.Linter(), paths, jobs=2):
            seen.append(result.path)
    assert seen == [str(p) for p in paths[:30]]


def test_cli_baseline_written_by_workers_equals_the_serial_one(run_cli, tmp_path):
    paths = [str(p) for p in _articles(tmp_path, 10)]
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    assert run_cli("check", "--no-cache", "--jobs", "1", "--write-baseline", str(one), *paths)[0] == 0
    assert run_cli("check", "--no-cache", "--jobs", "2", "--write-baseline", str(two), *paths)[0] == 0
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")
    assert '"fingerprint"' in one.read_text(encoding="utf-8")
    code, out, _ = run_cli("check", "--no-cache", "--jobs", "2", "--baseline", str(one), "--format", "json", *paths)
    assert (code, out) == (0, "[]\n")


def test_findings_cross_the_process_boundary_whole():
    """A worker sends findings as tuples: rebuilt, they equal the originals (fix, edits, extra...)."""
    import pickle

    from newslint.batch import _pack, _unpack
    from newslint.document.model import Span
    from newslint.finding import Edit, Finding, Fix

    edits = (Edit(Span(1, 2), "x"), Edit(Span(2, 3), ""))
    fixed = Finding("a/b", Span(1, 3), "m", "error", Fix(edits, "unsafe"), "p.txt", 1, 2, 1, 4, {"k": [1]})
    plain = Finding("a/c", Span(0, 0), "n")
    item = pickle.loads(pickle.dumps(("p.txt", None, None, [_pack(fixed), _pack(plain)])))
    result = _unpack(item)
    assert (result.path, result.error, result.source, result.findings) == ("p.txt", None, None, [fixed, plain])


def test_documents_linted_together_give_each_one_s_findings(tmp_path, monkeypatch):
    """A serial run lints its files together (each rule over several documents in turn): the findings of
    each file alone, in order, with a cached file and one that cannot be read among them; a rule's error
    comes where its file does, after the results before it."""
    import pytest

    from newslint import runner
    from newslint.errors import NewslintError

    paths = _articles(tmp_path, 12)
    alone = [Linter().lint_path(p) for p in paths]
    cache = ResultCache(tmp_path / ".newslint_cache", "s")
    list(lint_files(Linter(), paths[5:6], cache, jobs=1))
    paths.insert(8, tmp_path / "missing.txt")
    together = list(lint_files(Linter(), paths, cache, jobs=1))
    assert cache.hits == 1 and [r.path for r in together] == [str(p) for p in paths]
    assert together[8].error and not together[8].findings
    del together[8]
    assert render("json", together, Report()) == render("json", alone, Report())
    lint = runner.Linter.lint_documents

    def failing(self, docs, config):
        if any(doc.path.endswith(("a06.txt", "a09.txt")) for doc in docs):
            raise NewslintError("broken")
        return lint(self, docs, config)

    monkeypatch.setattr(runner.Linter, "lint_documents", failing)
    seen = []
    with pytest.raises(NewslintError):
        for result in lint_files(Linter(), paths, jobs=1):
            seen.append(result.path)
    assert seen == [str(p) for p in paths[:6]]


def test_a_worker_killed_while_it_holds_the_list_ends_the_run_instead_of_hanging(monkeypatch):
    """The lock over the files not yet taken is a byte in a pipe: a worker that dies holding it (the
    kernel's out-of-memory killer, say) would leave the others waiting for ever."""
    import os

    import pytest

    from newslint import pool
    from newslint.errors import NewslintError

    monkeypatch.setattr(pool, "_LOCK_WAIT", 0.05)
    spans = pool._Spans(100, 2)
    taken, told = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker: takes the byte and dies with it
        spans._acquire()
        os.write(told, b".")
        os._exit(0)
    os.read(taken, 1)
    spans.workers.append(pid)
    try:
        with pytest.raises(NewslintError, match="ended while it held"):
            spans.take(True)
    finally:
        os.waitpid(pid, 0)
        os.close(taken)
        os.close(told)
    spans.close()  # the lock is lost: closing does not wait either


def test_workers_that_sent_everything_are_reaped_after_the_report_not_before(tmp_path):
    """The main process does not wait for a worker's exit (its memory freed, some milliseconds) before the
    results are out: it is reaped at exit, or before the next pool starts; no zombie is left."""
    import os

    import pytest

    from newslint import pool

    pool._reap()  # the workers of the tests before
    paths = []
    for i in range(12):
        p = tmp_path / f"a{i:02}.txt"
        p.write_text(f"Officials in ukraine met on Monday {i}.\n")
        paths.append(p)
    results = list(lint_files(Linter(), paths, jobs=2))
    assert [r.path for r in results] == [str(p) for p in paths]
    assert len(pool._ending) == 1
    pid = pool._ending[0]
    pool._reap()
    assert pool._ending == []
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
