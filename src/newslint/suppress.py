"""Inline suppressions and the baseline: findings the author has already judged.

Inline directives are comments that disappear when the article is rendered:

- ``<!-- newslint-disable [rule-or-category ...] -->`` … ``<!-- newslint-enable [...] -->``
  silence the named rules (all rules without a name) from the comment to the matching enable,
  or to the end of the file;
- ``<!-- newslint-disable-next-line [...] -->`` silences the next non-blank line;
- ``<!-- newslint-disable-line [...] -->`` silences the line the comment is on.

Names may be followed by `` -- `` and a reason, which is ignored.
Plain-text files also accept the same directives as a whole line that starts with ``//``
(``// newslint-disable-next-line spelling``); such lines are comments, never linted as prose.

A directive that silences nothing can be reported as ``suppression/unused``
(``--report-unused-suppressions``, on by default when ``CI=true``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newslint.finding import Finding

UNUSED_ID = "suppression/unused"
KINDS = ("disable-next-line", "disable-line", "disable", "enable")
_KIND = r"newslint-(disable-next-line|disable-line|disable|enable)(?![\w-])"
HTML_DIRECTIVE = re.compile(r"<!--[ \t]*" + _KIND + r"([^<>]*?)[ \t]*-->")
LINE_DIRECTIVE = re.compile(r"^[ \t]*//[ \t]*" + _KIND + r"([^\r\n]*?)[ \t]*(?=[\r\n]|\Z)", re.MULTILINE)
_SELECTOR = re.compile(r"[^\s,]+")
_REASON = re.compile(r"(?:^|\s)--(?:\s|$)")


@dataclass
class Directive:
    kind: str
    start: int  # source offsets of the whole comment
    end: int
    selectors: list[tuple[str, int, int]]  # (selector, start, end); empty means every rule
    used: Counter = field(default_factory=Counter)


def line_comment_directives(source: str) -> list[tuple[int, int]]:
    """Source spans of the ``// newslint-...`` lines (plain text only)."""
    if "newslint-" not in source:
        return []
    return [(m.start(), m.end()) for m in LINE_DIRECTIVE.finditer(source)]


def parse_directives(doc) -> list[Directive]:
    """Every directive in the document, in source order, except those inside code or front matter."""
    source = doc.source
    if "newslint-" not in source:
        return []
    skipped = [b.span for b in doc.blocks if b.kind in ("code", "front_matter")]
    matches = list(HTML_DIRECTIVE.finditer(source))
    if doc.format != "markdown":
        matches += LINE_DIRECTIVE.finditer(source)
    out = []
    for m in sorted(matches, key=lambda m: m.start()):
        if any(s.start <= m.start() < s.end for s in skipped):
            continue
        if doc.format == "markdown" and _in_code_span(source, m.start(), m.end()):
            continue
        args = _REASON.split(m.group(2), maxsplit=1)[0]  # `-- why` after the names is a comment
        selectors = [(s.group(), m.start(2) + s.start(), m.start(2) + s.end()) for s in _SELECTOR.finditer(args)]
        if any(sel == "all" for sel, _, _ in selectors):
            selectors = []
        out.append(Directive(m.group(1), m.start(), m.end(), selectors))
    return out


def _in_code_span(source: str, start: int, end: int) -> bool:
    """A Markdown code span on the same line encloses [start, end): an odd number of backticks
    before it on its line and a backtick after it (an example of a directive, not a directive)."""
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    line_end = len(source) if line_end < 0 else line_end
    return source.count("`", line_start, start) % 2 == 1 and "`" in source[end:line_end]


def _covers(selector: str, rule_id: str) -> bool:
    return selector in ("all", rule_id) or selector == rule_id.split("/", 1)[0]


@dataclass
class _Range:
    directive: Directive
    selector: str  # "all" for a directive without names
    start: int
    end: int


def _ranges(doc, directives: list[Directive]) -> list[_Range]:
    """The lines silenced by ``disable-line`` and ``disable-next-line`` comments."""
    index = doc.index
    ranges: list[_Range] = []
    for d in directives:
        if d.kind not in ("disable-line", "disable-next-line"):
            continue
        names = [s for s, _, _ in d.selectors] or ["all"]
        first, _ = index.line_col(d.start)
        last, _ = index.line_col(d.end)
        if d.kind == "disable-line":
            start, end = index.line_span(first - 1)[0], index.line_span(last - 1)[1]
        else:
            line = last  # 0-based index of the line after the directive's last line
            while line < index.line_count and not doc.source[slice(*index.line_span(line))].strip():
                line += 1
            if line >= index.line_count:
                start = end = len(doc.source)
            else:
                start, end = index.line_span(line)
        for name in names:
            ranges.append(_Range(d, name, start, end))
    return ranges


def _block_silencer(blocks: list[Directive], rule: str, pos: int) -> tuple[Directive, str] | None:
    """The ``disable`` comment (and its selector) silencing ``rule`` at ``pos``: the last one before
    ``pos`` that covers the rule, unless an ``enable`` covering the rule comes after it
    (``disable`` then ``enable spelling/typo`` re-opens that rule only)."""
    state = None
    for d in blocks:
        if d.kind == "disable":
            if d.end > pos:
                break
            for name in [s for s, _, _ in d.selectors] or ["all"]:
                if _covers(name, rule):
                    state = (d, name)
                    break
        else:  # enable
            if d.start > pos:
                break
            if any(_covers(name, rule) for name in [s for s, _, _ in d.selectors] or ["all"]):
                state = None
    return state


def apply_suppressions(
    doc, findings: list[Finding], enabled: set[str], known: set[str], report_unused: bool, severity: str = "warning"
) -> list[Finding]:
    """Drop the findings that a directive silences; with ``report_unused``, add a
    ``suppression/unused`` finding for each named rule (or bare directive) that silenced nothing.

    ``enabled`` are the rule ids that ran (a directive for a rule that did not run is not judged);
    ``known`` are the valid selectors (rule ids, categories, ``all``)."""
    directives = parse_directives(doc)
    if not directives:
        return findings
    ranges = _ranges(doc, directives)
    blocks = [d for d in directives if d.kind in ("disable", "enable")]
    kept = []
    for f in findings:
        hit = None
        for r in ranges:
            if r.start <= f.span.start < r.end and _covers(r.selector, f.rule):
                hit = (r.directive, r.selector)
                break
        if hit is None and blocks:
            hit = _block_silencer(blocks, f.rule, f.span.start)
        if hit is None:
            kept.append(f)
        else:
            hit[0].used[hit[1]] += 1
    if not report_unused:
        return kept
    judged = {rid for rid in enabled if not rid.startswith("suppression/")}
    extra = []
    for d in directives:
        if d.kind == "enable":
            continue
        if not d.selectors:
            if judged and not d.used["all"]:
                extra.append(_unused(d.start, d.end, f"This newslint-{d.kind} comment silences nothing; remove it."))
            continue
        for name, start, end in d.selectors:
            if name not in known:
                extra.append(
                    _unused(
                        start, end, f"'{name}' is not a rule or category, so it silences nothing; fix or remove it."
                    )
                )
            elif any(_covers(name, rid) for rid in judged) and not d.used[name]:
                extra.append(_unused(start, end, f"newslint-{d.kind} '{name}' silences nothing here; remove it."))
    for f in extra:
        f.severity = severity
    return kept + extra


def _unused(start: int, end: int, message: str) -> Finding:
    from newslint.document.model import Span

    return Finding(UNUSED_ID, Span(start, end), message)


# -- baseline ----------------------------------------------------------------------------
BASELINE_VERSION = 1
_WORD = re.compile(r"\S+")
CONTEXT_WORDS = 4


def fingerprint(source: str, f: Finding) -> str:
    """Rule, flagged text and a few words either side (whitespace-normalised): survives edits
    elsewhere in the article and changes of line number, not edits of the sentence itself."""
    import hashlib

    # the neighbourhood stays on the finding's own lines, so that editing the line above does not matter
    lo = max(0, f.span.start - 200, source.rfind("\n", 0, f.span.start) + 1)
    hi = source.find("\n", f.span.end)
    hi = min(f.span.end + 200, len(source) if hi < 0 else hi)
    before = _WORD.findall(source[lo : f.span.start])[-CONTEXT_WORDS:]
    after = _WORD.findall(source[f.span.end : hi])[:CONTEXT_WORDS]
    flagged = " ".join(source[f.span.start : f.span.end].split())
    key = "\x1f".join([f.rule, flagged, " ".join(before), " ".join(after)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def _baseline_path(path: str, base: Path) -> str:
    if path in ("", "-"):
        return path
    import os

    try:
        return Path(os.path.relpath(Path(path).resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).resolve().as_posix()


def result_text(r) -> str | None:
    """The linted text of a FileResult (its document may not travel back from a worker process)."""
    if r.document is not None:
        return r.document.source
    return r.source.text if r.source is not None else None


def write_baseline(target: Path, results) -> int:
    """Record every finding of ``results`` in ``target``; returns how many."""
    import json

    from newslint.errors import InputError

    base = target.resolve().parent
    entries = []
    for r in results:
        source = result_text(r)
        if source is None:
            continue
        for f in r.findings:
            entries.append(
                {
                    "path": _baseline_path(r.path, base),
                    "rule": f.rule,
                    "fingerprint": fingerprint(source, f),
                    "line": f.line,
                    "text": source[f.span.start : f.span.end][:80],
                }
            )
    data = {"version": BASELINE_VERSION, "tool": "newslint", "findings": entries}
    try:
        # a file name that is not UTF-8 is kept as JSON escapes of its lone surrogates: it reads back the same
        target.write_bytes((json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace"))
    except OSError as exc:
        raise InputError(f"{target}: cannot write baseline ({exc.strerror or exc})") from None
    return len(entries)


def load_baseline(path: Path) -> Counter:
    """(path, rule, fingerprint) -> how many such findings the baseline holds."""
    import json

    from newslint.errors import InputError

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such baseline file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read baseline ({exc})") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}:{exc.colno}: baseline is not valid JSON ({exc.msg})") from None
    if (
        not isinstance(data, dict)
        or data.get("version") != BASELINE_VERSION
        or not isinstance(data.get("findings"), list)
    ):
        raise InputError(f"{path}: not a newslint baseline (expected version {BASELINE_VERSION} and a 'findings' list)")
    counter: Counter = Counter()
    for i, entry in enumerate(data["findings"]):
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(k), str) for k in ("path", "rule", "fingerprint")
        ):
            raise InputError(f"{path}: baseline entry {i} needs string 'path', 'rule' and 'fingerprint'")
        counter[(entry["path"], entry["rule"], entry["fingerprint"])] += 1
    return counter


def filter_baseline(results, baseline: Counter, baseline_file: Path) -> int:
    """Remove from ``results`` the findings the baseline knows, each baseline entry absorbing one
    finding; returns how many were removed."""
    base = baseline_file.resolve().parent
    remaining = Counter(baseline)
    removed = 0
    for r in results:
        source = result_text(r)
        if source is None:
            continue
        path = _baseline_path(r.path, base)
        kept = []
        for f in r.findings:
            key = (path, f.rule, fingerprint(source, f))
            if remaining[key] > 0:
                remaining[key] -= 1
                removed += 1
            else:
                kept.append(f)
        r.findings = kept
    return removed
