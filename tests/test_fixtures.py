"""Every rule's fixture documents: the expected findings, the fix output, and no fix that adds findings."""

import pytest

from conftest import lint_text
from fixtures import cases, expected_positions
from newslint.fix import fix_until_stable

CASES = cases()


@pytest.mark.parametrize(("rule_id", "path"), CASES, ids=[f"{r}:{p.name}" for r, p in CASES])
def test_fixture(rule_id, path):
    text = path.read_text(encoding="utf-8")
    findings = lint_text(text, path.name, select=[rule_id])
    assert sorted((f.line, f.column) for f in findings) == expected_positions(text)
    for f in findings:
        assert f.rule == rule_id
        flagged = text[f.span.start : f.span.end]
        assert flagged, f"{f} flags no text"

    fixed_path = path.with_name(path.stem + ".fixed" + path.suffix)
    result = fix_until_stable(text, lambda t: lint_text(t, path.name, select=[rule_id]))
    if fixed_path.exists():
        assert result.text == fixed_path.read_text(encoding="utf-8")
        again = fix_until_stable(result.text, lambda t: lint_text(t, path.name, select=[rule_id]))
        assert again.text == result.text, "fixing is not idempotent"
        assert not [f for f in again.remaining if f.fix and f.fix.applicability == "safe"]
    # a fix never adds a finding of another rule that was not there before
    before = {(f.rule, text[f.span.start : f.span.end]) for f in lint_text(text, path.name)}
    after = {(f.rule, result.text[f.span.start : f.span.end]) for f in lint_text(result.text, path.name)}
    assert after - before == set(), f"fixing added findings: {after - before}"


def test_every_rule_has_fixtures_and_examples():
    from newslint.registry import all_rules

    with_fixtures = {r for r, _ in CASES}
    for rule in all_rules().values():
        assert rule.id in with_fixtures, f"{rule.id} has no fixtures under tests/fixtures/"
        assert rule.examples["bad"] and rule.examples["good"], f"{rule.id} has no bad/good examples"
        assert rule.summary, f"{rule.id} has no summary"


def test_fixable_matches_what_rules_emit():
    from newslint.registry import all_rules

    rules = all_rules()
    emitted: dict[str, set] = {}
    for rule_id, path in CASES:
        for f in lint_text(path.read_text(encoding="utf-8"), path.name, select=[rule_id]):
            emitted.setdefault(rule_id, set()).add(f.fix is not None)
    for rule_id, kinds in emitted.items():
        fixable = rules[rule_id].fixable
        if fixable == "never":
            assert kinds == {False}, f"{rule_id} says fixable=never but emits fixes"
        elif fixable == "always":
            assert kinds == {True}, f"{rule_id} says fixable=always but emits findings without a fix"


def test_examples_behave():
    """`newslint explain` examples: every bad one is flagged, no good one is."""
    from newslint.registry import all_rules

    for rule in all_rules().values():
        if not rule.enabled_by_default:
            continue
        for bad in rule.examples["bad"]:
            assert lint_text(bad + "\n", select=[rule.id]), f"{rule.id}: bad example not flagged: {bad!r}"
        for good in rule.examples["good"]:
            assert not lint_text(good + "\n", select=[rule.id]), f"{rule.id}: good example flagged: {good!r}"


@pytest.mark.parametrize(("rule_id", "path"), CASES, ids=[f"{r}:{p.name}" for r, p in CASES])
def test_fixing_with_every_rule_settles_and_adds_nothing(rule_id, path):
    """`newslint check --fix` with the default rules on every fixture: the fixes settle, fixing
    again changes nothing, no safe fix is left, and no rule ends up with more findings than before."""
    from collections import Counter

    text = path.read_text(encoding="utf-8")
    before = lint_text(text, path.name)
    result = fix_until_stable(text, lambda t: lint_text(t, path.name))
    assert result.unconverged == [], f"fixes did not settle: {result.unconverged}"
    again = fix_until_stable(result.text, lambda t: lint_text(t, path.name))
    assert again.text == result.text and again.passes == 0, "fixing is not idempotent"
    assert not [f for f in again.remaining if f.fix and f.fix.applicability == "safe"]
    grown = Counter(f.rule for f in result.remaining) - Counter(f.rule for f in before)
    assert not grown, f"fixing added findings: {grown}"
