"""`newslint stats`: readability metrics per article (and section), with the median and spread per folder."""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field

from newslint.metrics import METRICS

INTS = ("words", "sentences")


@dataclass
class FileStats:
    path: str
    metrics: dict[str, float]
    sections: list[dict] = field(default_factory=list)


@dataclass
class FolderStats:
    path: str
    files: list[FileStats]

    @property
    def scored(self) -> list[FileStats]:
        """The articles with prose; empty ones have no scores and stay out of the summary."""
        return [f for f in self.files if f.metrics["words"]]

    def summary(self) -> dict[str, dict[str, float]]:
        """median, p25, p75, min and max of every metric across the folder's articles with prose."""
        out: dict[str, dict[str, float]] = {k: {} for k in ("median", "p25", "p75", "min", "max")}
        if not self.scored:
            return out
        for name in METRICS:
            values = sorted(f.metrics[name] for f in self.scored)
            if len(values) > 1:
                p25, _, p75 = statistics.quantiles(values, n=4, method="inclusive")
            else:
                p25 = p75 = values[0]
            for label, v in (
                ("median", statistics.median(values)),
                ("p25", p25),
                ("p75", p75),
                ("min", values[0]),
                ("max", values[-1]),
            ):
                out[label][name] = v
        return out


def collect(paths: tuple[str, ...], resolver) -> tuple[list[FileStats], list[FolderStats], list[str]]:
    """Metrics of every article under ``paths``; the folders given; one-line errors."""
    from newslint.document import parse
    from newslint.errors import NewslintError
    from newslint.files import discover, is_excluded, path_kind, read_source
    from newslint.metrics import document_metrics

    done: dict[str, FileStats] = {}
    folders: list[tuple[str, list[str]]] = []
    errors: list[str] = []
    for raw in paths:
        kind = path_kind(raw)
        if kind is None:
            errors.append(f"{raw}: no such file or folder")
            continue
        names: list[str] = []
        unreadable: list[str] = []
        found = discover([raw], unreadable)
        errors.extend(unreadable)
        for path in found:
            config = resolver.for_path(path)
            if kind == "dir" and is_excluded(path, config.exclude, config.root):
                continue
            key = str(path)
            if key not in done:
                try:
                    source = read_source(path, config.max_file_size)
                except NewslintError as exc:
                    errors.append(str(exc))
                    continue
                data = document_metrics(parse(source.path, source.text))
                done[key] = FileStats(key, data["metrics"], data["sections"])
            names.append(key)
        if kind == "dir":
            folders.append((raw, names))
    files = sorted(done.values(), key=lambda f: f.path)
    return files, [FolderStats(name, [done[k] for k in keys]) for name, keys in folders if keys], errors


def _cell(name: str, value: float | None) -> str:
    if value is None:
        return "-"
    return str(round(value)) if name in INTS else f"{value:.1f}"


def render_text(files: list[FileStats], folders: list[FolderStats], with_sections: bool) -> str:
    header = ["article", *(label for label, _ in METRICS.values())]
    rows: list[list[str]] = []
    for f in files:
        rows.append([f.path, *(_cell(k, f.metrics[k]) for k in METRICS)])
        if with_sections:
            for sec in f.sections:
                title = sec["title"] or "(opening)"
                if len(title) > 36:
                    title = title[:35].rstrip() + "…"
                rows.append([f"  {sec['line']}: {title}", *(_cell(k, sec["metrics"][k]) for k in METRICS)])
    for folder in folders:
        summary = folder.summary()
        n = len(folder.scored)
        rows.append([f"{folder.path} ({n} article{'s' if n != 1 else ''} with prose)", *([""] * len(METRICS))])
        if not n:
            continue
        for label in ("median", "p25", "p75", "min", "max"):
            rows.append([f"  {label}", *(_cell(k, summary[label][k]) for k in METRICS)])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for r in [header, *rows]:
        cells = [r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:], widths[1:])]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def render_json(files: list[FileStats], folders: list[FolderStats]) -> str:
    data = {
        "files": [{"path": f.path, "metrics": f.metrics, "sections": f.sections} for f in files],
        "folders": [{"path": d.path, "articles": len(d.scored), **d.summary()} for d in folders],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def legend() -> str:
    """One line per metric: what it means and what range news usually aims for."""
    width = max(len(label) for label, _ in METRICS.values())
    return "\n".join(f"{label:<{width}}  {meaning}" for label, meaning in METRICS.values())
