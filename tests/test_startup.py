"""Start-up work a pre-commit hook pays on every commit: what is imported, what is read from caches."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Runs `newslint check` in a fresh interpreter and reports which heavy modules it imported, each with
# the stack that imported it. Modules loaded before newslint (a site `.pth` file of the machine's Python
# can load tempfile) are not newslint's doing and are left out.
PROBE = (
    "import sys, traceback\n"
    "before = set(sys.modules)\n"
    "who = {}\n"
    "class Watch:\n"
    "    def find_spec(self, name, path=None, target=None):\n"
    "        if name in ('yaml', 'hashlib', 'tempfile'):\n"
    "            frames = [f for f in traceback.extract_stack()[:-1] if not f.filename.startswith('<')]\n"
    "            who.setdefault(name, ''.join(traceback.format_list(frames[-4:])))\n"
    "sys.meta_path.insert(0, Watch())\n"
    "from newslint.cli import main\n"
    "try:\n"
    "    main()\n"
    "except SystemExit:\n"
    "    pass\n"
    "print(json.dumps({m: s for m, s in who.items() if m in sys.modules and m not in before}), file=sys.stderr)\n"
)


def _check(repo: Path, cache: Path, *args: str) -> tuple[dict[str, str], str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSLINT_", "XDG_"))}
    env.update(XDG_CACHE_HOME=str(cache), NO_COLOR="1")
    code = "import json\n" + PROBE
    proc = subprocess.run(
        [sys.executable, "-c", code, "check", "--format", "json", *args],
        capture_output=True,
        text=True,
        cwd=repo,
        env=env,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    modules = json.loads(proc.stderr.strip().splitlines()[-1])
    return modules, proc.stdout


def _rules(stdout: str) -> set[str]:
    return {d["rule"] for d in json.loads(stdout)}


def test_yaml_configuration_is_parsed_once_then_read_without_pyyaml(tmp_path):
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "a.txt").write_text("The talks in ukraine were adressed by the minister.\n", encoding="utf-8")
    config = repo / ".newslint.yaml"
    config.write_text("ignore: [spelling/typo]\n", encoding="utf-8")
    cache = tmp_path / "cache"

    first, out = _check(repo, cache, "--no-cache", "a.txt")
    assert "yaml" in first  # parsed the first time
    assert _rules(out) == {"casing/proper-noun"}
    second, out = _check(repo, cache, "--no-cache", "a.txt")
    assert "yaml" not in second  # the rule files and the configuration both come from the user cache
    assert _rules(out) == {"casing/proper-noun"}

    config.write_text("ignore: [casing]\n", encoding="utf-8")  # an edit is seen at once
    third, out = _check(repo, cache, "--no-cache", "a.txt")
    assert "yaml" in third
    assert _rules(out) == {"spelling/typo"}


def test_invalid_yaml_configuration_is_an_error_every_time(tmp_path):
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "a.txt").write_text("Fine text.\n", encoding="utf-8")
    (repo / ".newslint.yaml").write_text("ignore: [unclosed\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSLINT_", "XDG_"))}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    for _ in range(2):
        proc = subprocess.run(
            [sys.executable, "-m", "newslint", "check", "a.txt"], capture_output=True, text=True, cwd=repo, env=env
        )
        assert proc.returncode == 2
        assert "invalid YAML" in proc.stderr and "Traceback" not in proc.stderr


def test_check_without_cache_imports_no_hashing_or_tempfile_modules(tmp_path):
    """--no-cache skips the result cache; the user caches use BLAKE2 and a plain atomic write."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "a.txt").write_text("The minister spoke on Monday.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    _check(repo, cache, "--no-cache", "--select", "casing,spacing", "a.txt")  # fills the user caches
    modules, out = _check(repo, cache, "--no-cache", "--select", "casing,spacing", "a.txt")
    assert json.loads(out) == []
    assert not {"hashlib", "tempfile", "yaml"} & set(modules), modules


def test_check_holds_garbage_collection_until_the_first_file_then_freezes_the_loaded_data(tmp_path, monkeypatch):
    """`newslint check` starts with the collector off (the rules' data loads without being walked again
    and again) and turns it back on after the first file, that data frozen out of its reach."""
    import gc

    from newslint import cli

    article = tmp_path / "a.txt"
    article.write_text("The talks in ukraine resumed on Monday.\n", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["newslint", "check", "--no-cache", str(article)])
    seen = []
    real = cli._collect_again

    def spy():
        seen.append((gc.isenabled(), cli._GC_HELD))
        real()
        seen.append((gc.isenabled(), cli._GC_HELD))

    monkeypatch.setattr(cli, "_collect_again", spy)
    try:
        with pytest.raises(SystemExit) as exit_info:
            cli.main()
        assert exit_info.value.code == 1  # the finding
        assert seen[:2] == [(False, True), (True, False)]
        assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.enable()
        cli._GC_HELD = False


def test_the_cache_keeps_the_configuration_entries_last_used_and_prunes_the_rest(tmp_path, monkeypatch):
    """One entry is written per configuration path ever used (tests, deleted checkouts): past 256 the
    cache keeps the 128 last used, and an entry read again counts as used."""
    from newslint import usercache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = usercache.cache_dir()
    folder.mkdir(parents=True)
    config = tmp_path / "newsroom.yaml"
    config.write_text("{}\n", encoding="utf-8")
    assert usercache.cached("config-kept", [config], lambda s: ("kept",)) == ("kept",)
    (folder / "words.marshal").write_bytes(b"x")  # another family: never pruned
    os.utime(folder / "words.marshal", (0, 0))
    for k in range(300):
        stale = folder / f"config-{k:04d}.marshal"
        stale.write_bytes(b"x")
        os.utime(stale, (1_000_000 + k, 1_000_000 + k))  # written long ago
    os.utime(folder / "config-kept.marshal", (0, 0))  # the oldest file of all...
    assert usercache.cached("config-kept", [config], lambda s: ("rebuilt",)) == ("kept",)  # ...read: used now
    other = tmp_path / "other.yaml"
    other.write_text("{}\n", encoding="utf-8")
    usercache.cached("config-new", [other], lambda s: ("new",))  # a write prunes
    left = sorted(p.name for p in folder.glob("config-*.marshal"))
    assert len(left) == usercache.KEEP
    assert "config-kept.marshal" in left and "config-new.marshal" in left
    assert "config-0000.marshal" not in left and "config-0299.marshal" in left
    assert (folder / "words.marshal").exists()


def test_the_console_script_runs_atexit_then_ends_without_teardown(tmp_path):
    """`run()` (the console script) flushes the report, runs the atexit handlers, exits with the code."""
    article = tmp_path / "a.txt"
    article.write_text("The talks in ukraine resumed on Monday.\n", encoding="utf-8")
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('atexit ran', file=sys.stderr))\n"
        "from newslint.cli import run\n"
        f"sys.argv = ['newslint', 'check', '--no-cache', {str(article)!r}]\n"
        "run()\n"
        "print('not reached')\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 1 and "casing/proper-noun" in done.stdout and "not reached" not in done.stdout
    assert "atexit ran" in done.stderr
    done = subprocess.run([sys.executable, "-m", "newslint", "check", str(tmp_path / "missing.txt")], env=env)
    assert done.returncode == 2
