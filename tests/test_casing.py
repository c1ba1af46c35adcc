"""casing/proper-noun's machinery: evidence worked out per word equals the one-pass evidence, the
name lists from the cache equal the lexicon's, and a long article is read block by block."""

from __future__ import annotations

from conftest import lint_text
from fixtures import FIXTURES
from newslint.document import parse

ARTICLE = """Police said the palmer car was hit. Mr. Palmer and his wife were not hurt, Mr. Palmer said.

The Texas Tech coach praised “Smith” and O’Brien. Later, Smith’s team met the New York Yankees.

J. Edgar Hoover spoke; Hoover’s aides, said Dr. Ruiz, left. ZEBEK and Zebek’s friends waited.

# A Title Case Heading About Hoover

Voters in Georgia and georgia’s capital, 3M and 3Com, the Vice-President of the U.S. met.
"""


def _documents():
    yield parse("a.md", ARTICLE, "md")
    for path in sorted((FIXTURES / "casing" / "proper-noun").glob("*.txt")):
        yield parse(path.name, path.read_text(encoding="utf-8"), "txt")


def test_evidence_per_word_equals_the_one_pass_evidence():
    from newslint.rules.casing.evidence import _LazyEvidence, document_evidence

    for doc in _documents():
        capitalised, lowercase, pairs, anywhere, alone = document_evidence(doc)
        lazy = _LazyEvidence(doc)
        keys = set(capitalised) | set(lowercase) | set(anywhere) | {b for _, b in pairs}
        assert keys, doc.path
        for key in keys:
            facts = lazy.key(key)
            assert dict(facts.forms) == dict(capitalised.get(key, {})), (doc.path, key)
            assert facts.lower == lowercase[key], (doc.path, key)
            assert facts.anywhere == anywhere[key], (doc.path, key)
            assert facts.alone == alone[key], (doc.path, key)
            assert facts.before == {a for a, b in pairs if b == key}, (doc.path, key)


def test_name_lists_from_the_cache_equal_the_lexicons(tmp_path, monkeypatch):
    from newslint import lexicon, names

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    names.name_data.cache_clear()
    try:
        for _ in range(2):  # built, then read back from the cache
            names.name_data.cache_clear()
            data = names.name_data()
            assert data.proper == lexicon.proper_names()
            assert data.given == lexicon.given_names()
            assert data.dual == lexicon.dual_names()
            assert data.surname == lexicon.surname_like() and "coles" in data.surname
            assert data.given_like == lexicon.given_like() and "mort" in data.given_like
            gaz = lexicon.gazetteer()
            assert data.gazetteer.single == gaz.single
            assert data.gazetteer.phrases == gaz.phrases
            assert data.gazetteer.words == gaz.words
        assert list(tmp_path.glob("newslint/casing-names*.marshal"))
    finally:
        names.name_data.cache_clear()


def test_a_long_article_is_checked_block_by_block():
    from newslint.rules.casing.evidence import _EAGER_ABOVE

    paragraph = "Survivors of hiroshima spoke at the memorial, and the Texas Tech band played.\n\n"
    copies = _EAGER_ABOVE // len(paragraph) + 10
    findings = lint_text(paragraph * copies, select=["casing/proper-noun"])
    assert len(findings) == copies
    assert {f.fix.edits[0].replacement for f in findings} == {"Hiroshima"}


def test_a_name_with_a_capital_inside_is_fixed_to_its_written_form():
    """hunspell's McDonald, not Titlecase's Mcdonald; a Mc name no data knows gets no safe fix."""
    from newslint.rules.casing.forms import _written_form

    assert _written_form("mcdonald", "Mcdonald") == ("McDonald", "safe")
    assert _written_form("macarthur", "Macarthur") == ("MacArthur", "safe")
    assert _written_form("mcdonald", "McDonald") == ("McDonald", "safe")  # the article's own form
    findings = lint_text(
        "Mrs. Ellen mcbrien and her sister Ann left early.\n",
        select=["casing/proper-noun"],
    )
    assert [(f.fix.edits[0].replacement, f.fix.applicability) for f in findings] == [("McBrien", "unsafe")]


def test_british_spellings_glued_words_and_inflections_are_no_names():
    from newslint.rules.casing.forms import _common_form

    for word in ("hospitalising", "organisations", "honourable", "sabre", "centres", "gage", "matt"):
        assert _common_form(word, compounds=False), word
    for word in ("alsosaid", "wheatbelt", "nasaled", "purpling", "reimburseable"):
        assert _common_form(word), word
    for name in ("skorich", "kozintsev", "zelenskyy", "hiroshima", "romans", "newfoundland", "elizabeth"):
        assert not _common_form(name, compounds=False), name
    for name in ("skorich", "kozintsev", "zelenskyy", "wissahickon"):
        assert not _common_form(name), name


def test_a_word_inside_a_longer_name_is_not_written_alone():
    """ "High Commissioner for Refugees": Refugees stands inside a name joined by "for"."""
    from newslint.rules.casing.evidence import _LazyEvidence, document_evidence

    doc = parse(
        "a.txt",
        "He met the UN High Commissioner for Refugees on Monday and the High Commission for Refugees later.\n",
        "txt",
    )
    assert _LazyEvidence(doc).key("refugees").alone == 0
    assert document_evidence(doc)[4]["refugees"] == 0
