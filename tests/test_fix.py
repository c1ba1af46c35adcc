"""Applying fixes: overlaps, line endings, the re-lint loop; and writing files back atomically."""

import itertools
import os
import stat

import pytest

from newslint.document.model import Span
from newslint.finding import Edit, Finding, Fix
from newslint.fix import adapt_newlines, apply_fixes, dominant_newline, fix_until_stable
from newslint.fixer import WriteError, unified_diff, write_atomic


def finding(rule, start, end, replacement, applicability="safe"):
    return Finding(rule, Span(start, end), "m", fix=Fix.replace(Span(start, end), replacement, applicability))


def multi(rule, edits, applicability="safe"):
    fix = Fix(tuple(Edit(Span(s, e), r) for s, e, r in edits), applicability)
    return Finding(rule, Span(edits[0][0], edits[0][1]), "m", fix=fix)


# -- apply_fixes ---------------------------------------------------------------------------------


def test_overlap_resolution_does_not_depend_on_the_order_of_findings():
    text = "abcdefghij"
    findings = [
        finding("b/rule", 2, 5, "X"),  # overlaps the next two
        finding("a/rule", 2, 4, "Y"),  # same start, shorter: wins over b/rule
        finding("c/rule", 4, 6, "Z"),  # overlaps b/rule only
        finding("d/rule", 8, 8, "+"),  # insertion
        finding("a/rule", 8, 8, "-"),  # insertion at the same point: conflicts, a/rule wins
    ]
    outcomes = {apply_fixes(text, list(p))[0] for p in itertools.permutations(findings)}
    assert outcomes == {"abYZgh-ij"}


def test_a_fix_is_applied_whole_or_not_at_all():
    text = "one two three four"
    first = finding("a/x", 4, 7, "TWO")
    both = multi("b/y", [(14, 18, "FOUR"), (6, 9, "??")])  # one of its edits overlaps `first`
    new, applied = apply_fixes(text, [both, first])
    assert new == "one TWO three four" and applied == [first]


def test_unsafe_fixes_only_when_asked_and_no_op_fixes_are_ignored():
    text = "colour colour"
    unsafe = finding("s/u", 0, 6, "color", "unsafe")
    noop = finding("s/n", 7, 13, "colour")
    assert apply_fixes(text, [unsafe, noop]) == (text, [])
    assert apply_fixes(text, [unsafe, noop], unsafe=True) == ("color colour", [unsafe])
    empty = Finding("s/e", Span(0, 1), "m", fix=Fix((), "safe"))
    assert apply_fixes(text, [empty]) == (text, [])


def test_inserted_line_breaks_follow_the_file():
    assert dominant_newline("a\r\nb\r\nc\nd") == "\r\n"
    assert dominant_newline("a\nb\r\nc") == "\n"  # a tie goes to LF
    assert dominant_newline("no breaks") == "\n"
    # breaks in the replaced text are reused in order; extra ones take the dominant ending
    assert adapt_newlines("a\r\nb\nc", "A\nB\nC\nD", "\r\n") == "A\r\nB\nC\r\nD"
    assert adapt_newlines("x", "no breaks", "\r\n") == "no breaks"
    text = "| a | b |\r\n| 1 | 2 |\r\n"
    new, _ = apply_fixes(text, [finding("table/x", 9, 9, "\n|---|---|")])
    assert new == "| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n"
    new, _ = apply_fixes("p\nq\n", [finding("t/x", 1, 1, "\r\n")])
    assert new == "p\n\nq\n"
    # a line break added at the end of a line: the line keeps its own ending, the new line gets the dominant one
    mixed = "row one\r\nrow two\nlast"
    assert apply_fixes(mixed, [finding("t/x", 7, 7, "\n")], newline="\n")[0] == "row one\r\n\nrow two\nlast"
    assert apply_fixes(mixed, [finding("t/x", 0, 7, "| row one |\n")], newline="\n")[0] == (
        "| row one |\r\n\nrow two\nlast"
    )
    assert apply_fixes(mixed, [finding("t/x", 21, 21, "\n")], newline="\r\n")[0] == mixed + "\r\n"


# -- fix_until_stable ----------------------------------------------------------------------------


def substitution(rule, old, new):
    """A fake rule: every `old` becomes `new`."""

    def lint(text):
        out, start = [], text.find(old)
        while start != -1:
            out.append(finding(rule, start, start + len(old), new))
            start = text.find(old, start + len(old))
        return out

    return lint


def test_loop_runs_until_nothing_changes_and_fixes_revealed_problems():
    a = substitution("x/a", "teh", "the")
    b = substitution("x/b", "the the", "the")
    result = fix_until_stable("teh teh teh", lambda t: a(t) + b(t))
    assert result.text == "the"
    assert result.unconverged == [] and result.remaining == []
    assert len(result.initial) == 3 and result.passes == 3


def test_rules_that_undo_each_other_are_reported():
    a = substitution("x/a", "colour", "color")
    b = substitution("x/b", "color", "colour")
    c = substitution("x/c", "teh", "the")
    result = fix_until_stable("The colour of teh flag", lambda t: a(t) + b(t) + c(t))
    assert result.unconverged == ["x/a", "x/b"]
    assert "the flag" in result.text


def test_pass_limit_reports_the_rules_still_fixing():
    grow = substitution("x/grow", "a", "aa")
    result = fix_until_stable("a", grow, max_passes=4)
    assert result.text == "a" * 16 and result.passes == 4
    assert result.unconverged == ["x/grow"]


# -- unified_diff --------------------------------------------------------------------------------


def test_diff_marks_a_missing_final_newline_and_keeps_crlf():
    d = unified_diff("a.txt", "one\r\ntwo", "one\r\nTwo")
    assert d.splitlines(keepends=True) == [
        "--- a.txt\n",
        "+++ a.txt\n",
        "@@ -1,2 +1,2 @@\n",
        " one\r\n",
        "-two\n",
        "\\ No newline at end of file\n",
        "+Two\n",
        "\\ No newline at end of file\n",
    ]
    assert unified_diff("a.txt", "same\n", "same\n") == ""


# -- write_atomic --------------------------------------------------------------------------------


def test_write_keeps_permissions_and_leaves_no_temporary_file(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"old")
    os.chmod(f, 0o640)
    write_atomic(f, b"new", expected=b"old")
    assert f.read_bytes() == b"new"
    assert stat.S_IMODE(f.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_write_refuses_a_file_changed_since_it_was_read(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"edited by someone else")
    with pytest.raises(WriteError, match="changed on disk"):
        write_atomic(f, b"fixed", expected=b"as read")
    assert f.read_bytes() == b"edited by someone else"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_write_refuses_a_read_only_file(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"old")
    os.chmod(f, 0o444)
    with pytest.raises(WriteError, match="read-only"):
        write_atomic(f, b"new", expected=b"old")
    assert f.read_bytes() == b"old"


def test_write_reports_a_folder_it_cannot_write(tmp_path, monkeypatch):
    import tempfile

    f = tmp_path / "a.txt"
    f.write_bytes(b"old")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(WriteError, match="cannot create a temporary file"):
        write_atomic(f, b"new", expected=b"old")
    assert f.read_bytes() == b"old"


def test_write_through_a_symlink_keeps_the_link(tmp_path):
    target = tmp_path / "real.txt"
    target.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_atomic(link, b"new", expected=b"old")
    assert link.is_symlink() and target.read_bytes() == b"new"


def test_write_keeps_hard_links_together(tmp_path):
    first = tmp_path / "a.txt"
    first.write_bytes(b"old")
    second = tmp_path / "b.txt"
    os.link(first, second)
    write_atomic(first, b"new", expected=b"old")
    assert second.read_bytes() == b"new" and first.stat().st_ino == second.stat().st_ino


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_write_keeps_owner_and_group_where_allowed(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"old")
    os.chown(f, 1234, 2345)
    write_atomic(f, b"new", expected=b"old")
    assert (f.stat().st_uid, f.stat().st_gid) == (1234, 2345)
