"""Finds every rule, Python and YAML, behind one interface."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from newslint.errors import ConfigError
from newslint.rule import CATEGORIES, Rule

_PYTHON_RULES: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: make a Python rule known where it is defined."""
    category = cls.id.split("/", 1)[0]
    if "/" not in cls.id or category not in CATEGORIES:
        raise ValueError(f"rule id {cls.id!r} must be category/name with a known category")
    _PYTHON_RULES[cls.id] = cls
    return cls


def shipped_rules_dir() -> Path:
    """The YAML rules shipped with newslint: inside the wheel, or the checkout's top-level rules/."""
    packaged = Path(__file__).parent / "_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


def python_rules() -> dict[str, type[Rule]]:
    import newslint.rules as pkg

    for mod in pkgutil.iter_modules(pkg.__path__):
        importlib.import_module(f"{pkg.__name__}.{mod.name}")
    return dict(_PYTHON_RULES)


def yaml_rule_files(extra_paths: list[Path] = ()) -> list[Path]:
    files = sorted(shipped_rules_dir().rglob("*.yaml"))
    for p in extra_paths:
        if p.is_file():
            files.append(p)
        elif p.is_dir():
            files.extend(sorted([*p.rglob("*.yaml"), *p.rglob("*.yml")]))
        else:
            raise ConfigError(f"{p}: rule path does not exist")
    return files


def all_rules(extra_paths: list[Path] = ()) -> dict[str, Rule]:
    """Every rule by id: Python rules, shipped YAML rules, then user YAML rules."""
    from newslint.kinds import load_yaml_rules

    rules: dict[str, Rule] = {rid: cls() for rid, cls in python_rules().items()}
    for rule in load_yaml_rules(yaml_rule_files(list(extra_paths))):
        if rule.id in rules and getattr(rules[rule.id], "origin", None) != rule.origin:
            raise ConfigError(f"{rule.origin}: rule id {rule.id!r} is already defined")
        rules[rule.id] = rule
    return dict(sorted(rules.items()))
