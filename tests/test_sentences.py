import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.document.sentences import _word_before, split_sentences


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith went to Washington. He said no.", ["Mr. Smith went to Washington.", "He said no."]),
        ("The U.S. economy grew 3.5 percent. Prices rose.", ["The U.S. economy grew 3.5 percent.", "Prices rose."]),
        ("Officials in the U.K. said so. The U.N. agreed.", ["Officials in the U.K. said so.", "The U.N. agreed."]),
        ("He talked with the U.S. The talks ended.", ["He talked with the U.S.", "The talks ended."]),
        ("It was 10 a.m. on Jan. 5. Then it rained.", ["It was 10 a.m. on Jan. 5.", "Then it rained."]),
        (
            "Gen. Milley and Dr. Ruiz spoke, e.g. on aid. Later, i.e. today, too.",
            ["Gen. Milley and Dr. Ruiz spoke, e.g. on aid.", "Later, i.e. today, too."],
        ),
        ("J. R. R. Tolkien wrote it. He died.", ["J. R. R. Tolkien wrote it.", "He died."]),
        ('"Really?" he asked. "Yes." She left.', ['"Really?" he asked.', '"Yes."', "She left."]),
        ("He said “no.” Then he left!", ["He said “no.”", "Then he left!"]),
        ("She paused... and went on. Wait... Then stop.", ["She paused... and went on.", "Wait...", "Then stop."]),
        ("Progress. the interplay matters.", ["Progress.", "the interplay matters."]),
        (
            "Acme Inc. The company grew. Acme Inc. shares rose.",
            ["Acme Inc.", "The company grew.", "Acme Inc. shares rose."],
        ),
        ("Pi is 3.14159 exactly? No.", ["Pi is 3.14159 exactly?", "No."]),
        (
            "About 4.9 million bbl. of oil spilled. It weighs 5 lb. The rest is water.",
            ["About 4.9 million bbl. of oil spilled.", "It weighs 5 lb.", "The rest is water."],
        ),
        ("", []),
    ],
)
def test_split(text, expected):
    assert sentences(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='aZ.. (’"x', max_size=60), st.integers(min_value=0, max_value=60))
def test_word_before_is_the_letter_run_ending_there(text, end):
    """The hand-written backward scan finds what ``([A-Za-z][A-Za-z.]*)$`` finds in a 40-character window."""
    end = min(end, len(text))
    found = re.search(r"([A-Za-z][A-Za-z.]*)$", text[max(0, end - 40) : end])
    assert _word_before(text, end) == (found.group(1).lower() if found else "")


# -- the splitter decides as the plain version below did, candidate by candidate ---------------
# split_sentences finds the next word's quotes and first letter in its one scan and reads the
# word before a period on the reversed text; this is the splitter as first written, kept to pin it.
_REF_CANDIDATE = re.compile(r"(?:\.\.\.|…|[.!?]+)[\"'”’)\]»]*(?=\s+|$)")
_REF_NEXT = re.compile(r"\s+([\"'“‘(\[«]*)(\S*)")


_REF_LETTERS_DOT = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


def _reference_word_before(text, end):
    lo, j = max(0, end - 40), end
    while j > lo and text[j - 1] in _REF_LETTERS_DOT:
        j -= 1
    while j < end and text[j] == ".":
        j += 1
    return text[j:end].lower()


def _reference_is_boundary(text, m):
    from newslint.document.sentences import CLOSERS, ENDERS, OPENERS, TITLES

    nxt = _REF_NEXT.match(text, m.end())
    if nxt is None:
        return True
    opener, word = nxt.group(1), nxt.group(2)
    if not word:
        return bool(opener)
    first = word[0]
    mark = m.group(0).rstrip(CLOSERS)
    closed = len(mark) < len(m.group(0))
    if mark in ("...", "…"):
        return first.isupper()
    if mark[-1] in "!?":
        return not (closed and first.islower())
    token = _reference_word_before(text, m.start())
    if token and not closed:
        if token in TITLES or (len(token) == 1 and token.isalpha() and text[m.start() - 1].isupper()):
            return False
        if token in ENDERS or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
            w = re.match(r"[A-Za-z]+", word)
            return bool(first.isupper() and w and w.group(0).lower() in OPENERS)
    return not (first.isdigit() and token in ("no", "nos", "p", "pp"))


def reference_split(text):
    spans, start = [], 0
    for m in _REF_CANDIDATE.finditer(text):
        if m.end() > start and _reference_is_boundary(text, m):
            spans.append((start, m.end()))
            start = m.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return tuple(out)


SPLIT_PIECES = st.sampled_from(
    [
        *"aZx5. \n\t\u00a0…!?\"'”’)]»“‘([«",
        "...",
        "....",
        "?.",
        "!.",
        "Mr",
        "mr",
        "J",
        "e.g",
        "U.S",
        "a.m",
        "Inc",
        "etc",
        "No",
        "pp",
        "The",
        "the",
        "said",
        "hospital",
        "Approx",
        "sept",
        "Corp",
        "xblvd",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmn",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(SPLIT_PIECES, max_size=40).map("".join))
def test_split_equals_the_reference_on_made_up_text(text):
    split_sentences.cache_clear()
    assert split_sentences(text) == reference_split(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("See No.) 5 here.", ((0, 16),)),  # a figure after "No." with a closer: no boundary
        ("See No. 5. Then go.", ((0, 10), (11, 19))),
        ("x ab" + ".c" * 19 + ". Zed went.", ((0, 43), (44, 53))),  # 40 characters back: not an initialism
        ("x b" + ".c" * 19 + ". Zed went.", ((0, 52),)),  # an initialism, then no sentence opener
        ("It cost Approx. Ten went. Acme Corp. The end.", ((0, 25), (26, 36), (37, 45))),  # any case
    ],
)
def test_split_edges(text, expected):
    assert split_sentences(text) == reference_split(text) == expected


def test_split_equals_the_reference_on_real_text():
    from conftest import ROOT

    paths = [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "tests" / "fixtures").rglob("*.*"))]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths if p.suffix in (".txt", ".md")]
    lines = [line for t in texts for line in t.splitlines()]
    assert len(lines) > 500
    for text in [*texts, *lines]:
        assert split_sentences(text) == reference_split(text), text[:200]
