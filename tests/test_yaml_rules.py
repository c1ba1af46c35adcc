"""Declarative YAML rules: the three kinds and their error messages."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from newslint.errors import ConfigError
from newslint.kinds import load_yaml_rule
from strategies import documents


def write(tmp_path, name, text):
    folder = tmp_path / "styles" / "style"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_rules_from_rule_paths(run_cli, tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path, "jargon.yaml", "extends: substitution\nswap: {utilise: use, in order to: to}\n")
    write(
        tmp_path, "padding.yaml", "extends: existence\ntokens: {very: adds nothing}\nmessage: \"'{match}' {reason}\"\n"
    )
    write(tmp_path, "names.yaml", "extends: vocabulary\nterms: [NATO, European Union]\n")
    (tmp_path / ".newslint.yaml").write_text("rule-paths: [styles]\n", encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text("Utilise nato in order to help the european union. It was very good.\n", encoding="utf-8")
    data = json.loads(run_cli("check", "--format", "json", str(article))[1])
    user_rules = {"style/jargon", "style/padding", "style/names"}  # shipped rules (casing/proper-noun...) aside
    got = [
        (d["rule"], d["column"], d["message"], d["fix"] and d["fix"]["replacement"])
        for d in data
        if d["rule"] in user_rules
    ]
    assert got == [
        ("style/jargon", 1, "Use 'Use' instead of 'Utilise'.", "Use"),
        ("style/names", 9, "Write 'NATO' with this casing, not 'nato'.", "NATO"),
        ("style/jargon", 14, "Use 'to' instead of 'in order to'.", "to"),
        ("style/names", 35, "Write 'European Union' with this casing, not 'european union'.", "European Union"),
        ("style/padding", 58, "'very' adds nothing", None),
    ]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("extends: nonsense\n", "'extends'"),
        ("extends: substitution\n", "'swap' is required"),
        ("extends: substitution\nswap: [a, b]\n", "'swap' must be a mapping"),
        ("extends: existence\ntokens: [x]\ncolour: red\n", "unknown key 'colour'"),
        ("extends: existence\npatterns: ['(unclosed']\n", "'patterns': bad regular expression"),
        ("extends: existence\ntokens: [x]\nseverity: fatal\n", "'severity'"),
        ("extends: existence\ntokens: [x]\nid: nocategory/x\n", "'id'"),
        ("extends: [existence\n", "invalid YAML"),
        ("- just a list\n", "must be a mapping"),
    ],
)
def test_broken_rule_names_file_and_key(tmp_path, text, words):
    path = write(tmp_path, "broken.yaml", text)
    with pytest.raises(ConfigError) as info:
        load_yaml_rule(path)
    assert str(path) in str(info.value) and words in str(info.value)


def test_broken_user_rule_exits_two(run_cli, tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path, "bad.yaml", "extends: substitution\nswap: 3\n")
    (tmp_path / ".newslint.yaml").write_text("rule-paths: [styles]\n", encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text("Text.\n", encoding="utf-8")
    code, _, err = run_cli("check", str(article))
    assert code == 2 and "bad.yaml" in err and "'swap'" in err and "Traceback" not in err


# -- one pass per document: the fast path finds exactly what a pass over each block finds -----------

FAST_PATH_RULES = [
    {"extends": "existence", "id": "style/t1", "tokens": ["very", "in light of", "it’s essential to remember"]},
    {"extends": "existence", "id": "style/t2", "tokens": ["Ukraine", "first and foremost", "game-changer"]},
    {"extends": "substitution", "id": "style/t3", "swap": {"Though,": "However,"}, "ignorecase": False},
    {"extends": "substitution", "id": "style/t4", "swap": {"teh": "the", "in order to": "to", "café": "cafe"}},
    {"extends": "existence", "id": "style/t5", "tokens": ["very"], "scope": ["heading"]},
]
FAST_PATH_TEXTS = [
    "It was very good. Every delivery was on time.\n\nIn light of this, VERY few came.",
    "In\u00a0light  of the\nvote, it’s essential to remember Ukraine’s role.",
    "# Very good news\n\nA very, very long day. @very #very very5 5very",
    "First and\tforemost: a game-changer. The game changer. Though, it rained. though, it did. THOUGH, no.",
    "Teh vote, in order\nto win. A CAFÉ, a café and a cafe.",
    "Kelvin: \u212aeep it v\u0130ry simple, \u0131n light of it; very \u017fure.",  # characters IGNORECASE folds
    "in light\n\nof the news",  # a phrase cut by a paragraph break is no match
    "It was **ve**ry good, in *light* of it.",
    "",
]


@pytest.mark.parametrize("data", FAST_PATH_RULES, ids=lambda d: d["id"])
@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_document_pass_equals_block_pass(tmp_path, data, fmt):
    from newslint.config import Config
    from newslint.document import parse
    from newslint.kinds import build_yaml_rule
    from newslint.rule import Context

    rule = build_yaml_rule(data, tmp_path / "style" / "x.yaml")
    total = 0
    for text in FAST_PATH_TEXTS:
        doc = parse("a.md" if fmt == "markdown" else "a.txt", text)
        fast = [(f.span, f.message) for f in rule.run(doc, Context(doc, {}, Config()))]
        slow = [
            (f.span, f.message)
            for b in doc.blocks
            if b.kind in rule.scope and b.text
            for f in rule.check(b, Context(doc, {}, Config()))
        ]
        assert sorted(fast, key=str) == sorted(slow, key=str), text
        total += len(fast)
    assert total > 0  # the texts do hold matches


def test_document_pass_skips_documents_without_the_words(tmp_path):
    """No needle of any entry in the document: the rule looks at no block."""
    from newslint.config import Config
    from newslint.document import parse
    from newslint.kinds import build_yaml_rule
    from newslint.kinds.matcher import prose_text
    from newslint.rule import Context

    rule = build_yaml_rule(FAST_PATH_RULES[0], tmp_path / "style" / "x.yaml")
    doc = parse("a.txt", "Every delivery was on time.\n\nIn the light rain of May.")
    ctx = Context(doc, {}, Config())
    assert rule.matcher.narrowed(prose_text(doc, ctx)) is None  # "very" only inside words, no "in light of"
    assert list(rule.run(doc, ctx)) == []
    doc = parse("a.txt", "It was very good.")
    narrowed = rule.matcher.narrowed(prose_text(doc, Context(doc, {}, Config())))
    assert list(narrowed.entries) == ["very"]


@settings(max_examples=150, deadline=None)
@given(documents(30))
def test_document_pass_equals_block_pass_on_any_text(text):
    from newslint.config import Config
    from newslint.document import parse
    from newslint.kinds import build_yaml_rule
    from newslint.rule import Context

    for data in FAST_PATH_RULES[:4]:
        rule = build_yaml_rule(
            {**data, "tokens": [*data.get("tokens", []), "woudl", "U.S.", "the"]}
            if data["extends"] == "existence"
            else data,
            Path("style/x.yaml"),
        )
        for name in ("a.md", "a.txt"):
            doc = parse(name, text)
            fast = sorted((f.span.start, f.span.end, f.message) for f in rule.run(doc, Context(doc, {}, Config())))
            slow = sorted(
                (f.span.start, f.span.end, f.message)
                for b in doc.blocks
                if b.kind in rule.scope and b.text
                for f in rule.check(b, Context(doc, {}, Config()))
            )
            assert fast == slow
