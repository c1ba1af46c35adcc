"""Bad input through the CLI: each case ends with a one-line message per bad file (never a
traceback), the right exit code, and the other files still linted; nothing hangs."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

GOOD = "Talks resumed,despite everything.\n"  # one finding (spacing), so a linted file shows in the JSON


def one_line_error(err: str, *words: str) -> None:
    lines = [line for line in err.strip().splitlines() if line]
    assert "Traceback" not in err
    assert len(lines) == 1, err
    for word in words:
        assert word in lines[0], lines[0]


def linted_paths(out: str) -> set[str]:
    return {Path(f["path"]).name for f in json.loads(out)}


def run_process(*args, cwd=None, timeout=30):
    """The installed CLI in a child process, so that a hang fails the test instead of blocking it."""
    env = {**os.environ, "NEWSLINT_NO_CACHE": "1"}
    env.pop("NEWSLINT_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args], capture_output=True, text=True, cwd=cwd, timeout=timeout, env=env
    )


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_binary_file_is_refused_and_the_others_linted(run_cli, tmp_path, good):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    code, out, err = run_cli("check", "--format", "json", str(binary), str(good))
    assert code == 2
    one_line_error(err, "photo.txt", "binary")
    assert linted_paths(out) == {"good.txt"}


def test_invalid_utf8_is_an_error_for_that_file_only(run_cli, tmp_path, good):
    bad = tmp_path / "a_latin1.txt"
    bad.write_bytes("Le caf\xe9 a ferm\xe9.\n".encode("latin-1"))
    truncated = tmp_path / "b_cut.txt"
    truncated.write_bytes("Officials met in Kyiv \u2014".encode()[:-1])  # a multibyte character cut in two
    code, out, err = run_cli("check", "--format", "json", str(bad), str(good), str(truncated))
    assert code == 2  # at the end, after linting the good file
    assert linted_paths(out) == {"good.txt"}
    lines = err.strip().splitlines()
    assert len(lines) == 2 and all("not valid UTF-8" in line for line in lines) and "Traceback" not in err


def test_empty_file_exits_zero_without_findings(run_cli, tmp_path):
    for name, data in (("empty.txt", b""), ("empty.md", b""), ("bom.txt", b"\xef\xbb\xbf"), ("blank.md", b"\n\n")):
        path = tmp_path / name
        path.write_bytes(data)
        code, out, err = run_cli("check", "--format", "json", str(path))
        assert (code, json.loads(out), err) == (0, [], "")


def test_a_file_of_one_5_mb_line_is_linted(run_cli, tmp_path):
    sentences = [
        "Officials said the vote was held on time and the result was clear.",
        "The council met on Monday; its members will vote again next week.",
        "Prices rose 3.5% in March, the statistics office said.",
        "Talks resumed,despite the tensions.",  # one finding per repetition
    ]
    line = " ".join(sentences)
    repeat = 5 * 1024 * 1024 // (len(line) + 1) + 1
    path = tmp_path / "long.txt"
    path.write_text(" ".join([line] * repeat) + "\n", encoding="utf-8")
    assert path.stat().st_size > 5 * 1024 * 1024
    started = time.monotonic()
    code, out, err = run_cli("check", "--format", "json", "--select", "spacing,capitalization", str(path))
    elapsed = time.monotonic() - started
    findings = json.loads(out)
    assert code == 1 and err == ""
    assert sum(f["rule"] == "spacing/after-punctuation" for f in findings) == repeat
    assert {f["line"] for f in findings} == {1}
    assert elapsed < 30, f"{elapsed:.1f} s for a 5 MB line"


def test_file_above_max_file_size_is_refused_naming_the_limit(run_cli, tmp_path, good):
    (tmp_path / ".newslint.yaml").write_text("max-file-size: 1000\n", encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text("Officials met on Monday. " * 100, encoding="utf-8")
    code, out, err = run_cli("check", "--format", "json", str(big), str(good))
    assert code == 2
    one_line_error(err, "big.txt", "max-file-size", "1000")
    assert linted_paths(out) == {"good.txt"}
    code, out, err = run_cli("check", "--fix", str(big))  # --fix refuses it too, and writes nothing
    assert code == 2 and "max-file-size" in err and big.read_text(encoding="utf-8").startswith("Officials")


def test_default_limit_refuses_a_100_mb_sparse_file_without_reading_it(run_cli, tmp_path, good):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:
        f.truncate(100 * 1024 * 1024)  # sparse: no disk space used, and the size check comes first
    started = time.monotonic()
    code, out, err = run_cli("check", "--format", "json", str(huge), str(good))
    assert time.monotonic() - started < 10
    assert code == 2
    one_line_error(err, "huge.txt", "max-file-size", str(20 * 1024 * 1024))
    assert linted_paths(out) == {"good.txt"}


def test_symlink_loop_terminates_and_lints_each_file_once(run_cli, tmp_path):
    root = tmp_path / "site"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "story.txt").write_text(GOOD, encoding="utf-8")
    (root / "a" / "b" / "other.md").write_text(GOOD, encoding="utf-8")
    (root / "a" / "b" / "up").symlink_to(root / "a", target_is_directory=True)  # a/b/up -> a: a loop
    (root / "a" / "b" / "self").symlink_to(".", target_is_directory=True)
    (root / "a" / "alias.txt").symlink_to(root / "a" / "story.txt")  # the same file under another name
    code, out, err = run_cli("check", "--format", "json", str(root))
    assert code == 1 and err == ""
    paths = [Path(f["path"]).relative_to(root).as_posix() for f in json.loads(out)]
    assert sorted(paths) == ["a/alias.txt", "a/b/other.md"] or sorted(paths) == ["a/b/other.md", "a/story.txt"]
    assert len(paths) == 2


def test_file_deleted_mid_run_is_an_error_for_that_file(run_cli, tmp_path, good, monkeypatch):
    gone = tmp_path / "gone.txt"
    gone.write_text(GOOD, encoding="utf-8")
    import newslint.files

    real = newslint.files.discover

    def discover_then_delete(paths, unreadable=None):
        found = real(paths, unreadable)
        if gone.exists():
            gone.unlink()  # listed, then removed before it is read
        return found

    monkeypatch.setattr(newslint.files, "discover", discover_then_delete)
    code, out, err = run_cli("check", "--format", "json", str(tmp_path))
    assert code == 2
    one_line_error(err, "gone.txt", "no such file")
    assert linted_paths(out) == {"good.txt"}


def test_dangling_symlink_named_is_an_error_and_one_in_a_folder_is_skipped(run_cli, tmp_path, good):
    link = tmp_path / "moved.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    code, out, err = run_cli("check", "--format", "json", str(link), str(good))
    assert code == 2
    one_line_error(err, "moved.txt", "no such file")
    code, out, err = run_cli("check", "--format", "json", str(tmp_path))
    assert code == 1 and err == "" and linted_paths(out) == {"good.txt"}


def test_unreadable_file_is_an_error_for_that_file(run_cli, tmp_path, good, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    real_open = os.open

    def deny(path, flags, *args, **kwargs):
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    code, out, err = run_cli("check", "--format", "json", str(locked), str(good))
    assert code == 2
    one_line_error(err, "locked.txt", "permission denied")
    assert linted_paths(out) == {"good.txt"}
    code, out, err = run_cli("check", "--fix", str(locked))
    assert code == 2 and "permission denied" in err and "Traceback" not in err


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_for_real(run_cli, tmp_path, good):
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        code, out, err = run_cli("check", "--format", "json", str(locked), str(good))
    finally:
        locked.chmod(0o644)
    assert code == 2
    one_line_error(err, "locked.txt", "permission denied")
    assert linted_paths(out) == {"good.txt"}


def _deny_inside(monkeypatch, folder: Path) -> None:
    """``folder`` as a folder with mode 000 looks to anyone but root: it can be stat-ed, not listed,
    and nothing inside it can be stat-ed or opened (EACCES)."""
    real_stat, real_open, real_scandir = os.stat, os.open, os.scandir

    def denied(p) -> bool:
        return not isinstance(p, int) and Path(os.fsdecode(p)).parent == folder

    def deny(p):
        raise PermissionError(13, "Permission denied", os.fsdecode(p))

    def stat(p, *args, **kwargs):
        return deny(p) if denied(p) else real_stat(p, *args, **kwargs)

    def open_(p, *args, **kwargs):
        return deny(p) if denied(p) else real_open(p, *args, **kwargs)

    def scandir(p="."):
        return deny(p) if Path(os.fsdecode(p)) == folder else real_scandir(p)

    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(os, "scandir", scandir)


def test_file_in_a_folder_that_cannot_be_searched(run_cli, tmp_path, good, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inner.txt").write_text(GOOD, encoding="utf-8")
    _deny_inside(monkeypatch, locked)
    code, out, err = run_cli("check", "--no-cache", "--format", "json", str(locked / "inner.txt"), str(good))
    assert code == 2
    one_line_error(err, "inner.txt", "permission denied")
    assert linted_paths(out) == {"good.txt"}
    # the parent named: the folder that cannot be listed is an error (exit 2), the rest is linted
    code, out, err = run_cli("check", "--no-cache", "--format", "json", str(tmp_path))
    assert code == 2
    one_line_error(err, "locked", "permission denied", "folder not linted")
    assert linted_paths(out) == {"good.txt"}
    code, out, err = run_cli("stats", str(locked / "inner.txt"))
    assert code == 2
    one_line_error(err, "inner.txt", "permission denied")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root searches folders whatever their mode")
def test_folder_that_cannot_be_searched_for_real(run_cli, tmp_path, good):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inner.txt").write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        named = run_cli("check", "--no-cache", "--format", "json", str(locked / "inner.txt"), str(good))
        walked = run_cli("check", "--no-cache", "--format", "json", str(tmp_path))
    finally:
        locked.chmod(0o755)
    code, out, err = named
    assert code == 2
    one_line_error(err, "inner.txt", "permission denied")
    assert linted_paths(out) == {"good.txt"}
    code, out, err = walked
    assert code == 2
    one_line_error(err, "locked", "permission denied")
    assert linted_paths(out) == {"good.txt"}


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_configuration_for_real(run_cli, tmp_path, good):
    config = tmp_path / "house.yaml"
    config.write_text("rules: {}\n", encoding="utf-8")
    config.chmod(0)
    try:
        code, _, err = run_cli("check", "--no-cache", "--config", str(config), str(good))
    finally:
        config.chmod(0o644)
    assert code == 2
    one_line_error(err, "house.yaml", "cannot read configuration")


def test_directory_where_a_file_is_expected(run_cli, tmp_path, good):
    folder = tmp_path / "notes.txt"  # a folder with an article's name
    folder.mkdir()
    (folder / "inner.md").write_text(GOOD, encoding="utf-8")
    code, out, err = run_cli("check", "--format", "json", str(folder))
    assert code == 1 and linted_paths(out) == {"inner.md"}  # a folder named on the command line is walked
    for option in ("--config", "--output-file", "--baseline"):
        code, out, err = run_cli("check", option, str(folder), str(good))
        assert code == 2 and "Traceback" not in err and "notes.txt" in err
    from newslint.errors import InputError
    from newslint.files import read_bytes

    with pytest.raises(InputError, match="is a directory"):
        read_bytes(folder, 1 << 20)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_refused_without_blocking_and_skipped_in_folders(tmp_path, good):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # no writer: reading it would wait forever
    done = run_process("check", "--format", "json", str(fifo), str(good), timeout=30)
    assert done.returncode == 2
    one_line_error(done.stderr, "pipe.txt", "not a regular file")
    assert linted_paths(done.stdout) == {"good.txt"}
    done = run_process("check", "--format", "json", str(tmp_path), timeout=30)
    assert done.returncode == 1 and done.stderr == "" and linted_paths(done.stdout) == {"good.txt"}
    done = run_process("check", "--fix", str(fifo), timeout=30)
    assert done.returncode == 2 and "not a regular file" in done.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_device_files_are_refused_without_reading_forever(good):
    for device in ("/dev/zero", "/dev/null", "/dev/urandom"):
        done = run_process("check", "--format", "json", device, str(good), timeout=30)
        assert done.returncode == 2
        one_line_error(done.stderr, device, "not a regular file")
        assert linted_paths(done.stdout) == {"good.txt"}


def _slow_rule(tmp_path: Path, pattern: str, timeout: float | None = None) -> None:
    (tmp_path / "styles" / "style").mkdir(parents=True)
    extra = f"timeout: {timeout}\n" if timeout is not None else ""
    (tmp_path / "styles" / "style" / "slow.yaml").write_text(
        f"extends: existence\nmessage: \"Avoid '{{match}}'.\"\npatterns:\n  - '{pattern}'\n{extra}", encoding="utf-8"
    )
    (tmp_path / ".newslint.yaml").write_text("rule-paths: [styles]\n", encoding="utf-8")


def test_catastrophic_user_pattern_is_stopped_and_reported(tmp_path):
    _slow_rule(tmp_path, "(a+)+$")
    slow = tmp_path / "slow.txt"
    slow.write_text("Word " + "a" * 3000 + "b.\n\nThe second paragraph " + "a" * 3000 + "b.\n", encoding="utf-8")
    (tmp_path / "fine.txt").write_text("Talks resumed,despite everything. They shouted aaa\n", encoding="utf-8")
    started = time.monotonic()
    done = run_process("check", "--format", "json", "slow.txt", "fine.txt", cwd=tmp_path, timeout=60)
    elapsed = time.monotonic() - started
    assert elapsed < 15, f"{elapsed:.1f} s"
    assert "Traceback" not in done.stderr
    findings = json.loads(done.stdout)
    stopped = [f for f in findings if f["rule"] == "style/slow" and "took more than 1 s" in f["message"]]
    assert len(stopped) == 1 and stopped[0]["path"] == "slow.txt"  # once per file, naming rule and file
    assert "'(a+)+$'" in stopped[0]["message"]
    assert done.returncode == 1
    fine = [f for f in findings if f["path"] == "fine.txt"]
    assert {f["rule"] for f in fine} >= {"spacing/after-punctuation", "style/slow"}  # the pattern still works there


def test_user_pattern_time_limit_is_per_rule_and_file_and_configurable(tmp_path, run_cli):
    _slow_rule(tmp_path, "(\\w+\\s?)+$", timeout=0.2)
    text = " ".join(["aaaa"] * 3000) + " b!\n\n"
    slow = tmp_path / "slow.txt"
    slow.write_text(text * 5, encoding="utf-8")  # five slow paragraphs: still one limit for the file
    started = time.monotonic()
    code, out, _err = run_cli("check", "--format", "json", "--select", "style/slow", str(slow))
    assert time.monotonic() - started < 5
    findings = json.loads(out)
    assert code == 1 and len(findings) == 1 and "took more than 0.2 s" in findings[0]["message"]


def test_user_rule_timeout_must_be_positive(tmp_path, run_cli):
    _slow_rule(tmp_path, "x+", timeout=0)
    (tmp_path / "a.txt").write_text("xx\n", encoding="utf-8")
    code, _out, err = run_cli("check", str(tmp_path / "a.txt"))
    assert code == 2
    one_line_error(err, "slow.yaml", "timeout")


def test_regex_is_imported_only_for_rules_with_patterns(tmp_path, good):
    probe = "import sys; from newslint.cli import main; sys.argv=['newslint','check',{!r}]\n"
    probe += "try:\n    main()\nexcept SystemExit:\n    pass\nprint('regex' in sys.modules, file=sys.stderr)"
    env = {**os.environ, "NEWSLINT_NO_CACHE": "1"}
    done = subprocess.run([sys.executable, "-c", probe.format(str(good))], capture_output=True, text=True, env=env)
    assert done.stderr.strip().splitlines()[-1] == "False"


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes on Linux; other systems refuse these")
@pytest.mark.parametrize("fmt", ["text", "json", "github", "junit", "sarif"])
def test_file_name_that_is_not_utf8(run_cli, tmp_path, monkeypatch, fmt):
    """A name with a Latin-1 byte (b'caf\\xe9.txt'): every report and the baseline are written, the
    baseline matches the same finding on the next run, SARIF's URI holds the byte percent-encoded."""
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli("check", "--no-cache", "--format", fmt, ".")
    assert code == 1 and "Traceback" not in err and "after" in out
    out.encode("utf-8")  # valid text: no lone surrogate reached the report
    report = tmp_path / f"report.{fmt}"
    code, _, err = run_cli("check", "--no-cache", "--format", fmt, "--output-file", str(report), ".")
    assert code == 1 and err == ""
    written = report.read_bytes().decode("utf-8")
    if fmt == "json":
        assert json.loads(written)[0]["path"] == "caf\ufffd.txt"
    if fmt == "sarif":
        uri = json.loads(written)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        assert uri["uri"] == "caf%E9.txt"
    base = tmp_path / "baseline.json"
    assert run_cli("check", "--no-cache", "--write-baseline", str(base), ".")[0] == 0
    base.read_bytes().decode("utf-8")
    code, out, err = run_cli("check", "--no-cache", "--format", fmt, "--baseline", str(base), ".")
    assert code == 0 and err == ""
