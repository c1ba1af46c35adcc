"""Consistency rules: one term, one spelling per article."""

from __future__ import annotations

import re
from collections import Counter

from newslint.registry import register
from newslint.rule import Rule

_HYPHENATED = re.compile(r"(?<![\w\-])[^\W\d_]+(?:-[^\W\d_]+)+(?![\w\-])")
_LEAD = "\"'“‘(«["
_INNER_HYPHEN = re.compile(r"-(?<=[^\W\d_]-)(?=[^\W\d_])")  # opens with the literal: found in C
_BACK = re.compile(r"(?:[^\W\d_]|-)*")


def _hyphenated_words(text: str) -> list[tuple[int, str]]:
    """(start, word) of the hyphenated words (``_HYPHENATED``) of ``text``, found from their inner hyphens."""
    found = []
    end = 0
    for h in _INNER_HYPHEN.finditer(text):
        pos = h.start()
        if pos < end:
            continue  # a later hyphen of the word just read
        # back over letters ([^\W\d_]) and hyphens to where the word can begin: the run that opens the
        # reversed text before the hyphen (one match in C), read on back while it fills the window
        start = pos
        while start > 0:
            window = text[max(0, start - 40) : start][::-1]
            run = _BACK.match(window).end()
            start -= run
            if run < len(window):
                break
        m = _HYPHENATED.match(text, start)
        if m is None or m.end() <= pos:
            continue
        end = m.end()
        found.append((m.start(), m.group(0)))
    return found


def _case_candidates(text: str) -> dict[str, list[int]]:
    """Positions of the hyphenated words (``_HYPHENATED``) that can be case variants, by lowercased word:
    written in two ways after the first letter, one of them with a capital there (only such a form is
    flagged). Python runs only at the hyphens between letters."""
    found = _hyphenated_words(text)
    # islower(): no capital after the first letter, in C (else look for one)
    inner = {w.lower() for _, w in found if not w[1:].islower() and any(c.isupper() for c in w[1:])}
    if not inner:
        return {}
    places: dict[str, list[int]] = {}
    tails: dict[str, set[str]] = {}
    for at, w in found:
        if w.lower() in inner:
            places.setdefault(w.lower(), []).append(at)
            tails.setdefault(w.lower(), set()).add(w[1:])
    # a form is flagged for more capitals after its first letter than another form has: two forms
    # that differ only in the first letter (a sentence start) or not at all never are
    return {key: at for key, at in places.items() if len(tails[key]) >= 2}


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
    return rf"(?<![\w]){_head(form)}{_body(form)}(?![\w$£€])"  # not "US$5", a currency


_FORMS: dict | None = None


def _forms_by_key() -> dict[bytes, list[tuple[int, frozenset[bytes]]]]:
    """The listed forms by their key: (term index, runs) where the runs are the form's runs of ASCII
    letters, lowercased (words of any document that writes the form: ``ProseText.words``) and the key
    is the longest of them. A document is tested only for the forms whose key it has."""
    global _FORMS
    if _FORMS is None:
        out: dict[bytes, list] = {}
        for i, (forms, _marked) in enumerate(load_variants()):
            for form in forms:
                runs = [r.lower().encode() for r in _ALPHA.findall(form) if r.isascii()]
                key = max(reversed(runs), key=len) if runs else b""  # b"": no ASCII run, always tested
                out.setdefault(key, []).append((i, frozenset(runs)))
        _FORMS = out
    return _FORMS


_ALPHA = re.compile(r"[^\W\d_]+")
_PATTERNS: dict[frozenset, tuple[re.Pattern, list]] = {}


def _pattern_for(terms: frozenset) -> tuple[re.Pattern, list[tuple[int, int]]]:
    """One pattern for the forms of ``terms`` (longer patterns first, as a pass form by form would try
    them) and the (term, form) of each of its groups. It opens with a class of the forms' first
    letters, so the engine skips in C to the places where a form can start."""
    found = _PATTERNS.get(terms)
    if found is None:
        variants = load_variants()
        alts = sorted(
            ((i, j, form) for i in sorted(terms) for j, form in enumerate(variants[i][0])),
            key=lambda a: -len(_form_pattern(a[2])),
        )
        firsts = "".join(sorted({c for *_, f in alts for c in (f[0], f[0].upper() if f[0].islower() else f[0])}))
        cls = "[" + re.escape(firsts) + "]"
        body = "|".join(f"(?<={_head(f)})({_body(f)})" for *_, f in alts)
        # one look-ahead after the alternation (backtracking into it tries the next form, as before)
        pattern = re.compile(f"{cls}(?<![\\w]{cls})(?:{body})(?![\\w$£€])")
        found = _PATTERNS[terms] = (pattern, [(i, j) for i, j, _ in alts])
    return found


def _head(form: str) -> str:
    first = form[0]
    return f"[{first}{first.upper()}]" if first.islower() else re.escape(first)


def _body(form: str) -> str:
    return r"\s+".join(re.escape(w) for w in form[1:].split(" "))


def _after_capital(text: str, pos: int) -> bool:
    """True when the word before ``pos`` is capitalized (``pos`` is inside a name)."""
    prev = re.search(r"([^\W\d_])[\w’'-]*\s+$", text[max(0, pos - 60) : pos])
    return bool(prev and prev.group(1).isupper())


_UPPER = bytes(range(65, 91))
_LOWER = bytes(range(97, 123))


def _shouting(text: str) -> bool:
    """Mostly capital letters (A-Z against a-z): a headline set in capitals ("LET US GO")."""
    data = text.encode("utf-8", "replace")  # ASCII letters are the same bytes; no other byte is one
    upper = len(data) - len(data.translate(None, _UPPER))
    return upper > 1.5 * (len(data) - len(data.translate(None, _LOWER))) and upper > 0


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
        from newslint.kinds.matcher import prose_text

        prose = prose_text(doc, ctx)
        shouting: dict[int, bool] = {}  # a headline in capitals is left out; decided for blocks with a hit only

        def counted(k: int) -> bool:
            if k not in shouting:
                shouting[k] = _shouting(prose.blocks[k].text)
            return not shouting[k]

        prefer = set(ctx.options.get("prefer") or [])
        yield from self._listed(prose, counted, prefer)
        yield from self._case_variants(doc, prose, counted, ctx)

    # -- listed spellings --------------------------------------------------------------------
    def _listed(self, prose, counted, prefer):
        text = prose.text
        words = prose.words()
        forms = _forms_by_key()
        present = Counter(
            i for key in (*words.intersection(forms), b"") for i, runs in forms.get(key, ()) if runs <= words
        )
        terms = [i for i, n in present.items() if n >= 2]  # a term with two forms in the document
        if not terms:
            return  # no term has two forms in the document
        variants = load_variants()
        pattern, groups = _pattern_for(frozenset(terms))
        hits: dict[int, list] = {}
        pos = 0
        while True:
            m = pattern.search(text, pos)
            if m is None:
                break
            i, j = groups[m.lastindex - 1]
            k, start = prose.locate(m.start())
            block = prose.blocks[k]
            form = variants[i][0][j]
            if form[0].islower() and m.group(0)[0].isupper() and _after_capital(block.text, start):
                pos = m.start() + 1  # inside a name (the Organization for European Economic Cooperation)
                continue
            pos = m.end()
            if counted(k):
                hits.setdefault(i, []).append((k, start, j, block, (start, start + m.end() - m.start(), m.group(0))))
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
            for _order, _start, j, block, (start, end, wrong) in found:
                if j == keep:
                    continue
                replacement = right[0].upper() + right[1:] if wrong[0].isupper() and right[0].islower() else right
                yield self.report(
                    block,
                    start,
                    end,
                    f"This article writes both '{forms[j]}' and '{right}': use '{replacement}' ({why}).",
                    replacement,
                    "unsafe",
                )

    # -- case variants of hyphenated words ------------------------------------------------------
    def _case_variants(self, doc, prose, counted, ctx):
        from newslint.document.sentences import split_sentences
        from newslint.rules.capitalization import classify_heading, word_evidence

        keys = _case_candidates(prose.text)
        if not keys:
            return  # no hyphenated word written twice with an inner capital in one of them
        evidence = word_evidence(doc, ctx)
        occurrences: dict[str, list] = {}
        for order in sorted({prose.locate(pos)[0] for key in keys for pos in keys[key]}):
            block = prose.blocks[order]
            text = block.text
            if not counted(order):
                continue
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
                if word.lower() not in keys:
                    continue
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
