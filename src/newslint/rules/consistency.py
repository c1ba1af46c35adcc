"""Consistency rules: one term, one spelling per article."""

from __future__ import annotations

import re
from collections import Counter

from newslint.registry import register
from newslint.rule import Rule

_HYPHENATED = re.compile(r"(?<![\w\-])[^\W\d_]+(?:-[^\W\d_]+)+(?![\w\-])")
_LEAD = "\"'“‘(«["

_VARIANTS: list[tuple[list[str], str | None]] | None = None


def load_variants() -> list[tuple[list[str], str | None]]:
    """(forms, marked news-wire form or None) for each line of rules/data/variants.txt."""
    global _VARIANTS
    if _VARIANTS is None:
        from newslint.registry import shipped_rules_dir

        out = []
        path = shipped_rules_dir() / "data" / "variants.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            forms, marked = [], None
            for part in line.split("|"):
                part = part.strip()
                if part.startswith("*"):
                    part = part[1:].strip()
                    marked = part
                if part:
                    forms.append(part)
            if len(forms) >= 2:
                out.append((forms, marked))
        _VARIANTS = out
    return _VARIANTS


def _form_pattern(form: str) -> str:
    first = form[0]
    head = f"[{first}{first.upper()}]" if first.islower() else re.escape(first)
    body = r"\s+".join(re.escape(w) for w in form[1:].split(" "))
    return rf"(?<![\w]){head}{body}(?![\w$£€])"  # not "US$5", a currency


_ALPHA = re.compile(r"[^\W\d_]+")
_INDEX: dict[str, list] | None = None


def _variant_index() -> dict[str, list]:
    """Forms by their first word, lowercased: (term index, form index, anchored pattern)."""
    global _INDEX
    if _INDEX is None:
        index: dict[str, list] = {}
        for i, (forms, _marked) in enumerate(load_variants()):
            for j, form in enumerate(forms):
                key = _ALPHA.match(form).group(0).lower()
                index.setdefault(key, []).append((i, j, _form_pattern(form)))
        for options in index.values():
            options.sort(key=lambda o: -len(o[2]))  # longer forms first: "per cent" before "per"
        _INDEX = index
    return _INDEX


_FIRST: re.Pattern | None = None


def _first_words() -> re.Pattern:
    """Finds the words that can begin a listed form (any case), so other words cost nothing."""
    global _FIRST
    if _FIRST is None:
        words = sorted(_variant_index(), key=len, reverse=True)
        _FIRST = re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, words)) + r")(?![^\W\d_])", re.I)
    return _FIRST


def _after_capital(text: str, pos: int) -> bool:
    """True when the word before ``pos`` is capitalized (``pos`` is inside a name)."""
    prev = re.search(r"([^\W\d_])[\w’'-]*\s+$", text[max(0, pos - 60) : pos])
    return bool(prev and prev.group(1).isupper())


_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")


def _shouting(text: str) -> bool:
    """Mostly capital letters: a headline set in capitals ("LET US GO")."""
    upper = len(_UPPER.findall(text))
    return upper > 1.5 * len(_LOWER.findall(text)) and upper > 0


@register
class Variant(Rule):
    id = "consistency/variant"
    summary = "The same term spelled two ways in one article (US and U.S., e-mail and email)."
    description = (
        "Finds terms an article spells in more than one way: the pairs listed in rules/data/variants.txt "
        "(`U.S.`/`US`, `U.K.`/`UK`, `email`/`e-mail`, `percent`/`per cent`, ...) and case variants of one "
        "hyphenated word (`trust-building` and `trust-Building`). It flags the minority form with the "
        "majority as an unsafe fix; on a tie, the form that appears later. For the dotted abbreviations the "
        "news-wire form (`U.S.`, `U.K.`, `U.N.`, `EU`, as in AP, Reuters and NYT style) wins over the "
        "counts; set the `prefer` option to your house forms (for example `[US, UK]`) to choose otherwise. "
        "Case variants are compared only inside sentences: a capital at the start of a sentence, list "
        "item or cell is not a variant, headings and table cells in title case and words inside a name "
        "(`Inter-American Press Association`) are not counted, and a "
        "form is flagged only for capitals the majority does not have (a lowercased name is "
        "casing/proper-noun's finding) and only where the article writes the capitalized part as a "
        "lowercase word elsewhere (so `Anti-Semite` is never flagged against `anti-semite`)."
    )
    severity = "warning"
    fixable = "always"
    document_level = True
    options = {"prefer": []}
    examples = {
        "bad": ["Prices rose 5 percent in May and 3 percent in June, after 2 per cent in April."],
        "good": ["Prices rose 5 percent in May; officials in the U.S. and the U.K. said e-mail traffic fell."],
    }

    def check_document(self, doc, ctx):
        blocks = [
            b
            for b in doc.blocks
            if b.kind in ("paragraph", "heading", "list_item", "table_cell") and b.text and not _shouting(b.text)
        ]
        prefer = set(ctx.options.get("prefer") or [])
        yield from self._listed(blocks, prefer)
        yield from self._case_variants(doc, blocks, ctx)

    # -- listed spellings --------------------------------------------------------------------
    def _listed(self, blocks, prefer):
        variants = load_variants()
        index = _variant_index()
        hits: dict[int, list] = {}
        for order, block in enumerate(blocks):
            text = block.text
            last_end = 0
            for w in _first_words().finditer(text):
                if w.start() < last_end:
                    continue
                for i, j, pattern in index.get(w.group(0).lower(), ()):
                    m = re.compile(pattern).match(text, w.start())  # compiled when first needed, then cached by re
                    if m is None:
                        continue
                    form = variants[i][0][j]
                    if form[0].islower() and m.group(0)[0].isupper() and _after_capital(text, m.start()):
                        break  # inside a name: the Organization for European Economic Cooperation
                    hits.setdefault(i, []).append((order, m.start(), j, block, m))
                    last_end = m.end()
                    break
        for i, found in hits.items():
            forms, marked = variants[i]
            counts = Counter(j for *_, j, _b, _m in found)
            if len(counts) < 2:
                continue
            first_seen = {}
            for order, start, j, _b, _m in found:
                first_seen.setdefault(j, (order, start))
            chosen = [j for j in counts if forms[j] in prefer]
            if len(chosen) == 1:
                keep, why = chosen[0], "your house form"
            elif marked is not None and forms.index(marked) in counts:
                keep, why = forms.index(marked), "the news-wire form"
            else:
                keep = max(counts, key=lambda j: (counts[j], [-x for x in first_seen[j]]))
                why = (
                    "the article's more frequent form"
                    if counts[keep] > min(counts.values())
                    else "the form it uses first"
                )
            right = forms[keep]
            for _order, _start, j, block, m in found:
                if j == keep:
                    continue
                wrong = m.group(0)
                replacement = right[0].upper() + right[1:] if wrong[0].isupper() and right[0].islower() else right
                yield self.report(
                    block,
                    m.start(),
                    m.end(),
                    f"This article writes both '{forms[j]}' and '{right}': use '{replacement}' ({why}).",
                    replacement,
                    "unsafe",
                )

    # -- case variants of hyphenated words ------------------------------------------------------
    def _case_variants(self, doc, blocks, ctx):
        from newslint.document.sentences import split_sentences
        from newslint.rules.capitalization import classify_heading, word_evidence

        evidence = word_evidence(doc, ctx)

        occurrences: dict[str, list] = {}
        for order, block in enumerate(blocks):
            text = block.text
            if block.kind in ("heading", "table_cell") and classify_heading(text) != "sentence":
                continue  # title case (or too short to tell): capitals there are style, not spelling
            starts = set()
            for a, _b in split_sentences(text):
                while a < len(text) and text[a] in _LEAD:
                    a += 1
                starts.add(a)
            for m in re.finditer(r"(?:^|(?<=:\s)|(?<=[\"“‘(]))", text):
                starts.add(m.start())
            for m in _HYPHENATED.finditer(text):
                word = m.group(0)
                parts = word.split("-")
                if any(p.isupper() and len(p) > 1 for p in parts):
                    continue  # US-Russia: acronyms are compared by the listed pairs
                at_start = m.start() in starts
                nxt = re.compile(r"\s+([^\W\d_])").match(text, m.end())
                if (nxt and nxt.group(1).isupper()) or (not at_start and _after_capital(text, m.start())):
                    continue  # part of a name: Inter-American Press Association, the Pre-Legislative Forum
                norm = word[0].lower() + word[1:] if at_start else word
                occurrences.setdefault(word.lower(), []).append((order, m.start(), norm, at_start, block, m))
        for found in occurrences.values():
            counts = Counter(o[2] for o in found)
            if len(counts) < 2:
                continue
            first_seen = {}
            for order, start, norm, *_rest in found:
                first_seen.setdefault(norm, (order, start))

            def capitals(form: str) -> int:
                return sum(c.isupper() for c in form[1:])

            keep = max(counts, key=lambda f: (counts[f], -capitals(f), [-x for x in first_seen[f]]))
            for _order, _start, norm, at_start, block, m in found:
                if norm == keep or capitals(norm) <= capitals(keep):
                    continue
                extra = [p for p, q in zip(norm.split("-"), keep.split("-")) if p[:1].isupper() and q[:1].islower()]
                if not all(evidence[(p.lower(), False)] > 0 and evidence[(p.lower(), True)] == 0 for p in extra):
                    continue  # the extra capital may be a name: Anti-Semite, pro-Soviet
                wrong = m.group(0)
                replacement = keep
                if at_start and wrong[0].isupper():
                    replacement = keep[0].upper() + keep[1:]
                yield self.report(
                    block,
                    m.start(),
                    m.end(),
                    f"This article writes '{keep}' elsewhere: write '{replacement}' instead of '{wrong}'.",
                    replacement,
                    "unsafe",
                )
