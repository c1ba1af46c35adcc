"""Reporters, one module per format; each exposes ``render(results, report) -> str``."""

from __future__ import annotations

from dataclasses import dataclass, field

FORMATS = ("text", "json")


@dataclass
class Report:
    """What reporters may need besides the findings."""

    rules: dict = field(default_factory=dict)
    color: bool = False
    fixed: int = 0
    fixable_hint: bool = True
    fix_mode: bool = False  # --fix: the findings are what is left after fixing, `fixed` says how many went
    unsafe_fixes: bool = False  # --unsafe-fixes: unsafe fixes count as fixable


def render(fmt: str, results, report: Report) -> str:
    from importlib import import_module

    module = import_module(f"newslint.output.{fmt}_format")
    return module.render(results, report)
