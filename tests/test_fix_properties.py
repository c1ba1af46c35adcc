"""Property tests of fixing on generated documents: it never raises, it is idempotent, and every
line outside the fixed spans is kept byte for byte, line ending included."""

import re

from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from conftest import lint_text
from newslint.fix import MAX_PASSES, apply_fixes, dominant_newline, fix_until_stable
from strategies import documents

DOCS = documents(40)
LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def lines_with_offsets(text):
    """(start, end) of every line, its line break included."""
    out, pos = [], 0
    while pos < len(text):
        m = LINE.match(text, pos)
        out.append((m.start(), m.end()))
        pos = m.end()
    return out


def assert_untouched_lines_kept(old, new, edits):
    """``edits``: the (start, end, text) apply_fixes wrote, line endings as written."""
    edits = sorted(edits)
    for start, end in lines_with_offsets(old):
        touched = any((s < end and e > start) or (s == e and start <= s < end) for s, e, _ in edits)
        if touched:
            continue
        shift = sum(len(r) - (e - s) for s, e, r in edits if e <= start and not (s == e == start))
        moved = start + shift
        assert new[moved : moved + end - start] == old[start:end], f"untouched line changed: {old[start:end]!r}"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCS, st.sampled_from(["a.md", "a.txt"]), st.booleans())
def test_every_pass_keeps_the_lines_outside_the_fixed_spans(text, path, unsafe):
    newline = dominant_newline(text)
    for _ in range(MAX_PASSES):
        written: list[tuple[int, int, str]] = []
        new, applied = apply_fixes(text, lint_text(text, path), unsafe, newline, written)
        if not applied:
            break
        event("fixed something")
        assert_untouched_lines_kept(text, new, written)
        text = new


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(DOCS, st.text(max_size=200)), st.sampled_from(["a.md", "a.txt"]), st.booleans())
def test_fixing_is_idempotent_and_never_raises(text, path, unsafe):
    result = fix_until_stable(text, lambda t: lint_text(t, path), unsafe)
    assume(not result.unconverged)
    again = fix_until_stable(result.text, lambda t: lint_text(t, path), unsafe)
    assert again.text == result.text and again.passes == 0
    assert not [
        f
        for f in again.remaining
        if f.fix
        and (unsafe or f.fix.applicability == "safe")
        and any(result.text[e.span.start : e.span.end] != e.replacement for e in f.fix.edits)
    ]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCS.filter(lambda t: "\r" not in t), st.sampled_from(["a.md", "a.txt"]))
def test_crlf_text_gets_the_same_fixes(text, path):
    lf = fix_until_stable(text, lambda t: lint_text(t, path))
    crlf = fix_until_stable(text.replace("\n", "\r\n"), lambda t: lint_text(t, path))
    assert crlf.text == lf.text.replace("\n", "\r\n")
