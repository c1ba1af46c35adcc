"""JSON: one array of finding objects (the stable contract documented in the README)."""

from __future__ import annotations

import json


def finding_dict(f, index=None) -> dict:
    fix = None
    if f.fix is not None:
        edits = []
        for e in f.fix.edits:
            edit = {"replacement": e.replacement}
            if index is not None:
                edit["line"], edit["column"] = index.line_col(e.span.start)
                edit["end_line"], edit["end_column"] = index.line_col(e.span.end)
            edits.append(edit)
        fix = {"replacement": f.fix.edits[0].replacement, "applicability": f.fix.applicability, "edits": edits}
    return {
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "rule": f.rule,
        "category": f.category,
        "severity": f.severity,
        "message": f.message,
        "fix": fix,
    }


def render(results, report) -> str:
    items = []
    for r in results:
        index = None
        if r.document is not None:
            index = r.document.index
        elif r.source is not None:
            from newslint.document.lines import LineIndex

            index = LineIndex(r.source.text)
        items.extend(finding_dict(f, index) for f in r.findings)
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
