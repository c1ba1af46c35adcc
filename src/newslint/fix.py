"""Applying fixes: a pure function from text to text, and the re-lint loop.

Writing fixed files back (atomically, keeping BOM, line endings and permissions) lives in
``newslint.fixer``; nothing here touches the file system.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newslint.finding import Finding

MAX_PASSES = 10
_EOL = re.compile(r"\r\n|\r|\n")


def wanted(finding: Finding, unsafe: bool = False) -> bool:
    """Whether ``finding`` has a fix at the requested applicability (``unsafe`` takes both)."""
    return finding.fix is not None and bool(finding.fix.edits) and (unsafe or finding.fix.applicability == "safe")


def dominant_newline(text: str) -> str:
    """The line ending used most in ``text`` (``\\n`` for a text without line breaks; ties go to ``\\n``)."""
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    if crlf > lf and crlf >= cr:
        return "\r\n"
    if cr > lf and cr > crlf:
        return "\r"
    return "\n"


def adapt_newlines(original: str, replacement: str, newline: str) -> str:
    """Give the line breaks in ``replacement`` the endings of the text it replaces, in order;
    breaks beyond those take ``newline`` (the file's dominant ending). A rule can then write
    ``\\n`` and a CRLF or mixed file keeps its line endings."""
    if "\n" not in replacement and "\r" not in replacement:
        return replacement
    endings = iter(_EOL.findall(original))
    return _EOL.sub(lambda _m: next(endings, newline), replacement)


def _edits_key(f: Finding) -> tuple:
    spans = sorted((e.span.start, e.span.end) for e in f.fix.edits)
    return (spans[0][0], spans[0][1], f.rule, spans, tuple(e.replacement for e in f.fix.edits), f.message)


def _changes(text: str, f: Finding) -> bool:
    return any(text[e.span.start : e.span.end] != e.replacement for e in f.fix.edits)


def apply_fixes(
    text: str,
    findings: Iterable[Finding],
    unsafe: bool = False,
    newline: str | None = None,
    written: list[tuple[int, int, str]] | None = None,
) -> tuple[str, list[Finding]]:
    """Apply each wanted fix whole or not at all and return the new text and the findings fixed.

    Overlaps are resolved deterministically, whatever the order of ``findings``: fixes are taken
    by the start and end of their first edit, then rule id, then replacement text; a fix that
    overlaps one already taken is skipped (its rule will report it again on the next pass if it
    still applies). Two insertions at the same point conflict too, since their order would be
    arbitrary. Fixes that would change nothing are ignored. Line breaks in replacements take the
    endings of the replaced text, else ``newline`` (default: the text's dominant line ending).
    ``written``, when given, receives each (start, end, text) actually written over the old text.
    """
    if newline is None:
        newline = dominant_newline(text)
    chosen: list[Finding] = []
    taken: list[tuple[int, int]] = []
    candidates = sorted((f for f in findings if wanted(f, unsafe) and _changes(text, f)), key=_edits_key)
    for f in candidates:
        spans = [(e.span.start, e.span.end) for e in f.fix.edits]
        if any(_overlap(a, b) for a in spans for b in taken):
            continue
        chosen.append(f)
        taken.extend(spans)
    edits = sorted((e for f in chosen for e in f.fix.edits), key=lambda e: (e.span.start, e.span.end))
    parts = []
    pos = 0
    for i, e in enumerate(edits):
        start, end, replacement = e.span.start, e.span.end, e.replacement
        parts.append(text[pos:start])
        eol = _EOL.match(text, end)
        following = edits[i + 1].span.start if i + 1 < len(edits) else len(text) + 1
        if eol and _EOL.search(replacement) and following >= eol.end():
            # the edit runs up to a line ending and adds line breaks ("row" -> "row\n", a line
            # inserted at the end of a line): take that ending into the edit so that endings are
            # handed out in order and the edited line keeps its own, the new line the dominant one
            end = eol.end()
            replacement += "\n"
        replacement = adapt_newlines(text[start:end], replacement, newline)
        parts.append(replacement)
        if written is not None:
            written.append((start, end, replacement))
        pos = end
    parts.append(text[pos:])
    return "".join(parts), chosen


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    # two insertions at the same point also conflict: their order would be arbitrary
    return (a[0] < b[1] and b[0] < a[1]) or a[0] == b[0]


@dataclass
class FixResult:
    """What fixing a text did: the final text, the findings of the original text, the fixes
    applied (over all passes), the findings left in the final text, the passes that changed it,
    and the rules that kept changing it."""

    text: str
    initial: list[Finding] = field(default_factory=list)
    fixed: list[Finding] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)
    passes: int = 0
    unconverged: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.passes > 0


def fix_until_stable(
    text: str, lint: Callable[[str], list[Finding]], unsafe: bool = False, max_passes: int = MAX_PASSES
) -> FixResult:
    """Lint, apply fixes, re-lint, until no wanted fix changes the text or ``max_passes`` is reached.

    A text seen before means rules undo each other (a cycle): fixing stops there, and the rules
    whose fixes were applied in the cycle are reported in ``unconverged``; so are the rules that
    still have fixes after the last pass. Inserted line breaks use the original text's dominant
    line ending throughout, so a CRLF file stays CRLF.
    """
    newline = dominant_newline(text)
    result = FixResult(text)
    history: list[tuple[str, set[str]]] = [(text, set())]  # each text and the rules that produced it
    for _ in range(max_passes):
        findings = lint(result.text)
        if not result.passes:
            result.initial = findings
        new_text, applied = apply_fixes(result.text, findings, unsafe, newline)
        if not applied or new_text == result.text:
            result.remaining = findings
            return result
        result.passes += 1
        result.fixed.extend(applied)
        rules = {f.rule for f in applied}
        earlier = next((i for i, (seen, _) in enumerate(history) if seen == new_text), None)
        history.append((new_text, rules))
        result.text = new_text
        if earlier is not None:  # a cycle: some rules undo others
            result.unconverged = sorted(set().union(*(r for _, r in history[earlier + 1 :])))
            result.remaining = lint(new_text)
            return result
    result.remaining = lint(result.text)
    result.unconverged = sorted({f.rule for f in result.remaining if wanted(f, unsafe) and _changes(result.text, f)})
    return result
