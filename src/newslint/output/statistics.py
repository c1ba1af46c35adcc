"""``newslint check --statistics``: how many findings each rule made, most frequent first."""

from __future__ import annotations

import json


def counts(results) -> list[dict]:
    """One row per rule: rule id, count, and how many of its findings have a safe fix; busiest first."""
    rows: dict[str, dict] = {}
    for r in results:
        for f in r.findings:
            row = rows.setdefault(f.rule, {"rule": f.rule, "count": 0, "fixable": 0})
            row["count"] += 1
            row["fixable"] += f.fix is not None and f.fix.applicability == "safe"
    return sorted(rows.values(), key=lambda row: (-row["count"], row["rule"]))


def render(results, fmt: str) -> str:
    rows = counts(results)
    if fmt == "json":
        return json.dumps(rows, indent=2) + "\n"
    if not rows:
        return "No problems found.\n"
    width = max(len(str(row["count"])) for row in rows)
    rule_width = max(len(row["rule"]) for row in rows)
    lines = []
    for row in rows:
        fixable = f"{row['fixable']} fixable" if row["fixable"] else ""
        lines.append(f"{row['count']:>{width}}  {row['rule']:<{rule_width}}  {fixable}".rstrip())
    total = sum(row["count"] for row in rows)
    lines.append(f"{total:>{width}}  total")
    return "\n".join(lines) + "\n"
