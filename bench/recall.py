"""Recall on injected errors: does newslint find what an editor would circle?

Takes the clean news paragraphs of the Brown corpus (see corpus.py), damages each with
exactly one error of one class (seeded, so every run injects the same errors), lints the
damaged articles with the default rules and counts a hit when a finding (any rule outside
style and readability) starts on the error's line within 3 columns of the error's start.

Classes:
  proper-noun     a capitalised proper noun mid-sentence (Brown tag np*) written lowercase
  comma-space     the space after a comma (before a letter) deleted
  period-space    the space after a sentence-final period (before the next sentence) deleted
  typo            a transposed, dropped or doubled letter in a common lowercase word; the
                  result is not itself a word
  article         a/an swapped (a enduring, an peace)
  sentence-start  a sentence's first letter lowercased

    python bench/recall.py
    python bench/recall.py --show-misses typo
    python bench/recall.py --per-class 300 --seed 2
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import corpus
import precision

CLASSES = ("proper-noun", "comma-space", "period-space", "typo", "article", "sentence-start")
TARGET = 0.95
WINDOW = 3
NAME = re.compile(r"[A-Z][a-z]+(?:['’]s)?")
WORD = re.compile(r"[a-z]+")
OPEN_QUOTES = "“‘\"'("
UNTAGGED_NAME = re.compile(r"(?<![\w'’.-])[A-Z][a-z]+(?:['’]s)?(?![\w'’-])")
SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9][.!?])[\"”’]?\s+(?=[\"“‘(]?[A-Z])")


@dataclass
class Injection:
    cls: str
    para: corpus.Paragraph  # the damaged copy
    start: int  # where the error starts in the damaged text
    before: str  # the original piece of text
    after: str  # what it became
    detail: str = ""  # e.g. the typo operation


# -- word lists ------------------------------------------------------------------------------
def _frequency_words() -> list[str]:
    """Words of symspellpy's English frequency dictionary (a newslint dependency), most frequent first."""
    import importlib.util

    spec = importlib.util.find_spec("symspellpy")
    if spec is None or not spec.origin:
        return []
    path = Path(spec.origin).parent / "frequency_dictionary_en_82_765.txt"
    if not path.is_file():
        return []
    return [line.split(" ", 1)[0] for line in path.read_text(encoding="utf-8").splitlines() if line]


class Lexicon:
    """Known words (symspellpy's 82,765 and every word of Brown) and the common ones (top 20,000)."""

    def __init__(self) -> None:
        freq = _frequency_words()
        self.common = set(freq[:20000])
        self.known = set(freq)
        for p in corpus.load("".join(corpus.CATEGORIES), headings=True):
            self.known.update(w.lower() for w in re.findall(r"[A-Za-z]+", p.text))
        system = Path("/usr/share/dict/words")  # Debian's wamerican, when installed
        if system.is_file():
            self.known.update(w.lower() for w in system.read_text(encoding="utf-8", errors="replace").split())
        if not self.common:  # no symspellpy: fall back to Brown's frequent words
            counts = Counter(w for w in self.known)
            self.common = {w for w, _ in counts.most_common(20000)}


# -- injections ------------------------------------------------------------------------------
def lee_paragraphs() -> list[corpus.Paragraph]:
    """The Lee articles cut into paragraphs of two sentences (one error goes in each paragraph; the
    article keeps its other paragraphs, so its own evidence stays)."""
    out = []
    for art in corpus.load_lee():
        sentences = SENTENCE_BREAK.split(art.text)
        for k in range(0, len(sentences), 2):
            text = " ".join(sentences[k : k + 2])
            out.append(corpus.Paragraph(art.doc, art.category, k // 2, "paragraph", text))
    return out


def _damage(p: corpus.Paragraph, start: int, end: int, new: str) -> corpus.Paragraph:
    return corpus.Paragraph(p.doc, p.category, p.index, p.kind, p.text[:start] + new + p.text[end:], [], [])


def _mid_sentence(p: corpus.Paragraph, start: int) -> bool:
    """Not the first word of a sentence (after an optional opening quote or parenthesis)."""
    before = p.text[:start].rstrip(OPEN_QUOTES).rstrip()
    return bool(before) and before[-1] not in ".?!:;\u2014" and not before.endswith(("”", "’"))


def _after_abbreviation(text: str, s: int) -> bool:
    """The sentence before ``s`` ends in what may be an abbreviation (``N. C.``, ``etc.``, ``Mo.``,
    ``p.m.``): a lowercase word after it is not certainly a sentence start, so no error goes there."""
    m = re.search(r"(\S+)\.[”’]?\s+$", text[:s])
    if not m:
        return False
    word = m.group(1).lstrip("(“‘\"'")
    return "." in word or word.lower() == "etc" or (len(word) <= 4 and word[:1].isupper())


def sites(cls: str, p: corpus.Paragraph, lex: Lexicon) -> list[tuple[int, int, str, str]]:
    """Every place in ``p`` where an error of ``cls`` can go: (start, end, replacement, detail);
    the error starts at ``start``."""
    text = p.text
    out: list[tuple[int, int, str, str]] = []
    if cls == "proper-noun" and not p.tokens:  # an untagged corpus (Lee): any capitalised word mid-sentence
        for m in UNTAGGED_NAME.finditer(text):
            if len(m.group(0)) >= 3 and _mid_sentence(p, m.start()):
                out.append((m.start(), m.end(), m.group(0).lower(), m.group(0)))
    elif cls == "proper-noun":
        for s, e, tag in p.tokens:
            base = corpus.base_tag(tag)
            word = text[s:e]
            if base.startswith("np") and NAME.fullmatch(word) and len(word) >= 3 and _mid_sentence(p, s):
                out.append((s, e, word.lower(), word))
    elif cls == "comma-space":
        for m in re.finditer(r", (?=[A-Za-z])", text):
            out.append((m.start(), m.end(), ",", ""))
    elif cls == "period-space":
        for s in p.sentences:
            if s >= 2 and text[s - 2 : s] == ". " and text[s : s + 1].isupper():
                out.append((s - 2, s, ".", ""))
    elif cls == "sentence-start":
        for s in p.sentences:
            i = s
            while i < len(text) and text[i] in OPEN_QUOTES:
                i += 1
            word = re.match(r"[A-Za-z]+", text[i:])
            if not word or not text[i].isupper() or word.group() == "I":
                continue
            w = word.group()
            if len(w) > 1 and w[1:].lower() != w[1:]:  # an acronym or a name like McNair
                continue
            if s == 0 or (text[s - 2 : s] in (". ", "? ", "! ", "” ", "’ ") and not _after_abbreviation(text, s)):
                out.append((i, i + 1, text[i].lower(), w))
    elif cls == "article":
        for s, e, tag in p.tokens:
            word = text[s:e]
            if corpus.base_tag(tag) != "at" or word.lower() not in ("a", "an"):
                continue
            nxt = re.match(r" ([A-Za-z][\w'’-]*)", text[e:])
            if not nxt:
                continue
            following = nxt.group(1)
            if word.lower() == "a":
                if following[0].lower() == "h":  # "an historic" is old-fashioned, not wrong
                    continue
                if following[0].lower() in "aeio" and not following.lower().startswith(("one", "once", "eu", "ewe")):
                    continue  # Brown's own slips ("armed with a automatic"): swapping would correct them
                new = "An" if word == "A" else "an"
            else:
                new = "A" if word == "An" else "a"
            out.append((s, e, new, f"{word} {following}"))
    elif cls == "typo":
        for s, e, tag in p.tokens:
            word = text[s:e]
            if not WORD.fullmatch(word) or len(word) < 3 or word not in lex.common:
                continue
            if corpus.base_tag(tag).startswith("np"):
                continue
            out.append((s, e, "", word))  # the damaged form is chosen at injection time
    return out


def typo_variants(word: str, lex: Lexicon) -> list[tuple[str, str]]:
    """(damaged word, operation) pairs that are not themselves words."""
    out = []
    for i in range(len(word) - 1):
        if word[i] != word[i + 1]:
            out.append((word[:i] + word[i + 1] + word[i] + word[i + 2 :], "transposed"))
    for i in range(len(word)):
        if len(word) > 3:
            out.append((word[:i] + word[i + 1 :], "dropped"))
    for i in range(len(word)):
        out.append((word[: i + 1] + word[i] + word[i + 1 :], "doubled"))
    return [(w, op) for w, op in dict.fromkeys(out) if w not in lex.known]


def inject(paragraphs: list[corpus.Paragraph], per_class: int, seed: int, lex: Lexicon) -> list[Injection]:
    """One error per paragraph, classes in turn, ``per_class`` of each (fewer if sites run out)."""
    rng = random.Random(seed)
    # how often each sample writes each capitalised word: a lowercased name is findable from the
    # article itself only when the sample also writes it capitalised elsewhere
    names_in_doc: dict[str, Counter] = defaultdict(Counter)
    for p in paragraphs:
        names_in_doc[p.doc].update(re.findall(r"\b[A-Z][a-z]+\b", p.text))
    damaged_names: dict[str, set[str]] = defaultdict(set)
    order = list(range(len(paragraphs)))
    rng.shuffle(order)
    counts = Counter()
    chosen: dict[int, Injection] = {}
    for k in order:
        p = paragraphs[k]
        wanted = sorted((c for c in CLASSES if counts[c] < per_class), key=lambda c: (counts[c], CLASSES.index(c)))
        if not wanted:
            break
        for cls in wanted:
            candidates = sites(cls, p, lex)
            rng.shuffle(candidates)
            inj = None
            for s, e, new, detail in candidates:
                if cls == "typo":
                    variants = typo_variants(detail, lex)
                    if not variants:
                        continue
                    new, op = rng.choice(variants)
                    detail = f"{op}: {detail} -> {new}"
                if cls == "proper-noun":
                    name = p.text[s:e].split("'")[0].split("’")[0]
                    if name in damaged_names[p.doc]:
                        continue  # one lowercased "barnett" per article, not four that outvote its "Barnett"s
                    seen = names_in_doc.get(p.doc, Counter())[name]
                    detail = "evidence" if seen >= 2 else "no evidence"
                    damaged_names[p.doc].add(name)
                inj = Injection(cls, _damage(p, s, e, new), s, p.text[s:e], new, detail)
                break
            if inj:
                chosen[k] = inj
                counts[cls] += 1
                break
    return [chosen[k] for k in sorted(chosen)]


# -- scoring ----------------------------------------------------------------------------------
def score(injections: list[Injection], paragraphs: list[corpus.Paragraph], fmt: str = "txt"):
    """Lint the damaged articles (each Brown sample one article, undamaged paragraphs kept) and
    return {injection index: [hits]} plus the list of all findings."""
    damaged = {(inj.para.doc, inj.para.index): i for i, inj in enumerate(injections)}
    paras = []
    for p in paragraphs:
        i = damaged.get((p.doc, p.index))
        paras.append(injections[i].para if i is not None else p)
    linter, config = precision.make_linter()
    findings = precision.lint_articles(precision.group_by_doc(paras), linter, config, fmt)
    by_para: dict[tuple[str, int], list[precision.Hit]] = defaultdict(list)
    for h in findings:
        by_para[(h.para.doc, h.para.index)].append(h)
    result: dict[int, list[precision.Hit]] = {}
    for i, inj in enumerate(injections):
        near = [
            h
            for h in by_para[(inj.para.doc, inj.para.index)]
            if h.category not in precision.APART and abs(h.start - inj.start) <= WINDOW
        ]
        result[i] = near
    return result, findings


def context(inj: Injection, width: int = 50) -> str:
    t = inj.para.text
    s, e = inj.start, inj.start + len(inj.after)
    a, b = max(0, s - width), min(len(t), e + width)
    return ("…" if a else "") + t[a:s] + "«" + t[s:e] + "»" + t[e:b] + ("…" if b < len(t) else "")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Recall per class on Brown news paragraphs with injected errors.")
    ap.add_argument(
        "--corpus",
        choices=("brown", "lee", "modern"),
        default="brown",
        help="brown (tagged; every class), lee (ABC news 2001) or modern (news of 2010-2023; see modern.py): "
        "untagged, proper-noun only",
    )
    ap.add_argument("--categories", default=corpus.NEWS)
    ap.add_argument("--quotes", choices=sorted(corpus.QUOTES), default="curly")
    ap.add_argument("--format", choices=("txt", "md"), default="txt")
    ap.add_argument("--per-class", type=int, default=500, help="errors per class (default 500)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show-misses", metavar="CLASS", help="print the missed errors of CLASS (or 'all')")
    ap.add_argument(
        "--show-hits", metavar="CLASS", help="print the found errors of CLASS with the rule that found them"
    )
    ap.add_argument("--limit", type=int, default=60, help="at most this many examples per class (default 60)")
    args = ap.parse_args(argv)

    global CLASSES
    if args.corpus == "lee":
        paragraphs = lee_paragraphs()
        CLASSES = ("proper-noun",)  # Lee has no tags, no sentence offsets: the other classes need them
        source = "Lee (ABC news 2001), any capitalised word mid-sentence as the proper noun"
    elif args.corpus == "modern":
        paragraphs = corpus.load_modern()
        CLASSES = ("proper-noun",)
        source = "modern news (2010-2023, 56 articles), any capitalised word mid-sentence as the proper noun"
    else:
        paragraphs = corpus.load(args.categories, args.quotes)
        source = f"Brown {', '.join('c' + c for c in sorted(set(args.categories)))}"
    lex = Lexicon()
    injections = inject(paragraphs, args.per_class, args.seed, lex)
    result, findings = score(injections, paragraphs, args.format)

    total = Counter(inj.cls for inj in injections)
    hit = Counter(inj.cls for i, inj in enumerate(injections) if result[i])
    by_rule: dict[str, Counter] = defaultdict(Counter)
    for i, inj in enumerate(injections):
        for rule in {h.rule for h in result[i]}:
            by_rule[inj.cls][rule] += 1
    words = sum(p.words for p in paragraphs)
    print(
        f"newslint recall on {source} "
        f"({words:,} words, {len(injections):,} paragraphs damaged, one error each, seed {args.seed}); "
        f"a hit is a finding within {WINDOW} columns of the error on its line"
    )
    print()
    print(f"{'class':<16} {'errors':>6} {'found':>6} {'recall':>7}  rules that found them")
    all_ok = True
    for cls in CLASSES:
        n, k = total[cls], hit[cls]
        r = k / n if n else 0.0
        all_ok &= r >= TARGET
        rules = ", ".join(f"{rule} {c}" for rule, c in by_rule[cls].most_common(4))
        flag = "" if r >= TARGET else "  < target"
        print(f"{cls:<16} {n:>6} {k:>6} {100 * r:>6.1f}%  {rules}{flag}")
    pn = [(inj.detail, bool(result[i])) for i, inj in enumerate(injections) if inj.cls == "proper-noun"]
    parts = []
    for label in ("evidence", "no evidence"):
        sub = [found for d, found in pn if d == label]
        if sub:
            parts.append(f"{label} {sum(sub)}/{len(sub)} ({100 * sum(sub) / len(sub):.1f}%)")
    if parts:
        print(f"  proper-noun by article evidence (the name also capitalised elsewhere): {'; '.join(parts)}")
    n, k = sum(total.values()), sum(hit.values())
    print(f"{'overall':<16} {n:>6} {k:>6} {100 * k / max(n, 1):>6.1f}%   (target: >= {100 * TARGET:.0f}% per class)")
    # findings elsewhere in the damaged paragraphs (not the injected error): a side view of precision
    near_ids = {id(h) for hs in result.values() for h in hs}
    stray = Counter(h.rule for h in findings if id(h) not in near_ids and h.category not in precision.APART)
    if stray:
        print(f"\nother findings in the same text (not at an injected error): {sum(stray.values())}")
        for rule, c in stray.most_common():
            print(f"    {rule:<36} {c}")

    for which, want_hit in ((args.show_misses, False), (args.show_hits, True)):
        if not which:
            continue
        for cls in CLASSES:
            if which not in ("all", cls):
                continue
            chosen = [(i, inj) for i, inj in enumerate(injections) if inj.cls == cls and bool(result[i]) == want_hit]
            print(f"\n{'found' if want_hit else 'missed'} {cls}: {len(chosen)}")
            for i, inj in chosen[: args.limit]:
                extra = f" [{inj.detail}]" if inj.detail else ""
                rules = f"  <- {', '.join(sorted({h.rule for h in result[i]}))}" if want_hit else ""
                print(
                    f"  {inj.para.doc}#{inj.para.index}:{inj.start + 1} {inj.before!r} -> {inj.after!r}{extra}{rules}"
                )
                print(f"      {context(inj)}")
    return 0 if all_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
