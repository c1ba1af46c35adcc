"""Applying fixes: a pure function from text to text, and the re-lint loop."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newslint.finding import Edit, Finding

MAX_PASSES = 10


def wanted(finding: Finding, unsafe: bool) -> bool:
    return finding.fix is not None and (unsafe or finding.fix.applicability == "safe")


def apply_fixes(text: str, findings: Iterable[Finding], unsafe: bool = False) -> tuple[str, list[Finding]]:
    """Apply each wanted fix whole or not at all; a fix overlapping an applied one is skipped.
    Returns the new text and the findings whose fixes were applied."""
    chosen: list[Finding] = []
    taken: list[tuple[int, int]] = []
    candidates = [f for f in findings if wanted(f, unsafe)]
    candidates.sort(key=lambda f: (min(e.span.start for e in f.fix.edits), f.rule))
    for f in candidates:
        spans = [(e.span.start, e.span.end) for e in f.fix.edits]
        if any(_overlap(a, b) for a in spans for b in taken):
            continue
        chosen.append(f)
        taken.extend(spans)
    edits: list[Edit] = sorted((e for f in chosen for e in f.fix.edits), key=lambda e: (e.span.start, e.span.end))
    parts = []
    pos = 0
    for e in edits:
        parts.append(text[pos : e.span.start])
        parts.append(e.replacement)
        pos = e.span.end
    parts.append(text[pos:])
    return "".join(parts), chosen


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    # two insertions at the same point also conflict: their order would be arbitrary
    return (a[0] < b[1] and b[0] < a[1]) or a[0] == b[0]


@dataclass
class FixResult:
    text: str
    fixed: list[Finding] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)
    passes: int = 0
    unconverged: list[str] = field(default_factory=list)


def fix_until_stable(text: str, lint: Callable[[str], list[Finding]], unsafe: bool = False) -> FixResult:
    """Lint, apply fixes, re-lint, until no wanted fix is left or MAX_PASSES is reached."""
    result = FixResult(text)
    seen = {text}
    for _ in range(MAX_PASSES):
        findings = lint(result.text)
        new_text, applied = apply_fixes(result.text, findings, unsafe)
        if not applied or new_text == result.text:
            result.remaining = findings
            return result
        result.passes += 1
        result.fixed.extend(applied)
        if new_text in seen:  # a cycle: two rules undo each other
            result.unconverged = sorted({f.rule for f in applied})
            result.text = new_text
            result.remaining = lint(new_text)
            return result
        seen.add(new_text)
        result.text = new_text
    result.remaining = lint(result.text)
    result.unconverged = sorted({f.rule for f in result.remaining if wanted(f, unsafe)})
    return result
