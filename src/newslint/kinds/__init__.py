"""Declarative YAML rule kinds: a YAML file names its kind with ``extends:``."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from newslint.document.model import PROSE_KINDS
from newslint.errors import ConfigError
from newslint.finding import APPLICABILITIES, SEVERITIES
from newslint.rule import CATEGORIES, Rule

KINDS = ("existence", "substitution", "vocabulary")

COMMON_KEYS: dict[str, type | tuple[type, ...]] = {
    "extends": str,
    "id": str,
    "category": str,
    "summary": str,
    "description": str,
    "message": str,
    "severity": str,
    "scope": list,
    "enabled": bool,
    "ignorecase": bool,
    "applicability": str,
    "examples": dict,
    "link": str,
}


class YamlRule(Rule):
    """Base of the YAML kinds: validates the common keys and sets the Rule attributes."""

    kind = ""
    keys: dict[str, type | tuple[type, ...]] = {}
    required: tuple[str, ...] = ()
    default_message = ""

    def __init__(self, data: dict[str, Any], origin: Path) -> None:
        self.origin = origin
        self.source = str(origin)
        allowed = {**COMMON_KEYS, **self.keys}
        for key, value in data.items():
            if key not in allowed:
                raise ConfigError(f"{origin}: unknown key {key!r} for kind {self.kind!r}")
            if not isinstance(value, allowed[key]):
                raise ConfigError(f"{origin}: key {key!r} must be {_type_name(allowed[key])}")
        for key in self.required:
            if key not in data:
                raise ConfigError(f"{origin}: key {key!r} is required for kind {self.kind!r}")
        category = data.get("category") or origin.parent.name
        rid = data.get("id") or f"{category}/{origin.stem}"
        if "/" not in rid or rid.split("/", 1)[0] not in CATEGORIES:
            raise ConfigError(
                f"{origin}: key 'id': {rid!r} must be category/name with a category in {', '.join(CATEGORIES)}"
            )
        self.id = rid
        self.severity = data.get("severity", "warning")
        if self.severity not in SEVERITIES:
            raise ConfigError(f"{origin}: key 'severity' must be one of {', '.join(SEVERITIES)}")
        self.applicability = data.get("applicability", "safe")
        if self.applicability not in APPLICABILITIES:
            raise ConfigError(f"{origin}: key 'applicability' must be one of {', '.join(APPLICABILITIES)}")
        scope = data.get("scope")
        if scope is not None:
            bad = [s for s in scope if s not in PROSE_KINDS]
            if bad:
                raise ConfigError(f"{origin}: key 'scope': unknown block kind {bad[0]!r}")
            self.scope = frozenset(scope)
        self.message = data.get("message", self.default_message)
        self.summary = data.get("summary", "") or self.message
        self.description = data.get("description", "")
        self.enabled_by_default = data.get("enabled", True)
        self.ignorecase = data.get("ignorecase", True)
        examples = data.get("examples", {})
        self.examples = {"bad": list(examples.get("bad", [])), "good": list(examples.get("good", []))}
        self.data = data

    def format(self, **fields: str) -> str:
        try:
            return self.message.format(**fields)
        except (KeyError, IndexError, ValueError) as exc:
            raise ConfigError(f"{self.origin}: key 'message': bad placeholder ({exc})") from None

    def compile(self, pattern: str, key: str) -> re.Pattern:
        try:
            return re.compile(pattern, re.IGNORECASE if self.ignorecase else 0)
        except re.error as exc:
            raise ConfigError(f"{self.origin}: key {key!r}: bad regular expression {pattern!r} ({exc})") from None


def _type_name(t: type | tuple[type, ...]) -> str:
    names = {str: "a string", list: "a list", dict: "a mapping", bool: "true or false", int: "a number"}
    if isinstance(t, tuple):
        return " or ".join(names.get(x, x.__name__) for x in t)
    return names.get(t, t.__name__)


def load_yaml_rule(path: Path) -> YamlRule:
    """Load and validate one YAML rule file; errors name the file and the key."""
    return build_yaml_rule(read_yaml_rule(path), path)


def load_yaml_rules(paths: list[Path]) -> list[YamlRule]:
    """Load many rule files; their parsed YAML is cached per user, so PyYAML is imported only when
    one of them changed."""
    from newslint.usercache import cached, digest

    name = "rules-" + digest("\0".join(map(str, paths)).encode())[:16]
    data = cached(name, paths, lambda sources: tuple(read_yaml_rule(p) for p in sources))
    if data is None:  # a file vanished between listing and reading: let the reader say which
        data = tuple(read_yaml_rule(p) for p in paths)
    return [build_yaml_rule(d, p) for d, p in zip(data, paths, strict=True)]


def read_yaml_rule(path: Path) -> dict:
    """The parsed YAML of a rule file, checked to be a mapping."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read rule file ({exc})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise ConfigError(f"{path}{where}: invalid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: a rule file must be a mapping with an 'extends' key")
    return data


def build_yaml_rule(data: dict, path: Path) -> YamlRule:
    """The rule object of a parsed rule file, validated against its kind."""
    kind = data.get("extends")
    if kind not in KINDS:
        raise ConfigError(f"{path}: key 'extends' must be one of {', '.join(KINDS)} (got {kind!r})")
    from importlib import import_module

    module = import_module(f"newslint.kinds.{kind}")
    return module.RULE_CLASS(data, path)
