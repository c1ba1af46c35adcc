"""GitHub Actions workflow commands: one ``::error file=…,line=…::message`` annotation per finding.

Escaping follows the Actions runner (actions/toolkit ``command.ts``): ``%``, CR and LF in the
message; additionally ``:`` and ``,`` in property values.
"""

from __future__ import annotations

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f) -> str:
    props = [("file", f.path), ("line", f.line), ("col", f.column)]
    if f.end_line and f.end_line != f.line:
        props.append(("endLine", f.end_line))
    elif f.end_column:
        # endColumn may only be sent when the annotation starts and ends on the same line
        props += [("endLine", f.end_line), ("endColumn", f.end_column)]
    props.append(("title", f"newslint {f.rule}"))
    head = ",".join(f"{key}={escape_property(str(value))}" for key, value in props)
    return f"::{LEVELS[f.severity]} {head}::{escape_data(f.message)}"


def render(results, report) -> str:
    lines = [annotation(f) for r in results for f in r.findings]
    return "".join(line + "\n" for line in lines)
