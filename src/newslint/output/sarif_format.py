"""SARIF 2.1.0: one run with the rule metadata, a result per finding and its fixes.

Positions are 1-based and columns count Unicode code points (``columnKind``); relative paths
are given against ``%SRCROOT%`` so that code-scanning services can place them in the repository.
"""

from __future__ import annotations

import json

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFO_URI = "https://pypi.org/project/newslint/"


def artifact_location(path: str) -> dict:
    from pathlib import PurePath, PurePosixPath
    from urllib.parse import quote

    if path in ("", "-"):
        return {"uri": "stdin"}
    pure = PurePath(path)
    if pure.is_absolute():
        from pathlib import Path

        return {"uri": Path(path).as_uri()}
    posix = PurePosixPath(*pure.parts).as_posix()
    return {"uri": quote(posix.encode("utf-8", "surrogateescape")), "uriBaseId": "%SRCROOT%"}  # a name's raw bytes


def rule_descriptor(rule) -> dict:
    descriptor = {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": rule.summary or rule.id},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {"tags": [rule.category], "fixable": rule.fixable},
    }
    if rule.description:
        descriptor["fullDescription"] = {"text": rule.description}
    help_lines = [rule.summary or rule.id]
    for label, key in (("Bad", "bad"), ("Good", "good")):
        help_lines += [f"{label}: {example}" for example in rule.examples.get(key, [])]
    descriptor["help"] = {"text": "\n".join(help_lines)}
    return descriptor


def _region(index, start: int, end: int) -> dict:
    line, col = index.line_col(start)
    end_line, end_col = index.line_col(end)
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}


def render(results, report) -> str:
    rules = dict(report.rules or {})
    used = sorted({f.rule for r in results for f in r.findings})
    ids = sorted(set(rules) | set(used))
    index_of = {rid: i for i, rid in enumerate(ids)}
    descriptors = []
    for rid in ids:
        rule = rules.get(rid)
        if rule is None:
            descriptors.append({"id": rid, "name": rid, "shortDescription": {"text": rid}})
        else:
            descriptors.append(rule_descriptor(rule))
    out = []
    for r in results:
        location = artifact_location(r.path)
        from newslint.suppress import result_text

        source = result_text(r)
        index = r.document.index if r.document is not None else None
        if index is None and source is not None:
            from newslint.document.lines import LineIndex

            index = LineIndex(source)
        for f in r.findings:
            region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column}
            if source is not None and f.span.end > f.span.start:
                region["snippet"] = {"text": source[f.span.start : f.span.end]}
            result = {
                "ruleId": f.rule,
                "ruleIndex": index_of[f.rule],
                "level": LEVELS[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
            }
            if f.fix is not None and index is not None:
                replacements = [
                    {
                        "deletedRegion": _region(index, e.span.start, e.span.end),
                        "insertedContent": {"text": e.replacement},
                    }
                    for e in f.fix.edits
                ]
                result["fixes"] = [
                    {
                        "description": {"text": f"{f.fix.applicability} fix"},
                        "artifactChanges": [{"artifactLocation": location, "replacements": replacements}],
                    }
                ]
            out.append(result)
    from newslint import __version__

    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "newslint",
                        "version": __version__,
                        "informationUri": INFO_URI,
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": out,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
