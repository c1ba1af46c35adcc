"""The rules that find their candidates in C over the whole document (sentence-start, spacing,
consistency, heading-case's word evidence) report exactly what reading every block in Python did."""

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint.config import Config
from newslint.document import parse
from newslint.registry import all_rules
from newslint.rule import Context

PIECES = st.sampled_from(
    [
        "The U.S. said so. ",
        "the US said so. ",
        "US$5 ",
        "Prices rose 5 percent. ",
        "It fell 2 per cent, ",
        "2 Per\ncent. ",
        "Send an e-mail ",
        "or an email. ",
        "The trust-building plan ",
        "needs trust-Building steps. ",
        "Trust-building helps. ",
        "the Inter-American Press Association ",
        "the Organization for European Economic Cooperation ",
        "co-operation and cooperation ",
        "Officials said: the ",
        "progress. the interplay ",
        "U.S. officials ",
        "etc. and ",
        "“Really?” he asked. ",
        "(189).A&M ",
        "contention.This ",
        "dialogue,despite ",
        "In 1961,it ",
        "a hospital.A patient ",
        "e.g. this ",
        "de Gaulle ",
        "iPhone ",
        "Building trust takes time. ",
        "building work ",
        "said:the ",
        "Trust-Building ",
        "the Trust ",
        "In Trust we trust. ",
        "(Trust ",
        '"Peace ',
        "‘Trust ",
        "Trust: Peace ",
        "Trust ",
        "trust ",
        "Peace ",
        "peace ",
        "\n",
        "\n\n",
        "\n\n# Negotiating Peace In The Region\n\n",
        "\n\n# The Role of Diplomacy in Negotiating peace\n\n",
        "\n\n# Why trust-Building matters\n\n",
        "\n\n- first item\n- Second item: the thing\n- third one\n\n",
        "\n\n| a | b |\n|---|---|\n| one thing | two things |\n\n",
        "http://x.org/a,b ",
        "`code.Here` ",
        "\u0130n light of ",
        "é ",
        "’",
        "\x00",
    ]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)
RULES = all_rules([])
ROOT = Path(__file__).resolve().parents[1]


def _findings(rule, doc):
    out = []
    for f in rule.run(doc, Context(doc, {**rule.options}, Config(), {})):
        fix = f.fix and tuple((e.span.start, e.span.end, e.replacement) for e in f.fix.edits)
        out.append((f.span.start, f.span.end, f.message, fix))
    return sorted(out)


def _docs(text):
    return [parse("a.md", text), parse("a.txt", text)]


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_spacing_document_pass_equals_block_pass(text):
    rule = RULES["spacing/after-punctuation"]
    for doc in _docs(text):
        ctx = Context(doc, {}, Config(), {})
        slow = sorted(
            (f.span.start, f.span.end, f.message)
            for b in doc.blocks
            if b.kind in rule.scope and b.text
            for f in rule.check(b, ctx)
        )
        assert [f[:3] for f in _findings(rule, doc)] == slow


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_sentence_start_reads_every_block_it_must(text):
    from newslint.rules import capitalization

    # every block read, as before the shortcut
    patches = {"_LOWER_START": re.compile(r"\x00()"), "_BLOCK_START": re.compile("")}
    _same_without_shortcuts("capitalization/sentence-start", text, capitalization, patches)


def _same_without_shortcuts(rule_id: str, text: str, module, patches: dict) -> None:
    """The rule finds the same with its module's shortcuts replaced by ``patches`` (the slow, full way)."""
    rule = RULES[rule_id]
    for doc in _docs(text):
        fast = _findings(rule, doc)
        with pytest.MonkeyPatch.context() as mp:
            for name, value in patches.items():
                mp.setattr(module, name, value)
            assert fast == _findings(rule, doc)


def _every_form():
    from newslint.rules.consistency import load_variants

    return {b"": [(i, frozenset()) for i, (forms, _) in enumerate(load_variants()) for _ in forms]}


def _all_hyphenated(text):
    from newslint.rules.consistency import _HYPHENATED

    found = {}
    for m in _HYPHENATED.finditer(text):
        found.setdefault(m.group(0).lower(), []).append(m.start())
    return found


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_variant_shortcuts_drop_no_finding(text):
    from newslint.rules import consistency

    # every term and every hyphenated word looked at
    patches = {"_forms_by_key": _every_form, "_case_candidates": _all_hyphenated}
    _same_without_shortcuts("consistency/variant", text, consistency, patches)


def test_variant_shortcuts_on_a_flagged_article():
    """The shortcuts keep every finding of the fixture (so the comparison above is not vacuous)."""
    from newslint.rules import consistency

    text = (ROOT / "tests/fixtures/consistency/variant/flagged.txt").read_text(encoding="utf-8")
    rule = RULES["consistency/variant"]
    doc = parse("a.txt", text)
    fast = _findings(rule, doc)
    assert len(fast) == 5
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(consistency, "_forms_by_key", _every_form)
        mp.setattr(consistency, "_case_candidates", _all_hyphenated)
        assert _findings(rule, doc) == fast


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said trust-building matters and trust-Building steps help.", ["trust-building"]),
        ("Send an e-mail, or an email, or an email.", ["email"]),
        ("Officials said trust-Building matters; so does trust-building.", ["trust-building"]),
    ],
)
def test_variant_two_occurrences_are_enough(text, expected):
    rule = RULES["consistency/variant"]
    got = [f[3][0][2] for f in _findings(rule, parse("a.txt", text + " Building work goes on, building slowly.\n"))]
    assert got == expected


def _reference_evidence(doc):
    """word_evidence() as a full count (how it was computed before it counted on demand)."""
    from newslint.document.sentences import split_sentences
    from newslint.rules.capitalization import _LEAD, _PLAIN_WORD

    capital = re.compile(r"(?<![\w\-'’])([A-Z][^\W\d_]*)(?:['’]s)?(?![\w\-'’])")
    counts = Counter()
    for block in doc.blocks:
        text = block.text
        if not text or block.kind not in ("heading", "paragraph", "list_item"):
            continue
        for word, n in Counter(_PLAIN_WORD.findall(text)).items():
            if word.islower():
                counts[(word, False)] += n
        if block.kind == "heading":
            continue
        starts = set()
        for a, _b in split_sentences(text):
            while a < len(text) and text[a] in _LEAD:
                a += 1
            starts.add(a)
        for m in capital.finditer(text):
            word, pos = m.group(1), m.start()
            if pos in starts or (len(word) > 1 and word.isupper()):
                continue
            if text[max(0, pos - 3) : pos].rstrip().endswith((":", '"', "“", "‘", "(")):
                continue
            counts[(word.lower(), True)] += 1
    return counts


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_word_evidence_counts_on_demand_what_a_full_count_finds(text):
    from newslint.rules.capitalization import WordEvidence

    for doc in _docs(text):
        reference = _reference_evidence(doc)
        evidence = WordEvidence(doc)
        words = {w.lower() for w in re.findall(r"[^\W\d_]+", text)} | {"trust", "peace", "nothing"}
        for word in words:
            for capitalized in (False, True):
                assert evidence[(word, capitalized)] == reference[(word, capitalized)], (word, capitalized)


def test_word_evidence_on_the_sample_article():
    from newslint.rules.capitalization import WordEvidence

    text = (ROOT / "seeds/000_e110744cb7817473.txt").read_text(encoding="utf-8")
    doc = parse("a.txt", text)
    reference = _reference_evidence(doc)
    assert sum(reference.values()) > 500  # a real article: many words of both kinds
    evidence = WordEvidence(doc)
    for word, capitalized in [*reference, ("putin", True), ("kremlin", False), ("zzz", True)]:
        assert evidence[(word, capitalized)] == reference[(word, capitalized)]


def test_prose_words_of_a_huge_article_equal_one_split(monkeypatch):
    """The word set of an article over the chunk size is built in pieces, cut only at spaces."""
    from newslint.kinds import matcher

    text = " ".join(f"Ukraine’s talks{i % 97} resumed,despite it" for i in range(3000))
    doc = parse("a.txt", text)
    whole = frozenset(text.encode("utf-8").translate(matcher._ASCII_WORDS).split())
    monkeypatch.setattr(matcher, "_CHUNK", 1000)  # many chunks
    assert matcher.ProseText(doc).words() == whole


# -- casing/proper-noun ---------------------------------------------------------------------------------
CASING_PIECES = st.sampled_from(
    [
        "The talks in ukraine resumed. ",
        "Ukraine’s army ",
        "ukraine’s ",
        "The increase was opposed by Leonard kaplan, spokesman. ",
        "The nato summit opens. ",
        "Officials in the united states disagreed. ",
        "new york ",
        "New York ",
        "in china. ",
        "China said ",
        "Mr. Smith and smith ",
        "former Fire Chief john A. Laughlin ",
        "Texas tech ",
        "Texas Tech ",
        "when palmer missed ",
        "Palmer ",
        "The man saw ",
        "I saw the Man ",
        "War ",
        "war ",
        "WAR ",
        "McWar ",
        "Mr. War ",
        "the War Department ",
        "skywave ",
        "Skywave ",
        "didn't ",
        "U.S. ",
        "Café ",
        "café ",
        "René ",
        "×",
        "×Kelvin ",
        "\u212aelvin ",
        "Kelvin ",
        "kelvin ",
        "pre-war ",
        "5th ",
        "jim, 13, ",
        "Sen. morse ",
        "on march 2 ",
        "may ",
        "May ",
        "“John ",
        "The frank talk ",
        "I saw jack The ",
        "jack I said ",
        "Art hambric, ",
        "The Ray Carbones ",
        "rose said ",
        ", ",
        ". ",
        "\n\n",
        "\n\n- item one\n- Second item\n\n",
        "\n\n# The Heading\n\n",
    ]
)
CASING_TEXTS = st.lists(CASING_PIECES, max_size=30).map("".join)


def _starts_here_by_copy(text, m):
    """casing._starts_here as it was: the text before the word copied and stripped."""
    from newslint.rules.casing.lists import _SENTENCE_END, _TITLE_ABBR

    before = text[: m.start()].rstrip(" \t\n\"“‘'([")
    if before.endswith("."):
        word = re.search(r"(\w+)\.$", before)
        if word and (word.group(1).lower() in _TITLE_ABBR or (len(word.group(1)) == 1 and word.group(1).isupper())):
            return False
    return not before or before[-1] in _SENTENCE_END or before[-1] in ":—"


def _capital_beside_any_capital(text, start, end):
    """casing._capital_beside as it was: any capitalised neighbour, "The" and "I" included."""
    k = start - 1
    while k >= 0 and text[k] in " \t\u00a0":
        k -= 1
    if k >= 0 and text[k] == "." and k < start - 1:
        k -= 1
    if k >= 0 and text[k].isalpha():
        while k > 0 and (text[k - 1].isalpha() or (text[k - 1] in "'’" and k > 1 and text[k - 2].isalpha())):
            k -= 1
        if text[k].isupper():
            return True
    k = end
    size = len(text)
    if k + 1 < size and text[k] in "'’" and text[k + 1] in "sS":
        k += 2
    while k < size and text[k] in " \t\u00a0":
        k += 1
    if k > end and k + 1 < size and text[k] in '“"' and text[k + 1].isupper() and text[k - 2 : k - 1] in "sS":
        return True  # a possessive before a quoted title
    if k > end and k < size and text[k].isupper():
        return True
    if text[end : end + 1] == "," and (text[end + 2 : end + 3].isdigit() or text[end + 2 : end + 3].isupper()):
        return True
    family = r"\b(?:wife|husband|son|daughter|brother|sister|mother|father|widow),? $"
    return bool(re.search(family, text[:start], re.I))


def _casing_full_paths():
    """casing's module attributes that replace each shortcut by the way it was done before."""
    from newslint.rules.casing.candidates import _keep_places as keep
    from newslint.rules.casing.lists import _LETTERS
    from newslint.rules.spelling import _edits1

    def letter_runs(text):
        toks = set(_LETTERS.findall(text))
        lower = set(filter(str.islower, toks))
        return lower, (w.lower() for w in toks - lower), None, None  # None: every word scanned in full

    return {
        "_letter_runs": letter_runs,
        "_beside_places": lambda text, key, spots: keep(text, key, None, False, False, True, (), "", spots),
        "_phrase_places": lambda text, key, name, entries, low, spots: keep(
            text, key, name, False, False, False, entries, low, spots
        ),
        "_plain_letters": lambda text: False,  # every word scanned in full
        "_one_edit_from": lambda word, frequent: not frequent.isdisjoint(_edits1(word)),
        "_starts_here": _starts_here_by_copy,
        "_capital_beside": _capital_beside_any_capital,
        "_LazyBool": lambda how: bool(how()),  # _from_position's "pure" worked out at once, as it was
        "_TYPO_MEMO": {},
        "_DERIVED_MEMO": {},
        "_LEARNED": [_never_read_store()],  # no answer learned by an earlier process
    }


def _never_read_store():
    from newslint.usercache import LearnedStore

    return LearnedStore("casing-test", lambda: (), load_after=10**9)


def _casing_modules():
    """The modules of the casing package: a name a test replaces is replaced in each that holds it."""
    import newslint.rules.casing as rule_module
    from newslint.rules.casing import candidates, evidence, forms, lists, position, shape

    return (rule_module, candidates, evidence, forms, lists, position, shape)


def _casing_same_without_shortcuts(text: str) -> list:
    rule = RULES["casing/proper-noun"]
    found = []
    for doc in _docs(text):
        fast = _findings(rule, doc)
        with pytest.MonkeyPatch.context() as mp:
            for name, value in _casing_full_paths().items():
                held = [m for m in _casing_modules() if hasattr(m, name)]
                assert held, name  # a shortcut that moved or was renamed: the test would test nothing
                for module in held:
                    mp.setattr(module, name, value)
            assert fast == _findings(rule, doc)
        found += fast
    return found


@settings(max_examples=200, deadline=None)
@given(CASING_TEXTS)
def test_proper_noun_shortcuts_drop_no_finding(text):
    _casing_same_without_shortcuts(text)


def test_proper_noun_shortcuts_on_flagged_articles():
    """The fixtures and the sample article: the same findings, and enough of them to mean something."""
    folder = ROOT / "tests/fixtures/casing/proper-noun"
    found = []
    for path in [*sorted(folder.glob("*.txt")), ROOT / "seeds/000_e110744cb7817473.txt"]:
        found += _casing_same_without_shortcuts(path.read_text(encoding="utf-8"))
    assert len(found) >= 30


@settings(max_examples=100, deadline=None)
@given(CASING_TEXTS)
def test_one_letter_words_have_no_capitalised_form(text):
    """_spots never asks the evidence about a one-letter word: its capital is an initial, in no form."""
    from newslint.rules.casing.evidence import _LazyEvidence

    doc = parse("a.txt", text)
    evidence = _LazyEvidence(doc)
    for letter in "abcdefghijklmnopqrstuvwxyzé":
        assert not evidence.key(letter).forms


def test_name_lists_hold_lowercase_words_only():
    """run() gives _spots the article's lowercase words only: the lists it intersects them with hold no
    other kind."""
    from newslint.names import _ALWAYS, name_data

    data = name_data()
    for words in (data.gazetteer.single, data.proper, data.phrase_words, data.given, data.dual, _ALWAYS):
        assert all(w.islower() for w in words)


@settings(max_examples=200, deadline=None)
@given(CASING_TEXTS)
@example("The ×Kelvin scale and kelvin units. ")
@example("The \u212aelvin scale and kelvin units. ")
@example("Then the WAR ended, and war came. ")
@example("Then the McWar ended, and mcwar came. ")
def test_evidence_of_words_never_capitalised_equals_a_full_scan(text):
    """_LazyEvidence counts only the lowercase uses of a word the article never capitalises: the same
    facts as the full scan, for every word."""
    from newslint.rules.casing import evidence as casing

    for doc in _docs(text):
        rule = RULES["casing/proper-noun"]
        ctx = Context(doc, {}, Config(), {})
        list(rule.run(doc, ctx))  # sets the evidence's capitalised words, as it does for every article
        views = ctx.shared.get("casing.evidence")
        if views is None or not isinstance(views[0], casing._Forms):
            continue
        fast = views[0].ev
        slow = casing._LazyEvidence(doc)
        fresh = casing._LazyEvidence(doc)  # nothing scanned yet: may_have_forms finds its answer alone
        fresh.capitals, fresh.odd_capitals, fresh.cased = fast.capitals, fast.odd_capitals, fast.cased
        bare = casing._LazyEvidence(doc)  # the same without the runs as written: every form looked for
        bare.capitals, bare.odd_capitals = fast.capitals, fast.odd_capitals
        words = {w.lower() for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", text)} | {"ukraine", "zzz"}
        for word in words:
            if not fresh.may_have_forms(word):
                assert not slow.key(word).forms, word
            assert fresh.may_have_forms(word) == bare.may_have_forms(word), word
            a, b = fast.key(word), slow.key(word)
            assert (a.forms, a.lower, a.anywhere, a.alone, a.before, a.after) == (
                b.forms,
                b.lower,
                b.anywhere,
                b.alone,
                b.before,
                b.after,
            ), word


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abeilnorstuz", min_size=1, max_size=9))
def test_slips_found_edit_by_edit_equal_the_set_of_edits(word):
    from newslint.rules.casing.forms import _one_edit_from
    from newslint.rules.spelling import _edits1

    frequent = frozenset({"tool", "too", "to", "letter", "better", "sit", "site", "stone", "notes", "onset", "aa", "a"})
    assert _one_edit_from(word, frequent) == (not frequent.isdisjoint(_edits1(word)))
    assert not _one_edit_from("tool", frozenset({"tool"}))  # the word itself is no slip of itself
    assert not _one_edit_from("too", frozenset({"too"}))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["ΟΔΟΣ", "Σ", "ΣΑΣ ", "Ukraine ", "İstanbul", "'", ".", " ", "ǅ", "Straße"]), max_size=8),
    st.integers(1, 4),
)
def test_blocks_lowered_one_by_one_equal_the_joined_text_lowered(pieces, n):
    """_spots takes the evidence's blocks lowered one by one for its lowered text when the texts are the
    same (and no lowercase is longer: "İ" sends the evidence down the other path)."""
    from newslint.rules.casing.candidates import _lower_same_length

    blocks = ["".join(pieces[i::n]) for i in range(n)]
    joined = "\x00".join(blocks)
    by_block = "\x00".join(b.lower() for b in blocks)
    if len(by_block) == len(joined):
        assert by_block == _lower_same_length(joined)


def _edits1_reference(word):
    """Every string one deletion, transposition, substitution or insertion from ``word``, spelled out."""
    from newslint.rules.spelling import _ALPHABET

    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
    out |= {a + c + b for a, b in splits for c in _ALPHABET}
    out.discard(word)
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abez’'\n é-", max_size=12))
def test_edit_strings_made_by_join_and_split_are_the_single_edits(word):
    from newslint.rules.spelling import _edit_strings, _edits1

    assert _edits1(word) == _edits1_reference(word)
    assert set(_edit_strings(word)) - {word} == _edits1_reference(word)


def test_edit_strings_of_real_slips():
    from newslint.rules.spelling import _edits1

    for word in ["teh", "adressed", "becuase", "a", "", "thier"]:
        assert _edits1(word) == _edits1_reference(word)
    assert {"the", "tech", "ten", "eh"} <= _edits1("teh") and "teh" not in _edits1("teh")


LINE_PIECES = st.sampled_from(
    "- ,* ,+ ,• ,1. ,12) ,٣. ,# ,## ,   ,\t,\u3000,\xa0,Word ,the talks,.,|, | ,---,```,<!--,-->,`code`,"
    "// newslint-disable-next-line x,http://x.y,a@b.c,<b>,www.x,\n,\n,\r\n,\r,”,7,:,\n\n".split(",")
)


def _plaintext_reference(source):
    """parse_plaintext's blocks the slow way: both patterns tried on every line, every line's text built
    from its inline pieces, all blocks sorted."""
    from newslint.document.lines import LineIndex
    from newslint.document.model import Block, Span
    from newslint.document.plaintext import ATX_HEADING, LIST_MARKER, is_heading_line, prose_block, table_blocks
    from newslint.document.regions import scan_regions
    from newslint.document.tables import find_tables
    from newslint.suppress import line_comment_directives

    index = LineIndex(source)
    blocks, skip = scan_regions(source, index)
    for start, end in line_comment_directives(source):
        line = index.line_col(start)[0] - 1
        if line not in skip:
            blocks.append(Block("comment", Span(start, end)))
            skip.add(line)
    tables = find_tables(source, index, skip)
    skip.update(r.line for t in tables for r in t.rows)
    blocks.extend(table_blocks(source, tables, markdown=False))
    for line in range(index.line_count):
        start, end = index.line_span(line)
        text = source[start:end]
        if line in skip or not text.strip():
            continue
        marker, atx = LIST_MARKER.match(text), ATX_HEADING.match(text)
        if marker:
            kind, offset = "list_item", marker.end()
        elif atx:
            kind, offset = "heading", atx.end()
        else:
            kind, offset = ("heading" if is_heading_line(text) else "paragraph"), len(text) - len(text.lstrip())
        content_end = max(start + offset, start + len(text.rstrip()))
        block = prose_block(kind, source, start + offset, content_end, False, {"line": line})
        block.span = Span(start, end)
        blocks.append(block)
    blocks.sort(key=lambda b: b.span.start)
    return [(b.kind, b.span, b.text, b._tpos, b._spos, b.meta) for b in blocks]


@settings(max_examples=400, deadline=None)
@given(st.lists(LINE_PIECES, max_size=30).map("".join))
def test_plaintext_line_shortcuts_build_the_blocks_of_the_full_path(source):
    """Patterns tried only on lines that can start with a marker, block text taken straight from the
    source when it holds no markup, no sort when every block is a line's: the same blocks."""
    doc = parse("a.txt", source)
    assert [(b.kind, b.span, b.text, b._tpos, b._spos, b.meta) for b in doc.blocks] == _plaintext_reference(source)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE_PIECES, max_size=12).map("".join), st.integers(-5, 40), st.integers(-5, 40))
def test_markup_found_with_str_find_as_with_one_pattern(source, start, end):
    from newslint.document.inline import has_markup

    plain = re.compile(r"[`@<]|://|www\.")
    markdown = re.compile(r"[`@<\[\]!\\&*_~]|://|www\.")
    for md, pattern in ((False, plain), (True, markdown)):
        assert has_markup(source, md) == (pattern.search(source) is not None)
        assert has_markup(source, md, start, end) == (pattern.search(source, start, end) is not None)


def test_file_read_to_its_size_still_reads_what_was_added_since_fstat(tmp_path, monkeypatch):
    """read_bytes reads the size fstat gave and one byte more: a file that grew meanwhile is read on to
    the end, or refused past the limit, as one read of the whole limit would."""
    import os

    from newslint import files
    from newslint.errors import InputError

    path = tmp_path / "a.txt"
    path.write_bytes(b"Officials said talks resumed.\n" * 10)  # 300 bytes
    real_fstat = os.fstat

    class Shrunk:
        def __init__(self, st):
            self.st_mode, self.st_size = st.st_mode, 30  # as if fstat ran when the file was 30 bytes

    monkeypatch.setattr(files.os, "fstat", lambda fd: Shrunk(real_fstat(fd)))
    assert files.read_bytes(path, 1000) == path.read_bytes()
    assert files.read_bytes(path, 300) == path.read_bytes()
    with pytest.raises(InputError, match="larger than max-file-size"):
        files.read_bytes(path, 299)


def test_file_read_in_short_pieces_is_read_whole(tmp_path, monkeypatch):
    """os.read may return fewer bytes than asked: read_bytes reads on to the end of the file."""
    import os

    from newslint import files

    path = tmp_path / "a.txt"
    path.write_bytes(b"Officials said talks resumed.\n" * 10)
    real_read = os.read
    monkeypatch.setattr(files.os, "read", lambda fd, n: real_read(fd, min(n, 7)))
    assert files.read_bytes(path, 1000) == path.read_bytes()


def _foreign_reference(text, start, end, known, misspelled):
    """spelling/typo's foreign-neighbour test with the two patterns it used to search (and its two
    exceptions: a hyphenated neighbour, English "die")."""
    from newslint.rules.spelling import _FOREIGN

    base = max(0, start - 30)
    before = re.search(r"([^\W\d_]+)\s+$", text[base:start])
    after = re.match(r"\s+([^\W\d_]+)", text[end : end + 30])
    for m, glue, rest in (
        (before, before and text[base + before.start(1) - 1 : base + before.start(1)], ""),
        (after, after and text[end + after.end(1) : end + after.end(1) + 1], after and text[end + after.end(1) :]),
    ):
        if m is None or glue == "-":
            continue  # no neighbour, or part of a hyphenated word
        neighbour = m.group(1)
        lower = neighbour.lower()
        if lower == "die" and not re.match(r" [A-Z]", rest or ""):
            continue  # English "die", unless a German noun follows
        if (
            lower in _FOREIGN
            or neighbour == "de"
            or (neighbour.islower() and len(lower) > 2 and not known.get(lower) and lower not in misspelled)
        ):
            return True
    return False


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["la ", "De ", "de", "the ", "zqx ", "jirga", " ", "\n", "\u2003", "é", "7", "_", "-", "die", "Z"]
        )
    ),
    st.integers(0, 60),
    st.integers(0, 8),
)
def test_foreign_neighbours_found_backwards_as_by_the_pattern(pieces, start, length):
    from newslint.lexicon import codespell_index, counts
    from newslint.rules.spelling import Typo

    text = "".join(pieces)
    start = min(start, len(text))
    end = min(start + length, len(text))
    known, misspelled = counts(), codespell_index()
    assert Typo._foreign_context(text, start, end, known, misspelled) == _foreign_reference(
        text, start, end, known, misspelled
    )


def test_findings_sorted_by_their_sort_key():
    """locate sorts with an attrgetter of the fields Finding.sort_key lists: the same order."""
    from newslint.finding import Finding
    from newslint.runner import _SORT_KEY

    f = Finding("a/b", parse("a.txt", "x").blocks[0].span, "msg", path="p", line=3, column=2, end_line=4, end_column=1)
    assert _SORT_KEY(f) == f.sort_key()


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", "an", "A", "An", "AN", "aN", " ", "\t", "\n", "'", "’", ".", "-", "&", "/",
                                 "x", "(", "“", '"', "1", "é", "_", "ab"])).map("".join))  # fmt: skip
def test_articles_found_blank_first_as_by_the_plain_patterns(text):
    """grammar/indefinite-article's patterns test the blank after the article before the characters
    before it: the same (article, opener, token) triples."""
    from newslint.rules.grammar import _LOWER_ARTICLES, _NEXT, _NOT_BEFORE, _UPPER_ARTICLES

    lower = re.compile(rf"(an?)(?<!{_NOT_BEFORE}a)(?<!{_NOT_BEFORE}an){_NEXT}")
    upper = re.compile(rf"(A[nN]?)(?<!{_NOT_BEFORE}A)(?<!{_NOT_BEFORE}An)(?<!{_NOT_BEFORE}AN){_NEXT}")
    assert _LOWER_ARTICLES.findall(text) == lower.findall(text)
    assert _UPPER_ARTICLES.findall(text) == upper.findall(text)


def _used_twice_reference(doc, lower):
    """spelling/typo's used-twice test on the lowercased join of the prose blocks."""
    from newslint.rules.spelling import _exact, _spots

    prose = "\n".join(b.text for b in doc.prose_blocks())
    low = prose.lower()
    if low.count(lower) < 2:
        return False
    if len(low) == len(prose):
        return len(_spots(prose, low, {lower: True})) > 1
    return sum(1 for m in _exact(lower, re.IGNORECASE).finditer(prose) if m.group(0).lower() == lower) > 1


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["Zorp ", "zorp", "ZORP'", "zorps ", "\u212aelp ", "kelp ", "İzorp ", "é", "\n", "- "])),
    st.sampled_from(["zorp", "kelp", "izorp", "zorps", "élan"]),
)
def test_word_used_twice_counted_in_lowercased_bytes_as_in_the_lowercased_text(pieces, word):
    """The count of an ASCII word in a ProseText's ASCII-lowercased bytes stands for its count in the
    lowercased text, except where a character lowercases to an ASCII letter (İ, K): the same answer."""
    from newslint.rules.spelling import Typo

    for doc in _docs("".join(pieces)):
        assert Typo._used_twice(Context(doc, {}, Config(), {}), word) == _used_twice_reference(doc, word)


def test_common_words_set_holds_exactly_the_words_counted_a_million_times(monkeypatch):
    """spelling/typo's one-probe test for a common word (_common_words) answers as the counts do."""
    from newslint.lexicon import COMMON, counts, known_tier, listed_words
    from newslint.rules import spelling

    known = counts()
    sample = sorted(known_tier(0))[::7] + sorted(known_tier(1))[::5] + sorted(known_tier(2))[::11]
    sample += [*sorted(listed_words()), "employee", "feare", "teh", "zzzq", "the", "Employee", ""]
    assert any(known.get(w, 0) >= COMMON for w in sample) and any(0 < known.get(w, 0) < COMMON for w in sample)
    for stages in ([], [None, None]):  # a cold process looks the words up; later, one set probe
        monkeypatch.setattr(spelling, "_STAGES", stages)
        assert [spelling._is_common(w, known) for w in sample] == [known.get(w, 0) >= COMMON for w in sample]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from([*"bcdfghjkmnpqrstvwxyzaeiou", "ſ", "é", "M", "RNA", ".", "-", ",", "”", "\ufffc", "'"]))
)
def test_plain_consonant_tokens_take_a_by_the_full_rules(letters):
    """grammar/indefinite-article skips expected_article for 'a' before a lowercase word opening with a
    plain consonant: the full rules never want 'an' there."""
    from newslint.rules.grammar import _PLAIN_CONSONANT, expected_article

    token = "".join(letters)
    if _PLAIN_CONSONANT.match(token):
        assert expected_article(token) in (None, "a")


def test_plain_consonant_tokens_of_real_text_take_a():
    from newslint.rules.grammar import _PLAIN_CONSONANT, expected_article

    tokens = ["man", "new", "lot,", "mRNA", "mr.", "f-stop", "byword", "hour", "x-ray", "srta.", "tsk", "zoo’s"]
    plain = [t for t in tokens if _PLAIN_CONSONANT.match(t)]
    assert plain == ["man", "new", "lot,", "mr.", "byword", "srta.", "tsk", "zoo’s"]
    assert [expected_article(t) for t in plain] == ["a", "a", "a", None, "a", "a", None, "a"]


def _case_candidates_reference(text):
    """consistency/variant's hyphenated-word scan, walking back a character at a time."""
    from newslint.rules.consistency import _HYPHENATED, _INNER_HYPHEN

    found, end = [], 0
    for h in _INNER_HYPHEN.finditer(text):
        pos = h.start()
        if pos < end:
            continue
        start = pos
        while start > 0:
            c = text[start - 1]
            if not (c == "-" or c.isalpha() or (c.isalnum() and not c.isdecimal())):
                break
            start -= 1
        m = _HYPHENATED.match(text, start)
        if m is None or m.end() <= pos:
            continue
        end = m.end()
        found.append((m.start(), m.group(0)))
    return found


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["-", "Trust", "build", "ing", "²", "٣", "7", "_", " ", "é", "X", "\n", "a" * 45])))
def test_hyphenated_words_found_reading_back_in_c_as_a_character_at_a_time(pieces):
    """consistency/variant reads back from a hyphen with one match on the reversed text before it (a
    window at a time): the same words as walking back a character at a time."""
    from newslint.rules.consistency import _hyphenated_words

    text = "".join(pieces)
    assert _hyphenated_words(text) == _case_candidates_reference(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=60), max_size=12),
    st.integers(min_value=0, max_value=8),
    st.integers(min_value=0, max_value=200),
)
def test_paragraph_within_both_limits_by_its_sentences_and_words_is_never_reported(words, max_sentences, max_words):
    """readability/paragraph-length skips a paragraph with no more sentences than max-sentences and no
    more words than max-words before reading it (no generator for it): _check reports nothing there
    either (its sentence count leaves out the sentences without words, so it is never larger)."""
    from newslint.rules.readability import ParagraphLength

    if len(words) <= max_sentences and sum(words) <= max_words:
        spans = [(i, i + 1) for i in range(len(words))]
        assert list(ParagraphLength()._check(None, spans, words, max_sentences, max_words)) == []


def test_paragraph_length_shortcut_on_the_sample_article():
    """On the sample article (with limits that flag some paragraphs), the rule reports exactly what
    _check gives for every paragraph."""
    from conftest import SAMPLE
    from newslint.metrics import analyse
    from newslint.rules.readability import ParagraphLength

    doc = parse(str(SAMPLE), SAMPLE.read_text(encoding="utf-8"))
    rule = ParagraphLength()
    options = {"max-sentences": 2, "max-words": 40}
    found = list(rule.run(doc, Context(doc, options, Config(), {})))
    want = [
        f
        for sec in analyse(doc)
        for block, spans, words in sec.parts
        if block.kind == "paragraph"
        for f in rule._check(block, spans, words, 2, 40)
    ]
    assert found and [f.sort_key() for f in found] == [f.sort_key() for f in want]


def test_lazy_gazetteer_names_equal_the_lexicon_s_own():
    """names.name_data() makes each one-word Name on first use; every one equals lexicon.gazetteer()'s."""
    from newslint.lexicon import gazetteer
    from newslint.names import name_data

    lazy = name_data().gazetteer.single
    eager = gazetteer().single
    assert set(lazy) == set(eager) and len(eager) > 9_000
    assert all(lazy.get(k) == n and lazy[k] == n for k, n in eager.items())
    assert dict(lazy.items()) == eager and lazy.get("no such name") is None


def _last_words_reference(text, by_last):
    """halfcaps._last_words as it was: every capitalised word of the text, looked up one by one."""
    from newslint.rules.halfcaps import _CAPITALISED

    return [(m.end(), by_last[m.group(0)]) for m in _CAPITALISED.finditer(text) if m.group(0) in by_last]


def _last_words_cases(text):
    from newslint.rules.halfcaps import _CAP_RUN, _last_words

    words = {m.group(0).rpartition(" ")[2] for m in _CAP_RUN.finditer(text)}
    words |= {"Park", "Commission", "Pa"}  # a word inside others ("Parker", "Pacific")
    by_last = {w: [w] for w in words}
    assert _last_words(text, by_last) == _last_words_reference(text, by_last)
    with pytest.MonkeyPatch.context() as mp:  # the one pass of a huge article with many names
        mp.setattr("newslint.rules.halfcaps._FIND_BUDGET", 0)
        assert _last_words(text, by_last) == _last_words_reference(text, by_last)
    return len(words)


def _lowercase_last_both_ways(text):
    """_last_word_lowercase by a str.find per name's last word, and by one pass over the text."""
    from newslint.rules import halfcaps

    names = halfcaps._article_names(text)
    finds = sorted(halfcaps._last_word_lowercase(text, names))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(halfcaps, "_FIND_BUDGET", 0)
        assert sorted(halfcaps._last_word_lowercase(text, names)) == finds
    return len(finds)


def test_name_part_lowercase_last_words_the_same_both_ways():
    """The fixtures, the sample article and the bench's first articles: the same findings, and some."""
    paths = [*sorted((ROOT / "tests/fixtures/casing").glob("*/*.txt")), ROOT / "seeds/000_e110744cb7817473.txt"]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    texts.append(" ".join(texts) + " Fires hit the Blue Mountains. Crews stayed in the Blue mountains.")
    assert sum(map(_lowercase_last_both_ways, texts)) >= 3


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Royal ",
                "National Park",
                "Parker ",
                "McPark ",
                "Park's ",
                "park ",
                "Pa ",
                "PArk ",
                "A",
                "aA ",
                "é",
                "-",
                "\x00",
                " ",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_name_part_last_words_found_with_str_find_as_word_by_word(text):
    _last_words_cases(text)


def test_name_part_last_words_on_real_text():
    """The sample article and the fixtures: the same places, and many names to look for."""
    paths = [*sorted((ROOT / "tests/fixtures/casing").glob("*/*.txt")), ROOT / "seeds/000_e110744cb7817473.txt"]
    assert sum(_last_words_cases(p.read_text(encoding="utf-8")) for p in paths) > 100


# -- the JSON report: written from a template and json's own string escaping --------------------------

_JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=12)
)
_JSON_VALUES = st.recursive(
    _JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=6) | st.integers(0, 3) | st.none(), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=500, deadline=None)
@given(_JSON_VALUES)
@example({"path": "a\u2028b", "fix": None, "edits": [{}, [], ()], "n": -0.0})
def test_indented_json_written_as_json_dumps_writes_it(value):
    import json

    from newslint.output.fastjson import dumps_indented, write_value

    expected = json.dumps(value, indent=2, ensure_ascii=False)
    assert dumps_indented(value) == expected
    out: list[str] = []
    write_value(value, out, "\n    ")
    assert "".join(out) == expected.replace("\n", "\n    ")


def test_json_report_of_real_findings_as_json_dumps_of_their_dicts(tmp_path):
    import json

    from conftest import SAMPLE as sample
    from newslint.batch import lint_files
    from newslint.output import Report, json_format
    from newslint.runner import Linter

    odd = tmp_path / "odd “name”\\.txt"  # quotes and a backslash in the path
    odd.write_text("In recent statements, vladimir Putin spoke again.it was the nato summit .\n", encoding="utf-8")
    results = list(lint_files(Linter(), [sample, odd], None, 1, "fixes"))
    findings = [f for r in results for f in r.findings]
    assert len(findings) > 10 and any(f.fix is not None for f in findings)
    items = []
    for r in results:
        from newslint.document.lines import LineIndex

        index = LineIndex(r.source.text) if r.source is not None else None
        items.extend(json_format.finding_dict(f, index) for f in r.findings)
    assert json_format.render(results, Report()) == json.dumps(items, indent=2, ensure_ascii=False) + "\n"
    assert json_format.render([], Report()) == "[]\n"


def test_json_report_of_a_finding_dict_with_other_keys_still_as_json_dumps(monkeypatch):
    import json

    from conftest import SAMPLE
    from newslint.batch import lint_files
    from newslint.output import Report, json_format
    from newslint.runner import Linter

    plain = json_format.finding_dict
    monkeypatch.setattr(json_format, "finding_dict", lambda f, index=None: {**plain(f, index), "extra": [1, {}]})
    results = list(lint_files(Linter(), [SAMPLE], None, 1, "never"))
    items = [json_format.finding_dict(f) for r in results for f in r.findings]
    assert items and json_format.render(results, Report()) == json.dumps(items, indent=2, ensure_ascii=False) + "\n"


_TWO_CAPITAL_PIECES = st.sampled_from(
    ["THe ", "LIberian ", "DJing ", "NASA ", "MPs ", "OKed ", "JPMorgan ", "The ", "the ", "A", "Aa", "AA", "\u00c9Ta ",
     "TH\u00e9 ", "T", "He", "’", "-", " ", "\n\n", "\x00", "\u0130", "\u212a", "é", "LIbya’s ", "THE "]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_TWO_CAPITAL_PIECES, max_size=30).map("".join))
@example("He was detained as a LIberian national.\n\nTHe talks resumed.")
def test_two_capitals_document_test_reads_every_block_it_must(text):
    from newslint.rules.capitalization import TwoCapitals

    rule = RULES["capitalization/two-capitals"]
    for doc in _docs(text):
        full = []
        for b in doc.blocks:
            if b.kind in rule.scope and b.text:
                full.extend(rule.check(b, Context(doc, {}, Config(), {})))
        assert _findings(rule, doc) == sorted(
            (f.span.start, f.span.end, f.message, tuple((e.span.start, e.span.end, e.replacement) for e in f.fix.edits))
            for f in full
        )
        assert list(super(TwoCapitals, rule).run(doc, Context(doc, {}, Config(), {}))) or not full


def test_two_capitals_on_real_text_as_block_by_block():
    rule = RULES["capitalization/two-capitals"]
    files = [*sorted((ROOT / "tests" / "fixtures").rglob("*.*")), ROOT / "seeds" / "000_e110744cb7817473.txt"]
    texts = [p.read_text(encoding="utf-8") for p in files if p.suffix in (".md", ".txt")]
    found = 0
    for text in texts:
        for doc in _docs(text):
            fast = _findings(rule, doc)
            slow = sorted(
                (f.span.start, f.span.end, f.message)
                for b in doc.blocks
                if b.kind in rule.scope and b.text
                for f in rule.check(b, Context(doc, {}, Config(), {}))
            )
            assert [f[:3] for f in fast] == slow
            found += len(fast)
    assert found >= 6  # the rule's fixtures: 3 findings, in two documents


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "K", "\u212a", "\u0130", "\u0131", "\u017f", "é", "’", " ", "\x00"]), max_size=20)
)
def test_case_traps_found_by_four_searches_as_by_the_class(chars):
    from newslint.kinds.matcher import ProseText

    text = "".join(chars)
    prose = ProseText(parse("a.txt", text))
    assert prose.case_traps() == (re.search("[\u0130\u0131\u017f\u212a]", prose.text) is not None)


# -- spelling/typo's learned store: what earlier processes worked out, read back -------------------------


def _fresh_spelling_memos(monkeypatch, store):
    import atexit

    from newslint.rules import spelling

    monkeypatch.setattr(atexit, "register", lambda f, *a, **k: f)  # a test's store is not written at exit

    for name, empty in (("_SUGGESTIONS", {}), ("_RUNS", {}), ("_JUDGED", {})):
        monkeypatch.setattr(spelling, name, empty)
    for name in ("_NEVER_RUNS", "_NEVER"):
        monkeypatch.setattr(spelling, name, set())
    for name in ("_SEEDED", "_STAGES", "_PLANNED"):
        monkeypatch.setattr(spelling, name, [])
    monkeypatch.setattr(spelling, "_LEARNED", store)


def _typo_findings(texts):
    rule = RULES["spelling/typo"]
    out = []
    for text in texts:
        doc = parse("a.txt", text)
        out.append(_findings(rule, doc))
    return out


def test_spelling_learned_store_gives_the_findings_of_the_full_path(monkeypatch, tmp_path):
    from conftest import SAMPLE
    from newslint.rules import spelling
    from newslint.usercache import LearnedStore

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    files = [SAMPLE, *sorted((ROOT / "tests" / "fixtures" / "spelling").rglob("*.txt"))]
    texts = [p.read_text(encoding="utf-8") for p in files]
    texts.append("The comittee said the goverment would recieve the zorblax report, and zorblax agreed.\n")
    worked = []
    for name in ("_classify", "_suggestions"):
        plain = getattr(spelling, name)
        monkeypatch.setattr(spelling, name, lambda w, plain=plain: worked.append(w) or plain(w))

    _fresh_spelling_memos(monkeypatch, LearnedStore("spelling-test", spelling._learned_key, load_after=10**9))
    full = _typo_findings(texts)  # no store read
    by_itself = len(worked)
    assert any(full) and by_itself > 20
    store = LearnedStore("spelling-test", spelling._learned_key, load_after=1)
    _fresh_spelling_memos(monkeypatch, store)
    assert _typo_findings(texts) == full
    store.save()
    assert (tmp_path / "newslint" / "spelling-test.marshal").is_file()

    worked.clear()
    again = LearnedStore("spelling-test", spelling._learned_key, load_after=1)
    again.load()
    assert len(again.stored) > 100
    _fresh_spelling_memos(monkeypatch, again)
    assert _typo_findings(texts) == full
    # the runs' verdicts and the suggestions came from the store (_plan's pieces, for a text whose runs
    # cannot tell, are judged again)
    assert len(worked) < by_itself / 4, (len(worked), by_itself)

    # a store of other code or data is not read, nor one that is broken
    other = LearnedStore("spelling-test", lambda: ("other", "key"), load_after=1)
    other.load()
    assert other.stored == {}
    (tmp_path / "newslint" / "spelling-test.marshal").write_bytes(b"\x00broken")
    broken = LearnedStore("spelling-test", spelling._learned_key, load_after=1)
    broken.load()
    assert broken.stored == {}
    _fresh_spelling_memos(monkeypatch, broken)
    assert _typo_findings(texts) == full


def test_spelling_store_values_of_the_wrong_shape_are_worked_out_again(monkeypatch, tmp_path):
    from newslint.rules import spelling
    from newslint.usercache import LearnedStore

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    texts = ["The comittee met the zorblax delegation on Tuesday, officials said.\n"]
    _fresh_spelling_memos(monkeypatch, LearnedStore("spelling-test", spelling._learned_key, load_after=10**9))
    full = _typo_findings(texts)
    odd = LearnedStore("spelling-test", spelling._learned_key, load_after=10**9)
    odd.loaded = True
    odd.stored = {b"zorblax": "yes", "zorblax": ["a", 1], b"comittee": 3, "comittee": (5,)}
    _fresh_spelling_memos(monkeypatch, odd)
    assert _typo_findings(texts) == full


def test_learned_store_reads_late_writes_as_it_learns_and_merges_with_other_processes(monkeypatch, tmp_path):
    import atexit

    from newslint.usercache import LearnedStore

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(atexit, "register", lambda f, *a, **k: f)
    a = LearnedStore("t", lambda: ("k", 1), load_after=3)
    b = LearnedStore("t", lambda: ("k", 1), load_after=3)
    for i in range(2):
        a.learn(f"a{i}", i)
    assert not a.loaded and not a.path().exists()  # too few learned to read the file
    a.learn("a2", 2)
    assert a.loaded and a.stored == {}
    a.learn("a3", 3)  # as many new as at the last write (none yet): written
    assert a.path().exists()
    for i in range(4):
        b.learn(f"b{i}", i)
    b.save()
    c = LearnedStore("t", lambda: ("k", 1), load_after=1)
    c.load()
    assert c.stored == {**{f"a{i}": i for i in range(4)}, **{f"b{i}": i for i in range(4)}}
    d = LearnedStore("t", lambda: ("other",), load_after=1)
    d.load()
    assert d.stored == {}  # another key: not read
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "elsewhere"))
    a.learn("a4", 4)
    a.save()  # where it read the file, whatever the environment says now
    assert not (tmp_path / "elsewhere").exists() and c._read()["a4"] == 4


def test_learned_store_does_not_write_again_what_the_file_holds(monkeypatch, tmp_path):
    import atexit

    from newslint.usercache import LearnedStore

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(atexit, "register", lambda f, *a, **k: f)
    first = LearnedStore("t", lambda: ("k", 1), load_after=1)
    for i in range(4):
        first.learn(f"w{i}", i)
    first.save()
    written = first.path().stat().st_mtime_ns
    again = LearnedStore("t", lambda: ("k", 1), load_after=3)
    for i in range(3):
        again.learn(f"w{i}", i)  # what the file holds, learned before it was read
    assert again.loaded and again.new == {}
    again.save()
    assert again.path().stat().st_mtime_ns == written
    again.learn("w9", 9)
    assert again.new == {"w9": 9}


def test_pool_workers_read_readability_s_store_after_load_after_pieces(monkeypatch, tmp_path):
    import newslint.metrics as m
    from newslint.batch import lint_files
    from newslint.runner import Linter

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(m, "_store", {"loaded": False, "new": 0, "learned": 0, "seen": None, "full": False})
    path = m._store_path_key()[0]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00" * (m.LOAD_AFTER * 2000))  # a big store (a broken one: read as empty)
    assert m._load_after() == m.LOAD_AFTER * 4  # one process: learns more before it pays for the file
    monkeypatch.setattr(m, "_store", {"loaded": False, "new": 0, "learned": 0, "seen": None, "full": False})
    paths = []
    for i in range(9):
        paths.append(tmp_path / f"a{i}.txt")
        paths[-1].write_text(f"The council met on Tuesday {i} times, officials said.\n", encoding="utf-8")
    assert len(list(lint_files(Linter(), paths, None, jobs=2))) == 9
    assert m._load_after() == m.LOAD_AFTER  # the workers, forked after this: as soon as they have learned a few


NAME_PART_PIECES = st.sampled_from(
    [
        "The Industrial Relations Commission ",
        "the industrial Relations Commission ",
        "the Industrial relations Commission ",
        "Fires hit the Blue Mountains. ",
        "Crews stayed in the Blue mountains. ",
        "the Reserve Bank of ",
        "the Reserve bank has ",
        "New Delhi ",
        "new Delhi ",
        "the Royal national Park ",
        "×industrial Relations Commission ",
        "industrial×",
        "the Blue mountains×",
        "Café ",
        "café industrial ",
        "O'Neill mountains ",
        "don't ",
        "a House committee ",
        "in ",
        ", ",
        ". ",
        "\n\n",
    ]
)


def _name_part_same_without_lowercase_runs(text: str) -> list:
    """casing/name-part skips the names none of whose words the article writes lowercase (found from
    proper-noun's runs of letters): the same findings as looking for every name."""
    from newslint.rules import halfcaps

    rule = RULES["casing/name-part"]
    found = []
    for doc in _docs(text):
        fast = _findings(rule, doc)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(halfcaps, "_lower_runs", lambda ctx, text: None)
            assert fast == _findings(rule, doc)
        found += fast
    return found


@settings(max_examples=200, deadline=None)
@given(st.lists(NAME_PART_PIECES, max_size=20).map("".join))
def test_name_part_lowercase_runs_drop_no_finding(text):
    _name_part_same_without_lowercase_runs(text)


def test_name_part_lowercase_runs_on_flagged_articles():
    """The fixtures and the sample article: the same findings, and some."""
    paths = [*sorted((ROOT / "tests/fixtures/casing").glob("*/*.txt")), ROOT / "seeds/000_e110744cb7817473.txt"]
    found = []
    for path in paths:
        found += _name_part_same_without_lowercase_runs(path.read_text(encoding="utf-8"))
    assert len(found) >= 3


def _titleish_reference(text):
    """casing.evidence._titleish_text as it was: every longer word of the text counted."""
    from newslint.rules.casing.lists import _LONG_WORD

    longer = _LONG_WORD.findall(text)
    if len(longer) > 16:
        return False
    return not longer or (len(longer) - len(list(filter(str.islower, longer)))) * 2 > len(longer)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Word ", "word ", "Long ", "ab ", "Über ", "über ", "x", ", ", ". "]), max_size=120))
@example(["Word ", ", " * 8] * 14 + ["ab "] * 10)  # 14 capitalised longer words, more than 300 characters
@example(["Word ", ", " * 8] * 16 + ["word "])
@example(["Word "] * 17 + ["ab "] * 80)
def test_titleish_reads_only_the_start_of_long_prose(pieces):
    from newslint.rules.casing.evidence import _titleish_text

    text = "".join(pieces)
    assert _titleish_text(text) == _titleish_reference(text)


def _prose_words_from_casing_runs(text: str) -> None:
    """ProseText.words() given by casing's runs of letters (article_runs) equals its own split."""
    from newslint.kinds.matcher import ProseText
    from newslint.rules.casing.candidates import article_runs

    for doc in _docs(text):
        shared: dict = {}
        prose = ProseText(doc)
        article_runs(Context(doc, {}, Config(), shared), prose.text, prose)
        assert prose.words() == ProseText(doc).words()


@settings(max_examples=200, deadline=None)
@given(CASING_TEXTS)
def test_prose_words_from_casing_runs(text):
    _prose_words_from_casing_runs(text)


def test_prose_words_from_casing_runs_on_articles():
    paths = [*sorted((ROOT / "tests/fixtures/casing").glob("*/*.txt")), ROOT / "seeds/000_e110744cb7817473.txt"]
    for path in paths:
        _prose_words_from_casing_runs(path.read_text(encoding="utf-8"))
