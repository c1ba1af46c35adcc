"""grammar/languagetool: LanguageTool's findings through newslint (opt-in, needs a server or installation).

Everything heavy lives in ``newslint.languagetool`` and is imported only when the rule runs.
"""

from __future__ import annotations

from newslint.document.model import MASK
from newslint.errors import NewslintError
from newslint.registry import register
from newslint.rule import Rule

ID = "grammar/languagetool"


@register
class LanguageTool(Rule):
    id = ID
    summary = "Grammar and style problems found by a LanguageTool server you run (opt-in)."
    description = (
        "Sends the prose of each article (headings, paragraphs, list items; never code, front matter "
        "or tables) to the LanguageTool server named by `languagetool.url`, or to the server of the "
        "installation at `languagetool.path`, and reports its matches at their exact source position. "
        "The LanguageTool rule id is in the message and in the finding's `extra`; its first suggestion "
        "is an unsafe fix. Where a newslint rule flags the same text, newslint's finding wins. "
        "Answers are cached by the text sent. On with a `languagetool:` configuration section or "
        "`newslint check --languagetool`; newslint never downloads LanguageTool."
    )
    severity = "warning"
    fixable = "sometimes"
    enabled_by_default = False
    document_level = True
    defers_to_other_rules = True
    examples = {
        "bad": ["The minister said he has a apple for every pupil."],
        "good": ["The minister said he has an apple for every pupil."],
    }

    def __init__(self, required: bool = False) -> None:
        # required: asked for with --languagetool, so a missing server is an error, not a warning
        self.required = required
        if required:
            self.enabled_by_default = True

    def enabled_for(self, config) -> bool:
        return self.enabled_by_default or getattr(config, "languagetool", None) is not None

    def check_document(self, doc, ctx):
        from newslint import languagetool as lt

        settings = getattr(ctx.config, "languagetool", None)
        if settings is None:
            message = (
                f"{ID} needs a LanguageTool server or installation: set languagetool.url or languagetool.path "
                "in the configuration"
            )
            if self.required:
                raise NewslintError(f"{doc.path}: {message}")
            lt.warn_once(f"{message}; skipped")
            return
        blocks = [b for b in doc.blocks if b.kind in lt.SCOPE and b.text.strip() and b.text.strip(MASK + " ")]
        if not blocks:
            return
        backend = lt.backend_for(settings)
        try:
            answers = backend.check_texts([b.text for b in blocks])
        except lt.LanguageToolUnavailable as exc:
            if self.required:
                raise
            lt.warn_once(f"{exc}; {ID} skipped, the other rules ran")
            return
        for block, matches in zip(blocks, answers):
            for m in matches:
                flagged = block.text[m.start : m.end]
                if MASK in flagged or not flagged.strip():
                    continue  # a URL, inline code or tag stands there: not prose
                replacement = next((r for r in m.replacements if r != flagged), None)
                message = m.message.rstrip()
                if replacement is not None and replacement and replacement not in message:
                    message = f"{message.rstrip('.')}; suggestion: '{replacement}'."
                f = self.report(block, m.start, m.end, f"{message} (LanguageTool {m.rule})", replacement, "unsafe")
                f.extra = {"languagetool": {"rule": m.rule, "category": m.category}}
                yield f


def require(selection, config) -> LanguageTool:
    """``--languagetool``: run the rule for this run, with a missing server an error (exit 2).

    Checks now that a server or installation is configured, and starts an installation's server
    before any worker process forks.
    """
    from newslint import languagetool as lt

    settings = getattr(config, "languagetool", None)
    if settings is None:
        where = f" ({config.path})" if getattr(config, "path", None) else ""
        raise NewslintError(
            "--languagetool needs a LanguageTool server or installation: set languagetool.url or "
            f"languagetool.path in the configuration{where}"
        )
    lt.backend_for(settings).start()
    rule = LanguageTool(required=True)
    selection.extra_rules.append(rule)
    if selection.select is not None and ID not in selection.select:
        selection.select.append(ID)
    return rule
