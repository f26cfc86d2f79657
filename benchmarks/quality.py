"""Quality benchmark: every figure beside its plain-library anchor and its goal, in one run.

Usage (from the repository root):

    PYTHONPATH=src python benchmarks/quality.py [--only NAME ...] [--no-write]

Each module `benchmarks/quality_*.py` exposes `rows() -> list[dict]` with the keys of `COLUMNS`.
The runner imports them all (sorted by name), prints one Markdown table and writes it to
`docs/quality.md`, after the notes each module gives in its docstring. With `--only`, the file
is updated instead: the rows of the parts the named modules measured (the `part` column) and
their notes are replaced where they stand, every other row and note is kept. Development data only:
`../shared/data/` (held-out parts), labelled sets under `benchmarks/data/`, the seed gold.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = ROOT / "docs" / "quality.md"
COLUMNS = ("part", "measured_on", "metric", "value", "anchor", "anchor_value", "goal", "met")


def modules(only: list[str] | None = None) -> list[ModuleType]:
    """Every quality_*.py module next to this file (or only those named), sorted by name."""
    sys.path.insert(0, str(HERE))
    names = sorted(p.stem for p in HERE.glob("quality_*.py"))
    if only:
        names = [n for n in names if n.removeprefix("quality_") in only or n in only]
    return [importlib.import_module(name) for name in names]


def cell(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "**no**"
    if isinstance(value, float):
        return f"{value:.3f}"
    return "" if value is None else str(value).replace("|", "\\|")


def table(rows: list[dict[str, Any]]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + " --- |" * len(COLUMNS)]
    lines += ["| " + " | ".join(cell(row.get(c)) for c in COLUMNS) + " |" for row in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="module names, e.g. sentiment topics")
    parser.add_argument("--no-write", action="store_true", help=f"print only, do not write {OUT.name}")
    args = parser.parse_args()
    rows: list[dict[str, Any]] = []
    notes: list[str] = []
    for module in modules(args.only):
        start = time.perf_counter()
        got = module.rows()
        missing = [c for c in COLUMNS for row in got if c not in row]
        if missing:
            raise SystemExit(f"{module.__name__}.rows(): missing keys {sorted(set(missing))}")
        rows += got
        seconds = time.perf_counter() - start
        notes.append(f"## {module.__name__}.py ({seconds:.0f} s)\n\n{(module.__doc__ or '').strip()}")
        print(f"{module.__name__}: {len(got)} rows in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    text = table(rows)
    print(text)
    if args.no_write:
        return
    if args.only and OUT.exists():
        text, notes = merged(OUT.read_text(encoding="utf-8"), rows, notes)
    OUT.write_text(
        "# Quality on development data\n\n"
        "Written by `PYTHONPATH=src python benchmarks/quality.py` (do not edit by hand). Each figure\n"
        "stands beside its anchor (a plain library call on the same texts, in the same run) and its\n"
        "goal (issue 9). `met` says whether the goal holds here; the reserved halves of these sets are\n"
        "the independent check.\n\n" + text + "\n\n" + "\n\n".join(notes) + "\n",
        encoding="utf-8",
    )


def merged(written: str, rows: list[dict[str, Any]], notes: list[str]) -> tuple[str, list[str]]:
    """The table and notes of `written` (a docs/quality.md) with the rows of the parts in `rows`
    and the notes of the modules in `notes` replaced where they stood (new ones appended)."""
    lines = written.split("\n")
    header = lines.index("| " + " | ".join(COLUMNS) + " |")
    end = next((i for i in range(header + 2, len(lines)) if not lines[i].startswith("|")), len(lines))
    parts = {cell(row["part"]) for row in rows}
    new_lines = table(rows).split("\n")[2:]
    kept: list[str] = []
    for line in lines[header + 2:end]:
        if line.split(" | ")[0].removeprefix("| ") not in parts:
            kept.append(line)
        elif new_lines:
            kept += new_lines
            new_lines = []
    text = "\n".join([*lines[header:header + 2], *kept, *new_lines])
    old_notes = [("## " + n if i else n).strip() for i, n in enumerate("\n".join(lines[end:]).strip().split("\n## "))]
    fresh = {n.split(" (")[0]: n for n in notes}
    out = [fresh.pop(n.split(" (")[0], n) for n in old_notes]
    return text, out + list(fresh.values())


if __name__ == "__main__":
    main()
