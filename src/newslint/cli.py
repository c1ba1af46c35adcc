"""Command line: check, rules, explain, init. Thin: parse options, call the runner and reporters."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

# A lint run allocates many short-lived objects and hardly any reference cycles: collecting after every
# 700 allocations (the default) costs about 15% of a one-article run, mostly re-walking the word lists.
gc.set_threshold(100_000, 50, 100)

import click  # noqa: E402

from newslint import __version__  # noqa: E402
from newslint.errors import NewslintError  # noqa: E402

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _meta_option(*decls, **kwargs):
    """An option of `check` kept in the click context's ``meta`` (``newslint.<name>``) rather than passed
    as an argument, so that options can be added without changing the command's signature."""

    def store(ctx: click.Context, param: click.Parameter, value):
        ctx.meta[f"newslint.{param.name}"] = value
        return value

    return click.option(*decls, expose_value=False, callback=store, **kwargs)


def _apply_baseline(results, meta: dict, errors: int) -> None:
    """--write-baseline records the findings and ends the run; --baseline drops the recorded ones."""
    from newslint.suppress import filter_baseline, load_baseline, write_baseline

    if meta.get("newslint.write_baseline") is not None:
        target = meta["newslint.write_baseline"]
        n = write_baseline(target, results)
        click.echo(f"newslint: wrote {n} finding{'s' if n != 1 else ''} to the baseline {target}", err=True)
        sys.exit(EXIT_ERROR if errors else EXIT_OK)
    if meta.get("newslint.baseline") is not None:
        filter_baseline(results, load_baseline(meta["newslint.baseline"]), meta["newslint.baseline"])


def _emit(fmt: str, results, report, meta: dict, to_stderr: bool = False, linter=None) -> None:
    """Render the report (or the statistics) to standard output or to --output-file."""
    from newslint.output import render

    if fmt == "sarif" and not report.rules and linter is not None:  # rule metadata for the SARIF driver
        for config in {id(c): c for c in (linter.resolver.for_path(Path(r.path)) for r in results)}.values():
            report.rules.update({rid: rule for rid, rule in linter.rules(config).items()})
    if meta.get("newslint.statistics"):
        if fmt not in ("text", "json"):
            raise NewslintError("--statistics works with --format text or json")
        from newslint.output.statistics import render as render_statistics

        text = render_statistics(results, fmt)
    else:
        text = render(fmt, results, report)
    text = _valid_text(text)
    target = meta.get("newslint.output_file")
    if target is None:
        click.echo(text, nl=False, err=to_stderr)
        return
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise NewslintError(f"{target}: cannot write the report ({exc.strerror or exc})") from None


def _valid_text(text: str) -> str:
    """``text`` with each byte of a file name that is not UTF-8 (a lone surrogate, as os.fsdecode
    gives it) shown as U+FFFD: every report is valid UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return text


def _source_needed(fmt: str, meta: dict) -> str:
    """Which files' text the report reads (batch.KEEP_SOURCE): the baseline's fingerprints and SARIF's
    snippets, of every file with findings; the JSON report's edit positions, of files with a fix."""
    if meta.get("newslint.baseline") is not None or meta.get("newslint.write_baseline") is not None:
        return "findings"
    if meta.get("newslint.statistics"):
        return "never"
    return {"sarif": "findings", "json": "fixes"}.get(fmt, "never")


def _use_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


class _Group(click.Group):
    """Turns newslint's own errors into one line on standard error and exit code 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except NewslintError as exc:
            click.echo(f"newslint: error: {exc}", err=True)
            ctx.exit(EXIT_ERROR)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="newslint")
def cli() -> None:
    """newslint: a linter and fixer for news copy."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str, readable=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github", "sarif", "junit"]),
    default="text",
    show_default=True,
    help="Output format: text, json, github (workflow annotations), sarif (2.1.0) or junit (XML).",
)
@click.option("--select", multiple=True, help="Rule ids or categories to run (comma-separated; 'all' for every rule).")
@click.option("--ignore", multiple=True, help="Rule ids or categories to skip (comma-separated).")
@click.option(
    "--fail-level",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Lowest severity that makes the exit code 1 [default: from config, else warning].",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path, readable=False),
    default=None,
    help="Use this configuration file instead of discovering one.",
)
@click.option("--stdin-filename", default=None, help="Name (and so format) of the text read from '-'.")
@_meta_option("--output-file", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to this file.")
@_meta_option(
    "--force-exclude",
    is_flag=True,
    help="Apply the configuration's exclude patterns to files named on the command line too (pre-commit).",
)
@_meta_option("--exit-zero", is_flag=True, help="Exit 0 even when problems are found (2 still means an error).")
@_meta_option("--statistics", is_flag=True, help="Print how many findings each rule made, most frequent first.")
@_meta_option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path, readable=False),
    help="Report only findings that this baseline file does not record.",
)
@_meta_option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=Path, readable=False),
    help="Record today's findings in this file (for --baseline) and exit 0.",
)
@_meta_option(
    "--report-unused-suppressions/--no-report-unused-suppressions",
    default=None,
    help="Report newslint-disable comments that silence nothing [default: on when CI=true].",
)
@_meta_option(
    "--languagetool",
    is_flag=True,
    help="Also run grammar/languagetool on the server or installation that the configuration's "
    "languagetool section names; exit 2 if there is none or it does not answer.",
)
@_meta_option("--no-cache", is_flag=True, help="Lint every file again; neither read nor write .newslint_cache.")
@_meta_option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where the result cache lives [default: .newslint_cache in the current folder].",
)
@_meta_option("--jobs", "-j", type=click.IntRange(min=1), help="Processes to lint with [default: one per CPU core].")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place ('-': print the fixed text); report what is left.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Print a unified diff of what --fix would change; write nothing.")
def check(paths, fmt, select, ignore, fail_level, config_path, stdin_filename, fix, unsafe_fixes, diff) -> None:
    """Lint articles (files or folders; '-' reads standard input)."""
    from newslint.config import ConfigResolver
    from newslint.files import decode, discover, git_ignored, is_excluded, path_kind
    from newslint.finding import SEVERITY_RANK
    from newslint.output import Report
    from newslint.runner import FileResult, Linter, Selection

    resolver = ConfigResolver(config_path)
    selection = Selection(select=_split(select) or None, ignore=_split(ignore))
    meta = click.get_current_context().meta
    unused = meta["newslint.report_unused_suppressions"]
    selection.report_unused = unused if unused is not None else (os.environ.get("CI", "").lower() == "true") or None
    if meta.get("newslint.languagetool"):
        from newslint.rules.languagetool import require

        first = paths[0] if paths else "."
        require(selection, resolver.for_path(Path((stdin_filename or ".") if first == "-" else first)))
    linter = Linter(resolver, selection)
    fixer = None
    if fix or diff:
        from newslint.fixer import Fixer

        fixer = Fixer(linter, unsafe_fixes, not diff, lambda m: click.echo(f"newslint: warning: {m}", err=True))
    results: list[FileResult] = []
    errors = 0
    if not paths:
        paths = (".",)
    todo: list[Path] = []
    for raw in paths:
        if raw == "-":
            name = stdin_filename or "-"
            try:
                source = decode(sys.stdin.buffer.read(), name)
            except NewslintError as exc:
                click.echo(f"newslint: {exc}", err=True)
                errors += 1
                continue
            config = resolver.for_path(Path(name))
            results.append(fixer.fix_source(source, config) if fixer else linter.lint_source(source, config))
            continue
        kind = path_kind(raw)
        if kind is None:
            click.echo(f"newslint: {raw}: no such file or folder", err=True)
            errors += 1
            continue
        explicit = kind == "file"
        unreadable: list[str] = []
        found = [Path(raw)] if explicit else discover([raw], unreadable)  # a file named is returned as it is
        for message in unreadable:
            click.echo(f"newslint: {message}", err=True)
            errors += 1
        ignored = set() if explicit else git_ignored(found)  # files named explicitly are linted...
        force_exclude = meta.get("newslint.force_exclude")  # ...unless `exclude` is forced on them too
        for path in found:
            config = resolver.for_path(path)
            if (not explicit or force_exclude) and (path in ignored or is_excluded(path, config.exclude, config.root)):
                continue
            todo.append(path)
    if fixer:
        linted = (fixer.fix_path(path) for path in todo)
    else:
        from newslint.batch import lint_files, result_cache

        keep = _source_needed(fmt, meta)
        linted = lint_files(linter, todo, result_cache(meta, linter), meta["newslint.jobs"], keep)
    for result in linted:
        _collect_again()
        if result.error:
            click.echo(f"newslint: {result.error}", err=True)
            errors += 1
            if result.source is None:  # not read; a file read but not written back is still reported
                continue
        results.append(result)
    results.sort(key=lambda r: r.path)
    _apply_baseline(results, meta, errors)
    if diff:
        sys.exit(fixer.print_diffs(errors))
    report = Report(
        color=_use_color() and fmt == "text", fixed=fixer.fixed if fixer else 0, fix_mode=fix, unsafe_fixes=unsafe_fixes
    )
    to_stderr = fix and fixer.print_stdin()  # '-' with --fix: the fixed text on stdout, the report on stderr
    _emit(fmt, results, report, meta, to_stderr, linter)
    if errors:
        sys.exit(EXIT_ERROR)
    level = fail_level or resolver.for_path(Path(paths[0] if paths[0] != "-" else ".")).fail_level
    threshold = SEVERITY_RANK[level]
    failed = any(SEVERITY_RANK[f.severity] >= threshold for r in results for f in r.findings)
    failed = failed and not meta.get("newslint.exit_zero")
    sys.exit(EXIT_FINDINGS if failed else EXIT_OK)


@cli.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path, readable=False), default=None)
def rules_cmd(fmt, config_path) -> None:
    """List every rule: id, category, severity, fixable, description."""
    from newslint.config import ConfigResolver
    from newslint.runner import Linter

    resolver = ConfigResolver(config_path)
    rules = Linter(resolver).rules(resolver.for_path(Path.cwd()))
    rows = [
        (r.id, r.category, r.severity, r.fixable, "yes" if r.enabled_by_default else "no", r.summary)
        for r in rules.values()
    ]
    if fmt == "json":
        import json

        keys = ("id", "category", "severity", "fixable", "default", "summary")
        click.echo(json.dumps([dict(zip(keys, row)) for row in rows], indent=2))
    elif fmt == "markdown":
        click.echo("| Rule | Severity | Fix | On by default | What it flags |")
        click.echo("|---|---|---|---|---|")
        for rid, _cat, sev, fix, on, summary in rows:
            click.echo(f"| `{rid}` | {sev} | {fix} | {on} | {summary.replace('|', chr(92) + '|')} |")
    else:
        width = max(len(r[0]) for r in rows)
        for rid, _cat, sev, fix, on, summary in rows:
            flag = "" if on == "yes" else " (off by default)"
            click.echo(f"{rid:<{width}}  {sev:<7}  fix:{fix:<9}  {summary}{flag}")


@cli.command()
@click.argument("rule_id")
def explain(rule_id) -> None:
    """Show a rule's documentation, with a bad and a good example."""
    from newslint.config import ConfigResolver
    from newslint.runner import Linter

    resolver = ConfigResolver()
    rules = Linter(resolver).rules(resolver.for_path(Path.cwd()))
    rule = rules.get(rule_id)
    if rule is None:
        raise NewslintError(f"unknown rule {rule_id!r} (see `newslint rules`)")
    click.echo(
        f"{rule.id}  ({rule.severity}, fix: {rule.fixable}, {'on' if rule.enabled_by_default else 'off'} by default)"
    )
    click.echo(f"\n{rule.summary}")
    if rule.description:
        click.echo(f"\n{rule.description}")
    if rule.options:
        click.echo("\nOptions (set under `rules:` in the configuration):")
        for key, value in rule.options.items():
            click.echo(f"  {key}: {value!r}")
    for label, key in (("Bad", "bad"), ("Good", "good")):
        for example in rule.examples.get(key, []):
            # a multi-line example (a table) is indented as one block
            indented = "\n".join("    " + line if line else line for line in example.split("\n"))
            click.echo(f"\n{label}:\n{indented}")
    origin = getattr(rule, "origin", None)
    if origin is not None:
        click.echo(f"\nDefined in {origin}")


@cli.command()
@click.option("--force", is_flag=True, help="Overwrite an existing .newslint.yaml.")
def init(force) -> None:
    """Write a commented default .newslint.yaml in the current folder."""
    from newslint.config import DEFAULT_CONFIG_TEXT

    target = Path(".newslint.yaml")
    if target.exists() and not force:
        raise NewslintError(f"{target} already exists (use --force to overwrite)")
    target.write_text(DEFAULT_CONFIG_TEXT, encoding="utf-8")
    click.echo(f"Wrote {target}")


class _StatsCommand(click.Command):
    """`stats --help` lists the metrics from newslint.metrics, imported only when help is shown."""

    def get_help(self, ctx: click.Context) -> str:
        import inspect

        from newslint.stats import legend

        if "\nMetrics:" not in (self.help or ""):
            self.help = inspect.cleandoc(self.help or "") + "\n\nMetrics:\n\n\b\n" + legend()
        return super().get_help(ctx)


@cli.command(cls=_StatsCommand, short_help="Readability metrics per article, with median and spread per folder.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str, readable=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--sections", is_flag=True, help="Add a row for every section (from one heading to the next).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path, readable=False), default=None)
def stats(paths, fmt, sections, config_path) -> None:
    """Readability metrics (textstat, offline) of each article's running prose, and for every folder
    given, the median, quartiles (p25, p75), minimum and maximum across its articles. Headings,
    tables, code, list markers and URLs are left out; sentences come from newslint's splitter."""
    from newslint.config import ConfigResolver
    from newslint.stats import collect, render_json, render_text

    files, folders, errors = collect(paths, ConfigResolver(config_path))
    for error in errors:
        click.echo(f"newslint: {error}", err=True)
    out = render_json(files, folders) if fmt == "json" else render_text(files, folders, sections)
    click.echo(out, nl=False)
    sys.exit(EXIT_ERROR if errors else EXIT_OK)


_GC_HELD = False


def _collect_again() -> None:
    """Resume garbage collection held by main() since start-up, the data loaded so far frozen."""
    global _GC_HELD
    if _GC_HELD:
        _GC_HELD = False
        gc.freeze()
        gc.enable()


def main() -> None:
    global _GC_HELD
    if sys.argv[1:2] == ["check"]:
        # no collection while the rules load their data (marshal'd word lists: hundreds of thousands of
        # objects the collector would walk again and again, ~7% of a one-article run); after the first
        # file the data is frozen out of the collector's reach and collection resumes (_collect_again)
        gc.disable()
        _GC_HELD = True
    try:
        cli(prog_name="newslint")
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_ERROR)


def run() -> None:
    """The console script: ``main()``, then the process ends without the interpreter's teardown, which
    frees the rules' data object by object (0.05-0.1 s after a `check` of many files). The standard
    streams are flushed and the atexit handlers run first; an exit they cannot take goes the usual way."""
    from newslint import regexcache

    regexcache.install()  # the rules' patterns, compiled by earlier runs
    try:
        main()
    except SystemExit as exc:
        import atexit

        code = 0 if exc.code is None else exc.code
        run_exitfuncs = getattr(atexit, "_run_exitfuncs", None)
        if type(code) is not int or run_exitfuncs is None or not _flushed():
            raise
        run_exitfuncs()
        _flushed()
        os._exit(code)


def _flushed() -> bool:
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe or stream: the usual exit reports it
        return False
    return True
