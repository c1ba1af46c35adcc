"""Suppression bookkeeping: a newslint-disable comment that silences nothing."""

from __future__ import annotations

from newslint.registry import register
from newslint.rule import Rule
from newslint.suppress import UNUSED_ID


@register
class UnusedSuppression(Rule):
    """The runner reports these after applying the inline directives (see newslint.suppress);
    the rule object gives them an id, a severity and documentation, and lets them be selected."""

    id = UNUSED_ID
    summary = "A newslint-disable comment that silences nothing, or names no known rule."
    description = (
        "Reports each rule or category named in a newslint-disable, -disable-line or -disable-next-line "
        "comment that silenced no finding, and names that are neither a rule nor a category, so that stale "
        "suppressions do not hide future problems. Directives for rules that did not run are not judged. "
        "Off by default; --report-unused-suppressions (on by default when CI=true) or select turns it on."
    )
    severity = "warning"
    fixable = "never"
    enabled_by_default = False
    document_level = True
    examples = {
        "bad": ["<!-- newslint-disable-next-line spelling/misspelings -->"],
        "good": ["<!-- newslint-disable-next-line spelling -->"],
    }
