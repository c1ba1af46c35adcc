"""Declarative YAML rules: the three kinds and their error messages."""

import json

import pytest

from newslint.errors import ConfigError
from newslint.kinds import load_yaml_rule


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
