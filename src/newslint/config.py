"""Configuration: discovery (.newslint.yaml, [tool.newslint]), validation, selection of rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslint.errors import ConfigError
from newslint.files import stat_kind
from newslint.finding import SEVERITIES

CONFIG_NAMES = (".newslint.yaml", ".newslint.yml")
DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024

# key -> (type, description); the description feeds `newslint init` and the README reference
SCHEMA: dict[str, tuple[type | tuple[type, ...], str]] = {
    "select": (list, "rule ids or categories to run ('all' for every rule, off-by-default ones too)"),
    "ignore": (list, "rule ids or categories to skip; the more specific of select and ignore wins"),
    "severity": (dict, "rule id or category -> error | warning | info"),
    "fail-level": (str, "lowest severity that makes `newslint check` exit 1 (default: warning)"),
    "rules": (dict, "rule id -> its options, for example {readability/sentence-length: {max-words: 40}}"),
    "rule-paths": (list, "folders or files of extra YAML rules, relative to this config file"),
    "vocabulary": (dict, "accept: terms and their canonical casing; reject: terms never to use"),
    "exclude": (list, "glob patterns of files and folders not to lint"),
    "max-file-size": (int, "files larger than this many bytes are refused (default: 20 MiB)"),
    "table": (
        dict,
        "how table fixes write rows: align (pad columns, default false) and pipe-style "
        "(leading_and_trailing (default), leading_only, trailing_only, no_leading_or_trailing, consistent)",
    ),
    "per-file-ignores": (dict, "glob (relative to this file) -> rule ids or categories not to run on matching files"),
    "overrides": (list, "[{files: [globs], select, ignore, severity, rules}]: settings for the files the globs match"),
    "languagetool": (dict, "opt-in LanguageTool backend: {url or path, disabled-rules, enabled-categories, ...}"),
}
OVERRIDE_KEYS = {"files": list, "select": list, "ignore": list, "severity": dict, "rules": dict}
VOCABULARY_KEYS = {"accept": list, "reject": list}
TABLE_KEYS = {"align": bool, "pipe-style": str}
TABLE_PIPE_STYLES = ("leading_and_trailing", "leading_only", "trailing_only", "no_leading_or_trailing", "consistent")


@dataclass
class Config:
    """A validated configuration; ``path`` is the file it came from (None for defaults)."""

    path: Path | None = None
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    fail_level: str = "warning"
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    rule_paths: list[Path] = field(default_factory=list)
    accept: list[str] = field(default_factory=list)
    reject: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    languagetool: Any = None
    """``newslint.languagetool.Settings`` when the ``languagetool`` section is set (turns grammar/languagetool on)."""
    raw: dict[str, Any] = field(default_factory=dict)
    overrides: list[tuple[list[str], Layer]] = field(default_factory=list)
    """(globs, layer) from ``per-file-ignores`` then ``overrides``, in that order."""
    layers: list[Layer] = field(default_factory=list)
    """The layers that apply to one file (set on the per-file copies made by ``for_file``)."""
    _derived: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def for_file(self, path: Path) -> Config:
        """This configuration with the ``per-file-ignores`` and ``overrides`` that match ``path``;
        the same object for the same set of matches (the runner caches by identity)."""
        if not self.overrides:
            return self
        from newslint.files import is_excluded

        matched = tuple(i for i, (globs, _) in enumerate(self.overrides) if is_excluded(path, globs, self.root))
        if not matched:
            return self
        if matched not in self._derived:
            from dataclasses import replace

            layers = [self.overrides[i][1] for i in matched]
            rules = {rid: dict(opts) for rid, opts in self.rules.items()}
            for layer in layers:
                for rid, opts in layer.rules.items():
                    rules.setdefault(rid, {}).update(opts)
            self._derived[matched] = replace(self, layers=layers, rules=rules, _derived={})
        return self._derived[matched]

    def is_selected(self, rule_id: str, default_on: bool, select, ignore, cli_select: bool, cli_ignore) -> bool:
        """The base decision (``select``/``ignore`` already merged with the command line), then each
        matching layer in order, then the command line's ``--ignore``: the later one decides a rule it names."""
        on = is_selected(rule_id, default_on, select, ignore)
        for layer in self.layers:
            on = _decide(rule_id, on, [] if cli_select else layer.select or [], layer.ignore)
        if self.layers:
            on = _decide(rule_id, on, [], cli_ignore)
        return on

    def severity_of(self, rule_id: str, default: str) -> str:
        sev = severity_for(rule_id, default, self.severity)
        for layer in self.layers:
            sev = severity_for(rule_id, sev, layer.severity)
        return sev

    def selector_groups(self) -> list[tuple[str, list[str]]]:
        """Rule names used by the layers, labelled for error messages."""
        groups = []
        for layer in self.layers:
            groups += [
                (f"{layer.where}.select'", layer.select or []),
                (f"{layer.where}.ignore'", layer.ignore),
                (f"{layer.where}.severity'", list(layer.severity)),
                (f"{layer.where}.rules'", list(layer.rules)),
            ]
        return groups


@dataclass
class Layer:
    """Settings for some files: one ``per-file-ignores`` entry or one ``overrides`` entry."""

    where: str
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)


def _decide(rule_id: str, on: bool, select: list[str], ignore: list[str]) -> bool:
    best_select = max((_specificity(s, rule_id) for s in select), default=-1)
    best_ignore = max((_specificity(s, rule_id) for s in ignore), default=-1)
    if best_select < 0 and best_ignore < 0:
        return on
    return best_select > best_ignore


def _where(path: Path | None, key: str) -> str:
    return f"{path or 'configuration'}: key {key!r}"


def _string_list(value: Any, path: Path | None, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{_where(path, key)} must be a list of strings")
    return value


def from_mapping(data: Any, path: Path | None) -> Config:
    """Validate a parsed configuration mapping; errors say the file and the key."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: configuration must be a mapping")
    cfg = Config(path=path, raw=data)
    for key, value in data.items():
        if key not in SCHEMA:
            known = ", ".join(SCHEMA)
            raise ConfigError(f"{_where(path, key)} is unknown (known keys: {known})")
        expected = SCHEMA[key][0]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ConfigError(f"{_where(path, key)} has the wrong type ({type(value).__name__})")
    if "select" in data:
        cfg.select = _string_list(data["select"], path, "select")
    cfg.ignore = _string_list(data.get("ignore", []), path, "ignore")
    for rule, sev in data.get("severity", {}).items():
        if sev not in SEVERITIES:
            raise ConfigError(f"{_where(path, 'severity.' + str(rule))} must be one of {', '.join(SEVERITIES)}")
    cfg.severity = dict(data.get("severity", {}))
    cfg.fail_level = data.get("fail-level", "warning")
    if cfg.fail_level not in SEVERITIES:
        raise ConfigError(f"{_where(path, 'fail-level')} must be one of {', '.join(SEVERITIES)}")
    for rule, options in data.get("rules", {}).items():
        if not isinstance(options, dict):
            raise ConfigError(f"{_where(path, 'rules.' + str(rule))} must be a mapping of options")
    cfg.rules = dict(data.get("rules", {}))
    base = path.parent if path else Path.cwd()
    cfg.rule_paths = [base / p for p in _string_list(data.get("rule-paths", []), path, "rule-paths")]
    vocab = data.get("vocabulary", {})
    for key, value in vocab.items():
        if key not in VOCABULARY_KEYS:
            raise ConfigError(f"{_where(path, 'vocabulary.' + str(key))} is unknown (known: accept, reject)")
        _string_list(value, path, f"vocabulary.{key}")
    cfg.accept = list(vocab.get("accept", []))
    cfg.reject = list(vocab.get("reject", []))
    cfg.exclude = _string_list(data.get("exclude", []), path, "exclude")
    cfg.max_file_size = data.get("max-file-size", DEFAULT_MAX_FILE_SIZE)
    if cfg.max_file_size < 1:
        raise ConfigError(f"{_where(path, 'max-file-size')} must be a positive number of bytes")
    _check_table(data.get("table", {}), path)
    cfg.overrides = _per_path(data, path)
    if "languagetool" in data:
        from newslint.languagetool import parse_settings

        cfg.languagetool = parse_settings(data["languagetool"], path)
    return cfg


def _per_path(data: dict, path: Path | None) -> list[tuple[list[str], Layer]]:
    """Validate ``per-file-ignores`` and ``overrides`` into (globs, layer) pairs."""
    out: list[tuple[list[str], Layer]] = []
    for glob, names in data.get("per-file-ignores", {}).items():
        key = f"per-file-ignores.{glob}"
        out.append(([str(glob)], Layer(_where(path, key)[:-1], ignore=_string_list(names, path, key))))
    for i, entry in enumerate(data.get("overrides", [])):
        key = f"overrides[{i}]"
        if not isinstance(entry, dict):
            raise ConfigError(f"{_where(path, key)} must be a mapping with 'files' and settings")
        for k, value in entry.items():
            if k not in OVERRIDE_KEYS:
                known = ", ".join(OVERRIDE_KEYS)
                raise ConfigError(f"{_where(path, key + '.' + str(k))} is unknown (known keys: {known})")
            if not isinstance(value, OVERRIDE_KEYS[k]):
                raise ConfigError(f"{_where(path, key + '.' + k)} has the wrong type ({type(value).__name__})")
        if "files" not in entry:
            raise ConfigError(f"{_where(path, key)} needs 'files' (a list of glob patterns)")
        globs = _string_list(entry["files"], path, f"{key}.files")
        for rule, sev in entry.get("severity", {}).items():
            if sev not in SEVERITIES:
                raise ConfigError(f"{_where(path, f'{key}.severity.{rule}')} must be one of {', '.join(SEVERITIES)}")
        for rule, options in entry.get("rules", {}).items():
            if not isinstance(options, dict):
                raise ConfigError(f"{_where(path, f'{key}.rules.{rule}')} must be a mapping of options")
        layer = Layer(
            _where(path, key)[:-1],
            select=_string_list(entry["select"], path, f"{key}.select") if "select" in entry else None,
            ignore=_string_list(entry.get("ignore", []), path, f"{key}.ignore"),
            severity=dict(entry.get("severity", {})),
            rules={rid: dict(opts) for rid, opts in entry.get("rules", {}).items()},
        )
        out.append((globs, layer))
    return out


def _check_table(table: dict, path: Path | None) -> None:
    """``table: {align: bool, pipe-style: ...}``; the table rules read it from ``Config.raw``."""
    for key, value in table.items():
        if key not in TABLE_KEYS:
            raise ConfigError(f"{_where(path, 'table.' + str(key))} is unknown (known: align, pipe-style)")
        if not isinstance(value, TABLE_KEYS[key]):
            raise ConfigError(f"{_where(path, 'table.' + key)} must be {TABLE_KEYS[key].__name__}")
    if table.get("pipe-style", "leading_and_trailing") not in TABLE_PIPE_STYLES:
        raise ConfigError(f"{_where(path, 'table.pipe-style')} must be one of {', '.join(TABLE_PIPE_STYLES)}")


def load_file(path: Path) -> Config:
    """Load a .newslint.yaml file or the [tool.newslint] table of a pyproject.toml."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration ({exc})") from None
    if path.name == "pyproject.toml":
        import tomllib

        try:
            data = tomllib.loads(text).get("tool", {}).get("newslint", {})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: invalid TOML ({exc})") from None
        return from_mapping(data, path)
    if not text.strip():
        return from_mapping(None, path)
    from newslint.usercache import cached, digest

    # Parsed YAML is cached per user (keyed on the file's size and mtime): PyYAML costs 15 ms to import.
    data = cached("config-" + digest(str(path.resolve()).encode("utf-8", "surrogatepass"))[:16], [path], _parse_yaml)
    return from_mapping(_parse_yaml([path])[0] if data is None else data[0], path)


def _parse_yaml(sources: list[Path]) -> tuple:
    import yaml

    path = sources[0]
    try:
        return (yaml.safe_load(path.read_text(encoding="utf-8")),)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration ({exc})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise ConfigError(f"{path}{where}: invalid YAML ({getattr(exc, 'problem', exc)})") from None


def _has_newslint_table(pyproject: Path) -> bool:
    try:
        return "[tool.newslint" in pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def find_config_file(start: Path) -> Path | None:
    """The nearest configuration from ``start`` up to the repository root (a folder with .git)."""
    folder = start if stat_kind(start) == "dir" else start.parent
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if stat_kind(candidate / name) == "file":
                return candidate / name
        pyproject = candidate / "pyproject.toml"
        if stat_kind(pyproject) == "file" and _has_newslint_table(pyproject):
            return pyproject
        if stat_kind(candidate / ".git"):
            return None
    return None


class ConfigResolver:
    """Finds and caches the configuration for each linted path (or uses one given file)."""

    def __init__(self, explicit: Path | None = None) -> None:
        self.explicit = load_file(explicit) if explicit else None
        self._by_file: dict[Path, Config] = {}
        self._by_dir: dict[Path, Path | None] = {}

    def for_path(self, path: Path) -> Config:
        if self.explicit is not None:
            return self.explicit.for_file(path)
        folder = (path if stat_kind(path) == "dir" else path.parent).resolve()
        if folder not in self._by_dir:
            self._by_dir[folder] = find_config_file(folder)
        found = self._by_dir[folder]
        if found is None:
            return Config()
        if found not in self._by_file:
            self._by_file[found] = load_file(found)
        return self._by_file[found].for_file(path)


def _specificity(selector: str, rule_id: str) -> int:
    if selector == "all":
        return 0
    if selector == rule_id:
        return 2
    if selector == rule_id.split("/", 1)[0]:
        return 1
    return -1


def is_selected(rule_id: str, default_on: bool, select: list[str] | None, ignore: list[str]) -> bool:
    """The most specific of select and ignore decides; without select, the rule's default does."""
    best_ignore = max((_specificity(s, rule_id) for s in ignore), default=-1)
    if select is None:
        return default_on and best_ignore < 0
    best_select = max((_specificity(s, rule_id) for s in select), default=-1)
    if best_select < 0:
        return False
    return best_select > best_ignore


def severity_for(rule_id: str, default: str, overrides: dict[str, str]) -> str:
    return overrides.get(rule_id) or overrides.get(rule_id.split("/", 1)[0]) or default


DEFAULT_CONFIG_TEXT = """\
# newslint configuration: see the README, section Configuration.
# Rules are chosen by id (category/name) or category; the more specific of select and ignore wins.
# select: [all]
ignore: []
# Lowest severity that makes `newslint check` exit 1: error, warning or info.
fail-level: warning
# Severity overrides by rule id or category.
severity: {}
#   style: info
# Options per rule (see `newslint explain RULE`).
rules: {}
# Extra YAML rules (files or folders), relative to this file.
rule-paths: []
# Your own vocabulary: accepted terms with their casing, and terms never to use.
vocabulary:
  accept: []
  reject: []
# Files and folders not to lint (glob patterns); files that .gitignore ignores are skipped too.
exclude: []
# How table fixes write rows: padded columns, and the pipes (leading_and_trailing, leading_only,
# trailing_only, no_leading_or_trailing, or consistent: as the first table's header row).
# table: {align: false, pipe-style: leading_and_trailing}
# Rules to skip in some files (globs relative to this file).
# per-file-ignores:
#   "archive/**": [spelling]
# Settings for some files: stricter for news, laxer for opinion.
# overrides:
#   - files: ["news/**"]
#     select: [all]
#   - files: ["opinion/**"]
#     ignore: [style, readability]
#     severity: {spelling: warning}
# Opt-in grammar checks from a LanguageTool server you run (newslint never downloads LanguageTool).
# languagetool:
#   url: http://localhost:8081        # or path: /opt/LanguageTool-6.6 (an unpacked distribution)
#   disabled-rules: [EN_QUOTES]
"""
