"""The store of compiled regular expressions (newslint.regexcache): the same patterns as Python's own."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from re import _compiler, _parser

import pytest

from newslint import regexcache

PATTERNS = [
    (r"(?P<word>[A-Z][a-z]+)(?:['’]s)?(?![\w'’-])", 0),
    (r"(?<![\w.,])\d{1,5} (?:[NSEW]{1,2}\.? )?([a-z]{3,})", 0),
    (r"straße|[^\W\d_]+", re.IGNORECASE),
    (r"\bfed\b", re.ASCII | re.MULTILINE),
    (rb"[^a-z0-9_]+(?P<rest>time)", 0),
    ("(a)(b)?(?P<c>c)|x", re.VERBOSE),
]

needs_support = pytest.mark.skipif(
    sys.version_info[:2] not in ((3, 11), (3, 12), (3, 13)), reason="regexcache does nothing here"
)


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """regexcache as in a new process, its store in ``tmp_path``; re's compiler restored afterwards."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(_compiler, "compile", _compiler.compile)
    for name, value in (("_installed", False), ("_stored", {}), ("_new", {}), ("_used", {})):
        monkeypatch.setattr(regexcache, name, value)
    return tmp_path / "newslint" / f"regex-v{regexcache.FORMAT}.marshal"


@needs_support
def test_patterns_compiled_then_read_from_the_store_equal_pythons_own(fresh, monkeypatch):
    own = [_compiler.compile(p, f) for p, f in PATTERNS]
    regexcache.install()
    assert [_compiler.compile(p, f) for p, f in PATTERNS] == own
    regexcache.save()
    assert fresh.is_file()

    # the next process: nothing parsed, the same patterns (==: flags, code and groups)
    for name, value in (("_installed", False), ("_stored", {}), ("_new", {})):
        monkeypatch.setattr(regexcache, name, value)
    monkeypatch.setattr(_compiler, "compile", own_compile := _compiler.compile)
    regexcache.install()
    assert _compiler.compile is not own_compile
    monkeypatch.setattr(_parser, "parse", lambda *a: pytest.fail("parsed again"))
    again = [_compiler.compile(p, f) for p, f in PATTERNS]
    assert again == own
    assert [(p.groupindex, p.groups, p.flags) for p in again] == [(p.groupindex, p.groups, p.flags) for p in own]
    assert again[0].match("Ukraine’s").group("word") == "Ukraine"
    assert not regexcache._new  # nothing new: nothing to write


@needs_support
def test_a_bad_pattern_fails_as_before(fresh):
    regexcache.install()
    with pytest.raises(re.error, match="missing \\)"):
        _compiler.compile("(ab", 0)
    assert ("(ab", 0) not in regexcache._stored


def test_a_store_of_another_interpreter_is_ignored(fresh):
    import marshal

    fresh.parent.mkdir(parents=True)
    fresh.write_bytes(marshal.dumps(((0, "another Python"), {("x", 0): (0, [1], 0, {}, ())})))
    assert regexcache._read() == {}


@needs_support
def test_the_console_script_writes_the_store_and_the_next_run_reads_it(tmp_path):
    code = (
        "import sys, re\n"
        "from newslint import regexcache\n"
        "regexcache.install()\n"
        "re.compile(r'(?P<x>zz+)q')\n"
        "print(len(regexcache._stored))\n"
    )
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    if "PYTHONPATH" in os.environ:  # a run that finds newslint through it (not installed)
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    out1 = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    out2 = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert int(out1.stdout) == 1 and int(out2.stdout) == 1
    assert (tmp_path / "newslint" / f"regex-v{regexcache.FORMAT}.marshal").is_file()


@needs_support
def test_a_damaged_entry_is_compiled_again(fresh):
    import marshal

    fresh.parent.mkdir(parents=True)
    fresh.write_bytes(marshal.dumps((regexcache._key(), {("a+b", 0): (0, [1, 2, 3], 0, {}, ())})))
    regexcache.install()
    assert _compiler.compile("a+b", 0).match("aab")
    assert regexcache._stored[("a+b", 0)][1] != [1, 2, 3]


@needs_support
def test_a_full_store_is_rebuilt_from_the_patterns_in_use(fresh, monkeypatch):
    import marshal

    regexcache.install()
    _compiler.compile(*PATTERNS[0])
    regexcache.save()
    kept = marshal.loads(fresh.read_bytes())[1][PATTERNS[0]]
    # an older newslint's patterns fill the store: the next process's run rebuilds it from its own
    stale = {(f"stale{k}", 0): kept for k in range(regexcache.LIMIT)}
    stale[PATTERNS[0]] = kept
    fresh.write_bytes(marshal.dumps((regexcache._key(), stale)))
    for name, value in (("_installed", False), ("_stored", {}), ("_new", {}), ("_used", {})):
        monkeypatch.setattr(regexcache, name, value)
    monkeypatch.setattr(_compiler, "compile", _compiler.compile)
    regexcache.install()
    _compiler.compile(*PATTERNS[0])  # from the store
    _compiler.compile(*PATTERNS[1])  # new
    regexcache.save()
    store = marshal.loads(fresh.read_bytes())[1]
    assert set(store) == {PATTERNS[0], PATTERNS[1]}
