"""Writers: tables to CSV files that are safe to open in a spreadsheet."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from commentscope.outputs.folder import checkpoint
from commentscope.results import Analysis

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: object) -> object:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe (OWASP advice)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot start a formula; numbers are left alone."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise_formula)
    return safe


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write one table as UTF-8 CSV with '\\n' line ends, deterministic for the same input."""
    checkpoint(f"file:{path.name}")
    path.parent.mkdir(parents=True, exist_ok=True)
    spreadsheet_safe(frame).to_csv(path, index=False, lineterminator="\n")
    return path


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Write each named table to out_dir/NAME.csv."""
    return [write_csv(frame, out_dir / f"{name}.csv") for name, frame in tables.items()]


def write_outputs(analysis: Analysis, out_dir: Path, *, tables: bool = True) -> list[Path]:
    """Write the CSV tables (unless `tables` is False), the charts and report.html; their paths."""
    from commentscope.charts import render_charts, write_chart_pngs
    from commentscope.report import write_report

    written = write_tables(analysis.tables(), out_dir) if tables else []
    charts = render_charts(analysis)  # drawn once, for the PNG files and the report
    written += write_chart_pngs(charts, out_dir)
    return [*written, write_report(analysis, out_dir, charts)]
