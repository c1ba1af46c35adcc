"""Text: ``path:line:column: severity rule message`` and a one-line summary."""

from __future__ import annotations

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def render(results, report) -> str:
    lines = []
    counts = {"error": 0, "warning": 0, "info": 0}
    fixable = unsafe = 0
    for r in results:
        for f in r.findings:
            counts[f.severity] += 1
            fixable += f.fix is not None and f.fix.applicability == "safe"
            unsafe += f.fix is not None and f.fix.applicability == "unsafe"
            where = f"{f.path}:{f.line}:{f.column}:"
            if report.color:
                lines.append(
                    f"{BOLD}{where}{RESET} {COLORS[f.severity]}{f.severity}{RESET} {DIM}{f.rule}{RESET} {f.message}"
                )
            else:
                lines.append(f"{where} {f.severity} {f.rule} {f.message}")
    total = sum(counts.values())
    files = len(results)
    in_files = f"in {files} file{'s' if files != 1 else ''}."
    if report.fix_mode:
        parts = ", ".join(f"{n} {sev}{'s' if n != 1 and sev != 'info' else ''}" for sev, n in counts.items() if n)
        summary = f"Fixed {report.fixed} problem{'s' if report.fixed != 1 else ''}, {total} remain"
        summary += f"{'s' if total == 1 else ''}{f' ({parts})' if total else ''} {in_files}"
        if unsafe and not report.unsafe_fixes and report.fixable_hint:
            summary += f" {unsafe} more fixable with --unsafe-fixes."
        lines.append(summary)
        return "\n".join(lines) + "\n"
    if report.unsafe_fixes:
        fixable += unsafe
        unsafe = 0
    if total:
        parts = ", ".join(f"{n} {sev}{'s' if n != 1 and sev != 'info' else ''}" for sev, n in counts.items() if n)
        summary = (
            f"Found {total} problem{'s' if total != 1 else ''} ({parts}) in {files} file{'s' if files != 1 else ''}."
        )
        if fixable and report.fixable_hint:
            with_unsafe = " --unsafe-fixes" if report.unsafe_fixes else ""
            summary += f" {fixable} fixable with --fix{with_unsafe}."
        if unsafe and report.fixable_hint:
            summary += f" {unsafe} more fixable with --fix --unsafe-fixes."
    else:
        summary = f"No problems found in {files} file{'s' if files != 1 else ''}."
    if report.fixed:
        summary = f"Fixed {report.fixed} problem{'s' if report.fixed != 1 else ''}. " + summary
    lines.append(summary)
    return "\n".join(lines) + "\n"
