"""JSON: one array of finding objects (the stable contract documented in the README)."""

from __future__ import annotations

from newslint.output.fastjson import encode_basestring, write_value


def _fix_dict(fix, index) -> dict:
    edits = []
    for e in fix.edits:
        edit = {"replacement": e.replacement}
        if index is not None:
            edit["line"], edit["column"] = index.line_col(e.span.start)
            edit["end_line"], edit["end_column"] = index.line_col(e.span.end)
        edits.append(edit)
    return {"replacement": fix.edits[0].replacement, "applicability": fix.applicability, "edits": edits}


def finding_dict(f, index=None) -> dict:
    fix = None if f.fix is None else _fix_dict(f.fix, index)
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
    parts = []
    one = _finding_text if finding_dict is _FINDING_DICT else _finding_json  # not one a test replaced
    for r in results:
        index = None
        if r.document is not None:
            index = r.document.index
        elif r.source is not None:
            from newslint.document.lines import LineIndex

            index = LineIndex(r.source.text)
        for f in r.findings:
            parts.append(one(f, index))
    if not parts:
        return "[]\n"
    return "[\n" + ",\n".join(parts) + "\n]\n"


_KEYS = ("path", "line", "column", "end_line", "end_column", "rule", "category", "severity", "message", "fix")
_TEMPLATE = (
    '  {\n    "path": %s,\n    "line": %s,\n    "column": %s,\n    "end_line": %s,\n    "end_column": %s,\n'
    '    "rule": %s,\n    "category": %s,\n    "severity": %s,\n    "message": %s,\n    "fix": %s\n  }'
)


def _finding_json(f, index) -> str:
    """``finding_dict(f, index)`` as ``json.dumps(..., indent=2, ensure_ascii=False)`` writes it inside
    the report's list (indented by two), from a template: the report's bulk, written without walking a dict."""
    d = finding_dict(f, index)
    if tuple(d) != _KEYS:  # finding_dict changed: the template no longer fits
        out: list[str] = ["  "]
        write_value(d, out, "\n  ")
        return "".join(out)
    values = []
    for key in _KEYS[:-1]:
        value = d[key]
        kind = type(value)
        if kind is str:
            values.append(encode_basestring(value))
        elif kind is int:
            values.append(int.__repr__(value))
        else:
            out = []
            write_value(value, out, "\n    ")
            values.append("".join(out))
    fix = d["fix"]
    if fix is None:
        values.append("null")
    else:
        out = []
        write_value(fix, out, "\n    ")
        values.append("".join(out))
    return _TEMPLATE % tuple(values)


_FINDING_DICT = finding_dict


def _finding_text(f, index) -> str:
    """``_finding_json(f, index)`` from the finding's fields, without its dict: the common case."""
    path, rule, severity, message = f.path, f.rule, f.severity, f.message
    line, column, end_line, end_column = f.line, f.column, f.end_line, f.end_column
    if not (
        type(path) is str
        and type(rule) is str
        and type(severity) is str
        and type(message) is str
        and type(line) is int
        and type(column) is int
        and type(end_line) is int
        and type(end_column) is int
    ):
        return _finding_json(f, index)
    if f.fix is None:
        fix = "null"
    else:
        out: list[str] = []
        write_value(_fix_dict(f.fix, index), out, "\n    ")
        fix = "".join(out)
    enc = encode_basestring
    return _TEMPLATE % (
        enc(path),
        line,
        column,
        end_line,
        end_column,
        enc(rule),
        enc(f.category),
        enc(severity),
        enc(message),
        fix,
    )
