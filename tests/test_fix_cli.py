"""`newslint check --fix / --diff / --unsafe-fixes` on real files: what changes, what is kept byte for byte.

The sample tests check properties, not a list of expected edits, so they keep holding as rules are added.
"""

import difflib
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from collections import Counter

import pytest

from conftest import SAMPLE

BOM = b"\xef\xbb\xbf"


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def findings(run_cli, path):
    code, out, err = run_cli("check", "--format", "json", str(path))
    assert code in (0, 1), err
    return json.loads(out)


def safe_fixable(items):
    return [f for f in items if f["fix"] and f["fix"]["applicability"] == "safe"]


def fix(run_cli, path, *extra):
    code, out, err = run_cli("check", "--fix", *map(str, extra), str(path))
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture(scope="module")
def fixed_sample(tmp_path_factory):
    """The sample (LF, no final newline), its findings, and the result of --fix on a copy (once per module)."""
    from click.testing import CliRunner

    from newslint.cli import cli

    def run_cli(*args, input=None):
        result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    original = SAMPLE.read_bytes()
    path = write(tmp_path_factory.mktemp("sample"), "sample.txt", original)
    before = findings(run_cli, path)
    code, out, err = fix(run_cli, path)
    return original, before, path.read_bytes(), (code, out, err), path


def test_fix_on_the_sample_fixes_every_safe_fix_and_reports_it(run_cli, fixed_sample):
    original, before, fixed, (code, out, err), path = fixed_sample
    assert safe_fixable(before), "the sample has fixable problems"
    assert fixed != original
    after = findings(run_cli, path)
    assert safe_fixable(after) == [], "a safe fix is left after --fix"
    summary = out.strip().splitlines()[-1]
    m = re.match(r"Fixed (\d+) problems?, (\d+) remains? ", summary)
    assert m, summary
    assert int(m.group(1)) >= len(safe_fixable(before)) and int(m.group(2)) == len(after)
    assert code == (1 if [f for f in after if f["severity"] in ("error", "warning")] else 0)
    assert "did not settle" not in err
    # no fix adds a finding: no rule has more findings after fixing than before
    grown = Counter(f["rule"] for f in after) - Counter(f["rule"] for f in before)
    assert not grown, f"fixing added findings: {grown}"


def test_fixing_the_fixed_sample_changes_nothing(run_cli, fixed_sample):
    _, _, fixed, _, path = fixed_sample
    code, out, _ = fix(run_cli, path)
    assert path.read_bytes() == fixed
    assert out.strip().splitlines()[-1].startswith("Fixed 0 problems, ")
    code, out, err = run_cli("check", "--diff", str(path))
    assert (code, out) == (0, "") and "No fixes to apply" in err


def test_fix_touches_only_the_flagged_lines(fixed_sample):
    """Compare original and fixed line by line: every changed line holds a span flagged before
    (a finding or one of its fix's edits, e.g. a table row); an inserted line sits beside one."""
    original, before, fixed, _, _ = fixed_sample
    old = original.decode("utf-8").split("\n")
    new = fixed.decode("utf-8").split("\n")
    flagged = set()
    for f in before:
        flagged.update(range(f["line"], f["end_line"] + 1))
        for e in (f["fix"] or {}).get("edits", []):
            flagged.update(range(e["line"], e["end_line"] + 1))
    changed = 0
    for tag, i1, i2, _j1, _j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        changed += 1
        if i1 == i2:  # pure insertion after line i1 (1-based) / before line i1 + 1
            assert {i1, i1 + 1} & flagged, f"line inserted at {i1} next to nothing flagged"
        for line in range(i1 + 1, i2 + 1):
            assert line in flagged, f"line {line} changed but nothing on it was flagged: {old[line - 1][:80]!r}"
    assert changed


def test_crlf_bom_and_final_newline_are_kept(run_cli, tmp_path, fixed_sample):
    original, _, lf_fixed, _, _ = fixed_sample
    crlf = write(tmp_path, "crlf.txt", original.replace(b"\n", b"\r\n"))
    bom = write(tmp_path, "bom.txt", BOM + original)
    final = write(tmp_path, "final.txt", original + b"\n")
    assert fix(run_cli, crlf)[0] in (0, 1)
    assert fix(run_cli, bom)[0] in (0, 1)
    assert fix(run_cli, final)[0] in (0, 1)
    assert crlf.read_bytes() == lf_fixed.replace(b"\n", b"\r\n")  # stays CRLF, same fixes
    assert crlf.read_bytes().count(b"\n") == crlf.read_bytes().count(b"\r\n")
    assert bom.read_bytes() == BOM + lf_fixed
    assert not lf_fixed.endswith(b"\n")  # the sample has no final newline, and still has none
    assert final.read_bytes().endswith(b"\n") and final.read_bytes().rstrip(b"\n") == lf_fixed.rstrip(b"\n")


def test_mixed_line_endings_are_kept_line_by_line(run_cli, tmp_path, fixed_sample):
    original, _, lf_fixed, _, _ = fixed_sample
    lines = original.split(b"\n")
    mixed_data = b"".join(line + (b"\r\n" if i % 2 else b"\n") for i, line in enumerate(lines[:-1])) + lines[-1]
    mixed = write(tmp_path, "mixed.txt", mixed_data)
    fix(run_cli, mixed)
    got = mixed.read_bytes()
    assert got.replace(b"\r\n", b"\n") == lf_fixed  # the same fixes
    endings = re.compile(rb"\r\n|\n")
    if lf_fixed.count(b"\n") == original.count(b"\n"):  # no line added or removed: every ending is in place
        assert endings.findall(got) == endings.findall(mixed_data)
    # every line no fix touched is kept byte for byte, ending included
    old, new = mixed_data.splitlines(keepends=True), got.splitlines(keepends=True)
    kept = sum(b.size for b in difflib.SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks())
    old_lf, new_lf = original.split(b"\n"), lf_fixed.split(b"\n")
    kept_lf = sum(b.size for b in difflib.SequenceMatcher(None, old_lf, new_lf, autojunk=False).get_matching_blocks())
    assert kept >= kept_lf - 1  # (the last line, without a newline, may differ only by that)


def test_permissions_are_kept_and_no_temporary_file_is_left(run_cli, tmp_path):
    path = write(tmp_path, "a.txt", b"Talks resumed,despite everything.\n")
    os.chmod(path, 0o640)
    code, out, _ = fix(run_cli, path)
    assert path.read_bytes() == b"Talks resumed, despite everything.\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
    assert code == 0 and out.strip() == "Fixed 1 problem, 0 remain in 1 file."


def test_read_only_file_gets_one_line_and_the_others_are_fixed(run_cli, tmp_path):
    locked = write(tmp_path, "a.txt", b"Talks resumed,despite everything.\n")
    os.chmod(locked, 0o444)
    other = write(tmp_path, "b.txt", b"Talks resumed,despite everything.\n")
    code, out, err = fix(run_cli, locked, other)
    assert code == 2
    assert err.strip().count("\n") == 0 and "a.txt" in err and "read-only" in err
    assert locked.read_bytes() == b"Talks resumed,despite everything.\n"
    assert other.read_bytes() == b"Talks resumed, despite everything.\n"
    assert "a.txt:1:14:" in out  # the unfixed file's findings are still reported


def test_file_changed_on_disk_while_linting_is_not_overwritten(run_cli, tmp_path, monkeypatch):
    import newslint.fixer as fixer

    path = write(tmp_path, "a.txt", b"Talks resumed,despite everything.\n")
    real = fixer.fix_source

    def meanwhile_an_editor_saves(linter, source, config, unsafe=False):
        result = real(linter, source, config, unsafe)
        path.write_bytes(b"The editor's new version,saved meanwhile.\n")
        return result

    monkeypatch.setattr(fixer, "fix_source", meanwhile_an_editor_saves)
    code, _, err = fix(run_cli, path)
    assert code == 2 and "changed on disk" in err and err.strip().count("\n") == 0
    assert path.read_bytes() == b"The editor's new version,saved meanwhile.\n"


def test_diff_writes_nothing_and_applies_with_patch(run_cli, tmp_path, fixed_sample):
    original, _, lf_fixed, _, _ = fixed_sample
    path = write(tmp_path, "story.txt", original)
    code, out, err = run_cli("check", "--diff", str(path))
    assert code == 1 and path.read_bytes() == original
    assert out.startswith(f"--- {path}\n+++ {path}\n@@ ") and "Would fix " in err
    if shutil.which("patch"):
        patched = write(tmp_path, "patched.txt", original)
        subprocess.run(["patch", "-s", str(patched)], input=out.encode("utf-8"), check=True)
        assert patched.read_bytes() == lf_fixed
        # a BOM file with CRLF line endings: the diff still applies byte for byte (run for real:
        # click's test runner turns CRLF into LF in what it captures)
        special = write(tmp_path, "special.txt", BOM + original.replace(b"\n", b"\r\n"))
        cmd = [sys.executable, "-m", "newslint", "check", "--diff", str(special)]
        out = subprocess.run(cmd, capture_output=True, check=False).stdout
        patched = write(tmp_path, "patched.txt", BOM + original.replace(b"\n", b"\r\n"))
        subprocess.run(["patch", "-s", "--binary", str(patched)], input=out, check=True)
        assert patched.read_bytes() == BOM + lf_fixed.replace(b"\n", b"\r\n")


def test_diff_exit_codes(run_cli, tmp_path):
    clean = write(tmp_path, "clean.txt", b"Talks resumed on Monday, officials said.\n")
    assert run_cli("check", "--diff", str(clean))[:2] == (0, "")
    code, _out, err = run_cli("check", "--diff", str(clean), str(tmp_path / "missing.txt"))
    assert code == 2 and "missing.txt" in err


def test_fix_on_standard_input_prints_the_fixed_text(run_cli, fixed_sample):
    original, _, lf_fixed, _, _ = fixed_sample
    code, out, err = run_cli("check", "--fix", "-", "--stdin-filename", "story.txt", input=original)
    assert out == lf_fixed.decode("utf-8")
    assert "Fixed " in err.strip().splitlines()[-1]
    code, out, err = run_cli("check", "--fix", "-", input=BOM + b"Talks resumed,despite it.")
    assert out == "\ufeffTalks resumed, despite it." and code == 0
    code, out, err = run_cli("check", "--diff", "-", "--stdin-filename", "s.txt", input=b"Talks resumed,despite it.")
    assert code == 1 and out.startswith("--- s.txt\n+++ s.txt\n")
    # for real, with CRLF (click's test runner would turn it into LF): the bytes are those --fix writes
    crlf = BOM + original.replace(b"\n", b"\r\n")
    cmd = [sys.executable, "-m", "newslint", "check", "--fix", "-", "--stdin-filename", "story.txt"]
    done = subprocess.run(cmd, input=crlf, capture_output=True, check=False)
    assert done.stdout == BOM + lf_fixed.replace(b"\n", b"\r\n")
    assert b"Fixed " in done.stderr and b"Traceback" not in done.stderr


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A repository with its own YAML rules: an unsafe substitution, and two that undo each other."""
    (tmp_path / ".git").mkdir()
    styles = tmp_path / "styles" / "style"
    styles.mkdir(parents=True)
    (styles / "utilise.yaml").write_text(
        "extends: substitution\nmessage: \"Use '{replacement}' instead of '{match}'.\"\n"
        "applicability: unsafe\nswap:\n  utilise: use\n",
        encoding="utf-8",
    )
    (tmp_path / ".newslint.yaml").write_text("rule-paths: [styles/]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_unsafe_fixes_only_with_the_flag(run_cli, project):
    path = write(project, "a.txt", b"Officials utilise the data,officials said.\n")
    out = run_cli("check", str(path))[1]
    assert "1 fixable with --fix. 1 more fixable with --fix --unsafe-fixes." in out
    out = run_cli("check", "--unsafe-fixes", str(path))[1]
    assert "2 fixable with --fix --unsafe-fixes." in out and path.read_bytes().startswith(b"Officials utilise")
    code, out, _ = fix(run_cli, path)
    assert path.read_bytes() == b"Officials utilise the data, officials said.\n"
    assert code == 1 and "1 more fixable with --unsafe-fixes" in out
    code, out, _ = fix(run_cli, path, "--unsafe-fixes")
    assert path.read_bytes() == b"Officials use the data, officials said.\n"
    assert code == 0 and out.strip() == "Fixed 1 problem, 0 remain in 1 file."


def test_rules_that_undo_each_other_are_reported(run_cli, project):
    for old, new in (("colour", "color"), ("color", "colour")):
        (project / "styles" / "style" / f"to-{new}.yaml").write_text(
            f'extends: substitution\nmessage: "Use {{replacement}}."\nswap:\n  {old}: {new}\n', encoding="utf-8"
        )
    path = write(project, "a.txt", b"The colour of the flag,officials said.\n")
    code, _out, err = fix(run_cli, path)
    assert "style/to-color, style/to-colour did not settle" in err
    assert b"flag, officials" in path.read_bytes() and code == 1
